package redline

import (
	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/layout"
)

// Prepend puts a summary before everything in t, as a layout.Summary: a
// heading, then paragraphs, then a bulleted list, all plain text, then a
// page break.
func Prepend(t *layout.Tree, heading string, paragraphs, items []string) {
	summary := &layout.Summary{}
	h := ast.NewHeading(2)
	h.AppendChild(h, plainString(heading))
	summary.AppendChild(summary, h)
	for _, p := range paragraphs {
		n := ast.NewParagraph()
		n.AppendChild(n, plainString(p))
		summary.AppendChild(summary, n)
	}
	if len(items) > 0 {
		l := ast.NewList('-')
		l.IsTight = true
		for _, it := range items {
			li := ast.NewListItem(2)
			tb := ast.NewTextBlock()
			tb.AppendChild(tb, plainString(it))
			li.AppendChild(li, tb)
			l.AppendChild(l, li)
		}
		summary.AppendChild(summary, l)
	}
	summary.AppendChild(summary, &layout.PageBreak{})
	if first := t.Root.FirstChild(); first != nil {
		t.Root.InsertBefore(t.Root, first, summary)
	} else {
		t.Root.AppendChild(t.Root, summary)
	}
}

// plainString is text that no renderer reads as markup.
func plainString(s string) ast.Node {
	n := ast.NewString([]byte(s))
	n.SetRaw(true)
	return n
}
