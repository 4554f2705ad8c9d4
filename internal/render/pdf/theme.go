package pdf

import (
	"fmt"

	"github.com/partnership-tools/mou/internal/theme"
)

// Theme is the document's look apart from its words, which every format
// reads (see package theme).
type Theme = theme.Theme

// Colour is an RGB colour.
type Colour = theme.Colour

// paperSize is a sheet: its name and its width and height, in
// millimetres.
type paperSize struct {
	name string
	w, h float64
}

// check reports whether the theme can lay out a page, and returns its
// paper.
func check(t Theme) (paperSize, error) {
	if err := t.Check(); err != nil {
		return paperSize{}, fmt.Errorf("pdf: theme: %w", err)
	}
	name, w, h := t.PaperSize()
	return paperSize{name, w, h}, nil
}
