package document_test

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/internal/mdtext"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/sampletest"
	"github.com/partnership-tools/mou/internal/schema"
	"github.com/partnership-tools/mou/templates"
)

// onCurrent loads the sample called name (a path, or a file of samples/)
// on the current edition, with the wording choices given added to its
// wording section (or a new one).
func onCurrent(t *testing.T, data []byte, name, choices string) *questionnaire.Questionnaire {
	t.Helper()
	src := string(data)
	if strings.Contains(choices, "parties_term:") { // the choice given wins
		src = regexp.MustCompile(`(?m)^  parties_term: .*\n`).ReplaceAllLiteralString(src, "")
	}
	edition := "  edition: \"" + templates.Current + "\"\n" + choices
	if re := regexp.MustCompile(`(?m)^  edition: "[0-9.]+"\n`); re.MatchString(src) {
		src = re.ReplaceAllLiteralString(src, edition)
	} else {
		src += "\nwording:\n" + edition
	}
	q, problems := questionnaire.Load(name, []byte(src), questionnaire.Options{ClauseIDs: document.ClauseIDs})
	if err := problems.Err(); err != nil {
		t.Fatalf("%s with %q is not valid:\n%v", name, choices, err)
	}
	return q
}

// everyQuestionnaire is every sample and every "mou init" model, by name.
func everyQuestionnaire(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	samples, _ := filepath.Glob("../../samples/*.yaml")
	for _, path := range samples {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(path)] = data
	}
	for _, model := range initModels {
		data, err := schema.Starter(model)
		if err != nil {
			t.Fatal(err)
		}
		out["init "+model] = data
	}
	return out
}

// scrub rewrites every answer in q so that none says "partner": what
// does in the documents is then mou's own wording.
func scrub(v reflect.Value) {
	text := reflect.TypeFor[mdtext.Text]()
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			scrub(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				scrub(v.Field(i))
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			scrub(v.Index(i))
		}
	case reflect.Map:
		if v.Type().Elem() == text {
			for _, k := range v.MapKeys() {
				v.SetMapIndex(k, reflect.ValueOf(mdtext.Text(noPartner.ReplaceAllString(v.MapIndex(k).String(), "member"))))
			}
		}
	case reflect.String:
		if v.Type() == text {
			v.SetString(noPartner.ReplaceAllString(v.String(), "member"))
		}
	}
}

var (
	noPartner = regexp.MustCompile(`(?i)partner`)
	// partnerWord is the standard text calling a party a partner;
	// "partnership" and "partnership lead" are other words.
	partnerWord = regexp.MustCompile(`(?i)\bpartners?\b|\bpartner's|\bpartners'`)
)

// TestPartiesTerm: with a defined term of the partnership's own, every
// standard sentence of every document calls the parties by it, in every
// sample and "mou init" model; the list of parties defines it (or, for a
// term made of the parties' short names, defines none of its own); and
// without one the text reads as it did.
func TestPartiesTerm(t *testing.T) {
	tmpl := parse(t)
	for name, data := range everyQuestionnaire(t) {
		for _, term := range []string{"the Parties", "the Council and the Academy"} {
			q := onCurrent(t, data, name, "  parties_term: "+term+"\n")
			scrub(reflect.ValueOf(q))
			for _, kind := range document.KindsFor(q) {
				md, err := tmpl.Markdown(q, kind, "")
				if err != nil {
					t.Fatal(err)
				}
				for _, line := range strings.Split(string(md), "\n") {
					if partnerWord.MatchString(line) {
						t.Errorf("%s, %s, %q: the standard text says %q in:\n%s", name, kind.Name, term, partnerWord.FindString(line), line)
					}
				}
				if one := document.TermOf(q, locale.Get(q.Language)).One; !strings.Contains(string(md), " "+one+" ") {
					t.Errorf("%s, %s: %q is never used", name, kind.Name, one)
				}
			}
		}
	}

	sla := sampletest.Edit(t, "council-academy-sla.yaml")
	for _, tc := range []struct{ term, want, not string }{
		{"the Parties", "WM4 7AS;\n\ntogether “the Parties”, and each a “Party”.\n\n## 2.", "“the partners”"},
		{"the Council and the Academy", "WM4 7AS.\n\n## 2.", "together “"},
		{"", "WM4 7AS;\n\ntogether “the partners”.\n\n## 2.", "Party"},
	} {
		choice := ""
		if tc.term != "" {
			choice = "  parties_term: " + tc.term + "\n"
		}
		q := onCurrent(t, sla, "council-academy-sla.yaml", choice)
		md, err := tmpl.Markdown(q, document.MOU, "")
		if err != nil {
			t.Fatal(err)
		}
		says(t, string(md), []string{tc.want}, []string{tc.not})
	}
	// The code of practice has no list of parties: its title page
	// defines the term, as it does the short names.
	q := onCurrent(t, sla, "council-academy-sla.yaml", "  parties_term: the Parties\n")
	cop, err := tmpl.Markdown(q, document.CodeOfPractice, "")
	if err != nil {
		t.Fatal(err)
	}
	says(t, string(cop), []string{"between Westmere Borough Council (“the Council”) and Ashcombe Academy Trust (“the Academy”), together “the Parties”\n", "**3.1** All Parties will:"}, nil)
}

