package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Renderer draws Markdown as PDF. It holds what is built once: the checked
// theme, the goldmark parser and the font metrics. A Renderer is safe for
// concurrent use by many goroutines.
type Renderer struct {
	theme  Theme
	paper  paperSize
	geo    geometry
	parser parser.Parser
	m      *fontMetrics
}

// New returns a Renderer for theme, or an error if the theme cannot lay out
// a page.
func New(theme Theme) (*Renderer, error) {
	paper, err := theme.check()
	if err != nil {
		return nil, err
	}
	m, err := loadMetrics()
	if err != nil {
		return nil, err
	}
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	return &Renderer{
		theme:  theme,
		paper:  paper,
		geo:    newGeometry(paper, theme),
		parser: md.Parser(),
		m:      m,
	}, nil
}

// Render draws markdown as a PDF and writes it to w. Nothing is written if
// rendering fails. Text the fonts cannot print is refused with an
// *UnprintableError; an unknown doc.ESign is an error too.
func (r *Renderer) Render(w io.Writer, markdown []byte, doc Document) error {
	if err := checkUTF8(markdown, doc); err != nil {
		return err
	}
	c := newFPDFCanvas(r.paper, doc)
	if err := r.draw(c, markdown, doc); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := c.output(&buf); err != nil {
		return err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("pdf: write: %w", err)
	}
	return nil
}

// draw lays out markdown and draws it on c. A panic is turned into an error
// so that one bad document cannot bring down the caller.
func (r *Renderer) draw(c canvas, markdown []byte, doc Document) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("pdf: internal error: %v", v)
		}
	}()
	for _, s := range []string{doc.Header, doc.Footer, doc.Reference} {
		if err := r.m.checkPrintable(s); err != nil {
			return err
		}
	}
	logos, err := decodeLogos(doc.Logos)
	if err != nil {
		return err
	}
	root := r.parser.Parse(text.NewReader(markdown))
	l := newLayouter(r.m, r.theme, r.geo, markdown, logos)
	t, err := newTagger(c, r.m, doc, l.signatureSpace())
	if err != nil {
		return err
	}
	if t != nil {
		c = t
	}
	f, err := l.layout(root)
	if err != nil {
		return err
	}
	paginate(c, f, r.geo, l.frame(doc))
	return nil
}

// ErrNotUTF8 is returned by Render for text that is not valid UTF-8,
// which fpdf cannot encode.
var ErrNotUTF8 = errors.New("pdf: text is not valid UTF-8")

func checkUTF8(markdown []byte, doc Document) error {
	if !utf8.Valid(markdown) {
		return fmt.Errorf("%w: the Markdown", ErrNotUTF8)
	}
	for _, s := range []string{doc.Title, doc.Subject, doc.Author, doc.Keywords, doc.Header, doc.Footer, doc.Reference} {
		if !utf8.ValidString(s) {
			return fmt.Errorf("%w: %q", ErrNotUTF8, s)
		}
	}
	return nil
}
