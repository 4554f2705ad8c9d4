package pdf

import (
	"slices"
	"strconv"
	"strings"
)

// A document longer than contentsMinPages pages gets a contents page after
// its title page, listing its sections with their page numbers.
const contentsMinPages = 6

// contentsLevel is the outline level of the sections the contents list:
// level 0 is the title page's own heading.
const contentsLevel = 1

// leaderPad is the space either side of the dot leaders, in millimetres.
const leaderPad = 1.5

// contentsEntry is a section and the page it starts on.
type contentsEntry struct {
	title string
	page  int
}

// contentsPage is what the layouter puts after the title page.
type contentsPage struct {
	title   string
	entries []contentsEntry
}

// outlineCounter is a canvas that draws nothing: it counts the pages and
// notes on which page each outline entry falls, after page skip.
type outlineCounter struct {
	pages   int
	skip    int
	entries []contentsEntry
}

func (o *outlineCounter) AddPage()                                             { o.pages++ }
func (o *outlineCounter) SetFont(face, float64)                                {}
func (o *outlineCounter) SetTextColour(Colour)                                 {}
func (o *outlineCounter) SetFillColour(Colour)                                 {}
func (o *outlineCounter) SetDrawColour(Colour)                                 {}
func (o *outlineCounter) SetLineWidth(float64)                                 {}
func (o *outlineCounter) Text(float64, float64, string)                        {}
func (o *outlineCounter) Line(float64, float64, float64, float64)              {}
func (o *outlineCounter) FillRect(float64, float64, float64, float64)          {}
func (o *outlineCounter) Link(float64, float64, float64, float64, string)      {}
func (o *outlineCounter) Image(*logoImage, float64, float64, float64, float64) {}
func (o *outlineCounter) SignatureLine(signatureLine)                          {}

// Bookmark notes a section after the pages skipped.
func (o *outlineCounter) Bookmark(title string, level int, _ float64) {
	if level == contentsLevel && o.pages > o.skip {
		o.entries = append(o.entries, contentsEntry{title, o.pages})
	}
}

// addContents puts a contents page headed title after the title page of
// f when f runs past contentsMinPages pages. The page numbers are found
// by paginating without drawing; the contents page moves what follows it
// on, so they are found again until they hold (once more in practice:
// the page takes the same room whatever the numbers).
func (l *layouter) addContents(f *flow, title string) {
	if title == "" || l.afterTitle < 0 {
		return
	}
	// The sections are what follows the title page, and whatever comes
	// before it (a redline's summary page): its subtitles are not sections.
	front := paginate(&outlineCounter{}, &flow{boxes: f.boxes[:l.afterTitle]}, l.geo, func(canvas, int, bool) {})
	count := func() *outlineCounter {
		o := &outlineCounter{skip: front}
		paginate(o, f, l.geo, func(canvas, int, bool) {})
		return o
	}
	o := count()
	if o.pages <= contentsMinPages || len(o.entries) == 0 {
		return
	}
	at, n := l.afterTitle, 0 // the contents page is f.boxes[at:at+n]
	entries := o.entries
	for range 3 {
		cl := newLayouter(l.m, l.theme, l.geo, l.src, nil)
		cl.contentsBoxes(&contentsPage{title: title, entries: entries})
		f.splice(at, n, cl.flow.boxes)
		n = len(cl.flow.boxes)
		next := count().entries
		if slices.Equal(next, entries) {
			return
		}
		entries = next
	}
}

// contentsBoxes lays out the contents page: its title, then a line for
// each section, its title on the left and its page on the right, joined
// by dot leaders.
func (l *layouter) contentsBoxes(cp *contentsPage) {
	body := l.theme.BodySize
	head := textStyle{face: faceBold, size: body * 1.38, colour: l.theme.Heading}
	h := l.lineHeight(head.size)
	bl := l.baseline(head.size, h)
	x0 := l.left
	l.content(h, bl, func(c canvas, top float64) { drawText(c, x0, top+bl, cp.title, head) })
	l.gap(4)
	st := l.bodyStyle()
	dot := l.m.width(st.face, st.size, ". ")
	lh := l.lineHeight(st.size) * 1.25
	lbl := l.baseline(st.size, lh)
	x1 := l.right
	for _, e := range cp.entries {
		num := strconv.Itoa(e.page)
		numW := l.m.width(st.face, st.size, num)
		title := fitText(l.m, st, e.title, x1-x0-numW-4*dot)
		titleW := l.m.width(st.face, st.size, title)
		lead := textStyle{face: st.face, size: st.size, colour: l.theme.Muted}
		leaders := l.leaders(lead, x1-x0-numW-titleW-2*leaderPad)
		leadW := l.m.width(lead.face, lead.size, leaders)
		l.content(lh, lbl, func(c canvas, top float64) {
			y := top + lbl
			drawText(c, x0, y, title, st)
			drawText(c, x1-numW, y, num, st)
			if leaders != "" {
				drawText(c, x1-numW-leaderPad-leadW, y, leaders, lead)
			}
		})
	}
	l.pageBreak()
}

// leaders returns dots spaced out to fill at most width in style st.
func (l *layouter) leaders(st textStyle, width float64) string {
	n := int(width / l.m.width(st.face, st.size, ". "))
	for ; n > 0; n-- {
		if s := strings.TrimSpace(strings.Repeat(". ", n)); l.m.width(st.face, st.size, s) <= width {
			return s
		}
	}
	return ""
}
