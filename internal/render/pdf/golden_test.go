package pdf

import (
	"github.com/partnership-tools/mou/internal/layout"

	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files")

// shortTheme is the default theme with deep top and bottom margins, so that
// page breaks come after a few lines.
func shortTheme() Theme {
	t := DefaultTheme()
	t.MarginTop, t.MarginBottom = 60, 60
	return t
}

// filler is a paragraph of n short lines joined by hard breaks.
func filler(n int) string {
	lines := make([]string, n)
	for i := range lines {
		lines[i] = fmt.Sprintf("Filler line %d", i+1)
	}
	return strings.Join(lines, "\\\n") + "\n\n"
}

// record lays out md with theme and doc on a recorder.
func record(t *testing.T, theme Theme, md string, doc testDocument) *recorder {
	t.Helper()
	r, err := New(theme, doc.ESign)
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	if err := r.draw(rec, parseOwned([]byte(md), doc.Owners), doc.Document); err != nil {
		t.Fatalf("draw: %v", err)
	}
	return rec
}

// testDoc is the document metadata the golden tests use.
var testDoc = testDocument{Document: layout.Document{
	Title: "Test", Partnership: "Partnership", Issued: "Version 1 · 1 September 2026",
	Reference: "TEST-0001", ReferenceLabel: "Agreement ref. TEST-0001", Date: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC),
	Language: "en-GB", PagePattern: "Page {page} of {pages}",
}}

