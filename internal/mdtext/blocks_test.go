package mdtext

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

func TestBlocks(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"paragraphs", "One line\nstill one.\n\nTwo.", "<p>One line still one.</p>\n<p>Two.</p>"},
		{"bullets", "The school will:\n- open the hall;\n* lend\n  laptops.", "<p>The school will:</p>\n<ul>\n<li>open the hall;</li>\n<li>lend laptops.</li>\n</ul>"},
		{"numbered", "3. Third\n4) Fourth", "<ol start=\"3\">\n<li>Third</li>\n<li>Fourth</li>\n</ol>"},
		{"table", "| Item | Cost |\n| --- | ---: |\n| Hall \\| stage | £50 |\n| Bus |", "<table>\n<thead>\n<tr>\n<th>Item</th>\n<th>Cost</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Hall | stage</td>\n<td>£50</td>\n</tr>\n<tr>\n<td>Bus</td>\n<td></td>\n</tr>\n</tbody>\n</table>"},
		{"a row longer than the header keeps its cells", "| A | B |\n| --- | --- |\n| only one |\n| x | y | z |",
			"<table>\n<thead>\n<tr>\n<th>A</th>\n<th>B</th>\n<th></th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>only one</td>\n<td></td>\n<td></td>\n</tr>\n<tr>\n<td>x</td>\n<td>y</td>\n<td>z</td>\n</tr>\n</tbody>\n</table>"},
		{"sub-clauses", "1.1 The school.\n1.1.1 Its hall.\n1.2 The council.", "<p>1.1 The school.</p>\n<p>1.1.1 Its hall.</p>\n<p>1.2 The council.</p>"},
		{"markup is text", "# Not a heading\n\n<b>bold</b> [link](http://x) ![img](y.png) *em* `code`\n\n<!-- mou:pagebreak --> {{Signature;role=A}}",
			"<p># Not a heading</p>\n<p>&lt;b&gt;bold&lt;/b&gt; [link](http://x) ![img](y.png) *em* `code`</p>\n<p>&lt;!-- mou:pagebreak --&gt; {{Signature;role=A}}</p>"},
		{"not a table without dashes", "| a | b |\n| c | d |", "<p>| a | b | | c | d |</p>"},
		{"list items are text", "- # x\n- 1. y\n- > z", "<ul>\n<li># x</li>\n<li>1. y</li>\n<li>&gt; z</li>\n</ul>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.TrimSpace(render(t, Text(tc.in).Blocks()))
			if got != tc.want {
				t.Errorf("Blocks(%q) = %q\nrendered %q\nwant     %q", tc.in, Text(tc.in).Blocks(), got, tc.want)
			}
		})
	}
}

func TestStartsWithParagraph(t *testing.T) {
	for in, want := range map[string]bool{"Text": true, "- a": false, "2. b": false, "| a |\n| - |": false, "1.1 Sub": true} {
		if got := StartsWithParagraph(Text(in).Blocks()); got != want {
			t.Errorf("StartsWithParagraph(Blocks(%q)) = %v", in, got)
		}
	}
}

// allowed are the only kinds of node Blocks may produce.
var allowed = map[ast.NodeKind]bool{
	ast.KindDocument: true, ast.KindParagraph: true, ast.KindText: true, ast.KindList: true,
	ast.KindListItem: true, ast.KindTextBlock: true, ast.KindString: true,
	east.KindTable: true, east.KindTableHeader: true, east.KindTableRow: true, east.KindTableCell: true,
}

