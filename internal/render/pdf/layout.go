package pdf

import (
	"github.com/yuin/goldmark/ast"
)

// geometry is the page and its body area, in millimetres from the top left.
type geometry struct {
	pageW, pageH             float64
	left, right, top, bottom float64 // edges of the body area
}

// newGeometry places the body area on the paper.
func newGeometry(p paperSize, t Theme) geometry {
	return geometry{
		pageW: p.w, pageH: p.h,
		left: t.MarginLeft, right: p.w - t.MarginRight,
		top: t.MarginTop, bottom: p.h - t.MarginBottom,
	}
}

// minTextWidth is the narrowest the text column may become through nested
// lists and quotes; deeper nesting stops indenting.
const minTextWidth = 40

// marker is a list bullet or number waiting for the first line of its item.
type marker struct {
	x     float64 // left edge of the marker text
	text  string
	style textStyle
}

// layouter turns a goldmark syntax tree into a flow of boxes.
type layouter struct {
	m     *fontMetrics
	theme Theme
	geo   geometry
	src   []byte
	logos []*logoImage

	flow flow

	// the current text column and what is drawn beside it
	left, right float64
	decor       []decoration
	scope       int // changes whenever decor does, so gaps merge only within one scope
	scopes      int // scopes handed out so far
	colour      Colour
	markers     []marker
	tight       bool // inside a tight list
	bullets     int  // depth of bullet lists

	title         bool // inside the title page
	titleHeadings int  // headings seen on the title page
	signature     *signatureBlock
	signatures    int      // signature blocks so far
	paired        ast.Node // a signature block already laid out beside the one before
	afterTitle    int      // where the first title page ends in flow.boxes; -1 before
	holds         []hold
	outline       int // level of the last bookmark, -1 before the first

	err error
}

// newLayouter prepares to lay out src with the theme on geo.
func newLayouter(m *fontMetrics, theme Theme, geo geometry, src []byte, logos []*logoImage) *layouter {
	return &layouter{
		m: m, theme: theme, geo: geo, src: src, logos: logos,
		left: geo.left, right: geo.right,
		colour:     theme.Text,
		outline:    -1,
		afterTitle: -1,
	}
}

// layout lays out the whole document.
func (l *layouter) layout(doc ast.Node) (*flow, error) {
	l.blocks(doc)
	if l.err != nil {
		return nil, l.err
	}
	l.closeHolds()
	return &l.flow, nil
}

// blocks lays out n's children.
func (l *layouter) blocks(n ast.Node) {
	for c := n.FirstChild(); c != nil && l.err == nil; c = c.NextSibling() {
		l.block(c)
	}
}

// width is the width of the current text column.
func (l *layouter) width() float64 { return l.right - l.left }

// indent narrows the column by left and right millimetres for the duration
// of fn, unless that would make it too narrow.
func (l *layouter) indent(left, right float64, fn func()) {
	oldL, oldR := l.left, l.right
	if l.width()-left-right >= minTextWidth {
		l.left += left
		l.right -= right
	}
	fn()
	l.left, l.right = oldL, oldR
}

// decorate draws d beside every box laid out by fn.
func (l *layouter) decorate(d decoration, fn func()) {
	oldDecor, oldScope := l.decor, l.scope
	l.decor = append(l.decor[:len(l.decor):len(l.decor)], d)
	l.scopes++
	l.scope = l.scopes
	fn()
	l.decor, l.scope = oldDecor, oldScope
}

// gap asks for at least h of space before whatever comes next; adjacent
// gaps in the same scope merge into the larger one.
func (l *layouter) gap(h float64) {
	if n := len(l.flow.boxes); n > 0 {
		last := &l.flow.boxes[n-1]
		if last.kind == boxGap && last.scope == l.scope {
			last.height = max(last.height, h)
			return
		}
		if last.kind == boxBreak {
			return
		}
	} else {
		return
	}
	l.flow.add(box{kind: boxGap, height: h, decor: l.decor, scope: l.scope, plain: l.title})
}

// pageBreak asks for the next box to start a page.
func (l *layouter) pageBreak() {
	if n := len(l.flow.boxes); n > 0 && l.flow.boxes[n-1].kind == boxGap {
		l.flow.boxes = l.flow.boxes[:n-1]
	}
	l.flow.add(box{kind: boxBreak})
}

// content adds a content box of height h drawn by draw. Pending list markers
// are drawn with it, on the baseline at baseline below its top.
func (l *layouter) content(h, baseline float64, draw func(c canvas, top float64)) int {
	if ms := l.markers; len(ms) > 0 {
		l.markers = nil
		inner := draw
		draw = func(c canvas, top float64) {
			for _, mk := range ms {
				drawText(c, mk.x, top+baseline, mk.text, mk.style)
			}
			if inner != nil {
				inner(c, top)
			}
		}
	}
	return l.flow.add(box{kind: boxContent, height: h, draw: draw, decor: l.decor, scope: l.scope, plain: l.title})
}

// drawText draws s in style st with its baseline at y.
func drawText(c canvas, x, y float64, s string, st textStyle) {
	c.SetFont(st.face, st.size)
	c.SetTextColour(st.colour)
	c.Text(x, y, s)
}

// mm converts points to millimetres.
func mm(pt float64) float64 { return pt / ptPerMM }

// lineHeight is the height of a line of text of size points.
func (l *layouter) lineHeight(size float64) float64 { return mm(size) * l.theme.LineHeight }

// baseline is where the baseline of size-point text sits below the top of a
// line h high: the text is centred on the line.
func (l *layouter) baseline(size, h float64) float64 {
	s := mm(size)
	return (h-(l.m.ascent+l.m.descent)*s)/2 + l.m.ascent*s
}

// bodyStyle is the style of body text in the current context.
func (l *layouter) bodyStyle() textStyle {
	return textStyle{face: faceRegular, size: l.theme.BodySize, colour: l.colour}
}

// inlineRuns collects the runs of n's inline children in style st.
func (l *layouter) inlineRuns(n ast.Node, st textStyle) []run {
	in := inlines{src: l.src, m: l.m, link: l.theme.Link, fields: l.signature != nil}
	in.collect(n, st)
	if in.err != nil && l.err == nil {
		l.err = in.err
	}
	return in.runs
}