func TestGolden(t *testing.T) {
	tests := []struct {
		name  string
		theme Theme
		md    string
		want  []string // substrings the recording must contain
		check func(t *testing.T, rec *recorder)
	}{
		{
			name: "headings",
			md:   "# Agreement\n\n## 1. Parties\n\n### 1.1 Leads\n\n#### Four\n\n##### Five\n\n###### Six\n\nText.\n",
			want: []string{`bookmark 0 `, `"Agreement"`, `bookmark 1 `, `"1. Parties"`, `bookmark 2 `, `bold-italic`, `italic`},
		},
		{
			name: "inline",
			md: "Plain *emphasis* **strong** ***both*** `code span` and a [link](https://example.org/a\\_b \"t\").\n" +
				"Soft break here,  \nhard break there\\\nand <https://example.com> or <me@example.com>. ![Alt text](x.png)\n",
			want: []string{`italic`, `bold`, `bold-italic`, `mono`, `link `, `"https://example.org/a_b"`, `"mailto:me@example.com"`, `"Alt text"`},
		},
		{
			name: "nested-lists",
			md:   "- one\n- two\n  - two a\n  - two b\n    - deep\n- three\n\n1. first\n2. second\n   1. inner\n   2. inner two\n",
			want: []string{`"•"`, `"–"`, `"◦"`, `"1."`, `"2."`},
		},
		{
			name: "ordered-start",
			md:   "7. seven\n8. eight\n9. nine\n10. ten\n\n3) three\n4) four\n",
			want: []string{`"7."`, `"10."`, `"3)"`, `"4)"`},
		},
		{
			name: "blockquote",
			md:   "> Quoted *text* that runs on for long enough to wrap onto a second line in the quote's column.\n>\n> - a list inside\n\nAfter.\n",
			want: []string{`fill 22.00,`, `#9fb3cf`},
		},
		{
			name: "code-block",
			md: "```go\nfunc main() {\n\tfmt.Println(\"a very long line of code that goes on and on and must be wrapped inside the shaded block\")\n}\n```\n\n" +
				"    indented code\n",
			want: []string{`mono`, `"    fmt.Println(`, `"indented code"`, `#f2f3f5`},
		},
		{
			name: "thematic-break",
			md:   "Above.\n\n---\n\nBelow.\n",
			want: []string{`line 22.00,`},
		},
		{
			name: "table-wrap",
			md: "| Left | Centre | Right |\n| :--- | :---: | ---: |\n" +
				"| a cell with quite a lot of text in it so that it must wrap within its column | mid | 1 |\n" +
				"| pipe \\| inside | `code \\| span` | 22 |\n",
			want: []string{`"pipe | inside"`, `"code | span"`, `#e3e9f2`},
		},
		{
			name:  "table-pages",
			theme: shortTheme(),
			md:    filler(20) + tableMarkdown(30),
			check: func(t *testing.T, rec *recorder) {
				pages := 0
				for _, ln := range strings.Split(rec.String(), "\n") {
					if strings.Contains(ln, `"Objective"`) {
						pages++
					}
				}
				if pages < 2 {
					t.Errorf("table header drawn %d times, want it repeated on every page", pages)
				}
			},
		},
		{
			name:  "signature-moves",
			theme: shortTheme(),
			md: filler(27) + "<!-- mou:signature -->\n\n**Northgate University**\n\nSigned: ____________\n\n" +
				"Date: \\_\\_\\_\\_\\_\n\n<!-- mou:end-signature -->\n",
			want: []string{`signature-line block=1 line=1 "Signed:"`, `signature-line block=1 line=2 "Date:"`},
			check: func(t *testing.T, rec *recorder) {
				if p, q := rec.pageOf("Filler line 27"), rec.pageOf("Northgate University"); p != 1 || q != 2 {
					t.Errorf("filler on page %d, signature block on page %d; want 1 and 2", p, q)
				}
				if len(rec.fields) != 2 || rec.fields[0].page != 2 || rec.fields[1].page != 2 {
					t.Errorf("signature lines %+v, want two on page 2", rec.fields)
				}
			},
		},
		{
			name:  "keep",
			theme: shortTheme(),
			md: filler(27) + "<!-- mou:keep -->\n\n### Kept together\n\nFirst paragraph.\n\nSecond paragraph.\n\n" +
				"Third paragraph.\n\nFourth paragraph.\n\n<!-- mou:end-keep -->\n",
			check: func(t *testing.T, rec *recorder) {
				if p, q := rec.pageOf("Kept together"), rec.pageOf("Fourth paragraph."); p != 2 || q != 2 {
					t.Errorf("kept block on pages %d to %d, want all on page 2", p, q)
				}
			},
		},
		{
			name: "pagebreak",
			md:   "<!-- mou:pagebreak -->\n\nOne.\n\n<!-- mou:pagebreak -->\n\n<!-- mou:pagebreak -->\n\nTwo.\n",
			check: func(t *testing.T, rec *recorder) {
				if p, q := rec.pageOf(`"One."`), rec.pageOf(`"Two."`); p != 1 || q != 2 {
					t.Errorf("paragraphs on pages %d and %d, want 1 and 2", p, q)
				}
				if rec.page != 2 {
					t.Errorf("%d pages, want 2", rec.page)
				}
			},
		},
		{
			name: "raw-html",
			md: "<div class=\"x\">\n*not emphasis*\n</div>\n\nInline <b>bold</b> and <span>span</span><!-- hidden --> text.\n\n" +
				"<!-- a comment -->\n\n<!-- mou:unknown-hint -->\n\nEnd.\n",
			want: []string{`"<div class=\"x\">"`, `"*not emphasis*"`, `"</div>"`, `<b>bold</b>`, `<span>span</span>`},
			check: func(t *testing.T, rec *recorder) {
				if s := rec.String(); strings.Contains(s, "hidden") || strings.Contains(s, "comment") || strings.Contains(s, "unknown") {
					t.Errorf("comment text drawn:\n%s", s)
				}
			},
		},
		{
			name: "escapes",
			md: "\\# \\* \\| \\< \\[ \\_ \\\\ \\&amp; &amp; &#8364; St Mary's \\<b\\>\\#1\\<\\/b\\> \\| \\*Stars\\*\n\n" +
				"| Name |\n| --- |\n| \\# \\* \\| \\< \\[ |\n",
			want: []string{`"# * | < [ _ \\ &amp; & € St Mary's <b>#1</b> | *Stars*"`, `"# * | < ["`},
		},
		{
			name: "mismatched-hints",
			md: "<!-- mou:end-keep -->\n\n<!-- mou:keep -->\n\n<!-- mou:signature -->\n\nSigned: ___\n\n<!-- mou:end-keep -->\n\n" +
				"<!-- mou:end-signature -->\n\n<!-- mou:end-title -->\n\n- <!-- mou:signature -->\n\n  Date: ___\n\nAfter.\n",
			want: []string{`signature-line block=1 line=1 "Signed:"`, `signature-line block=2 line=1 "Date:"`, `"After."`},
		},
		{
			name: "title-page",
			md: "<!-- mou:title -->\n\n# Memorandum of Understanding\n\n## Bro Ŵyn Partnership\n\nVersion 2\n\n<!-- mou:end-title -->\n\n" +
				"## 1. Parties\n\nText.\n",
			want: []string{`image logo-bd2a70704d4bbfa9 PNG`, `image logo-e8fd2eeaedbdd7ea JPG`},
			check: func(t *testing.T, rec *recorder) {
				if p, q := rec.pageOf("Memorandum of Understanding"), rec.pageOf("1. Parties"); p != 1 || q != 2 {
					t.Errorf("title on page %d, body on page %d; want 1 and 2", p, q)
				}
				if p := rec.pageOf(`"Partnership"`); p != 2 {
					t.Errorf("running header first on page %d, want 2 (none on the title page)", p)
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			theme := tc.theme
			if theme.Paper == "" {
				theme = DefaultTheme()
			}
			doc := testDoc
			if tc.name == "title-page" {
				doc.Logos = sampleLogos(t)
			}
			rec := record(t, theme, tc.md, doc)
			got := rec.String()
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("recording lacks %s", w)
				}
			}
			if tc.check != nil {
				tc.check(t, rec)
			}
			checkGolden(t, tc.name, got)
		})
	}
}

// checkGolden compares a recording with testdata/name.golden, or rewrites
// the file when the tests run with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("recording differs from %s (run go test -update and review the diff):\n%s", path, firstDiff(string(want), got))
	}
}

// tableMarkdown is a five-column table of n body rows.
func tableMarkdown(n int) string {
	var b strings.Builder
	b.WriteString("| Objective | Measure | Target | By when | Owner |\n| --- | --- | ---: | :---: | --- |\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "| Objective %d with a longer description | Measure %d | %d | July 2027 | Lead %d |\n", i, i, i*10, i)
	}
	return b.String() + "\n"
}

// firstDiff describes the first line where want and got differ.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\nwant %s\ngot  %s", i+1, a, b)
		}
	}
	return "no difference"
}