// FuzzBlocks checks that whatever a user writes, the Markdown holds only
// paragraphs, lists and tables of plain text, and no word of the answer
// is lost.
func FuzzBlocks(f *testing.F) {
	for _, s := range []string{"a\n\nb", "- x\n- y", "1. x\n2) y", "| a | b |\n| - | - |\n| c |", "1.1 x\n1.2 y", "<b>x</b> [l](u)", "- \n-", "|\n|-|"} {
		f.Add(s)
	}
	gm := goldmark.New(goldmark.WithExtensions(extension.Table))
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
			t.Skip()
		}
		// The document puts each reference's number before its hint.
		md := refHints.ReplaceAllString(Text(s).Blocks(), "1$0")
		src := []byte(md)
		doc := gm.Parser().Parse(text.NewReader(src))
		var words []string
		ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			if raw, ok := n.(*ast.RawHTML); ok && refHints.Match(raw.Segments.Value(src)) {
				return ast.WalkContinue, nil
			}
			if !allowed[n.Kind()] {
				t.Fatalf("Blocks(%q) = %q holds a %s", s, md, n.Kind())
			}
			if tn, ok := n.(*ast.Text); ok {
				words = append(words, string(tn.Segment.Value(src)))
			}
			return ast.WalkContinue, nil
		})
		// Every character of the answer that is not white space or a
		// list or table marker is in the text, in order.
		got := unescape(strings.Join(words, ""))
		for _, r := range refPattern().ReplaceAllString(s, "") {
			if unicode.IsSpace(r) || strings.ContainsRune("|-*.)0123456789\\:", r) {
				continue
			}
			i := strings.IndexRune(got, r)
			if i < 0 {
				t.Fatalf("Blocks(%q) = %q loses %q", s, md, r)
			}
			got = got[i+utf8.RuneLen(r):]
		}
	})
}

// refHints matches the hints Blocks writes for cross-references.
var refHints = regexp.MustCompile(`<!-- mou:ref [a-z0-9.-]+ -->`)

// TestRefs: a clause id in double square brackets becomes a hint, in a
// paragraph, a list item or a table cell; anything else in brackets, and
// a single pair, stays text.
func TestRefs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"As [[general.insurance]] says.", "As <!-- mou:ref general.insurance --> says."},
		{"- see [[charges]]\n- and [[insert.2]]", "- see <!-- mou:ref charges -->\n- and <!-- mou:ref insert.2 -->"},
		{"| A |\n| --- |\n| [[a.b]] |", "| A |\n| --- |\n| <!-- mou:ref a.b --> |"},
		{"[[Not An Id]] [x] [[1.2]] [[a..b]]", `\[\[Not An Id\]\] \[x\] \[\[1.2\]\] \[\[a..b\]\]`},
		{"<b>[[a]]</b>", `\<b\><!-- mou:ref a -->\</b\>`},
	}
	for _, tc := range tests {
		if got := Text(tc.in).Blocks(); got != tc.want {
			t.Errorf("Blocks(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := Text("[[b]] and [[a]], [[b]] [[x y]]").Refs(); strings.Join(got, ",") != "b,a" {
		t.Errorf("Refs = %q", got)
	}
}

// unescape drops the backslashes Escape adds.
func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// TestClauseBlocks: a clause's own sub-clause numbers print in bold, as
// mou's clause numbers do, and everything else as Blocks prints it.
func TestClauseBlocks(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"1.1 The school.\n1.1.1 Its *hall*.\n1.2. The council.", "<p><strong>1.1</strong> The school.</p>\n<p><strong>1.1.1</strong> Its *hall*.</p>\n<p><strong>1.2.</strong> The council.</p>"},
		{"The school will:\n- 1.1 not a sub-clause", "<p>The school will:</p>\n<ul>\n<li>1.1 not a sub-clause</li>\n</ul>"},
		{"12 angry men\n\n2.1million", "<p>12 angry men</p>\n<p>2.1million</p>"},
	} {
		if got := strings.TrimSpace(render(t, Text(tc.in).ClauseBlocks())); got != tc.want {
			t.Errorf("ClauseBlocks(%q) rendered %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestOwnNumber(t *testing.T) {
	for _, tc := range []struct{ in, number, rest string }{
		{"2.1 In this Agreement", "2.1", "In this Agreement"},
		{"\n  4.2.1.  The Council\n4.2.2 pays", "4.2.1.", "The Council\n4.2.2 pays"},
		{"2. A list item", "", "2. A list item"},
		{"2.1million pounds", "", "2.1million pounds"},
		{"In 2.1 words", "", "In 2.1 words"},
	} {
		n, rest := Text(tc.in).OwnNumber()
		if n != tc.number || string(rest) != tc.rest {
			t.Errorf("OwnNumber(%q) = %q, %q; want %q, %q", tc.in, n, rest, tc.number, tc.rest)
		}
	}
}
