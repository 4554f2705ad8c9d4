package pdf

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestJustify checks that with the theme's justify on, every line of a
// paragraph but its last ends at the right margin, and that with it off
// the lines are ragged.
func TestJustify(t *testing.T) {
	md := []byte(strings.Repeat("The partners agree to share *planning* and `data` with each other, termly. ", 12) +
		"\n\nShort line.  \nAfter a hard break, still a short line.\n")
	for _, justify := range []bool{true, false} {
		theme := DefaultTheme()
		theme.Justify = justify
		r, err := New(theme, "")
		if err != nil {
			t.Fatal(err)
		}
		rec := &recorder{}
		if err := r.draw(rec, parse(md), testDoc.Document); err != nil {
			t.Fatal(err)
		}
		ends := map[float64]float64{} // right end of each body line, by baseline
		for _, op := range strings.Split(rec.b.String(), "\n") {
			var x, y, size float64
			var faceName, colour, text string
			if _, err := fmt.Sscanf(op, "text %f,%f %s %f %s %q", &x, &y, &faceName, &size, &colour, &text); err != nil || size != theme.BodySize {
				continue
			}
			f := faceRegular
			for i, info := range faces {
				if info.name == faceName {
					f = face(i)
				}
			}
			ends[y] = max(ends[y], x+r.m.width(f, size, text))
		}
		ys := slices.Sorted(maps.Keys(ends))
		if len(ys) < 6 {
			t.Fatalf("%d lines", len(ys))
		}
		right := r.geo.right
		paragraph := ys[:len(ys)-3] // all but the paragraph's last line and the two short lines
		flush := 0
		for _, y := range paragraph {
			if right-ends[y] < 0.05 {
				flush++
			}
		}
		if justify && flush != len(paragraph) {
			t.Errorf("justified: %d of %d lines end at the margin", flush, len(paragraph))
		}
		if !justify && flush > 1 {
			t.Errorf("ragged: %d of %d lines end at the margin", flush, len(paragraph))
		}
		for _, y := range ys[len(ys)-3:] {
			if right-ends[y] < 5 {
				t.Errorf("justify %v: a last or broken line at %.2f was stretched", justify, y)
			}
		}
	}
}
