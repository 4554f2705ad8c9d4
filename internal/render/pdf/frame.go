package pdf

import "github.com/partnership-tools/mou/internal/layout"

// frameSize is the type size of the running header and footer, in points.
const frameSize = 8

// frame draws what surrounds the text of a page: on a body page, the
// running header and footer, the partnership over a thin rule, and
// "Version 2 · 1 September 2026 · Page X of Y" with the reference on the
// right under another; on every page of a draft, the draft marks.
func (l *layouter) frame(doc layout.Document) func(c canvas, page int, plain bool) {
	g := l.geo
	st := textStyle{face: faceRegular, size: frameSize, colour: l.theme.Muted}
	width := g.right - g.left
	header := fitText(l.m, st, doc.Partnership, width)
	ref := fitText(l.m, st, doc.ReferenceLabel, width/2)
	refW := l.m.width(st.face, st.size, ref)
	draft := l.draftMarks(doc)
	return func(c canvas, page int, plain bool) {
		draft(c, plain)
		if plain {
			return
		}
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

const (
	// draftMarkSize is the largest the draft mark is printed, in points;
	// it is made smaller to fit across the page.
	draftMarkSize = 120
	// draftMarkWidth is the share of the page's width the mark may take.
	draftMarkWidth = 0.7
)

// draftMarks returns what draws the marks of a draft on a page, behind
// the text: the mark, large and light across the middle of every page,
// and on a plain (title) page the note at the foot. It draws nothing for
// a final document.
func (l *layouter) draftMarks(doc layout.Document) func(c canvas, plain bool) {
	if doc.DraftMark == "" {
		return func(canvas, bool) {}
	}
	g := l.geo
	mark := textStyle{face: faceBold, size: draftMarkSize, colour: l.theme.DraftMark}
	if w := l.m.width(mark.face, mark.size, doc.DraftMark); w > g.pageW*draftMarkWidth {
		mark.size *= g.pageW * draftMarkWidth / w
	}
	markW := l.m.width(mark.face, mark.size, doc.DraftMark)
	note := textStyle{face: faceBold, size: l.theme.BodySize * 1.2, colour: l.theme.Muted}
	noteText := fitText(l.m, note, doc.DraftNote, g.right-g.left)
	noteW := l.m.width(note.face, note.size, noteText)
	return func(c canvas, plain bool) {
		drawText(c, (g.pageW-markW)/2, (g.pageH+l.m.ascent*mm(mark.size)*0.7)/2, doc.DraftMark, mark)
		if plain && noteText != "" {
			drawText(c, (g.pageW-noteW)/2, g.bottom-4, noteText, note)
		}
	}
}
