package pdf

import "github.com/partnership-tools/mou/internal/layout"

// frameSize is the type size of the running header and footer, in points.
const frameSize = 8

// frame draws the running header and footer of a body page: the
// partnership over a thin rule, and "Version 2 · 1 September 2026 · Page X
// of Y" with the reference on the right under another.
func (l *layouter) frame(doc layout.Document) func(c canvas, page int) {
	g := l.geo
	st := textStyle{face: faceRegular, size: frameSize, colour: l.theme.Muted}
	width := g.right - g.left
	header := fitText(l.m, st, doc.Partnership, width)
	ref := fitText(l.m, st, doc.ReferenceLabel, width/2)
	refW := l.m.width(st.face, st.size, ref)
	return func(c canvas, page int) {
		c.SetDrawColour(l.theme.Rule)
		c.SetLineWidth(0.2)
		if header != "" {
			drawText(c, g.left, g.top-9, header, st)
			c.Line(g.left, g.top-7, g.right, g.top-7)
		}
		c.Line(g.left, g.bottom+7, g.right, g.bottom+7)
		left := doc.PageNumber(page, pageCountAlias)
		if doc.Issued != "" {
			room := width - refW - 8 - l.m.width(st.face, st.size, " · "+left)
			left = fitText(l.m, st, doc.Issued, room) + " · " + left
		}
		drawText(c, g.left, g.bottom+11.5, left, st)
		if ref != "" {
			drawText(c, g.right-refW, g.bottom+11.5, ref, st)
		}
	}
}

// fitText shortens s with an ellipsis until it fits in width.
func fitText(m *fontMetrics, st textStyle, s string, width float64) string {
	s = foldSpaces(s)
	if m.width(st.face, st.size, s) <= width {
		return s
	}
	rs := []rune(s)
	if len(rs) > 400 {
		rs = rs[:400]
	}
	for len(rs) > 0 {
		rs = rs[:len(rs)-1]
		t := string(rs) + "…"
		if m.width(st.face, st.size, t) <= width {
			return t
		}
	}
	return ""
}
