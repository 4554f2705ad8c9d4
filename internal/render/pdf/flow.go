package pdf

import "slices"

// boxKind says how the paginator treats a box.
type boxKind uint8

const (
	// boxContent is drawn where it falls and never split.
	boxContent boxKind = iota
	// boxGap is vertical space between blocks, dropped at the top of a page
	// and at a page break.
	boxGap
	// boxBreak starts a new page unless the current one is still empty.
	boxBreak
)

// decoration draws something behind a box over its full height, such as a
// block quote's bar or a code block's background. Drawing one per box keeps
// it continuous across lines and lets it break with the page.
type decoration func(c canvas, top, height float64)

// box is one unbreakable piece of the flow: a line of text, a slice of a
// table row, a rule or a gap.
type box struct {
	kind   boxKind
	height float64
	// draw draws the content with its top at top; nil for empty boxes.
	draw  func(c canvas, top float64)
	decor []decoration
	// scope identifies the decorations, so that only gaps drawn alike merge.
	scope int
	// keepNext is how many following content boxes must share this box's
	// page (headings, the first and last lines of a paragraph).
	keepNext int
	// keepEnds are the ends (exclusive box indexes) of keep-together ranges
	// starting at this box, from keep and signature hints and table rows.
	keepEnds []int
	// table is the table this box belongs to, so its header can be
	// repeated when the table continues on a new page.
	table *tableFlow
	// tableHeader marks the table's header rows.
	tableHeader bool
	// plain marks title page material: its page has no running header or
	// footer.
	plain bool
}

// tableFlow is what the paginator needs to repeat a table's header.
type tableFlow struct {
	header []box
	height float64 // total height of the header boxes
}

// flow is the laid-out document: boxes top to bottom, not yet cut into
// pages.
type flow struct {
	boxes []box
}

// add appends a box and returns its index.
func (f *flow) add(b box) int {
	f.boxes = append(f.boxes, b)
	return len(f.boxes) - 1
}

// splice replaces the n boxes at i with boxes, moving the ends of keep
// ranges past them along.
func (f *flow) splice(i, n int, boxes []box) {
	shift := len(boxes) - n
	f.boxes = slices.Replace(f.boxes, i, i+n, boxes...)
	for j := range f.boxes {
		for k, e := range f.boxes[j].keepEnds {
			if e > i {
				f.boxes[j].keepEnds[k] = e + shift
			}
		}
	}
}

// keep marks boxes[start:end] to be kept on one page when they fit on one.
// Gaps and breaks at either end are left out of the range.
func (f *flow) keep(start, end int) {
	end = min(end, len(f.boxes))
	for start < end && f.boxes[start].kind != boxContent {
		start++
	}
	for end > start && f.boxes[end-1].kind != boxContent {
		end--
	}
	if start < 0 || end-start < 2 {
		return
	}
	f.boxes[start].keepEnds = append(f.boxes[start].keepEnds, end)
}
