package pdf

import (
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/layout"
)

// alignment is the horizontal alignment of lines in their column.
type alignment uint8

const (
	alignLeft alignment = iota
	// alignJustify is alignLeft with every line but the last of its
	// paragraph stretched at its spaces to the full width.
	alignJustify
	alignCentre
	alignRight
)

// offset returns how far a line w wide starts from the left of a column
// width wide.
func (a alignment) offset(w, width float64) float64 {
	switch a {
	case alignCentre:
		return max(0, (width-w)/2)
	case alignRight:
		return max(0, width-w)
	}
	return 0
}

// block lays out one block node.
func (l *layouter) block(n ast.Node) {
	if l.mouBlock(n) {
		return
	}
	switch n := n.(type) {
	case *ast.Heading:
		l.heading(n)
	case *ast.Paragraph:
		l.paragraph(n, l.paragraphGap())
	case *ast.TextBlock:
		l.paragraph(n, l.itemGap())
	case *ast.List:
		l.list(n)
	case *ast.Blockquote:
		l.blockquote(n)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		l.codeBlock(n)
	case *ast.ThematicBreak:
		l.thematicBreak()
	case *ast.HTMLBlock:
		l.htmlBlock(n)
	case *layout.Table:
		l.table(n)
	default:
		if c := n.FirstChild(); c != nil && c.Type() == ast.TypeInline {
			l.paragraph(n, l.paragraphGap())
			return
		}
		l.blocks(n)
	}
}

// introduces reports whether text ends in a colon, introducing what
// follows.
func introduces(runs []run) bool {
	return strings.HasSuffix(strings.TrimSpace(plainText(runs)), ":")
}

// paragraphGap is the space between paragraphs.
func (l *layouter) paragraphGap() float64 { return 0.6 * l.lineHeight(l.theme.BodySize) }

// itemGap is the space between the items of a tight list.
func (l *layouter) itemGap() float64 { return 0.2 * l.lineHeight(l.theme.BodySize) }

// paragraph lays out the inline content of n with gap around it.
func (l *layouter) paragraph(n ast.Node, gap float64) {
	st := l.bodyStyle()
	align := alignLeft
	if l.title {
		st.size = l.theme.BodySize * 1.15
		align = alignCentre
		gap = 0.5 * l.lineHeight(st.size)
	}
	if l.theme.Justify && !l.title && l.signature == nil {
		align = alignJustify
	}
	runs := l.inlineRuns(n, st)
	l.runsBlock(runs, st.size, align, gap)
}

// runsBlock wraps runs into lines of the current column and adds them as
// boxes with gap above and below, keeping the first two and last two lines
// of a paragraph together.
func (l *layouter) runsBlock(runs []run, size float64, align alignment, gap float64) {
	lines := wrap(l.m, runs, l.width())
	if len(lines) == 0 {
		if len(l.markers) > 0 {
			lines = []line{{size: size}}
		} else {
			return
		}
	}
	l.gap(gap)
	first, last := l.textLines(lines, size, align)
	if last-first >= 1 {
		l.flow.boxes[first].keepNext = 1
		l.flow.boxes[last-1].keepNext = max(l.flow.boxes[last-1].keepNext, 1)
	}
	if introduces(runs) {
		// "… as follows:" never ends a page: it goes with the first two
		// lines of what it introduces
		l.flow.boxes[last].keepNext = max(l.flow.boxes[last].keepNext, 2)
	}
	l.gap(gap)
}

// textLines adds one box per line and returns the indexes of the first and
// last. size is the type size of empty lines.
func (l *layouter) textLines(lines []line, size float64, align alignment) (first, last int) {
	x, width := l.left, l.width()
	for i, ln := range lines {
		s := ln.size
		if s == 0 {
			s = size
		}
		h := l.lineHeight(s)
		bl := l.baseline(s, h)
		sigs := l.signatureLines(ln)
		if len(sigs) > 0 {
			extra := l.signatureSpace()
			h += extra
			bl += extra
		}
		dx := align.offset(ln.width, width)
		stretch := 0.0
		if align == alignJustify && i < len(lines)-1 {
			stretch = l.stretch(ln, width)
		}
		idx := l.content(h, bl, func(c canvas, top float64) {
			l.drawLine(c, ln, x+dx, top, bl, h, sigs, stretch)
		})
		if i == 0 {
			first = idx
		}
		last = idx
	}
	return first, last
}