// TestOwnTitles: from edition 2026.3 a title is the partnership's own
// words, printed as typed (and as text, never markup) on the title page;
// one with Agreement in it makes the text call itself by the defined term
// "this Agreement", defined where the parties are; other documents name
// it with its capitals.
func TestOwnTitles(t *testing.T) {
	tmpl := parse(t)
	sla := sampletest.Edit(t, "council-academy-sla.yaml")
	q := onCurrent(t, sla, "council-academy-sla.yaml", "")
	q.Wording.Title, q.Wording.CodeTitle = "Partnership Service Level Agreement", "The *inGenious* Code"
	md, err := tmpl.Markdown(q, document.MOU, "")
	if err != nil {
		t.Fatal(err)
	}
	says(t, string(md), []string{"## Partnership Service Level Agreement\n", "This Partnership Service Level Agreement (“this Agreement”) is made between:",
		"partners intend this Agreement to be legally binding", "not an alteration of this Agreement"}, []string{"partnership service level agreement"})
	cop, err := tmpl.Markdown(q, document.CodeOfPractice, "")
	if err != nil {
		t.Fatal(err)
	}
	says(t, string(cop), []string{"## The \\*inGenious\\* Code\n", "The code sits beside the Partnership Service Level Agreement for the Westmere Music Service at Ashcombe Academy partnership"}, nil)

	// A memorandum stays "this memorandum", and a suggested title that
	// is no agreement's is in lower case in a sentence.
	q.Wording.Title = "Memorandum of Understanding"
	md, _ = tmpl.Markdown(q, document.MOU, "")
	says(t, string(md), []string{"This memorandum of understanding is made between:", "intend this memorandum to be legally binding"}, []string{"this Agreement"})
}

// TestHeadingsRenamed: a standard section renamed by its id keeps its
// number and its clauses, in the document and in its outline.
func TestHeadingsRenamed(t *testing.T) {
	tmpl := parse(t)
	sla := sampletest.Edit(t, "council-academy-sla.yaml")
	plain := onCurrent(t, sla, "council-academy-sla.yaml", "")
	q := onCurrent(t, sla, "council-academy-sla.yaml", "  headings:\n    mission: Purpose of agreement\n    term: \"Commencement & <b>term</b>\"\n")
	before, err := tmpl.Write(plain, document.MOU, document.Input{})
	if err != nil {
		t.Fatal(err)
	}
	after, err := tmpl.Write(q, document.MOU, document.Input{})
	if err != nil {
		t.Fatal(err)
	}
	says(t, string(after.Markdown), []string{"## 2. Purpose of agreement\n\nTo give every pupil", "## 13. Commencement & \\<b\\>term\\</b\\>\n\n**13.1** This Agreement takes effect"}, []string{"## 2. Mission", "Term and review"})
	if len(before.Outline.Sections) != len(after.Outline.Sections) {
		t.Fatalf("renaming changed the sections: %d, then %d", len(before.Outline.Sections), len(after.Outline.Sections))
	}
	for i, s := range after.Outline.Sections {
		b := before.Outline.Sections[i]
		if s.ID != b.ID || len(s.Clauses) != len(b.Clauses) {
			t.Errorf("section %d is %s with %d clauses, was %s with %d", s.Number, s.ID, len(s.Clauses), b.ID, len(b.Clauses))
		}
		if s.ID == "mission" && s.Title != "Purpose of agreement" {
			t.Errorf("the outline names the mission section %q", s.Title)
		}
	}
}

// TestOwnClauseNumbers: from edition 2026.3 a clause of the partnership's
// own that starts with its own number prints under mou's number alone
// (never "2.1 2.1"), and its sub-clause numbers are bold as mou's are;
// edition 2026.2 prints what it printed when it was signed.
func TestOwnClauseNumbers(t *testing.T) {
	tmpl := parse(t)
	hub := sampletest.Edit(t, "hub-and-spoke.yaml")
	const insert = "  insert:\n    - after: general.insurance\n      text: |\n        2.1 In this Agreement, a term is a school term.\n        2.2 The Council's year runs from April.\n"
	md, err := tmpl.Markdown(onCurrent(t, hub, "hub-and-spoke.yaml", insert), document.MOU, "")
	if err != nil {
		t.Fatal(err)
	}
	says(t, string(md), []string{"**12.3** In this Agreement, a term is a school term.\n\n**2.2** The Council's year runs from April.\n\n**12.4** Confidentiality"}, []string{"2.1 In this", "**2.1**"})

	src := string(hub) + "\nwording:\n  edition: \"2026.2\"\n" + insert
	old, problems := questionnaire.Load("hub-and-spoke.yaml", []byte(src), questionnaire.Options{ClauseIDs: document.ClauseIDs})
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	if md, err = tmpl.Markdown(old, document.MOU, ""); err != nil {
		t.Fatal(err)
	}
	says(t, string(md), []string{"**12.3** 2\\.1 In this Agreement, a term is a school term.\n\n2\\.2 The Council's year"}, nil)
}

