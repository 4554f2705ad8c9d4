package pdf

import (
	"errors"
	"fmt"
	"strings"
)

// Colour is an RGB colour.
type Colour struct{ R, G, B uint8 }

// Theme is layout, apart from words: paper, margins, type size and colours.
type Theme struct {
	Paper string // "A4" (the default when empty) or "Letter"

	// Margins of the body text, in millimetres. The running header and
	// footer sit inside the top and bottom margins.
	MarginTop, MarginBottom, MarginLeft, MarginRight float64

	BodySize   float64 // body text size in points; headings scale from it
	LineHeight float64 // line height as a multiple of the type size
	Justify    bool    // body paragraphs flush with both margins
	Font       string  // the text's font family: FontSans (the default) or FontSerif

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

// DefaultTheme returns the house style: A4, 22 mm margins, 10.5 pt Go fonts,
// navy headings and thin grey rules.
func DefaultTheme() Theme {
	return Theme{
		Paper:           "A4",
		Font:            FontSans,
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

// paperSize is the width and height of a sheet, in millimetres.
type paperSize struct {
	name string
	w, h float64
}

// paperSizes lists the supported sheets by their lower-case names.
var paperSizes = map[string]paperSize{
	"a4":     {"A4", 210, 297},
	"letter": {"Letter", 215.9, 279.4},
}

// check reports whether the theme can lay out a page, and returns its paper.
func (t Theme) check() (paperSize, error) {
	name := t.Paper
	if name == "" {
		name = "A4"
	}
	paper, ok := paperSizes[strings.ToLower(name)]
	if !ok {
		return paperSize{}, fmt.Errorf("pdf: theme: unknown paper %q (want A4 or Letter)", t.Paper)
	}
	for _, m := range []float64{t.MarginTop, t.MarginBottom, t.MarginLeft, t.MarginRight} {
		if m < 10 || m > 60 {
			return paperSize{}, fmt.Errorf("pdf: theme: margin %g mm is outside 10–60 mm", m)
		}
	}
	if t.BodySize < 6 || t.BodySize > 16 {
		return paperSize{}, fmt.Errorf("pdf: theme: body size %g pt is outside 6–16 pt", t.BodySize)
	}
	if t.LineHeight < 1 || t.LineHeight > 3 {
		return paperSize{}, errors.New("pdf: theme: line height must be between 1 and 3")
	}
	if _, ok := families[t.font()]; !ok {
		return paperSize{}, fmt.Errorf("pdf: theme: unknown font %q (want %s or %s)", t.Font, FontSans, FontSerif)
	}
	return paper, nil
}

// font is the theme's font family; the Go fonts when none is named.
func (t Theme) font() string {
	if t.Font == "" {
		return FontSans
	}
	return t.Font
}
