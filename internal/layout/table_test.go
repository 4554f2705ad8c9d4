package layout

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// tableShape describes the tables of a tree: the columns' alignments,
// then each row, "h" for the header, with its cells' text and alignment.
func tableShape(tree *Tree) string {
	var b strings.Builder
	_ = ast.Walk(tree.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *Table:
			fmt.Fprintf(&b, "table %v\n", n.Alignments)
		case *TableRow:
			if n.Header {
				b.WriteString("h")
			}
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				fmt.Fprintf(&b, "|%d:%s", c.(*TableCell).Alignment, c.Lines().Value(tree.Source))
			}
			b.WriteString("|\n")
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph:
			fmt.Fprintf(&b, "p %q\n", n.Lines().Value(tree.Source))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

func TestTables(t *testing.T) {
	tests := []struct{ name, md, want string }{
		{"alignments", "| a | b | c | d |\n|---|:--|:-:|--:|\n| 1 | 2 | 3 | 4 |\n",
			"table [0 1 2 3]\nh|0:a|1:b|2:c|3:d|\n|0:1|1:2|2:3|3:4|\n"},
		{"body rows padded and cut to the header's width", "a | b\n:-- | --:\n1\n1 | 2 | 3\n",
			"table [1 3]\nh|1:a|3:b|\n|1:1|0:|\n|1:1|3:2|\n"},
		{"earlier lines stay a paragraph", "Intro\n| a |\n|---|\n| 1 |\n",
			"p \"Intro\"\ntable [0]\nh|0:a|\n|0:1|\n"},
		{"escaped pipes stay in their cell", "| a \\| b |\n|---|\n",
			"table [0]\nh|0:a \\| b|\n"},
		{"a header that does not match is no table", "| a | b |\n|---|\n| 1 |\n",
			"p \"| a | b |\\n|---|\\n| 1 |\"\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tableShape(Parse([]byte(tc.md))); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}
