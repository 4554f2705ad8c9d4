package pdf

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
)

// bulletGlyphs are the bullets of nested bullet lists, by depth.
var bulletGlyphs = []string{"•", "–", "◦"}

// list lays out a bullet or ordered list. Markers hang in the indent; ordered
// markers are right-aligned so that the item text lines up.
func (l *layouter) list(n *ast.List) {
	st := l.bodyStyle()
	delim := string(n.Marker)
	if !n.IsOrdered() {
		l.bullets++
		defer func() { l.bullets-- }()
	}
	bullet := bulletGlyphs[(l.bullets-1+len(bulletGlyphs))%len(bulletGlyphs)]
	count := n.ChildCount()
	indent := 5.5
	if n.IsOrdered() {
		widest := strconv.Itoa(n.Start + count - 1)
		if len(strconv.Itoa(n.Start)) > len(widest) {
			widest = strconv.Itoa(n.Start)
		}
		indent = max(indent, l.m.width(st.face, st.size, widest+delim)+2)
	}
	oldTight := l.tight
	l.tight = n.IsTight
	defer func() { l.tight = oldTight }()
	l.gap(l.listGap())
	number := n.Start
	prevLast, keepFrom := -1, -1 // last boxes of the item before and of the one before the last
	for item := n.FirstChild(); item != nil && l.err == nil; item = item.NextSibling() {
		if item.NextSibling() == nil {
			keepFrom = prevLast
		}
		text := bullet
		if n.IsOrdered() {
			text = strconv.Itoa(number) + delim
			number++
		}
		x := l.left
		if n.IsOrdered() {
			x = l.left + indent - 2 - l.m.width(st.face, st.size, text)
		}
		if l.title {
			l.blocks(item)
			continue
		}
		outer := l.left
		l.indent(indent, 0, func() {
			if l.left == outer {
				// too deep to indent: the marker goes where the text starts
				x = l.left
			}
			l.markers = append(l.markers, marker{x: x, text: text, style: st})
			l.contained(func() { l.blocks(item) })
			if len(l.markers) > 0 {
				l.runsBlock(nil, st.size, alignLeft, 0)
			}
		})
		prevLast = l.lastContent()
		l.gap(l.listGap())
	}
	if keepFrom >= 0 {
		// the last item never opens a page alone: it keeps with the last
		// line of the item before
		l.flow.keep(keepFrom, len(l.flow.boxes))
	}
}

// listGap is the space between list items: small in a tight list, a
// paragraph's in a loose one.
func (l *layouter) listGap() float64 {
	if l.tight {
		return l.itemGap()
	}
	return l.paragraphGap()
}

// lastContent is the index of the last content box laid out, or -1.
func (l *layouter) lastContent() int {
	i := len(l.flow.boxes) - 1
	for i >= 0 && l.flow.boxes[i].kind != boxContent {
		i--
	}
	return i
}
