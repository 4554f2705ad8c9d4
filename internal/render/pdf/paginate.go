package pdf

// paginator cuts a flow into pages and draws it. Every box is visited once
// and starts at most one page, so pagination always ends.
type paginator struct {
	c      canvas
	boxes  []box
	sum    []float64 // sum[i] is the height of boxes[:i]
	top    float64
	bottom float64
	frame  func(c canvas, page int, plain bool) // draws what surrounds the text

	page    int
	y       float64
	fresh   bool // nothing of the flow drawn on this page yet
	pending bool // a page break is due before the next content
}

// paginate draws f on c, page by page, within the body area of g, and
// returns the number of pages.
func paginate(c canvas, f *flow, g geometry, frame func(c canvas, page int, plain bool)) int {
	p := &paginator{c: c, boxes: f.boxes, top: g.top, bottom: g.bottom, frame: frame}
	p.sum = make([]float64, len(f.boxes)+1)
	for i, b := range f.boxes {
		p.sum[i+1] = p.sum[i] + b.height
	}
	p.run()
	return p.page
}

// run places every box.
func (p *paginator) run() {
	for i := range p.boxes {
		b := &p.boxes[i]
		switch b.kind {
		case boxBreak:
			if p.page > 0 && !p.fresh {
				p.pending = true
			}
		case boxGap:
			if p.page == 0 || p.fresh || p.pending {
				continue
			}
			if p.y+b.height > p.bottom {
				p.pending = true
				continue
			}
			p.place(b)
		default:
			need := p.chunk(i)
			if p.page == 0 || p.pending || (!p.fresh && p.y+need > p.bottom+wrapEpsilon) {
				p.newPage(b)
			}
			p.place(b)
			p.fresh = false
		}
	}
	if p.page == 0 {
		p.newPage(nil)
	}
}

// place draws b at the current position and moves below it.
func (p *paginator) place(b *box) {
	for _, d := range b.decor {
		d(p.c, p.y, b.height)
	}
	if b.draw != nil {
		b.draw(p.c, p.y)
	}
	p.y += b.height
}

// newPage starts a page for next: with its frame, plain when next is
// title page material, and with the table header repeated when next
// continues a table.
func (p *paginator) newPage(next *box) {
	p.c.AddPage()
	p.page++
	p.y = p.top
	p.fresh, p.pending = true, false
	p.frame(p.c, p.page, next != nil && next.plain)
	if next != nil && next.table != nil && !next.tableHeader {
		for i := range next.table.header {
			p.place(&next.table.header[i])
		}
	}
}

// chunk returns the height of what must go on the same page as box i: the
// box itself, the widest keep range starting inside the chunk that fits on
// an empty page, and the boxes that headings and paragraph lines keep with
// them.
func (p *paginator) chunk(i int) float64 {
	avail := p.bottom - p.top
	if t := p.boxes[i].table; t != nil && !p.boxes[i].tableHeader {
		avail -= t.height
	}
	end := i + 1
	for j := i; j < end; j++ {
		b := &p.boxes[j]
		for _, e := range b.keepEnds {
			if e > end && p.span(i, e) <= avail {
				end = e
			}
		}
		if b.keepNext > 0 {
			if e := p.following(j, b.keepNext); e > end && p.span(i, e) <= avail {
				end = e
			}
		}
	}
	return p.span(i, end)
}

// span is the height of boxes[i:j].
func (p *paginator) span(i, j int) float64 { return p.sum[j] - p.sum[i] }

// following returns the end of the n content boxes after box j, stopping
// at a page break.
func (p *paginator) following(j, n int) int {
	k := j + 1
	for ; k < len(p.boxes) && n > 0; k++ {
		switch p.boxes[k].kind {
		case boxBreak:
			return k
		case boxContent:
			n--
		}
	}
	return k
}