// drawLine draws a line's fragments from x, with the line's top at top and
// its baseline bl below that, each space widened by stretch.
func (l *layouter) drawLine(c canvas, ln line, x, top, bl, h float64, sigs []signatureLine, stretch float64) {
	y := top + bl
	shift := 0.0 // how far stretching has moved the fragment on
	for i, f := range ln.frags {
		if i > 0 && spaceBefore(ln, i) {
			shift += stretch
		}
		fx := x + f.x + shift
		if f.field {
			if len(sigs) > 0 {
				s := sigs[0]
				sigs = sigs[1:]
				s.X, s.Y, s.W = fx, y, f.w
				c.SetDrawColour(l.theme.Text)
				c.SetLineWidth(0.3)
				c.SignatureLine(s)
			}
			continue
		}
		if f.style.code {
			s := mm(f.style.size)
			c.SetFillColour(l.theme.CodeFill)
			c.FillRect(fx-0.4, y-l.m.ascent*s, f.w+0.8, (l.m.ascent+l.m.descent)*s)
		}
		w := f.w
		if stretch > 0 && !f.style.code && strings.Contains(f.text, " ") {
			words := strings.Split(f.text, " ")
			space := l.m.width(f.style.face, f.style.size, " ") + stretch
			wx := fx
			for _, wd := range words {
				drawText(c, wx, y, wd, f.style)
				wx += l.m.width(f.style.face, f.style.size, wd) + space
			}
			w += stretch * float64(len(words)-1)
			shift += stretch * float64(len(words)-1)
		} else {
			drawText(c, fx, y, f.text, f.style)
		}
		drawMark(c, fx, y, w, f.style)
		if f.style.link != "" {
			c.Link(fx, top, w, h, f.style.link)
		}
	}
}

// heading lays out a heading. Its number is part of its text. A heading
// keeps with the first two lines of what follows and gets an outline entry.
func (l *layouter) heading(n *ast.Heading) {
	if l.title {
		l.titleHeading(n)
		return
	}
	body := l.theme.BodySize
	var (
		size          float64
		before, after float64
		f             = faceBold
	)
	switch n.Level {
	case 1:
		size, before, after = body*1.9, 0, 3
	case 2:
		size, before, after = body*1.38, 8, 2.5
	case 3:
		size, before, after = body*1.14, 5.5, 1.5
	case 4:
		size, before, after = body, 4.5, 1
	case 5:
		size, before, after, f = body, 4, 1, faceBoldItalic
	default:
		size, before, after, f = body, 4, 1, faceItalic
	}
	st := textStyle{face: f, size: size, colour: l.theme.Heading}
	if n.Level != 1 {
		l.headingLines(n, st, alignLeft, before, after)
		return
	}
	last := l.headingLines(n, st, alignLeft, before, 1.5)
	l.flow.boxes[last].keepNext = 3
	x0, x1 := l.left, l.right
	l.content(1, 0, func(c canvas, top float64) {
		c.SetDrawColour(l.theme.Heading)
		c.SetLineWidth(0.5)
		c.Line(x0, top+0.25, x1, top+0.25)
	})
	l.gap(after + 2)
}

// headingLines lays out a heading's text in style st with its outline entry
// and keep-with-next rules, and returns the index of its last line.
func (l *layouter) headingLines(n *ast.Heading, st textStyle, align alignment, before, after float64) int {
	runs := l.inlineRuns(n, st)
	lines := wrap(l.m, runs, l.width())
	if len(lines) == 0 {
		lines = []line{{size: st.size}}
	}
	l.gap(before)
	first, last := l.textLines(lines, st.size, align)
	for i := first; i < last; i++ {
		l.flow.boxes[i].keepNext = 1
	}
	l.flow.boxes[last].keepNext = 2
	if title := plainText(runs); title != "" {
		level := min(n.Level-1, l.outline+1)
		l.outline = level
		b := &l.flow.boxes[first]
		inner := b.draw
		b.draw = func(c canvas, top float64) {
			c.Bookmark(title, level, top)
			inner(c, top)
		}
	}
	l.gap(after)
	return last
}

