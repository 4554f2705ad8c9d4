package redline

import (
	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/layout"
)

// Prepend puts a summary page before everything in t: a heading, then
// paragraphs, then a bulleted list, all plain text, then a page break.
func Prepend(t *layout.Tree, heading string, paragraphs, items []string) {
	var blocks []ast.Node
	h := ast.NewHeading(2)
	h.AppendChild(h, plainString(heading))
	blocks = append(blocks, h)
	for _, p := range paragraphs {
		n := ast.NewParagraph()
		n.AppendChild(n, plainString(p))
		blocks = append(blocks, n)
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
		blocks = append(blocks, l)
	}
	blocks = append(blocks, &layout.PageBreak{})
	first := t.Root.FirstChild()
	for _, b := range blocks {
		if first == nil {
			t.Root.AppendChild(t.Root, b)
		} else {
			t.Root.InsertBefore(t.Root, first, b)
		}
	}
}

// plainString is text that no renderer reads as markup.
func plainString(s string) ast.Node {
	n := ast.NewString([]byte(s))
	n.SetRaw(true)
	return n
}
