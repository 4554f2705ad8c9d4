package serve

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/yamledit"
)

// TestRemoveOptionalGroup: an optional group, such as a partner's
// safeguarding lead, goes whole, by its button or by emptying its
// answers, leaving no empty group behind; typing into its empty
// questions brings it back.
func TestRemoveOptionalGroup(t *testing.T) {
	ts := newTestServer(t, "hub-and-spoke")
	before := ts.read(t)
	block := "    safeguarding_lead:\n      # name, role, email and phone of the safeguarding lead.\n      name: Chris Morgan\n" +
		"      # role: usually Designated Safeguarding Lead.\n      role: Designated Safeguarding Lead\n      # email: a role address is best.\n" +
		"      email: dsl@hubprimary.example.org\n      # phone: a number answered during the school day.\n      phone: 01632 960 102\n"
	if !strings.Contains(before, block) {
		t.Fatalf("the model's first partner has no safeguarding lead as expected:\n%s", before)
	}
	want := strings.Replace(before, block, "", 1)

	_, page := ts.get(t, "/part/partners")
	if !strings.Contains(page, `value="remove:partners[0].safeguarding_lead">Remove the safeguarding lead of partner 1</button>`) {
		t.Fatal("no button removes the first partner's safeguarding lead")
	}
	v := formValues(t, page)
	v.Set("action", "remove:partners[0].safeguarding_lead")
	if code, _, _ := ts.post(t, "/part/partners", v); code != http.StatusSeeOther {
		t.Fatalf("status %d", code)
	}
	if got := ts.read(t); got != want {
		t.Errorf("removing the group left:\n%s", lineDiff(want, got))
	}

	// The same, by emptying every answer of the group.
	os.WriteFile(ts.file, []byte(before), 0o644)
	_, page = ts.get(t, "/part/partners")
	v = formValues(t, page)
	for _, k := range []string{"name", "role", "email", "phone"} {
		v.Set("partners[0].safeguarding_lead."+k, " ")
	}
	ts.post(t, "/part/partners", v)
	after := ts.read(t)
	if after != want {
		t.Errorf("emptying the group left:\n%s", lineDiff(want, after))
	}
	if snap, _ := app.Read(ts.file); snap.Problems.Err() != nil {
		t.Errorf("without its safeguarding lead the file has problems: %v", snap.Problems.Err())
	}

	// Typed into again, the group comes back, with its answers in order.
	_, page = ts.get(t, "/part/partners")
	if strings.Contains(page, `value="remove:partners[0].safeguarding_lead"`) {
		t.Error("a group the file does not hold can be removed")
	}
	v = formValues(t, page)
	v.Set("partners[0].safeguarding_lead.name", "Kim Lee")
	v.Set("partners[0].safeguarding_lead.role", "Designated Safeguarding Lead")
	v.Set("partners[0].safeguarding_lead.email", "dsl@hub.example.org")
	ts.post(t, "/part/partners", v)
	snap, _ := app.Read(ts.file)
	if err := snap.Problems.Err(); err != nil {
		t.Fatal(err)
	}
	if sl := snap.Questionnaire.Partners[0].SafeguardingLead; sl == nil || string(sl.Name) != "Kim Lee" || string(sl.Email) != "dsl@hub.example.org" {
		t.Errorf("the safeguarding lead typed in is not saved: %+v", sl)
	}
	if !strings.Contains(ts.read(t), "    safeguarding_lead:\n      name: Kim Lee\n      role: Designated Safeguarding Lead\n      email: dsl@hub.example.org\n") {
		t.Errorf("the new group is not written in the questions' order:\n%s", ts.read(t))
	}

	// No lead partner: the answer goes, not just its value.
	before = ts.read(t)
	_, page = ts.get(t, "/part/partnership")
	if !strings.Contains(page, `<option value="">None</option>`) {
		t.Error("an optional partner cannot be left unchosen")
	}
	v = formValues(t, page)
	v.Set("partnership.lead_partner", "")
	ts.post(t, "/part/partnership", v)
	if want := strings.Replace(before, "  lead_partner: example-hub\n", "", 1); ts.read(t) != want {
		t.Errorf("without a lead partner:\n%s", lineDiff(want, ts.read(t)))
	}
}

