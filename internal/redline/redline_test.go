package redline

import (
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/layout"
)

// show writes a tree's blocks one a line, as plain text with insertions
// as {+…} and deletions as {-…}; table rows as cells between bars and
// list items after a dash.
func show(t *layout.Tree) string { return text(t, true) }

// accepted is a tree's text as it reads with every change accepted:
// deletions dropped, insertions kept, no marks.
func accepted(t *layout.Tree) []string { return strings.Fields(text(t, false)) }

func text(t *layout.Tree, marks bool) string {
	var b strings.Builder
	var inline func(n ast.Node)
	// marked writes n's content between open and close, or without them
	// when marks are not wanted
	marked := func(open, close string, n ast.Node) {
		if marks {
			b.WriteString(open)
		}
		inline(n)
		if marks {
			b.WriteString(close)
		}
	}
	inline = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				if c.IsRaw() {
					b.Write(c.Segment.Value(t.Source))
				} else {
					b.WriteString(layout.Unescape(c.Segment.Value(t.Source)))
				}
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.RawHTML:
				// printed as text, as the renderers do, unless a comment
				v := c.Segments.Value(t.Source)
				if !strings.HasPrefix(string(v), "<!--") {
					b.Write(v)
				}
			case *layout.Insert:
				marked("{+", "}", c)
			case *layout.Delete:
				if marks {
					marked("{-", "}", c)
				}
			case *ast.Emphasis:
				marked("*", "*", c)
			default:
				inline(c)
			}
		}
	}
	_ = ast.Walk(t.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *layout.Signature:
			if marks && n.FirstChild() != nil && layout.Change(n.FirstChild()) == layout.KindDelete {
				b.WriteString("[")
				for c := n.FirstChild(); c != nil; c = c.NextSibling() {
					inline(c)
					b.WriteString("\n")
				}
				b.WriteString("]")
				return ast.WalkSkipChildren, nil
			}
		case *ast.Heading, *ast.Paragraph, *ast.TextBlock:
			if n.Parent().Kind() == ast.KindListItem && marks {
				b.WriteString("- ")
			}
			inline(n)
			b.WriteByte('\n')
			return ast.WalkSkipChildren, nil
		case *layout.TableRow:
			var cells []ast.Node
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				cells = append(cells, c)
			}
			if !marks && layout.Change(cells...) == layout.KindDelete {
				return ast.WalkSkipChildren, nil // a deleted row goes when accepted
			}
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				b.WriteString("|")
				inline(c)
			}
			b.WriteString("|\n")
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

