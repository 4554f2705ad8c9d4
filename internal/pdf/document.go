package pdf

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // register JPEG for image.DecodeConfig
	_ "image/png"  // register PNG for image.DecodeConfig
	"time"
)

// Document is what the renderer needs besides the Markdown: metadata and the
// running header and footer.
type Document struct {
	// PDF metadata. The language is always en-GB.
	Title, Subject, Author, Keywords string
	// Header is the running header on every page after the title page,
	// for example the partnership's name.
	Header string
	// Footer is the left part of the running footer, for example
	// "Version 2 · 1 September 2026"; " · Page X of Y" is appended.
	Footer string
	// Reference, when set, is printed on the right of the footer, for
	// example "Agreement ref. 7K2M-Q9XD".
	Reference string
	// Date is the PDF's creation and modification date. The clock is never
	// read: a zero Date gives 1 January 2000, so output stays reproducible.
	Date time.Time
	// Logos are shown side by side at the top of the title page.
	Logos []Logo
	// ESign, when set, makes the PDF ready for an e-signature service:
	// ESignDocuSeal or ESignDocumenso; any other value is an error. The
	// service's text tags are hidden in every signature block, white and
	// in the room above the lines, so that on upload the service puts a
	// signature field on the block's first "Signed:" line and a date field
	// on its first "Date:" line. The page looks the same as without.
	ESign string
	// Signers names who signs each signature block, in order, for example
	// the partners' names. DocuSeal takes them as role names, without
	// braces or semicolons; a block without one is signed by "Partner N",
	// N counting blocks from 1. Documenso numbers its recipients r1, r2
	// and so on by block, and ignores Signers.
	Signers []string
}

// Logo is an image shown on the title page.
type Logo struct {
	Name string // used in error messages
	Data []byte // PNG or JPEG; the type is detected from the bytes
}

// fallbackDate is the PDF date used when Document.Date is zero.
var fallbackDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// logoImage is a logo checked and measured, ready to draw.
type logoImage struct {
	name   string // unique name for fpdf's image registry
	kind   string // "PNG" or "JPG"
	data   []byte
	width  int // pixels
	height int
}

// decodeLogos checks that every logo is a PNG or JPEG that decodes, and reads
// its size.
func decodeLogos(logos []Logo) ([]*logoImage, error) {
	out := make([]*logoImage, 0, len(logos))
	for i, l := range logos {
		kind := imageKind(l.Data)
		if kind == "" {
			return nil, fmt.Errorf("pdf: logo %q: not a PNG or JPEG image", l.Name)
		}
		cfg, _, err := image.DecodeConfig(bytes.NewReader(l.Data))
		if err != nil {
			return nil, fmt.Errorf("pdf: logo %q: %w", l.Name, err)
		}
		if cfg.Width <= 0 || cfg.Height <= 0 {
			return nil, fmt.Errorf("pdf: logo %q: empty image", l.Name)
		}
		out = append(out, &logoImage{
			name:   fmt.Sprintf("logo%d", i+1),
			kind:   kind,
			data:   l.Data,
			width:  cfg.Width,
			height: cfg.Height,
		})
	}
	return out, nil
}

// imageKind returns fpdf's name for the image type of data, judged by its
// signature, or "" when it is neither PNG nor JPEG.
func imageKind(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "PNG"
	case bytes.HasPrefix(data, []byte{0xff, 0xd8, 0xff}):
		return "JPG"
	}
	return ""
}