// TestDefaultChoicesAreShownNotWritten: an optional choice left out is
// shown as what it means (not binding, England, both documents), and
// saving the page as it is writes nothing; choosing otherwise is saved.
func TestDefaultChoicesAreShownNotWritten(t *testing.T) {
	ts := newTestServer(t, "bilateral")
	before := ts.read(t)
	_, page := ts.get(t, "/part/wording")
	for _, checked := range []string{"non-binding", "england", "Schedule 1", "mou", "code-of-practice"} {
		if !regexp.MustCompile(`value="` + regexp.QuoteMeta(checked) + `" checked`).MatchString(page) {
			t.Errorf("%s, which stands when nothing is chosen, is not shown chosen", checked)
		}
	}
	// A title is typed, with mou's titles offered as it is.
	for _, offered := range []string{"Memorandum of Understanding", "Service Level Agreement", "Code of Conduct", "the Parties"} {
		if !strings.Contains(page, `<option value="`+offered+`">`) {
			t.Errorf("%s is not offered", offered)
		}
	}
	if strings.Contains(page, "Not chosen") {
		t.Error("a choice with a default offers \"Not chosen\" too")
	}
	ts.post(t, "/part/wording", formValues(t, page))
	if ts.read(t) != before {
		t.Errorf("saving the wording page as it is changed the file:\n%s", lineDiff(before, ts.read(t)))
	}
	v := formValues(t, page)
	v.Set("wording.status", "binding")
	v["documents"] = []string{"", "mou"}
	ts.post(t, "/part/wording", v)
	snap, _ := app.Read(ts.file)
	if w := snap.Questionnaire.Wording; w.Status != "binding" || w.Nation != "" {
		t.Errorf("wording saved as %+v", w)
	}
	if d := snap.Questionnaire.Documents; !slices.Equal(d, []string{"mou"}) {
		t.Errorf("documents saved as %v", d)
	}
}

// TestDatesForPeople: dates are asked with the browser's date picker and
// shown as "1 September 2026"; a date the picker cannot show stays as
// typed, with its problem; a list of dates is one picker a date, and one
// more to add another.
func TestDatesForPeople(t *testing.T) {
	ts := newTestServer(t, "bilateral")
	_, page := ts.get(t, "/part/partnership")
	if !strings.Contains(page, `type="date" id="f-partnership-start" name="partnership.start" value="2026-09-01"`) {
		t.Error("the first day is not asked with a date picker")
	}
	_, review := ts.get(t, "/review")
	for _, want := range []string{">1 September 2026<", ">31 August 2028<", ">Once a year<", ">Bilateral<", ">School<", ">Not legally binding<"} {
		if !strings.Contains(review, want) {
			t.Errorf("the review does not show %q", want)
		}
	}
	for _, raw := range []string{">2026-09-01<", ">annually<", ">non-binding<"} {
		if strings.Contains(review, raw) {
			t.Errorf("the review shows the file's word %q", raw)
		}
	}

	edited := strings.Replace(ts.read(t), "start: 2026-09-01", "start: 2026-02-30", 1)
	os.WriteFile(ts.file, []byte(edited), 0o644)
	_, page = ts.get(t, "/part/partnership")
	if !strings.Contains(page, `type="text" id="f-partnership-start" name="partnership.start" value="2026-02-30"`) {
		t.Error("a date that does not exist is not kept as typed")
	}
	ts.post(t, "/part/partnership", formValues(t, page))
	if ts.read(t) != edited {
		t.Error("saving the page changed a date that does not exist")
	}

	_, page = ts.get(t, "/part/governance")
	inputs := regexp.MustCompile(`<input[^>]* type="date" id="f-monitoring-review_dates[^"]*" name="monitoring.review_dates" value="([^"]*)"`).FindAllStringSubmatch(page, -1)
	if len(inputs) != 3 || inputs[2][1] != "" {
		t.Fatalf("the review dates are not two date pickers and an empty one: %v", inputs)
	}
	v := formValues(t, page)
	v["monitoring.review_dates"] = []string{inputs[0][1], inputs[1][1], "2029-07-09"}
	ts.post(t, "/part/governance", v)
	snap, _ := app.Read(ts.file)
	if got := snap.Questionnaire.Monitoring.ReviewDates; len(got) != 3 || got[2].String() != "9 July 2029" {
		t.Errorf("review dates saved as %v", got)
	}
}

// TestWordsForPeople renders every page a person meets and fails on
// the words of a file format in its guidance: hints, introductions,
// options and legends speak of answers, not of keys, quotes or lists.
func TestWordsForPeople(t *testing.T) {
	ts := newTestServer(t, "hub-and-spoke")
	pages := []string{"/", "/review", "/clauses", "/clauses/general.insurance", "/clauses/general"}
	for _, sc := range screens {
		pages = append(pages, "/part/"+sc.Slug)
	}
	for _, f := range lifeForms {
		pages = append(pages, "/life/"+f.Slug)
	}
	fresh := newTestServer(t, "")
	yamlisms := regexp.MustCompile(`(?i)\b(in quotes|a list|true or false|true if|keys?|indent\w*|yaml|YYYY-MM-DD|the id of|ids of)\b`)
	guidance := regexp.MustCompile(`(?s)<(?:p|div|span)[^>]* class="(?:hint[^"]*|lead|caption)"[^>]*>(.*?)</(?:p|div|span)>|<label class="choice-label"[^>]*>(.*?)</label>|<legend[^>]*>(.*?)</legend>`)
	check := func(ts *testServer, path string) {
		code, body := ts.get(t, path)
		if code != http.StatusOK {
			t.Errorf("%s: status %d", path, code)
			return
		}
		found := 0
		for _, m := range guidance.FindAllStringSubmatch(body, -1) {
			if strings.Contains(m[0], `class="hint`) {
				found++
			}
			text := m[1] + m[2] + m[3]
			if w := yamlisms.FindString(text); w != "" {
				t.Errorf("%s: %q in %q", path, w, text)
			}
		}
		if found == 0 && (ts == fresh || strings.HasPrefix(path, "/part/")) {
			t.Errorf("%s: no hint found to check", path)
		}
	}
	for _, path := range pages {
		check(ts, path)
	}
	check(fresh, "/")
	// The check finds such words where they are.
	if !yamlisms.MatchString("The six-digit unique reference number, in quotes.") {
		t.Error("the check misses a YAML-ism")
	}
}