func TestMark(t *testing.T) {
	tests := []struct {
		name, old, new, want string
		marked               int
	}{
		{"unchanged", "## 1. A\n\nText here.\n", "## 1. A\n\nText here.\n", "1. A\nText here.\n", 0},
		{"renumbered only", "## 2. A\n\n**2.1** Text.\n", "## 3. A\n\n**3.1** Text.\n", "3. A\n*3.1* Text.\n", 0},
		{"one word", "**4.2** Give 12 units.\n", "**4.3** Give 20 units.\n", "*4.3* Give {-12}{+20} units.\n", 1},
		{"a name, as one change", "Lead: Grace Adeyemi, head.\n", "Lead: Priya Shah, head.\n",
			"Lead: {-Grace Adeyemi,}{+Priya Shah,} head.\n", 1},
		{"paragraph removed", "A one.\n\nB two three.\n\nC four.\n", "A one.\n\nC four.\n", "A one.\n{-B two three.}\nC four.\n", 1},
		{"paragraph added", "A one.\n\nC four.\n", "A one.\n\nB new words here.\n\nC four.\n", "A one.\n{+B new words here.}\nC four.\n", 1},
		{"paragraph rewritten", "A one.\n\nThe cat sat.\n", "A one.\n\nEntirely different words now.\n",
			"A one.\n{-The cat sat.}\n{+Entirely different words now.}\n", 2},
		{"two rewritten, one kept", "A.\n\nOld x y.\n\nKeep me now please.\n\nOld z w.\n\nB.\n", "A.\n\nNew q r.\n\nKeep me now please, and more.\n\nB.\n",
			"A.\n{-Old x y.}\n{+New q r.}\nKeep me now {-please.}{+please, and more.}\n{-Old z w.}\nB.\n", 4},
		{"no-break space kept", "A\u00a0b c.\n", "A\u00a0b d.\n", "A\u00a0b {-c.}{+d.}\n", 1},
		{"signature block removed",
			"<!-- mou:signature -->\n\n**For A**\n\nSigned: \\_\\_\\_\n\n<!-- mou:end-signature -->\n\n<!-- mou:signature -->\n\n**For B**\n\nSigned: \\_\\_\\_\n\n<!-- mou:end-signature -->\n\nEnd.\n",
			"<!-- mou:signature -->\n\n**For A**\n\nSigned: \\_\\_\\_\n\n<!-- mou:end-signature -->\n\nEnd.\n",
			"*For A*\nSigned: ___\n[{-*For B*}\n{-Signed: ___}\n]End.\n", 2},
		{"a line of a signature block rewritten: struck where it stood, in its own block",
			"<!-- mou:signature -->\n\n**For A**\n\nSigned: \\_\\_\\_\n\nName: Margaret Ellison\n\nDate: \\_\\_\\_\n\n<!-- mou:end-signature -->\n\nEnd.\n",
			"<!-- mou:signature -->\n\n**For A**\n\nSigned: \\_\\_\\_\n\nName: Owen Blake (acting until 30 April 2027)\n\nDate: \\_\\_\\_\n\n<!-- mou:end-signature -->\n\nEnd.\n",
			"*For A*\nSigned: ___\n{-Name: Margaret Ellison}\n{+Name: Owen Blake (acting until 30 April 2027)}\nDate: ___\nEnd.\n", 2},
		{"list item removed", "- one\n- two\n- three\n", "- one\n- three\n", "- one\n- {-two}\n- three\n", 1},
		{"table row changed and added",
			"| A | B |\n| --- | --- |\n| x | 1 |\n| y | 2 |\n",
			"| A | B |\n| --- | --- |\n| x | 5 |\n| y | 2 |\n| z | 3 |\n",
			"|A|B|\n|x|{-1}{+5}|\n|y|2|\n|{+z}|{+3}|\n", 2},
		{"table row removed", "| A |\n| --- |\n| x |\n| y |\n", "| A |\n| --- |\n| y |\n", "|A|\n|{-x}|\n|y|\n", 1},
		{"table removed", "Intro.\n\n| A |\n| --- |\n| x |\n\nEnd.\n", "Intro.\n\nEnd.\n", "Intro.\n|{-A}|\n|{-x}|\nEnd.\n", 2},
		{"title page compared with the old title page alone", "<!-- mou:title -->\n\n# T\n\nVersion 1 · 1 May 2026\n\n<!-- mou:end-title -->\n\nVersion 2 · 1 June 2026\n",
			"<!-- mou:title -->\n\n# T\n\nVersion 2 · 1 June 2026\n\n<!-- mou:end-title -->\n\nVersion 2 · 1 June 2026\n",
			"T\nVersion {-1}{+2} · 1 {-May}{+June} 2026\nVersion 2 · 1 June 2026\n", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			old, new := layout.Parse([]byte(tc.old)), layout.Parse([]byte(tc.new))
			n := Mark(old, new)
			if got := show(new); got != tc.want || n != tc.marked {
				t.Errorf("marked %d, got\n%s\nwant %d,\n%s", n, got, tc.marked, tc.want)
			}
			if got := show(old); got != show(layout.Parse([]byte(tc.old))) {
				t.Errorf("the old tree changed:\n%s", got)
			}
		})
	}
}

func TestPrepend(t *testing.T) {
	tree := layout.Parse([]byte("<!-- mou:title -->\n\n# T\n\n<!-- mou:end-title -->\n"))
	Prepend(tree, "Redline", []string{"Verdict: *not* markup."}, []string{"one"})
	if got, want := show(tree), "Redline\nVerdict: *not* markup.\n- one\nT\n"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	summary := tree.Root.FirstChild()
	if summary.Kind() != layout.KindSummary || summary.LastChild().Kind() != layout.KindPageBreak {
		t.Error("the summary is not one block ending in a page break")
	}
}

// FuzzMark checks that marking never panics or hangs, that a text
// compared with itself has nothing marked, and that accepting every
// change gives the new text.
func FuzzMark(f *testing.F) {
	f.Add("## 1. A\n\n**1.1** Text.\n\n- a\n- b\n", "## 1. A\n\n**1.1** More text.\n\n- b\n\n| x |\n| --- |\n| 1 |\n")
	f.Add("| A | B |\n| --- | --- |\n| x | 1 |\n", "Para.\n\n| A |\n| --- |\n| y |\n")
	f.Fuzz(func(t *testing.T, old, new string) {
		if n := Mark(layout.Parse([]byte(new)), layout.Parse([]byte(new))); n != 0 {
			t.Fatalf("a text compared with itself has %d marks", n)
		}
		tree := layout.Parse([]byte(new))
		want := accepted(tree)
		Mark(layout.Parse([]byte(old)), tree)
		if got := accepted(tree); !slices.Equal(got, want) {
			t.Fatalf("with the changes accepted the text reads\n%q\nnot\n%q", got, want)
		}
	})
}
