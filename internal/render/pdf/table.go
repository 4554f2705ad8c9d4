package pdf

import "github.com/partnership-tools/mou/internal/layout"

// Table cell padding, in millimetres.
const (
	cellPadX = 2
	cellPadY = 1.5
)

// tableCell is a cell's content ready for layout.
type tableCell struct {
	words []word // split once, to measure and then to wrap
	align alignment
	lines []line
}

// tableRow is a row of cells; header rows are shaded and repeated.
type tableRow struct {
	cells  []tableCell
	header bool
}

// table lays out a GFM table: column widths from the content, cells
// wrapped within their columns, rows kept whole, and the header repeated
// on every page the table reaches.
func (l *layouter) table(n *layout.Table) {
	rows, cols := l.tableRows(n)
	if l.err != nil || len(rows) == 0 || cols == 0 {
		return
	}
	widths := l.columnWidths(rows, cols)
	for i := range rows {
		for j := range rows[i].cells {
			c := &rows[i].cells[j]
			c.lines = wrapWords(l.m, c.words, widths[j]-2*cellPadX)
		}
	}
	l.gap(l.paragraphGap())
	tf := &tableFlow{}
	start := len(l.flow.boxes)
	headers, body := 0, 0
	prevRow, lastPair := -1, -1 // starts of the body row before and of the last two rows
	for i, row := range rows {
		rowStart := len(l.flow.boxes)
		if !row.header {
			lastPair, prevRow = prevRow, rowStart
		}
		stripe := !row.header && body%2 == 1
		l.tableRowBoxes(row, widths, stripe, i == 0, tf)
		l.flow.keep(rowStart, len(l.flow.boxes))
		if row.header {
			headers++
			continue
		}
		body++
		if body == 1 && headers > 0 {
			// the header never ends a page without a row under it
			l.flow.keep(start, len(l.flow.boxes))
		}
	}
	if lastPair >= 0 {
		// the last row never opens a page alone: it keeps with the row
		// before
		l.flow.keep(lastPair, len(l.flow.boxes))
	}
	for i := range l.flow.boxes {
		b := &l.flow.boxes[i]
		if b.table == tf && b.tableHeader {
			tf.header = append(tf.header, *b)
			tf.height += b.height
		}
	}
	for i := range tf.header {
		tf.header[i].keepEnds, tf.header[i].keepNext = nil, 0
	}
	l.gap(l.paragraphGap())
}

// tableRows collects the header and body rows of a table, with the number
// of columns.
func (l *layouter) tableRows(n *layout.Table) ([]tableRow, int) {
	cols := len(n.Alignments)
	var rows []tableRow
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		header := r.(*layout.TableRow).Header
		st := l.bodyStyle()
		st.size = l.theme.BodySize * 0.9
		if header {
			st.face, st.colour = faceBold, l.theme.Heading
		}
		row := tableRow{header: header}
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cell := tableCell{words: words(l.m, l.inlineRuns(c, st))}
			if tc, ok := c.(*layout.TableCell); ok {
				cell.align = cellAlignment(tc.Alignment)
			}
			row.cells = append(row.cells, cell)
		}
		cols = max(cols, len(row.cells))
		rows = append(rows, row)
	}
	for i := range rows {
		for len(rows[i].cells) < cols {
			rows[i].cells = append(rows[i].cells, tableCell{})
		}
	}
	return rows, cols
}

// cellAlignment converts a GFM column alignment.
func cellAlignment(a layout.Alignment) alignment {
	switch a {
	case layout.AlignCentre:
		return alignCentre
	case layout.AlignRight:
		return alignRight
	}
	return alignLeft
}

// columnWidths shares the column width out between the table's columns:
// each gets at least its widest word where that fits, and the rest goes to
// columns in proportion to how much more they would need to sit on one line.
// The table always spans the column.
// shortCell is the share of the line below which a cell is never wrapped.
const shortCell = 0.15

func (l *layouter) columnWidths(rows []tableRow, cols int) []float64 {
	avail := l.width()
	narrow := make([]float64, cols)
	wide := make([]float64, cols)
	for _, row := range rows {
		for j, c := range row.cells {
			n, w := extent(c.words)
			// Keep short cells, such as dates and phone numbers, on
			// one line: wrapping "16 July 2027" helps no one.
			if w <= avail*shortCell {
				n = w
			}
			narrow[j] = max(narrow[j], n+2*cellPadX)
			wide[j] = max(wide[j], w+2*cellPadX)
		}
	}
	var sumN, sumW float64
	for j := range narrow {
		narrow[j] = min(max(narrow[j], 2*cellPadX+4), avail*0.4)
		wide[j] = max(wide[j], narrow[j])
		sumN += narrow[j]
		sumW += wide[j]
	}
	out := make([]float64, cols)
	for j := range out {
		switch {
		case sumW <= avail:
			out[j] = wide[j] + (avail-sumW)*wide[j]/sumW
		case sumN >= avail:
			out[j] = avail * narrow[j] / sumN
		default:
			out[j] = narrow[j] + (wide[j]-narrow[j])*(avail-sumN)/(sumW-sumN)
		}
	}
	return out
}

// tableRowBoxes adds a row as slices one text line high, the first and
// last carrying the padding, so a row taller than a page can still break.
func (l *layouter) tableRowBoxes(row tableRow, widths []float64, stripe, first bool, tf *tableFlow) {
	size := l.theme.BodySize * 0.9
	lh := mm(size) * 1.32
	bl := l.baseline(size, lh)
	n := 1
	for _, c := range row.cells {
		n = max(n, len(c.lines))
	}
	x0 := l.left
	width := l.width()
	for k := 0; k < n; k++ {
		h, pad := lh, 0.0
		if k == 0 {
			h += cellPadY
			pad = cellPadY
		}
		last := k == n-1
		if last {
			h += cellPadY
		}
		k := k
		draw := func(c canvas, top float64) {
			switch {
			case row.header:
				c.SetFillColour(l.theme.TableHeaderFill)
				c.FillRect(x0, top, width, h)
			case stripe:
				c.SetFillColour(l.theme.TableStripe)
				c.FillRect(x0, top, width, h)
			}
			if k == 0 && (first || row.header) {
				c.SetDrawColour(l.theme.Heading)
				c.SetLineWidth(0.4)
				c.Line(x0, top, x0+width, top)
			}
			x := x0
			for j, cell := range row.cells {
				if k < len(cell.lines) {
					ln := cell.lines[k]
					inner := widths[j] - 2*cellPadX
					l.drawLine(c, ln, x+cellPadX+cell.align.offset(ln.width, inner), top+pad, bl, lh, nil, 0)
				}
				x += widths[j]
			}
			if last {
				c.SetDrawColour(l.theme.Rule)
				c.SetLineWidth(0.2)
				if row.header {
					c.SetDrawColour(l.theme.Heading)
					c.SetLineWidth(0.4)
				}
				c.Line(x0, top+h, x0+width, top+h)
			}
		}
		idx := l.content(h, pad+bl, draw)
		b := &l.flow.boxes[idx]
		b.table, b.tableHeader = tf, row.header
	}
}
