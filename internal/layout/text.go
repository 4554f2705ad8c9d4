package layout

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Text returns the words of the tree as every renderer prints them, in
// reading order: each text, with its escapes undone, and any raw HTML
// written inline, with a line break after each block. HTML blocks (layout
// hints and comments) print nothing.
func (t *Tree) Text() string {
	var b strings.Builder
	ast.Walk(t.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock {
				b.WriteByte('\n')
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			b.WriteString(Unescape(n.Segment.Value(t.Source)))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte('\n')
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				b.Write(seg.Value(t.Source))
			}
		case *ast.AutoLink:
			b.Write(n.Label(t.Source))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
