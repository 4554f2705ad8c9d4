package pdf

import (
	"fmt"
	"sync"
)

// maxCoveredRune bounds the coverage table: the Go fonts draw nothing beyond
// the Basic Multilingual Plane.
const maxCoveredRune = 0xFFFF

// ptPerMM converts millimetres to points.
const ptPerMM = 72 / 25.4

// fontMetrics is what the layout needs from one font family: which runes
// it can draw and how wide each glyph is.
type fontMetrics struct {
	// faces are the family's faces.
	faces *[faceCount]faceInfo
	// slot maps a rune to 1 + its index in the widths tables, or 0 when some
	// face cannot draw it. It is the same for every family, so whether text
	// prints never depends on the theme.
	slot []uint16
	// widths holds glyph advances in thousandths of an em, per face and
	// slot, rounded exactly as fpdf rounds them.
	widths [faceCount][]uint16
	// ascent and descent of the regular face, in ems.
	ascent, descent float64
}

//go:generate go test -run TestMetricsTable -update
//go:generate go test -run TestFontDefsTable -update

var (
	metricsOnce sync.Once
	metricsVal  map[string]*fontMetrics
)

// loadMetrics returns the process-wide metrics of the sans-serif family.
func loadMetrics() (*fontMetrics, error) { return metricsFor(FontSans) }

// metricsFor returns the process-wide metrics of the named family.
func metricsFor(family string) (*fontMetrics, error) {
	metricsOnce.Do(func() { metricsVal = tabulatedMetrics() })
	m, ok := metricsVal[family]
	if !ok {
		return nil, fmt.Errorf("pdf: unknown font %q (want %q or %q)", family, FontSans, FontSerif)
	}
	return m, nil
}

// tabulatedMetrics builds each family's metrics from the tables in
// metrics_table.go, which TestMetricsTable measured from the fonts
// themselves at build time: parsing eight fonts with sfnt took longer
// than laying out a document.
func tabulatedMetrics() map[string]*fontMetrics {
	slot := make([]uint16, maxCoveredRune+1)
	n := uint16(0)
	for _, run := range coveredRuns {
		for r := run[0]; r <= run[1]; r++ {
			n++
			slot[r] = n
		}
	}
	out := map[string]*fontMetrics{}
	for name, t := range familyMetrics {
		out[name] = &fontMetrics{faces: families[name], slot: slot, widths: t.widths, ascent: t.ascent, descent: t.descent}
	}
	return out
}

// metricsTable is one family's measurements, as metrics_table.go holds
// them: each face's advances in the order of coveredRuns, and the
// regular face's ascent and descent in ems.
type metricsTable struct {
	widths          [faceCount][]uint16
	ascent, descent float64
}

// folded reports whether r is white space that the layout folds to a space
// (tabs, line and page breaks); such runes are never unprintable.
func folded(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r':
		return true
	}
	return false
}

// printable reports whether every face can draw r.
func (m *fontMetrics) printable(r rune) bool {
	return r >= 0 && r <= maxCoveredRune && m.slot[r] != 0
}

// width returns the width of s in face f at size points, in millimetres.
// Runes without a glyph count as zero; the layout refuses them earlier.
func (m *fontMetrics) width(f face, size float64, s string) float64 {
	total := 0
	w := m.widths[f]
	for _, r := range s {
		if r >= 0 && r <= maxCoveredRune {
			if i := m.slot[r]; i != 0 {
				total += int(w[i-1])
			}
		}
	}
	return float64(total) * size / 1000 / ptPerMM
}

// runeWidth returns the width of r in face f at size points, in millimetres.
func (m *fontMetrics) runeWidth(f face, size float64, r rune) float64 {
	if r < 0 || r > maxCoveredRune || m.slot[r] == 0 {
		return 0
	}
	return float64(m.widths[f][m.slot[r]-1]) * size / 1000 / ptPerMM
}

// Unprintable reports the runes of s that the embedded fonts cannot draw, in
// the order they first appear and without duplicates. Tabs and line breaks
// are not reported: the renderer folds them to spaces.
func Unprintable(s string) []rune {
	m, err := loadMetrics()
	if err != nil {
		return nil
	}
	var out []rune
	for _, r := range s {
		if folded(r) || m.printable(r) {
			continue
		}
		seen := false
		for _, o := range out {
			if o == r {
				seen = true
				break
			}
		}
		if !seen {
			out = append(out, r)
		}
	}
	return out
}

// UnprintableError is returned by Render for text the embedded fonts cannot
// draw.
type UnprintableError struct {
	Rune rune   // the first rune that cannot be drawn
	Text string // the text it appears in, for context
}

// Error names the rune as U+XXXX.
func (e *UnprintableError) Error() string {
	return fmt.Sprintf("pdf: the embedded fonts cannot print %U %q in %q", e.Rune, e.Rune, clip(e.Text, 60))
}

// checkPrintable returns an *UnprintableError for the first rune of s that
// the fonts cannot draw.
func (m *fontMetrics) checkPrintable(s string) error {
	for _, r := range s {
		if !folded(r) && !m.printable(r) {
			return &UnprintableError{Rune: r, Text: s}
		}
	}
	return nil
}

// clip shortens s to at most n runes, marking the cut with an ellipsis.
func clip(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j] + "…"
		}
		i++
	}
	return s
}