// TestScheduleNumbering: from edition 2026.3 the partnership's own
// schedules come first, named and numbered as it chose, and form the end
// of the signed text; the key contacts and the amendment record follow
// with the next labels, outside it, and every sentence and document that
// names them uses those labels.
func TestScheduleNumbering(t *testing.T) {
	tmpl := parse(t)
	sla := sampletest.Edit(t, "council-academy-sla.yaml")
	q := onCurrent(t, sla, "council-academy-sla.yaml", "  schedule_numbering: Annex A\n")
	w, err := tmpl.Write(q, document.MOU, document.Input{})
	if err != nil {
		t.Fatal(err)
	}
	md := string(w.Markdown)
	says(t, md, []string{
		"## Annex A: Service specification\n\nThis annex and Annex B form part of this Agreement and are signed with it; Annex C and Annex D, which follow, are not.",
		"## Annex B: Charges\n",
		"<!-- mou:end-agreement -->\n\n<!-- mou:pagebreak -->\n\n## Annex C: Key contacts\n\nVersion 1, effective from 15 July 2026. This annex is not part of the signed text",
		"## Annex D: Amendment record\n",
		"listed in Annex C. When a person changes, the partner concerned tells the others within ten working days and Annex C is reissued",
		"A change to the people named in Annex C is not an alteration of this Agreement: Annex C is reissued and the change is noted in Annex D.",
	}, []string{"Schedule 1", "Schedule 2"})
	if end := strings.Index(md, "<!-- mou:end-agreement -->"); end < strings.Index(md, "## Annex B") || end > strings.Index(md, "## Annex C") {
		t.Error("the signed text does not end after the partnership's own schedules")
	}
	var labels []string
	for _, s := range w.Outline.Schedules {
		labels = append(labels, s.Label+": "+s.Title)
	}
	if got := strings.Join(labels, "|"); got != "Annex A: Service specification|Annex B: Charges|Annex C: Key contacts|Annex D: Amendment record" {
		t.Errorf("the outline's schedules are %q", got)
	}
	a, err := tmpl.Agreement(q)
	if err != nil {
		t.Fatal(err)
	}
	if last := a.Sections[len(a.Sections)-1]; last.Heading != "Annex B: Charges" || strings.Contains(last.Text, "Key contacts") {
		t.Errorf("the signed text's last section is %q", last.Heading)
	}
	if n := document.NamesOf(q); n.Contacts != "Annex C" || n.Record != "Annex D" || !n.Schedule {
		t.Errorf("NamesOf = %+v", n)
	}
	// Without schedules of its own, mou's two are the first labels.
	q.Schedules = nil
	q.Wording.ScheduleNumbering = "Appendix 1"
	if n := document.NamesOf(q); n.Contacts != "Appendix 1" || n.Record != "Appendix 2" {
		t.Errorf("without own schedules NamesOf = %+v", n)
	}
	// Lettering goes on past Z.
	q.Wording.ScheduleNumbering = "Schedule A"
	q.Schedules = make([]questionnaire.Clause, 26)
	for i := range q.Schedules {
		q.Schedules[i] = questionnaire.Clause{Title: "T", Text: "x"}
	}
	if n := document.NamesOf(q); n.Contacts != "Schedule AA" || n.Record != "Schedule AB" {
		t.Errorf("after 26 schedules NamesOf = %+v", n)
	}
}

// TestOwnSchedulesSayWhichAreSigned: the first of the partnership's own
// schedules says which schedules are signed with the agreement, by their
// labels, and that the key contacts and the amendment record after them
// are not; it used to say "this schedule and any after it", which took in
// the two that say they are not part of the signed text.
func TestOwnSchedulesSayWhichAreSigned(t *testing.T) {
	tmpl := parse(t)
	schedule := func(title string) string { return "  - title: " + title + "\n    text: The text of " + title + ".\n" }
	for _, tc := range []struct{ name, wording, want string }{
		{"one", "schedules:\n" + schedule("Charges"),
			"## Schedule 1: Charges\n\nThis schedule forms part of this memorandum and is signed with it; Schedule 2 and Schedule 3, which follow, are not."},
		{"three, as annexes", "  schedule_numbering: Annex A\nschedules:\n" + schedule("Charges") + schedule("Rooms") + schedule("Staff"),
			"## Annex A: Charges\n\nThis annex, Annex B and Annex C form part of this memorandum and are signed with it; Annex D and Annex E, which follow, are not."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			md, err := tmpl.Markdown(current(t, "school-employer.yaml", tc.wording), document.MOU, "")
			if err != nil {
				t.Fatal(err)
			}
			says(t, string(md), []string{tc.want}, []string{"any after it"})
		})
	}
}
