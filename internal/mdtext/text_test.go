package mdtext

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// render turns Markdown into HTML with the parser the PDF renderer uses,
// so these tests check what a reader of the Markdown actually sees.
func render(t testing.TB, md string) string {
	t.Helper()
	var buf bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.Table))
	if err := gm.Convert([]byte(md), &buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// htmlText is what the HTML renderer should print for s.
func htmlText(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
	return r.Replace(s)
}

// contexts are the places templates print answers, with the HTML that
// should surround the answer's text.
var contexts = []struct {
	name, before, after, wantBefore, wantAfter string
}{
	{"inline", "Before ", " after", "<p>Before ", " after</p>"},
	{"line start", "", "", "<p>", "</p>"},
	{"list item", "- ", "", "<li>", "</li>"},
	{"heading", "## ", "", "<h2>", "</h2>"},
	{"strong", "**", "**", "<strong>", "</strong>"},
	{"table cell", "| A |\n| --- |\n| ", " |", "<td>", "</td>"},
}

func TestEscapeRendersLiterally(t *testing.T) {
	cases := []string{
		"St Mary's <b>#1</b> | *Stars* [x](y)",
		"# not a heading",
		"1. not a list",
		"- not a bullet",
		"+ nor this",
		"> not a quote",
		"`code` and ``more``",
		"__bold__ _em_ ~~strike~~",
		"<!-- mou:pagebreak -->",
		"<div>raw html</div>",
		"http://example.org/a_b_c",
		"&amp; &#35; &copy;",
		"back\\slash\\",
		"Ysgol Gymraeg Bro Ŵyn – “quoted” €1,500",
		"===",
		"***",
		"a  \nb", // hard line break attempt
		"1) not a list either",
		"12345. still not",
		"2026. A year",
		"- - -",
		"=",
		"R&D and Smith & Sons",
		"A *real* mistake_with_underscores",
		"![image](x.png)",
		"x <y> z",
		"Term: 3.5 hours; cost £12.50 (approx.)",
	}
	for _, in := range cases {
		for _, c := range contexts {
			t.Run(c.name+"/"+in, func(t *testing.T) {
				want := htmlText(strings.Join(strings.Fields(in), " "))
				got := render(t, c.before+Escape(in)+c.after)
				if !strings.Contains(got, c.wantBefore+want+c.wantAfter) {
					t.Errorf("Escape(%q) = %q rendered as %q, want text %q", in, Escape(in), got, want)
				}
			})
		}
	}
}

func TestEscapeInTableCell(t *testing.T) {
	in := "St Mary's <b>#1</b> | *Stars* [x](y)"
	md := "| Name | Kind |\n| --- | --- |\n| " + Escape(in) + " | school |\n"
	got := render(t, md)
	if !strings.Contains(got, "<td>"+htmlText(in)+"</td>") {
		t.Errorf("table cell rendered as %q", got)
	}
}

func TestEscapeFoldsLines(t *testing.T) {
	got := Escape("  one\n\ttwo\r\n  three  ")
	if got != "one two three" {
		t.Errorf("got %q", got)
	}
}

func TestParagraphs(t *testing.T) {
	got := Text("First *para*\nstill first.\n\n\n# Second\n\n1. Third").Paragraphs()
	want := "First \\*para\\* still first.\n\n\\# Second\n\n1\\. Third"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestTextStringEscapes(t *testing.T) {
	var buf bytes.Buffer
	buf.WriteString(Text("a*b").String())
	if buf.String() != `a\*b` {
		t.Errorf("got %q", buf.String())
	}
	if !Text("  ").IsZero() || Text("x").IsZero() {
		t.Error("IsZero wrong")
	}
}

// foldASCIISpace trims white space from the ends and folds runs of ASCII
// white space inside to one space: what Escape does to white space.
func foldASCIISpace(s string) string {
	return strings.Join(strings.FieldsFunc(strings.TrimSpace(s), func(r rune) bool { return strings.ContainsRune(" \t\n\r\v\f", r) }), " ")
}

func FuzzEscape(f *testing.F) {
	for _, s := range []string{"St Mary's <b>#1</b>", "*a* _b_", "1. x", "| c |", "<!-- x -->", "&amp;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
			t.Skip()
		}
		want := foldASCIISpace(s)
		if want == "" {
			return
		}
		for _, c := range contexts {
			got := render(t, c.before+Escape(s)+c.after)
			if !strings.Contains(got, c.wantBefore+htmlText(want)+c.wantAfter) {
				t.Errorf("%s: Escape(%q) = %q rendered as %q", c.name, s, Escape(s), got)
			}
		}
	})
}