// TestRenamePartner: a partner's short id changed on the partners' page
// changes wherever the questionnaire names that partner, so that the file
// stays valid; an id another partner has is not spread.
func TestRenamePartner(t *testing.T) {
	ts := newTestServer(t, "bilateral")
	before := ts.read(t)
	_, page := ts.get(t, "/part/partners")
	v := formValues(t, page)
	v.Set("partners[0].id", "riverside")
	ts.post(t, "/part/partners", v)
	snap, _ := app.Read(ts.file)
	if err := snap.Problems.Err(); err != nil {
		t.Fatalf("after a new id the file has problems: %v", err)
	}
	after := ts.read(t)
	if n := strings.Count(before, "example-primary"); n < 5 {
		t.Fatalf("the model names example-primary only %d times", n)
	}
	if strings.ReplaceAll(before, "example-primary", "riverside") != after {
		t.Errorf("the file changed beyond the id:\n%s", lineDiff(strings.ReplaceAll(before, "example-primary", "riverside"), after))
	}

	// The other partner's id: a problem to put right, not a merger.
	_, page = ts.get(t, "/part/partners")
	v = formValues(t, page)
	v.Set("partners[1].id", "riverside")
	ts.post(t, "/part/partners", v)
	if got := ts.read(t); strings.Count(got, "example-secondary") != strings.Count(before, "example-secondary")-1 {
		t.Error("an id another partner has was spread to the answers that name this one")
	}
}

// TestFileLabels: the files written are offered by what they are.
func TestFileLabels(t *testing.T) {
	for name, want := range map[string]string{
		"riverside-mou-v2.pdf":                       "Memorandum of Understanding (PDF)",
		"riverside-code-of-practice-v2.docx":         "Code of Practice (Word)",
		"riverside-notice-of-change-v2.pdf":          "Notice of Change to Key Contacts (PDF)",
		"riverside-joining-agreement-hillside-v3.md": "Joining Agreement (Markdown)",
		"riverside-review-2027-07-15.html":           "Review Record (web page)",
		"riverside-record-v2.json":                   "The record of this version, which mou reads to compare the next with it",
		"riverside.ics":                              "riverside.ics",
	} {
		if got := fileLabel(nil, name); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	// A partnership's own titles name its files.
	q := &questionnaire.Questionnaire{}
	q.Wording.Edition, q.Wording.Title, q.Wording.CodeTitle = "2026.3", "Partnership Service Level Agreement", "Volunteers' Code of Practice"
	for name, want := range map[string]string{
		"ashcombe-mou-v1.pdf":              "Partnership Service Level Agreement (PDF)",
		"ashcombe-code-of-practice-v1.pdf": "Volunteers' Code of Practice (PDF)",
	} {
		if got := fileLabel(q, name); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}

// TestChangeWords: the changes a form for the partnership's life makes,
// which the commands print by path, are said as the questions say them.
func TestChangeWords(t *testing.T) {
	ts := newTestServer(t, "bilateral")
	snap, _ := app.Read(ts.file)
	doc, err := yamledit.Parse(snap.Data)
	if err != nil {
		t.Fatal(err)
	}
	got := changeWords([]string{
		"partners[0].lead.name: Sam Taylor → Dafydd Jones",
		"partners[1].lead.acting_until: none → 2027-03-31",
		"date: 2026-07-01 → 2027-01-06",
		"partners[1].signatory: added (name: Martin Shaw, position: Headteacher)",
		"partners[2].lead: added (name: Grace Obi, role: Deputy Headteacher)",
		"history: added version 2: Lead changed.",
		"a line of another shape",
	}, newState(snap, doc))
	want := []string{
		"Example Primary School, partnership lead, name: Sam Taylor → Dafydd Jones",
		"Example Secondary School, partnership lead acting until: none → 31 March 2027",
		"Date of this version: 1 July 2026 → 6 January 2027",
		"Example Secondary School, signatory: added Martin Shaw",
		"The new partner, partnership lead: added Grace Obi",
		"Amendment record: added version 2: Lead changed.",
		"a line of another shape",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestAddButtonWords: the button under a list says "an" before a vowel,
// as a person would, and "another" once the list has an item.
func TestAddButtonWords(t *testing.T) {
	ts := newTestServer(t, "bilateral")
	code, err := os.ReadFile(filepath.Join("..", "..", "samples", "volunteer-code-of-conduct.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ts.file, code, 0o644); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"/part/aims":       ">Add an objective</button>",
		"/part/activities": ">Add an activity</button>",
		"/part/finance":    ">Add a contribution</button>",
		"/part/partners":   ">Add another partner</button>",
	} {
		if _, body := ts.get(t, path); !strings.Contains(body, want) {
			t.Errorf("%s has no %q", path, want)
		}
	}
}
