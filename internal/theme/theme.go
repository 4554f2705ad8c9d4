// Package theme is a document's look apart from its words: paper,
// margins, type size, line height, font, justification and colours. Every
// format reads the same theme, each what it can show: the PDF all of it,
// a Word file its paper, margins, type, font, justification and main
// colours, a web page its paper, type, font, justification and colours
// (a browser lays out the printed page itself). "mou theme" prints the
// built-in one as a theme file (see Parse).
package theme

import (
	"errors"
	"fmt"
	"strings"
)

// Colour is an RGB colour.
type Colour struct{ R, G, B uint8 }

// String is the colour as a theme file writes it, "#1b365d".
func (c Colour) String() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Hex is the colour as six hexadecimal digits, "1B365D".
func (c Colour) Hex() string { return fmt.Sprintf("%02X%02X%02X", c.R, c.G, c.B) }

// Theme is a document's look apart from its words.
type Theme struct {
	Paper string // "A4" (the default when empty) or "Letter"

	// Margins of the body text, in millimetres. The running header and
	// footer sit inside the top and bottom margins.
	MarginTop, MarginBottom, MarginLeft, MarginRight float64

	BodySize   float64 // body text size in points; headings scale from it
	LineHeight float64 // line height as a multiple of the type size
	Justify    bool    // body paragraphs flush with both margins
	Font       string  // the text's font family: Sans (the default) or Serif

	Text            Colour // body text
	Heading         Colour // headings and the title
	Muted           Colour // running header and footer, block quotes
	Link            Colour // links and autolinks
	Rule            Colour // thin rules: header, table rows, thematic breaks
	TableHeaderFill Colour // shading of table header rows
	TableStripe     Colour // tint of every other table body row
	CodeFill        Colour // background of code blocks and code spans
	QuoteBar        Colour // the bar left of a block quote
	SignatureBorder Colour // the box around a signature block
	DraftMark       Colour // the DRAFT mark across the pages of a draft
}

// The font families a theme may choose. Each format sets them in its own
// faces: the PDF in the Go fonts and Liberation Serif, which it embeds; a
// Word file and a web page in fonts every computer has.
const (
	Sans  = "sans"
	Serif = "serif"
)

// Default returns the house style: A4, 22 mm margins, 10.5 pt sans-serif
// type, navy headings and thin grey rules.
func Default() Theme {
	return Theme{
		Paper:           "A4",
		Font:            Sans,
		MarginTop:       24,
		MarginBottom:    24,
		MarginLeft:      22,
		MarginRight:     22,
		BodySize:        10.5,
		LineHeight:      1.45,
		Text:            Colour{0x22, 0x26, 0x2e},
		Heading:         Colour{0x1b, 0x36, 0x5d},
		Muted:           Colour{0x5f, 0x67, 0x73},
		Link:            Colour{0x1f, 0x5f, 0xa8},
		Rule:            Colour{0xb8, 0xc0, 0xcc},
		TableHeaderFill: Colour{0xe3, 0xe9, 0xf2},
		TableStripe:     Colour{0xf6, 0xf8, 0xfb},
		CodeFill:        Colour{0xf2, 0xf3, 0xf5},
		QuoteBar:        Colour{0x9f, 0xb3, 0xcf},
		SignatureBorder: Colour{0x8a, 0x99, 0xb0},
		DraftMark:       Colour{0xe6, 0xe9, 0xee},
	}
}

// papers are the supported sheets by their lower-case names: their
// names as written and their width and height in millimetres.
var papers = map[string]struct {
	name string
	w, h float64
}{
	"a4":     {"A4", 210, 297},
	"letter": {"Letter", 215.9, 279.4},
}

// Check reports whether the theme can lay out a page.
func (t Theme) Check() error {
	if _, ok := papers[strings.ToLower(t.paper())]; !ok {
		return fmt.Errorf("unknown paper %q (want A4 or Letter)", t.Paper)
	}
	for _, m := range []float64{t.MarginTop, t.MarginBottom, t.MarginLeft, t.MarginRight} {
		if m < 10 || m > 60 {
			return fmt.Errorf("margin %g mm is outside 10–60 mm", m)
		}
	}
	if t.BodySize < 6 || t.BodySize > 16 {
		return fmt.Errorf("body size %g pt is outside 6–16 pt", t.BodySize)
	}
	if t.LineHeight < 1 || t.LineHeight > 3 {
		return errors.New("line height must be between 1 and 3")
	}
	if f := t.FontFamily(); f != Sans && f != Serif {
		return fmt.Errorf("unknown font %q (want %s or %s)", t.Font, Sans, Serif)
	}
	return nil
}

func (t Theme) paper() string {
	if t.Paper == "" {
		return "A4"
	}
	return t.Paper
}

// PaperSize is the name ("A4", "Letter"), width and height in
// millimetres of the theme's sheet, which Check has found known.
func (t Theme) PaperSize() (name string, w, h float64) {
	p := papers[strings.ToLower(t.paper())]
	return p.name, p.w, p.h
}

// FontFamily is the theme's font family: Sans when none is named.
func (t Theme) FontFamily() string {
	if t.Font == "" {
		return Sans
	}
	return t.Font
}
