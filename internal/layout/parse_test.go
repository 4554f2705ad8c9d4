package layout

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// outline describes a tree's blocks, one a line, indented by depth:
// mou's nodes by kind, HTML blocks by their text, others by kind.
func outline(t *Tree) string {
	var b strings.Builder
	_ = ast.Walk(t.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock || n.Kind() == ast.KindDocument {
			return ast.WalkContinue, nil
		}
		depth := 0
		for p := n.Parent(); p != nil && p.Kind() != ast.KindDocument; p = p.Parent() {
			depth++
		}
		name := n.Kind().String()
		if h, ok := n.(*ast.HTMLBlock); ok {
			name = "HTML " + strings.TrimSpace(string(h.Lines().Value(t.Source)))
		}
		fmt.Fprintf(&b, "%s%s\n", strings.Repeat("  ", depth), name)
		return ast.WalkContinue, nil
	})
	return b.String()
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, md, want string
	}{
		{"title page", "<!-- mou:title -->\n\n# T\n\n<!-- mou:end-title -->\n\nBody.\n",
			"MouTitlePage\n  Heading\nParagraph\n"},
		{"signature in a section", "## S\n\n<!-- mou:signature -->\n\nSigned: ___\n\n<!-- mou:end-signature -->\n\n<!-- mou:end-agreement -->\n\n<!-- mou:pagebreak -->\n",
			"Heading\nMouSignature\n  Paragraph\nMouAgreementEnd\nMouPageBreak\n"},
		{"nested keeps", "<!-- mou:keep -->\n\nA\n\n<!-- mou:keep -->\n\nB\n\n<!-- mou:end-keep -->\n\nC\n\n<!-- mou:end-keep -->\n\nD\n",
			"MouKeep\n  Paragraph\n  MouKeep\n    Paragraph\n  Paragraph\nParagraph\n"},
		{"start without end runs to the end of its parent", "- <!-- mou:keep -->\n\n  A\n\nB\n",
			"List\n  ListItem\n    MouKeep\n      Paragraph\nParagraph\n"},
		{"end without start and unknown hints are dropped", "<!-- mou:end-keep -->\n\n<!-- mou:sparkle -->\n\nA\n",
			"Paragraph\n"},
		{"spacing and case", "<!--mou:PageBreak-->\n\n<!--   mou:keep\t-->\n\nA\n",
			"MouPageBreak\nMouKeep\n  Paragraph\n"},
		{"other HTML stays", "<!-- a comment -->\n\n<div><!-- mou:keep --></div>\n\n<!-- mou:keep --> text\n",
			"HTML <!-- a comment -->\nHTML <div><!-- mou:keep --></div>\nHTML <!-- mou:keep --> text\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := outline(Parse([]byte(tc.md))); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestPageNumber(t *testing.T) {
	d := Document{PagePattern: "Tudalen {page} o {pages}"}
	if got := d.PageNumber(2, "9"); got != "Tudalen 2 o 9" {
		t.Errorf("got %q", got)
	}
	if got := (Document{}).PageNumber(2, "9"); got != "2 / 9" {
		t.Errorf("no pattern: got %q", got)
	}
}

// TestSign: a tree's signature blocks take their owners in order, and a
// tree whose blocks are not as many as the owners is refused, rather
// than have one partner's fields named after another.
func TestSign(t *testing.T) {
	md := []byte("<!-- mou:signature -->\n\nA\n\n<!-- mou:end-signature -->\n\n<!-- mou:signature -->\n\nB\n\n<!-- mou:end-signature -->\n")
	owners := []Signer{{ID: "a", Name: "A School"}, {ID: "b", Name: "B College"}}
	tree := Parse(md)
	if err := tree.Sign(owners); err != nil {
		t.Fatal(err)
	}
	var got []Signer
	for n := tree.Root.FirstChild(); n != nil; n = n.NextSibling() {
		if s, ok := n.(*Signature); ok {
			got = append(got, s.Owner)
		}
	}
	if len(got) != 2 || got[0] != owners[0] || got[1] != owners[1] {
		t.Errorf("owners %v, want %v", got, owners)
	}
	for _, n := range []int{1, 3} {
		all := append(owners, Signer{ID: "c"})
		if err := Parse(md).Sign(all[:n]); err == nil || !strings.Contains(err.Error(), "writes 2 signature blocks") {
			t.Errorf("%d owners for 2 blocks: error %v", n, err)
		}
	}
}

func TestText(t *testing.T) {
	tree := Parse([]byte("# Title \\{\n\n<!-- mou:pagebreak -->\n\nSome *text* with `code`,\nand <b>html</b> &amp; <https://a.example>.\n\n| a | b |\n| - | - |\n| c \\| d | e |\n"))
	want := "Title {\n\nSome text with code,\nand <b>html</b> & https://a.example.\na\nb\n\nc | d\ne\n\n\n"
	if got := tree.Text(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestIDs: an id hint gives its id to the block after it and is dropped;
// one with nothing after it, or followed by another hint, is dropped.
func TestIDs(t *testing.T) {
	md := "<!-- mou:id aims -->\n\n## 4. Aims\n\n<!-- mou:id aims.objectives -->\n\n**4.1** Text.\n\n" +
		"<!-- mou:id a -->\n\n<!-- mou:id b -->\n\n| x |\n| --- |\n\n<!--mou:id   end-->\n"
	tree := Parse([]byte(md))
	var got []string
	for c := tree.Root.FirstChild(); c != nil; c = c.NextSibling() {
		got = append(got, c.Kind().String()+":"+ID(c))
	}
	want := "Heading:aims Paragraph:aims.objectives Table:b"
	if strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
	if o := outline(tree); strings.Contains(o, "HTML") {
		t.Errorf("a hint was left as HTML:\n%s", o)
	}
}

// TestReferences: a reference hint and the number before it become a
// Reference holding the number; a hint with no number before it stays a
// comment.
func TestReferences(t *testing.T) {
	tree := Parse([]byte("As clause 7.2<!-- mou:ref general.insurance --> says, and 12<!-- mou:ref charges -->, not <!-- mou:ref x -->.\n\n- 3<!-- mou:ref a.b -->\n"))
	var refs []string
	_ = ast.Walk(tree.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if r, ok := n.(*Reference); ok && entering {
			refs = append(refs, r.ID+"="+string(r.FirstChild().(*ast.Text).Segment.Value(tree.Source)))
		}
		return ast.WalkContinue, nil
	})
	if strings.Join(refs, ",") != "general.insurance=7.2,charges=12,a.b=3" {
		t.Errorf("references %q", refs)
	}
	var text strings.Builder
	_ = ast.Walk(tree.Root.FirstChild(), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*ast.Text); ok && entering {
			text.Write(t.Segment.Value(tree.Source))
		}
		return ast.WalkContinue, nil
	})
	if want := "As clause 7.2 says, and 12, not ."; text.String() != want {
		t.Errorf("text %q, want %q", text.String(), want)
	}
}
