package html

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/partnership-tools/mou/internal/layout"
)

// mou reads GitHub's pipe tables itself (layout's table.go) and writes
// them itself (table.go), where it once used goldmark's extension package.
// These tests hold the two to the extension: for every input, the same
// HTML.

// withExtension is the Markdown as goldmark's table extension writes it.
func withExtension(t testing.TB, md []byte) string {
	var out bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.Table)).Convert(md, &out); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// withLayout is the Markdown as mou parses it, written by goldmark's
// CommonMark renderer with mou's tables.
func withLayout(t testing.TB, md []byte) string {
	tree := layout.Parse(md)
	r := renderer.NewRenderer(renderer.WithNodeRenderers(
		util.Prioritized(gmhtml.NewRenderer(), 1000),
		util.Prioritized(tables{}, 500),
	))
	var out bytes.Buffer
	if err := r.Render(&out, tree.Source, tree.Root); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// tableCorpus is Markdown that holds tables, or nearly does.
var tableCorpus = []struct{ name, md string }{
	{"plain", "| A | B |\n| --- | --- |\n| 1 | 2 |\n| 3 | 4 |\n"},
	{"alignments", "| l | c | r | n |\n| :-- | :-: | --: | --- |\n| 1 | 2 | 3 | 4 |\n"},
	{"one dash each", "a|b\n:-|-:\nc|d\n"},
	{"no outer pipes", "A | B\n--- | ---\n1 | 2\n"},
	{"leading pipe only", "| A | B\n| --- | ---\n| 1 | 2\n"},
	{"trailing pipe only", "A | B |\n--- | --- |\n1 | 2 |\n"},
	{"one column", "| A |\n| - |\n| 1 |\n"},
	{"one column without pipes in the body", "| A |\n| - |\n1\n"},
	{"header only", "| A | B |\n|---|---|\n"},
	{"cells trimmed", "|   A\t|  B   |\n|  ---  |   ---|\n|\t1 |    2|\n"},
	{"empty cells", "| | B |\n|---|---|\n| | |\n||\n|\n"},
	{"fewer cells than the header", "| A | B | C |\n|---|---|---|\n| 1 |\n| 1 | 2 |\n"},
	{"more cells than the header", "| A | B |\n|---|---|\n| 1 | 2 | 3 | 4 |\n"},
	{"header with more cells than the delimiter row", "| A | B | C |\n|---|---|\n| 1 | 2 |\n"},
	{"header with fewer cells than the delimiter row", "| A |\n|---|---|\n| 1 | 2 |\n"},
	{"escaped pipes", "| A \\| B | C |\n|---|---|\n| 1 \\| 2 | x\\|y |\n"},
	{"escaped pipe at the end", "| A | B \\|\n|---|---|\n| 1 | 2 \\|\n"},
	{"double backslash before a pipe", "| A | B |\n|---|---|\n| 1 \\\\| 2 |\n"},
	{"pipe in a code span", "| A | B |\n|---|---|\n| `a|b` | c |\n"},
	{"escaped pipe in a code span", "| A | B |\n|---|---|\n| `a\\|b` | `c\\|d\\|e` |\n"},
	{"escaped pipe in code inside emphasis", "| A | B |\n|---|---|\n| *`a\\|b`* | [`c\\|d`](x) |\n"},
	{"escaped pipe before a code span", "| A | B |\n|---|---|\n| a\\|b `c` | d |\n"},
	{"escaped pipe in code outside a table", "`a\\|b`\n\n| A |\n|---|\n| `c\\|d` |\n"},
	{"inline markup in cells", "| *em* | **strong** |\n|---|---|\n| [link](https://example.org) | <b>raw</b> &amp; `code` |\n"},
	{"markup characters as text", "| # | * |\n|---|---|\n| < | > |\n"},
	{"after a paragraph line", "Intro line one\nintro line two\n| A | B |\n|---|---|\n| 1 | 2 |\n"},
	{"after a paragraph line with a hard break", "Intro  \n| A | B |\n|---|---|\n| 1 | 2 |\n"},
	{"after a paragraph line with a backslash break", "Intro\\\n| A | B |\n|---|---|\n"},
	{"ended by a blank line", "| A |\n|---|\n| 1 |\n\nAfter.\n"},
	{"ended by a heading", "| A |\n|---|\n| 1 |\n# Heading\n"},
	{"ended by a list", "| A |\n|---|\n| 1 |\n- item\n"},
	{"ended by a block quote", "| A |\n|---|\n| 1 |\n> quote\n"},
	{"ended by a fence", "| A |\n|---|\n| 1 |\n```\ncode\n```\n"},
	{"ended by a thematic break", "| A |\n|---|\n| 1 |\n***\n"},
	{"ended by an HTML block", "| A |\n|---|\n| 1 |\n<div>\n"},
	{"a setext underline after the table", "0\n-:\n-\n"},
	{"a setext underline after a body row", "| A |\n|---|\n| 1 |\n---\n"},
	{"delimiter row with no header", "|---|---|\n| 1 | 2 |\n"},
	{"delimiter row alone", "| --- |\n"},
	{"delimiter row of dashes only", "A\n---\n"},
	{"delimiter row of pipes only", "A\n|\nB\n"},
	{"delimiter row with a gap", "| A | B |\n|---||---|\n"},
	{"delimiter row with spaced dashes", "| A |\n| - - |\n"},
	{"delimiter row with a colon alone", "| A | B |\n| : | - |\n"},
	{"delimiter row with two colons", "| A |\n| :: |\n"},
	{"delimiter row indented four", "A | B\n    --- | ---\n"},
	{"delimiter row indented three", "A | B\n   --- | ---\n"},
	{"delimiter row with a vertical tab", "| A |\n| \v--- |\n"},
	{"delimiter row with tabs", "| A | B |\n|\t---\t|\t:--:\t|\n"},
	{"two delimiter rows", "| A |\n|---|\n|---|\n| 1 |\n"},
	{"first delimiter row does not match", "| A | B |\n|---|\n| C |\n|---|\n"},
	{"second table after a blank line", "| A |\n|---|\n\n| B |\n|:-:|\n| 2 |\n"},
	{"in a list item", "- | A | B |\n  |---|---|\n  | 1 | 2 |\n- next\n"},
	{"in an ordered list item after text", "1. Intro\n   | A | B |\n   |--:|---|\n   | 1 | 2 |\n"},
	{"in a block quote", "> | A | B |\n> |---|---|\n> | 1 | 2 |\n"},
	{"in a block quote, lazily continued", "> | A | B |\n> |---|---|\n| 1 | 2 |\n"},
	{"in a nested quote and list", "> - | A |\n>   |---|\n>   | `x\\|y` |\n"},
	{"tab-indented list item", "-\t| A | B |\n\t|---|---|\n\t| 1 | 2 |\n"},
	{"unicode", "| Ysgol | Café ☕ | 日本 |\n|:--|:-:|--:|\n| Aberystwyth | naïve | 東京 |\n| 😀 | ​ | ‖ |\n"},
	{"crlf line ends", "| A | B |\r\n|---|---|\r\n| 1 | 2 |\r\n"},
	{"no final line end", "| A | B |\n|---|---|\n| 1 | 2 |"},
	{"entities and escapes", "| &lt; | \\* |\n|---|---|\n| &#124; | \\\\ |\n"},
	{"link reference definition before", "[x]: https://example.org\n| A |\n|---|\n| [x] |\n"},
	{"indented code is not a table", "    | A |\n    |---|\n"},
	{"wide row", "|" + strings.Repeat(" h |", 120) + "\n|" + strings.Repeat(":-:|", 120) + "\n|" + strings.Repeat(" cell text |", 130) + "\n"},
	{"long cell", "| A |\n|---|\n| " + strings.Repeat("word ", 2000) + "|\n"},
}

func TestTablesMatchGoldmark(t *testing.T) {
	for _, tc := range tableCorpus {
		t.Run(tc.name, func(t *testing.T) {
			want := withExtension(t, []byte(tc.md))
			got := withLayout(t, []byte(tc.md))
			if got != want {
				t.Errorf("for %q\nmou writes\n%s\ngoldmark's extension writes\n%s", tc.md, got, want)
			}
		})
	}
}

// TestCorpusHasTables keeps the corpus honest: most of it must make
// tables, or the comparison above would prove little.
func TestCorpusHasTables(t *testing.T) {
	tables := 0
	for _, tc := range tableCorpus {
		if strings.Contains(withLayout(t, []byte(tc.md)), "<table>") {
			tables++
		}
	}
	if tables < len(tableCorpus)*2/3 {
		t.Errorf("%d of %d corpus entries make a table", tables, len(tableCorpus))
	}
}

// FuzzTables compares the two on any input. Text holding a mou: hint is
// left out: mou turns hints into nodes of its own, which CommonMark's
// renderer does not write, on purpose.
func FuzzTables(f *testing.F) {
	for _, tc := range tableCorpus {
		f.Add(tc.md)
	}
	f.Fuzz(func(t *testing.T, md string) {
		if strings.Contains(strings.ToLower(md), "mou:") {
			t.Skip()
		}
		want := withExtension(t, []byte(md))
		if got := withLayout(t, []byte(md)); got != want {
			t.Errorf("for %q\nmou writes\n%s\ngoldmark's extension writes\n%s", md, got, want)
		}
	})
}

// TestPublicTableRows: a public page leaves out the rows that name a
// person, and the table keeps its <tbody> whole whichever rows go; a
// table with no row left goes too.
func TestPublicTableRows(t *testing.T) {
	const md = "Before.\n\n| Role | Who |\n|---|---|\n| Lead | Sam Jones |\n| Link | Jane Smith |\n\nAfter.\n"
	for _, tc := range []struct {
		name   string
		people []string
		want   []string // in this order
		not    []string
	}{
		{"no one named", nil, []string{"<table>\n<thead>", "</thead>\n<tbody>\n<tr>\n<td>Lead</td>", "Jane Smith</td>\n</tr>\n</tbody>\n</table>"}, nil},
		{"the last row", []string{"Jane Smith"}, []string{"</thead>\n<tbody>\n<tr>\n<td>Lead</td>", "Sam Jones</td>\n</tr>\n</tbody>\n</table>"}, []string{"Jane"}},
		{"the first row", []string{"Sam Jones"}, []string{"</thead>\n<tbody>\n<tr>\n<td>Link</td>", "Jane Smith</td>\n</tr>\n</tbody>\n</table>"}, []string{"Sam"}},
		{"every row", []string{"Sam Jones", "jane smith"}, []string{"<p>Before.</p>\n<p>After.</p>"}, []string{"<table", "<tbody", "Role"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := New(Options{Public: true, Fragment: true})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			doc := layout.Document{Language: "en-GB", People: tc.people}
			if err := r.Render(&buf, layout.Parse([]byte(md)), doc); err != nil {
				t.Fatal(err)
			}
			page := buf.String()
			rest := page
			for _, w := range tc.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("the page lacks %q (or has it too early):\n%s", w, page)
				}
				rest = rest[i+len(w):]
			}
			for _, s := range tc.not {
				if strings.Contains(page, s) {
					t.Errorf("the page holds %q:\n%s", s, page)
				}
			}
			if open, end := strings.Count(page, "<tbody>"), strings.Count(page, "</tbody>"); open != end {
				t.Errorf("%d <tbody> and %d </tbody>:\n%s", open, end, page)
			}
		})
	}
}

// TestPublicRowNamesAcrossCells: a row that names a person across its
// cells, the first name in one and the surname in the next, names them
// as much as one that holds the whole name in a cell.
func TestPublicRowNamesAcrossCells(t *testing.T) {
	const md = "| First name | Surname | Role |\n|---|---|---|\n| Jane | Smith | Lead |\n| Cover | Rota | Link |\n"
	r, err := New(Options{Public: true, Fragment: true})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	doc := layout.Document{Language: "en-GB", People: []string{"Jane Smith"}}
	if err := r.Render(&buf, layout.Parse([]byte(md)), doc); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if strings.Contains(page, "Jane") || strings.Contains(page, "Smith") {
		t.Errorf("the public page names Jane Smith:\n%s", page)
	}
	if !strings.Contains(page, "<td>Cover</td>") {
		t.Errorf("the public page lost the row that names no one:\n%s", page)
	}
}
