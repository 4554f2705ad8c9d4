package pdf

import (
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/partnership-tools/mou/internal/layout"
)

// Renderer draws a layout tree as PDF. It holds what is built once: the
// checked theme and the font metrics. A Renderer is safe for concurrent
// use by many goroutines.
type Renderer struct {
	theme Theme
	paper paperSize
	geo   geometry
	m     *fontMetrics
	esign string
}

// New returns a Renderer for theme, or an error if the theme cannot lay out
// a page. esign is "", or the e-signature service ([ESignDocuSeal] or
// [ESignDocumenso]) whose text tags are hidden in every signature block,
// white and in the room above the lines, so that on upload the service
// puts a signature field on the block's first line to sign on and a date
// field on its second. The page looks the same as without.
func New(theme Theme, esign string) (*Renderer, error) {
	switch esign {
	case "", ESignDocuSeal, ESignDocumenso:
	default:
		return nil, fmt.Errorf("pdf: unknown e-signature service %q (want %q or %q)", esign, ESignDocuSeal, ESignDocumenso)
	}
	paper, err := check(theme)
	if err != nil {
		return nil, err
	}
	m, err := metricsFor(theme.FontFamily())
	if err != nil {
		return nil, err
	}
	return &Renderer{
		theme: theme,
		paper: paper,
		geo:   newGeometry(paper, theme),
		m:     m,
		esign: esign,
	}, nil
}

// Render draws the tree as a PDF and writes it to w. Nothing is written if
// rendering fails. Text the fonts cannot print is refused with an
// *UnprintableError.
func (r *Renderer) Render(w io.Writer, tree *layout.Tree, doc layout.Document) error {
	data, err := r.pdf(tree, doc, false)
	if err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		return fmt.Errorf("pdf: write: %w", err)
	}
	return nil
}

// pdf draws the tree as a PDF, leaving the fonts' objects to fpdf if
// fpdfFonts is set (see fontobjects.go).
func (r *Renderer) pdf(tree *layout.Tree, doc layout.Document, fpdfFonts bool) ([]byte, error) {
	if err := checkUTF8(tree.Source, doc); err != nil {
		return nil, err
	}
	c := newFPDFCanvas(r.paper, doc)
	c.faces, c.fpdfFonts = r.m.faces, fpdfFonts
	c.ids = owners(tree, func(s layout.Signer) string { return s.ID })
	// A signing service given tags makes its own fields from them: form
	// fields as well would give each signer two places to sign.
	c.noFields = r.esign != ""
	if err := r.draw(c, tree, doc); err != nil {
		return nil, err
	}
	return c.output()
}

// draw lays out markdown and draws it on c. A panic is turned into an error
// so that one bad document cannot bring down the caller.
func (r *Renderer) draw(c canvas, tree *layout.Tree, doc layout.Document) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("pdf: internal error: %v", v)
		}
	}()
	for _, s := range []string{doc.Partnership, doc.Issued, doc.ReferenceLabel, doc.PageNumber(1, "1"), doc.DraftMark, doc.DraftNote, doc.ContentsTitle} {
		if err := r.m.checkPrintable(s); err != nil {
			return err
		}
	}
	logos, err := decodeLogos(doc.Logos)
	if err != nil {
		return err
	}
	t, err := newTagger(c, r.m, r.esign, owners(tree, func(s layout.Signer) string { return s.Name }), signatureRoom)
	if err != nil {
		return err
	}
	if t != nil {
		c = t
	}
	l := newLayouter(r.m, r.theme, r.geo, tree.Source, logos)
	f, err := l.layout(tree.Root)
	if err != nil {
		return err
	}
	l.addContents(f, doc.ContentsTitle)
	paginate(c, f, r.geo, l.frame(doc))
	return nil
}

// ErrNotUTF8 is returned by Render for text that is not valid UTF-8,
// which fpdf cannot encode.
var ErrNotUTF8 = errors.New("pdf: text is not valid UTF-8")

func checkUTF8(markdown []byte, doc layout.Document) error {
	if !utf8.Valid(markdown) {
		return fmt.Errorf("%w: the Markdown", ErrNotUTF8)
	}
	for _, s := range append([]string{doc.Title, doc.Partnership, doc.Keywords, doc.Issued, doc.ReferenceLabel, doc.PagePattern, doc.Language, doc.DraftMark, doc.DraftNote, doc.ContentsTitle}, doc.Parties...) {
		if !utf8.ValidString(s) {
			return fmt.Errorf("%w: %q", ErrNotUTF8, s)
		}
	}
	return nil
}
