package document_test

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/sampletest"
	"github.com/partnership-tools/mou/templates"
)

// current loads a sample on the current edition with the given wording
// lines added under "wording:".
func current(t *testing.T, name, wording string, edits ...string) *questionnaire.Questionnaire {
	t.Helper()
	src := string(sampletest.Edit(t, name, edits...)) + "\nwording:\n  edition: \"" + templates.Current + "\"\n" + wording
	q, problems := questionnaire.Load(name, []byte(src), questionnaire.Options{ClauseIDs: document.ClauseIDs})
	if err := problems.Err(); err != nil {
		t.Fatalf("%s with %q is not valid:\n%v", name, wording, err)
	}
	return q
}

var (
	sectionNum = regexp.MustCompile(`(?m)^## (\d+)\. (.*)$`)
	clauseNum  = regexp.MustCompile(`(?m)^\*\*(\d+)\.(\d+)[ *]`)
)

// checkNumbering fails unless the sections are numbered 1, 2, 3… and the
// clauses of each section N.1, N.2, N.3…
func checkNumbering(t *testing.T, md string) {
	t.Helper()
	for i, m := range sectionNum.FindAllStringSubmatch(md, -1) {
		if m[1] != strconv.Itoa(i+1) {
			t.Errorf("section %q is number %s, want %d", m[2], m[1], i+1)
		}
	}
	next := map[string]int{}
	for _, m := range clauseNum.FindAllStringSubmatch(md, -1) {
		next[m[1]]++
		if m[2] != strconv.Itoa(next[m[1]]) {
			t.Errorf("clause %s.%s follows %s.%d", m[1], m[2], m[1], next[m[1]]-1)
			next[m[1]], _ = strconv.Atoi(m[2])
		}
	}
}

