// Package docx writes a document as a Word file (Office Open XML), from
// the same layout tree as the PDF: Word's own styles for the title,
// headings, lists and tables, so that restyling "Heading 1" in Word
// restyles every heading and the navigation pane and a table of contents
// work; header rows that repeat and rows that never split; signature
// blocks kept on one page; "Page X of Y" as PAGE and NUMPAGES fields; the
// title, authors and language in the document properties; and the
// redline's Insert and Delete nodes as tracked changes that Word's Review
// pane lists and can accept or reject.
//
// No library is used: the Go ones we looked at either cannot write
// tracked changes and fields or do not give the same bytes for the same
// input, and the part of the format mou needs is small. The package is
// a few XML parts written as text into a zip with a fixed order and
// fixed times, so the same tree always gives the same bytes.
package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"time"

	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/theme"
)

// look is the theme as Word writes it: colours as six hex digits
// ("1B365D") and the font by the name Word knows it by.
type look struct {
	// Margins in millimetres.
	MarginTop, MarginBottom, MarginLeft, MarginRight float64

	BodySize float64 // body text size in points; headings scale from it
	Font     string  // the typeface of every style
	Justify  bool    // body paragraphs flush with both margins

	Text, Heading, Muted, Rule, TableHeaderFill string
}

// wordFonts are the faces a Word file names for each font family:
// fonts every Windows and Mac computer has.
var wordFonts = map[string]string{theme.Sans: "Arial", theme.Serif: "Times New Roman"}

// Renderer writes layout trees as Word files. It is safe for concurrent
// use.
type Renderer struct {
	theme        look
	pageW, pageH int // twentieths of a point
}

// New returns a Renderer for t, or an error if the theme is unusable.
func New(t theme.Theme) (*Renderer, error) {
	if err := t.Check(); err != nil {
		return nil, fmt.Errorf("docx: theme: %w", err)
	}
	_, w, h := t.PaperSize()
	l := look{
		MarginTop: t.MarginTop, MarginBottom: t.MarginBottom, MarginLeft: t.MarginLeft, MarginRight: t.MarginRight,
		BodySize: t.BodySize,
		Font:     wordFonts[t.FontFamily()],
		Justify:  t.Justify,
		Text:     t.Text.Hex(), Heading: t.Heading.Hex(), Muted: t.Muted.Hex(), Rule: t.Rule.Hex(), TableHeaderFill: t.TableHeaderFill.Hex(),
	}
	return &Renderer{theme: l, pageW: twips(w), pageH: twips(h)}, nil
}

// twips converts millimetres to twentieths of a point.
func twips(mm float64) int { return int(mm*1440/25.4 + 0.5) }

// fallbackDate stands in for a document without a date.
var fallbackDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Render writes tree as a Word file to w. Nothing is written if it fails.
func (r *Renderer) Render(w io.Writer, tree *layout.Tree, doc layout.Document) error {
	if doc.Date.IsZero() {
		doc.Date = fallbackDate
	}
	b := newBody(r, tree.Source, doc)
	if hasReferences(tree.Root) {
		// A first pass finds which clauses Word numbers, as a
		// cross-reference to one of them, perhaps before it, asks Word
		// for its number.
		first := newBody(r, tree.Source, doc)
		if err := first.document(tree.Root); err != nil {
			return err
		}
		b.wordNumbered = first.wordNumbered
	}
	if err := b.document(tree.Root); err != nil {
		return err
	}
	kept := b.keepLastMark(b.out.Bytes())
	b.out.Reset()
	b.out.Write(kept)
	var buf bytes.Buffer
	if err := r.pack(&buf, b, doc); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// hasReferences reports whether the tree holds a cross-reference.
func hasReferences(root ast.Node) bool {
	found := false
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		found = found || n.Kind() == layout.KindReference
		if found {
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// part is one file in the package.
type part struct {
	name string
	data []byte
}

// pack zips the parts in a fixed order with a fixed time.
func (r *Renderer) pack(w io.Writer, b *body, doc layout.Document) error {
	// The header and footer are written first, as they may hold tracked
	// changes whose ids follow the body's.
	hdr, ftr := b.header(), b.footer()
	var first []byte
	if b.hasFirstHeader() {
		first = b.firstHeader()
	}
	parts := []part{
		{"[Content_Types].xml", contentTypes(b.media, first != nil, b.comment != nil)},
		{"_rels/.rels", []byte(packageRels)},
		{"docProps/core.xml", coreProps(doc)},
		{"docProps/app.xml", []byte(appProps)},
		{"docProps/custom.xml", customProps(doc)},
		{"word/document.xml", b.xml(r)},
		{"word/_rels/document.xml.rels", b.rels()},
		{"word/styles.xml", styles(r.theme, doc.Language, b.textWidth())},
		{"word/numbering.xml", b.numbering()},
		{"word/settings.xml", settings(doc.DraftMark != "" || doc.Was != nil, b.fields)},
		{"word/header1.xml", hdr},
		{"word/footer1.xml", ftr},
	}
	if first != nil {
		parts = append(parts, part{"word/header2.xml", first})
	}
	if b.comment != nil {
		parts = append(parts, part{"word/comments.xml", b.comments()})
	}
	for _, m := range b.media {
		parts = append(parts, part{"word/media/" + m.name, m.data})
	}
	z := zip.NewWriter(w)
	// The zip's times are the document's date, in the local time that
	// zip stores, so that the same input always gives the same bytes.
	stamp := time.Date(doc.Date.Year(), doc.Date.Month(), doc.Date.Day(), 0, 0, 0, 0, time.UTC)
	if stamp.Year() < 1980 {
		stamp = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	for _, p := range parts {
		f, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return err
		}
		if _, err := f.Write(p.data); err != nil {
			return err
		}
	}
	return z.Close()
}