// blockquote lays out a block quote indented, in the muted colour, with a
// bar on its left.
func (l *layouter) blockquote(n *ast.Blockquote) {
	x := l.left
	bar := func(c canvas, top, h float64) {
		c.SetFillColour(l.theme.QuoteBar)
		c.FillRect(x, top, 0.9, h)
	}
	l.gap(l.paragraphGap())
	old := l.colour
	l.colour = l.theme.Muted
	l.decorate(bar, func() {
		l.indent(5, 0, func() { l.contained(func() { l.blocks(n) }) })
	})
	l.colour = old
	l.gap(l.paragraphGap())
}

// thematicBreak lays out a thin rule across the column.
func (l *layouter) thematicBreak() {
	x0, x1 := l.left, l.right
	l.gap(4)
	l.content(1, 0, func(c canvas, top float64) {
		c.SetDrawColour(l.theme.Rule)
		c.SetLineWidth(0.3)
		c.Line(x0, top+0.5, x1, top+0.5)
	})
	l.gap(4)
}

// codeBlock lays out a fenced or indented code block in the mono face on a
// shaded background, keeping indentation and breaking long lines.
func (l *layouter) codeBlock(n ast.Node) {
	const pad = 2.2
	st := textStyle{face: faceMono, size: l.theme.BodySize * 0.86, colour: l.colour}
	h := mm(st.size) * 1.4
	bl := l.baseline(st.size, h)
	perLine := max(1, int((l.width()-2*pad)/l.m.runeWidth(faceMono, st.size, 'M')))
	var rows []string
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		s := strings.TrimRight(string(seg.Value(l.src)), "\r\n")
		if err := l.m.checkPrintable(s); err != nil {
			l.err = err
			return
		}
		rows = append(rows, splitRunes(foldSpaces(expandTabs(s)), perLine)...)
	}
	if len(rows) == 0 {
		rows = []string{""}
	}
	x0, w := l.left, l.width()
	fill := func(c canvas, top, height float64) {
		c.SetFillColour(l.theme.CodeFill)
		c.FillRect(x0, top, w, height)
	}
	l.gap(l.paragraphGap())
	l.decorate(fill, func() {
		first := l.content(pad, pad+bl, nil)
		l.flow.boxes[first].keepNext = 1
		for _, row := range rows {
			row := row
			l.content(h, bl, func(c canvas, top float64) {
				if strings.TrimSpace(row) != "" {
					drawText(c, x0+pad, top+bl, row, st)
				}
			})
		}
		l.flow.boxes[len(l.flow.boxes)-1].keepNext = 1
		l.content(pad, 0, nil)
	})
	l.gap(l.paragraphGap())
}

// expandTabs replaces tabs with spaces up to the next multiple of four
// columns.
func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		if r == '\t' {
			n := 4 - col%4
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}

// splitRunes cuts s into pieces of at most n runes; an empty s gives one
// empty piece.
func splitRunes(s string, n int) []string {
	var out []string
	count, start := 0, 0
	for i := range s {
		if count == n {
			out = append(out, s[start:i])
			start, count = i, 0
		}
		count++
	}
	return append(out, s[start:])
}

// maxStretch is the most a space is widened to justify a line, in ems of
// the body text: a line that would need more is left ragged.
const maxStretch = 1.0

// stretch is how much to widen each space of ln to fill width, or 0 for a
// line that ends at a hard break, holds a line to sign on, has no space
// or would be stretched too far.
func (l *layouter) stretch(ln line, width float64) float64 {
	if ln.brk || ln.hasField() {
		return 0
	}
	n := 0
	for i, f := range ln.frags {
		if i > 0 && spaceBefore(ln, i) {
			n++
		}
		if !f.style.code {
			n += strings.Count(f.text, " ")
		}
	}
	if n == 0 {
		return 0
	}
	s := (width - ln.width) / float64(n)
	if s <= 0 || s > maxStretch*mm(l.theme.BodySize) {
		return 0
	}
	return s
}

// spaceBefore reports whether a space separates fragment i of ln from the
// one before.
func spaceBefore(ln line, i int) bool {
	prev := ln.frags[i-1]
	return ln.frags[i].x > prev.x+prev.w+wrapEpsilon
}
