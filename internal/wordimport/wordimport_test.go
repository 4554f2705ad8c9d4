package wordimport

import (
	"bytes"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/docxread"
	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/render/docx"
	"github.com/partnership-tools/mou/internal/theme"
	"github.com/partnership-tools/mou/internal/worktest"
)

const sample = "<!-- mou:title -->\n\n# Hill\n\n<!-- mou:end-title -->\n\n" +
	"<!-- mou:id general -->\n\n## 1. General\n\n<!-- mou:id general.insurance -->\n\n**1.1** Insurance: cover, as 1.2<!-- mou:ref general.liability --> says.\n\n" +
	"<!-- mou:id general.liability -->\n\n**1.2 Liability.** Each is liable:\n\n- for its own acts.\n\n**1.3** Counterparts: signed apart.\n\n" +
	"## 2. Signatures\n\nSigned.\n"

// read writes Markdown as mou's Word file and reads it back.
func read(t *testing.T, md string) *docxread.Document {
	t.Helper()
	r, err := docx.New(theme.Default())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.Render(&buf, layout.Parse([]byte(md)), layout.Document{Title: "T"}); err != nil {
		t.Fatal(err)
	}
	d, err := docxread.Read(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

var ids = map[string]string{}

func init() {
	for _, id := range []string{"general", "general.insurance", "general.liability"} {
		ids[docx.BookmarkName(id)] = id
	}
}

// TestParts: a Word file mou wrote is cut at its bookmarks and at its
// headings without one; cross-references read as ids, a clause's bold
// title apart, and a numbered clause without an id is a clause of the
// part before it.
func TestParts(t *testing.T) {
	parts := Parts(read(t, sample), ids)
	var got []string
	for _, p := range parts {
		line := p.Key() + ":"
		for _, b := range p.Blocks {
			line += " [" + b.Title + "|" + b.Text + "]"
		}
		for _, c := range p.Clauses {
			line += " +clause"
			for _, b := range c {
				line += " [" + b.Text + "]"
			}
		}
		got = append(got, strings.ReplaceAll(line, "\x00", "#"))
	}
	want := []string{
		"#: [|Hill]",
		"general: [|General]",
		"general.insurance: [|Insurance: cover, as [[general.liability]] says.]",
		"general.liability: [Liability|Each is liable:] [|for its own acts.] +clause [Counterparts: signed apart.]",
		"#Signatures: [|Signatures] [|Signed.]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCompare: what changed from one Word file to another, part by part.
func TestCompare(t *testing.T) {
	was := Parts(read(t, sample), ids)
	edited := strings.NewReplacer(
		"Insurance: cover", "Insurance: full cover", // reworded
		"<!-- mou:id general.liability -->\n\n**1.2 Liability.** Each is liable:\n\n- for its own acts.\n\n", "", // taken out
		"**1.3** Counterparts: signed apart.\n\n", "**1.2** Counterparts: signed apart.\n\n**1.3** Notices: in writing.\n\n## 2. Charges\n\n**2.1** None.\n\n", // a clause and a section put in
		"## 2. Signatures", "## 3. Signatures",
	).Replace(sample)
	var got []string
	for _, c := range Compare(was, Parts(read(t, edited), ids)) {
		line := []string{"changed", "removed", "added clause", "added section", "removed clause"}[c.What] + " " + strings.ReplaceAll(c.Part.Key(), "\x00", "#")
		for _, b := range c.New {
			line += " [" + b.Text + "]"
		}
		got = append(got, line)
	}
	// The clause without an id that followed the one taken out now
	// follows the part before: it was not put in.
	want := []string{
		"changed general.insurance [Insurance: full cover, as [[general.liability]] says.]",
		"added clause general.insurance [Notices: in writing.]",
		"added section general.insurance [Charges] [None.]",
		"removed general.liability",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestAnswers: a change within what answers print gives their new
// values, with a template's full stop or capital undone; a change to the
// template's own words, or one answer printed two ways, is not answers.
func TestAnswers(t *testing.T) {
	paths := map[string]string{Marker(0): "governance.meetings", Marker(1): "objectives[0].target", Marker(2): "partners[0].name", Marker(3): "objectives[0].baseline"}
	values := map[string]string{"governance.meetings": "once a term.", "objectives[0].target": "60 pupils", "partners[0].name": "the Council", "objectives[0].baseline": "48"}
	para := func(s string) []Block { return []Block{{Kind: Clause, Text: s}} }
	row := func(cells ...string) []Block { return []Block{{Kind: Table, Rows: [][]string{{"Target"}, cells}}} }
	tests := []struct {
		name          string
		tpl, old, new []Block
		want          string // path=value, or "no"
	}{
		{"a capital and a full stop", para("Meetings: " + Marker(0) + "."), para("Meetings: Once a term."), para("Meetings: Twice a term."), "governance.meetings=twice a term."},
		{"a table cell", row(Marker(1) + " (baseline: " + Marker(3) + ")"), row("60 pupils (baseline: 48)"), row("75 pupils (baseline: 48)"), "objectives[0].target=75 pupils"},
		{"the template's words", para("Meetings: " + Marker(0) + "."), para("Meetings: Once a term."), para("Gatherings: Once a term."), "no"},
		{"printed twice, changed once", para(Marker(2) + " and " + Marker(2)), para("the Council and the Council"), para("the City and the Council"), "no"},
		{"a row put in", row(Marker(1)), row("60 pupils"), []Block{{Kind: Table, Rows: [][]string{{"Target"}, {"60 pupils"}, {"5"}}}}, "no"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			set, ok := Answers(tc.tpl, tc.old, tc.new, paths, values)
			got := "no"
			if ok {
				var s []string
				for p, v := range set {
					s = append(s, p+"="+v)
				}
				got = strings.Join(s, ",")
			}
			if got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

// TestMarkdown: blocks read back as a long answer in mou's Markdown.
func TestMarkdown(t *testing.T) {
	blocks := []Block{{Kind: Para, Text: "Between us:"}, {Kind: Numbered, Text: "one;"}, {Kind: Numbered, Text: "two."},
		{Kind: Bullet, Text: "a"}, {Kind: Table, Rows: [][]string{{"Item", "Cost"}, {"Hall | stage", "£50"}}}, {Kind: Para, Title: "Note", Text: "End."}}
	want := "Between us:\n\n1. one;\n2. two.\n\n- a\n\n| Item | Cost |\n| --- | --- |\n| Hall \\| stage | £50 |\n\nNote. End."
	if got := Markdown(blocks); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestTwice: a bookmark of mou's held twice, as a paragraph's own or as
// one gone with a deleted paragraph, is named once; other bookmarks,
// and mou's held once, are not.
func TestTwice(t *testing.T) {
	d := read(t, sample)
	if got := Twice(d, ids); len(got) != 0 {
		t.Fatalf("mou's own file holds %v twice", got)
	}
	last := &d.Blocks[len(d.Blocks)-1]
	last.Bookmarks = append(last.Bookmarks, "_Toc1", "_Toc1", docx.BookmarkName("general.liability"))
	last.Gone = append(last.Gone, docx.BookmarkName("general"), docx.BookmarkName("general"))
	got := strings.Join(Twice(d, ids), ",")
	if want := docx.BookmarkName("general") + "," + docx.BookmarkName("general.liability"); got != want {
		t.Errorf("Twice = %q, want %q", got, want)
	}
}

// TestManyReferences: a paragraph of many cross-references reads in
// work that grows with its length, each as its id.
func TestManyReferences(t *testing.T) {
	const n = 20_000
	b := docxread.Block{Text: strings.Repeat("1.2 ", n)}
	for i := range n {
		b.Refs = append(b.Refs, docxread.Ref{Start: 4 * i, End: 4*i + 3, Target: docx.BookmarkName("general.liability")})
	}
	var got string
	cost := worktest.Measure(func() { got = text(b, ids) })
	if want := strings.TrimSpace(strings.Repeat("[[general.liability]] ", n)); got != want {
		t.Errorf("text = %.60q…, want %.60q…", got, want)
	}
	cost.Within(t, "a paragraph of 20,000 references", 0, 16<<20)
}
