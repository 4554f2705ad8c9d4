package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	_ "image/jpeg" // register JPEG for image.DecodeConfig
	_ "image/png"  // register PNG for image.DecodeConfig
	"time"

	"github.com/partnership-tools/mou/internal/layout"
)

// fallbackDate is the PDF date used when the document has no date.
var fallbackDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// logoImage is a logo checked and measured, ready to draw.
type logoImage struct {
	name   string // fpdf's name for the image: the same for the same bytes
	kind   string // "PNG" or "JPG"
	data   []byte
	width  int // pixels
	height int
}

// decodeLogos checks every logo as validate does and reads its size.
func decodeLogos(logos []layout.Logo) ([]*logoImage, error) {
	out := make([]*logoImage, 0, len(logos))
	for _, l := range logos {
		if err := CheckLogo(l.Data); err != nil {
			return nil, fmt.Errorf("pdf: logo %q: %w", l.Name, err)
		}
		cfg, _, _ := image.DecodeConfig(bytes.NewReader(l.Data))
		// Partners sharing one logo file share one image: fpdf lists
		// each image it was given by the hash of its bytes, so two names
		// for the same bytes put one key twice in the page resources.
		sum := sha256.Sum256(l.Data)
		out = append(out, &logoImage{
			name:   "logo-" + hex.EncodeToString(sum[:8]),
			kind:   imageKind(l.Data),
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