func TestWordingChoices(t *testing.T) {
	tmpl := parse(t)
	tests := []struct {
		name, wording string
		want, not     []string
	}{
		{"default", "", []string{"It is not legally binding", "Keeping Children Safe in Education", "## Memorandum of Understanding", "as set out in section 15"},
			[]string{"Governing law", "Keeping Learners Safe"}},
		{"binding", "  status: binding\n",
			[]string{"This is a formal partnership", "intend this memorandum to be legally binding", "Governing law: this memorandum is governed by the law of England and Wales"},
			[]string{"not legally binding"}},
		{"wales", "  nation: wales\n", []string{"Welsh Government's statutory guidance Keeping Learners Safe", "public liability cover for learners on workplace visits"},
			[]string{"Keeping Children Safe", "pupils on workplace visits"}},
		{"title", "  title: Service Level Agreement\n",
			[]string{"## Service Level Agreement\n", "This Service Level Agreement (“this Agreement”) is made between", "This Agreement takes effect", "Schedule 1 is not an alteration of this Agreement", "commit it to this Agreement."},
			[]string{"Memorandum of Understanding", "This memorandum"}},
		{"omit a clause", "  omit: [general.confidentiality]\n", []string{"**12.3** Shared materials"}, []string{"Confidentiality:"}},
		{"omit a section", "  omit: [dissolution]\n",
			[]string{"continues until the partners agree in writing to end it", "## 15. Signatures"},
			[]string{"Dissolution", "written notice of at least"}},
		{"replace", "  replace:\n    general.insurance: |\n      Each partner insures its own staff.\n\n      The council insures the buildings.\n",
			[]string{"**12.2** Each partner insures its own staff.\n\nThe council insures the buildings.\n"}, []string{"Insurance: each partner"}},
		{"insert after a clause", "  insert:\n    - after: general.insurance\n      title: Minibus\n      text: Only staff with a D1 licence drive it.\n",
			[]string{"**12.3 Minibus.** Only staff with a D1 licence drive it.\n\n**12.4** Confidentiality"}, nil},
		{"insert after an omitted section", "  omit: [dissolution]\n  insert:\n    - after: dissolution\n      title: Ending the agreement\n      text: The partners end it together.\n",
			[]string{"## 15. Ending the agreement\n\n**15.1** The partners end it together.\n\n## 16. Signatures"}, nil},
		{"replace a clause the answers leave out", "  replace:\n    governance.attendance: Each partner sends someone to every meeting.\n",
			[]string{"**7.5** Disputes: A disagreement goes first to the two leads", "**7.6** Each partner sends someone to every meeting.\n\n## 8. Monitoring"}, nil},
		{"insert after a clause the answers leave out", "  insert:\n    - after: finance.no-money\n      text: Our own words.\n",
			[]string{"**9.3** Payments: Hartwell pays", "**9.4** Our own words.\n\n## 10. Safeguarding"}, nil},
		{"insert after a section", "  insert:\n    - after: mission\n      title: Values\n      text: We share.\n",
			[]string{"## 2. Mission", "## 3. Values\n\n**3.1** We share.\n\n## 4. Background and status"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// With no end date, the term runs until the partnership is dissolved.
			q := current(t, "school-employer.yaml", tc.wording, "  end: 2028-08-31\n", "")
			b, err := tmpl.Markdown(q, document.MOU, "")
			if err != nil {
				t.Fatal(err)
			}
			md := string(document.StripHints(b))
			for _, w := range tc.want {
				if !strings.Contains(md, w) {
					t.Errorf("the MOU does not contain %q", w)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(md, w) {
					t.Errorf("the MOU contains %q", w)
				}
			}
			checkNumbering(t, md)
		})
	}
}

// TestTitleInMetadata: the chosen title is the PDF's and web page's
// title too, and the file names do not change.
func TestTitleInMetadata(t *testing.T) {
	q := current(t, "school-employer.yaml", "  title: Partnership Agreement\n")
	if got := document.Layout(q, document.MOU, "", nil).Title; got != "Partnership Agreement" {
		t.Errorf("layout title %q, want Partnership Agreement", got)
	}
	if got := document.Layout(q, document.CodeOfPractice, "", nil).Title; got != "Code of Practice" {
		t.Errorf("code of practice title %q", got)
	}
}

// TestKeywords: the metadata keywords (PDF and Word) lead with the
// document's title as chosen under wording, not the standard title.
func TestKeywords(t *testing.T) {
	for _, tc := range []struct {
		wording string
		kind    document.Kind
		want    string
	}{
		{"", document.MOU, "memorandum of understanding; school partnership; employer"},
		{"  title: Partnership Agreement\n", document.MOU, "partnership agreement; school partnership; employer"},
		{"  title: Service Level Agreement\n", document.MOU, "service level agreement; school partnership; employer"},
		{"", document.CodeOfPractice, "code of practice; school partnership; employer"},
		{"  title: Partnership Agreement\n  code_title: Code of Conduct\n", document.CodeOfPractice, "code of conduct; school partnership; employer"},
	} {
		q := current(t, "school-employer.yaml", tc.wording)
		if got := document.Layout(q, tc.kind, "", nil).Keywords; got != tc.want {
			t.Errorf("%s with %q: keywords %q, want %q", tc.kind.Name, tc.wording, got, tc.want)
		}
	}
}

// TestEveryClauseIsDefined: each id the MOU places has its standard text,
// and every standard text is placed.
func TestEveryClauseIsDefined(t *testing.T) {
	clauses := document.StandardClauses(templates.Current)
	if len(clauses) < 60 {
		t.Fatalf("only %d standard clauses and sections", len(clauses))
	}
	seen := map[string]bool{}
	for _, c := range clauses {
		if seen[c.ID] {
			t.Errorf("%s is listed twice", c.ID)
		}
		seen[c.ID] = true
		if c.Section == "" {
			t.Errorf("%s has no section", c.ID)
		}
		if questionnaire.IsSection(c.ID) != (c.Text == "") {
			t.Errorf("%s: section %v, text %q", c.ID, questionnaire.IsSection(c.ID), c.Text)
		}
		if section, _, ok := strings.Cut(c.ID, "."); ok && !seen[section] {
			t.Errorf("%s is not in a section called %s", c.ID, section)
		}
	}
	for _, id := range []string{"status.non-binding", "general.insurance", "safeguarding.kcsie", "dissolution"} {
		if !seen[id] {
			t.Errorf("no standard clause %s", id)
		}
	}
	data, err := templates.FS.ReadFile("clauses.md.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`define "clause:([^"]+)"`).FindAllStringSubmatch(string(data), -1) {
		if !seen[m[1]] {
			t.Errorf("clause:%s is defined but the MOU never places it", m[1])
		}
	}
	if document.StandardClauses(templates.Unstated) != nil && templates.Unstated != templates.Current {
		t.Errorf("edition %s lists clause ids it does not have", templates.Unstated)
	}
}

// TestStructuredClauses: a clause of the partnership's own may hold
// paragraphs, lists and tables (written with ">" or "|"), and markup
// outside the subset prints as typed.
func TestStructuredClauses(t *testing.T) {
	q := current(t, "school-employer.yaml", `  insert:
    - after: general.insurance
      title: Charges
      text: |
        The academy pays:

        1. the hall hire;
        2. the caretaker.

        | Item | Cost |
        | --- | --- |
        | Hall | £50 |

        <b>Not bold</b> and [no link](http://x).
    - after: general.materials
      text: >
        First paragraph
        of two.

        Second paragraph.
`)
	b, err := parse(t).Markdown(q, document.MOU, "")
	if err != nil {
		t.Fatal(err)
	}
	md := string(document.StripHints(b))
	for _, want := range []string{
		"**12.3 Charges.** The academy pays:\n\n1. the hall hire;\n2. the caretaker.\n\n| Item | Cost |\n| --- | --- |\n| Hall | £50 |\n\n\\<b\\>Not bold\\</b\\> and \\[no link\\](http://x).",
		"**12.6** First paragraph of two.\n\nSecond paragraph.",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the MOU does not contain\n%s", want)
		}
	}
	checkNumbering(t, md)
}

func TestShortNamesAndSchedules(t *testing.T) {
	tmpl := parse(t)
	edits := []string{
		"    name: Hartwell Engineering Ltd\n", "    name: Hartwell Engineering Ltd\n    short_name: the Company\n",
		"    name: Riverside Academy\n", "    name: Riverside Academy\n    short_name: the Academy\n",
	}
	schedules := "schedules:\n  - title: Charges\n    text: |\n      | Item | Cost |\n      | --- | --- |\n      | Hall | £50 |\n  - title: Specification\n    text: The Company provides engineers.\n"
	load := func(text string) *questionnaire.Questionnaire {
		src := string(sampletest.Edit(t, "school-employer.yaml", edits...)) + "\nwording:\n  edition: \"" + templates.Current + "\"\n" + text
		q, problems := questionnaire.Load("s.yaml", []byte(src), questionnaire.Options{ClauseIDs: document.ClauseIDs})
		if err := problems.Err(); err != nil {
			t.Fatal(err)
		}
		return q
	}
	q := load(schedules)
	b, err := tmpl.Markdown(q, document.MOU, "")
	if err != nil {
		t.Fatal(err)
	}
	md := string(document.StripHints(b))
	for _, want := range []string{
		"1. **Riverside Academy** (“the Academy”), a school",
		"**9.2** The Academy holds the partnership's budget",
		"| Work-experience week (the Company) |",
		// The partnership's own schedules come first, numbered from 1,
		// and the signed text ends with them; mou's two follow.
		"<!-- mou:end-signature -->\n\n<!-- mou:pagebreak -->\n\n## Schedule 1: Charges\n\nThis schedule and Schedule 2 form part of this memorandum and are signed with it; Schedule 3 and Schedule 4, which follow, are not.\n\n| Item | Cost |\n| --- | --- |\n| Hall | £50 |\n\n<!-- mou:pagebreak -->\n\n## Schedule 2: Specification\n\nThe Company provides engineers.\n\n<!-- mou:end-agreement -->\n\n<!-- mou:pagebreak -->\n\n## Schedule 3: Key contacts\n",
		"## Schedule 4: Amendment record",
		"listed in Schedule 3. When a person changes",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the MOU does not contain %q", want)
		}
	}
	// The signatures and contacts keep the full names.
	if !strings.Contains(md, "**Signed for and on behalf of Hartwell Engineering Ltd**") {
		t.Error("a signature block lost the partner's full name")
	}

	// The partnership's own schedules are signed: changing one changes the
	// reference, and taking them all away gives another.
	ref := func(q *questionnaire.Questionnaire) string {
		a, err := tmpl.Agreement(q)
		if err != nil {
			t.Fatal(err)
		}
		return a.Reference
	}
	base := ref(q)
	if ref(load(strings.Replace(schedules, "£50", "£60", 1))) == base {
		t.Error("a changed schedule left the agreement reference as it was")
	}
	if ref(load("")) == base {
		t.Error("removing the schedules left the agreement reference as it was")
	}
	a, _ := tmpl.Agreement(q)
	last := a.Sections[len(a.Sections)-1]
	if last.Heading != "Schedule 2: Specification" || strings.Contains(last.Text, "Amendment record") || strings.Contains(last.Text, "Key contacts") {
		t.Errorf("the signed text ends with %q: %q", last.Heading, last.Text)
	}
}

// TestOneDocument: a partnership may ask for the code of practice alone,
// which then carries the agreement reference, or the MOU alone.
func TestOneDocument(t *testing.T) {
	tmpl := parse(t)
	cop := current(t, "school-employer.yaml", "  code_title: Code of Conduct\ndocuments: [code-of-practice]\n")
	if kinds := document.KindsFor(cop); len(kinds) != 1 || kinds[0] != document.CodeOfPractice {
		t.Fatalf("KindsFor = %v, want the code of practice alone", kinds)
	}
	md, err := tmpl.Markdown(cop, document.CodeOfPractice, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## Code of Conduct\n", "The code stands on its own", "hands over the partnership file: this code and its list of contacts;",
		// The partnership named with its article, as a sentence needs.
		"it is the whole of what the partners agree for the Riverside–Hartwell Engineering Futures partnership, whose mission"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the code does not contain %q", want)
		}
	}
	// It shows no objectives or activities, so the handover list asks
	// for none.
	for _, not := range []string{"memorandum", "current objectives", "activity calendar"} {
		if strings.Contains(string(md), not) {
			t.Errorf("the stand-alone code mentions %q", not)
		}
	}
	a, err := tmpl.Agreement(cop)
	if err != nil {
		t.Fatal(err)
	}
	if a.Sections[1].Heading != "1. Purpose" {
		t.Errorf("the signed text of a stand-alone code starts with %q", a.Sections[1].Heading)
	}
	// A change of contact leaves the code's reference alone.
	moved := *cop
	moved.Partners = append([]questionnaire.Partner(nil), cop.Partners...)
	moved.Partners[0].Lead.Name = "Someone Else"
	if b, _ := tmpl.Agreement(&moved); b.Reference != a.Reference {
		t.Error("a new contact changed the stand-alone code's reference")
	}

	mou := current(t, "school-employer.yaml", "documents: [mou]\n")
	if kinds := document.KindsFor(mou); len(kinds) != 1 || kinds[0] != document.MOU {
		t.Errorf("KindsFor = %v, want the MOU alone", kinds)
	}
}

// TestCodeOfPracticeChoices: the code's standard clauses and sections
// have ids too.
func TestCodeOfPracticeChoices(t *testing.T) {
	q := current(t, "school-employer.yaml", "  omit: [turnover, behaviours.visitors]\n  replace:\n    contacts.changes: Tell the others at once.\n  insert:\n    - after: code-review\n      title: Volunteers\n      text: Volunteers follow this code too.\n")
	b, err := parse(t).Markdown(q, document.CodeOfPractice, "")
	if err != nil {
		t.Fatal(err)
	}
	md := string(document.StripHints(b))
	for _, want := range []string{"**5.2** Tell the others at once.", "## 6. Monitoring the code", "## 7. Volunteers\n\n**7.1** Volunteers follow this code too.\n\n## 8. Endorsement"} {
		if !strings.Contains(md, want) {
			t.Errorf("the code does not contain %q", want)
		}
	}
	for _, not := range []string{"Staff turnover", "rules for visitors"} {
		if strings.Contains(md, not) {
			t.Errorf("the code contains %q", not)
		}
	}
	checkNumbering(t, md)
}

// TestOwnTextIsText: what a partnership writes in its own clauses,
// schedules and short names prints as typed, and never becomes a layout
// hint, raw HTML or a link.
func TestOwnTextIsText(t *testing.T) {
	hostile := "<!-- mou:pagebreak -->\n\n<div>raw</div> [link](http://x) {Signature;role=A}\n\n## Not a heading"
	q := current(t, "school-employer.yaml", "  replace:\n    general.insurance: |\n"+indentLines(hostile, 6)+
		"  insert:\n    - after: roles\n      title: \"<!-- mou:pagebreak -->\"\n      text: \"*x*\"\n"+
		"schedules:\n  - title: \"<b>Charges</b>\"\n    text: |\n"+indentLines(hostile, 6),
		"    name: Hartwell Engineering Ltd\n", "    name: Hartwell Engineering Ltd\n    short_name: \"<i>Hartwell</i>\"\n")
	md, err := parse(t).Markdown(q, document.MOU, "")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(md), "\n<!-- mou:pagebreak -->\n"); n != 2 {
		t.Errorf("%d page-break hints, want the template's two (before the schedule and before the contacts)", n)
	}
	var out bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.Table)).Convert(md, &out); err != nil {
		t.Fatal(err)
	}
	html := out.String()
	for _, want := range []string{"&lt;!-- mou:pagebreak --&gt;", "&lt;div&gt;raw&lt;/div&gt; [link](http://x) {Signature;role=A}", "## Not a heading",
		"Schedule 1: &lt;b&gt;Charges&lt;/b&gt;", "(“&lt;i&gt;Hartwell&lt;/i&gt;”)", "*x*"} {
		if !strings.Contains(html, want) {
			t.Errorf("the MOU's HTML does not contain %q", want)
		}
	}
	for _, bad := range []string{"<div>", "<a ", "<b>", "<i>", "<em>"} {
		if strings.Contains(html, bad) {
			t.Errorf("the MOU's HTML contains markup %q from an answer", bad)
		}
	}
}

func indentLines(s string, n int) string {
	pad := strings.Repeat(" ", n)
	return pad + strings.ReplaceAll(s, "\n", "\n"+pad) + "\n"
}

// TestNoticeNamesTheDocument: the notice of change names the document the
// contacts are listed in.
func TestNoticeNamesTheDocument(t *testing.T) {
	tmpl := parse(t)
	for _, tc := range []struct{ wording, want string }{
		{"", "Schedule 1 of the memorandum of understanding, version 1"},
		{"  title: Service Level Agreement\n", "Schedule 1 of the Service Level Agreement, version 1"},
		{"  code_title: Code of Conduct\ndocuments: [code-of-practice]\n", "The list of key contacts in the code of conduct, version 1"},
	} {
		w, err := tmpl.Write(current(t, "school-employer.yaml", tc.wording), document.NoticeOfChange, document.Input{Reference: "ABCD-EFGH", Notice: &document.Notice{PreviousVersion: 1}})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(w.Markdown), tc.want) {
			t.Errorf("with %q the notice does not say %q", tc.wording, tc.want)
		}
	}
}
