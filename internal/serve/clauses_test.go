package serve

import (
	"github.com/partnership-tools/mou/templates"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/app"
)

// TestClauseChoices: leaving out a standard clause or section, putting
// one in the partnership's own words and adding clauses of its own
// after one, each through its page, write what mou validate reads as
// those choices; going back to the standard words leaves no empty
// choice behind, so the file ends as it began.
func TestClauseChoices(t *testing.T) {
	ts := newTestServer(t, "employer")
	before := ts.read(t)
	choose := func(id string, set map[string]string, action string) (int, string) {
		t.Helper()
		_, page := ts.get(t, "/clauses/"+id)
		v := formValues(t, page)
		for k, val := range set {
			v.Set(k, val)
		}
		v.Set("action", action)
		code, body, _ := ts.post(t, "/clauses/"+id, v)
		return code, body
	}
	wording := func() app.Snapshot {
		t.Helper()
		snap, err := app.Read(ts.file)
		if err != nil {
			t.Fatal(err)
		}
		if err := snap.Problems.Err(); err != nil {
			t.Fatalf("the file has problems: %v\n%s", err, ts.read(t))
		}
		return snap
	}

	choose("general.insurance", map[string]string{"choice": "omit"}, "back")
	words := "Insurance: each partner keeps public liability cover of at least £5 million.\n\nEach partner shows the others its certificate on request."
	choose("general.confidentiality", map[string]string{"choice": "own", "wording.replace.general.confidentiality": words}, "save")
	choose("communication", map[string]string{"choice": "omit"}, "save")
	if code, _ := choose("general.materials", nil, "add"); code != http.StatusSeeOther {
		t.Fatalf("adding a clause: status %d", code)
	}
	choose("general.materials", map[string]string{"wording.insert[0].text": "Each partner may use the others' logos only as the communication lead agrees."}, "save")
	choose("safeguarding", nil, "add")
	choose("safeguarding", map[string]string{"wording.insert[1].title": "Transport", "wording.insert[1].text": "Pupils travel to activities by the school's own minibus."}, "save")

	w := wording().Questionnaire.Wording
	if !slices.Equal(w.Omit, []string{"general.insurance", "communication"}) {
		t.Errorf("left out: %v", w.Omit)
	}
	if got := string(w.Replace["general.confidentiality"]); got != words {
		t.Errorf("own words read back as %q", got)
	}
	if len(w.Insert) != 2 || w.Insert[0].After != "general.materials" || w.Insert[1].After != "safeguarding" || string(w.Insert[1].Title) != "Transport" {
		t.Errorf("own clauses: %+v", w.Insert)
	}
	_, page := ts.get(t, "/clauses/general.confidentiality")
	if !strings.Contains(page, `<div class="clause-text">Confidentiality: each partner keeps confidential`) {
		t.Error("a reworded clause's page does not show the standard words")
	}
	if !strings.Contains(page, htmlEscape(words)+"</textarea>") {
		t.Error("a reworded clause's page does not hold the partnership's words")
	}
	_, list := ts.get(t, "/clauses")
	for _, want := range []string{"Left out", "In your own words", "1 clause of yours after it", "Left out with its section"} {
		if !strings.Contains(list, want) {
			t.Errorf("the list of clauses does not say %q", want)
		}
	}
	if _, screen := ts.get(t, "/part/wording"); !strings.Contains(screen, "2 standard clauses or sections left out.") {
		t.Error("the wording choices do not sum up the clauses chosen")
	}

	// Own words left empty: nothing saved, the problem at the field.
	code, body := choose("general.health-and-safety", map[string]string{"choice": "own", "wording.replace.general.health-and-safety": "  "}, "save")
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, `id="f-words-error"`) {
		t.Errorf("empty own words: status %d", code)
	}

	// A signing-service tag in the own words: saved, and shown at the
	// field with the message mou validate gives.
	choose("general.confidentiality", map[string]string{"choice": "own", "wording.replace.general.confidentiality": "Sign here {{Sig;role=A}}."}, "save")
	snap, _ := app.Read(ts.file)
	errs := snap.Problems.Errors()
	if len(errs) != 1 {
		t.Fatalf("want one problem, got %v", errs)
	}
	_, page = ts.get(t, "/clauses/general.confidentiality")
	if !strings.Contains(page, `<p class="error-message" id="f-words-error"><span class="visually-hidden">Error:</span> `+htmlEscape(errs[0].Message)) {
		t.Errorf("the problem %q is not shown at the words", errs[0].Message)
	}
	if _, nav := ts.get(t, "/part/wording"); !strings.Contains(nav, `<a href="/clauses">Standard clauses: `+htmlEscape(errs[0].Message)) {
		t.Error("the wording page does not list the clause's problem")
	}

	// Back to the standard words, one by one: the file is as it began.
	choose("general.confidentiality", map[string]string{"choice": "keep"}, "save")
	choose("general.insurance", map[string]string{"choice": "keep"}, "save")
	choose("communication", map[string]string{"choice": "keep"}, "save")
	choose("safeguarding", nil, "remove:wording.insert[1]")
	choose("general.materials", nil, "remove:wording.insert[0]")
	if after := ts.read(t); after != before {
		t.Errorf("back to the standard words, the file differs:\n%s", lineDiff(before, after))
	}
}

// TestStrayClauseChoices: a choice naming a clause the edition does not
// have is listed with mou validate's message and can be removed.
func TestStrayClauseChoices(t *testing.T) {
	ts := newTestServer(t, "bilateral")
	before := ts.read(t)
	edited := strings.Replace(before, "  edition: \""+templates.Current+"\"\n", "  edition: \""+templates.Current+"\"\n  omit: [general.insurence]\n  replace:\n    nonsense: Words.\n", 1)
	os.WriteFile(ts.file, []byte(edited), 0o644)
	snap, _ := app.Read(ts.file)
	if len(snap.Problems.Errors()) != 2 {
		t.Fatalf("want two problems: %v", snap.Problems.Errors())
	}
	_, page := ts.get(t, "/clauses")
	for _, p := range snap.Problems.Errors() {
		if !strings.Contains(page, htmlEscape(p.Message)) {
			t.Errorf("the list of clauses does not show %q", p.Message)
		}
	}
	for _, action := range []string{"drop-omit:0", "drop-replace:nonsense"} {
		_, page := ts.get(t, "/clauses")
		v := formValues(t, page[strings.Index(page, `value="`+action+`"`)-2000:])
		v.Set("action", action)
		if code, _, _ := ts.post(t, "/clauses", v); code != http.StatusSeeOther {
			t.Errorf("%s: status %d", action, code)
		}
	}
	if after := ts.read(t); after != before {
		t.Errorf("with the stray choices removed the file differs:\n%s", lineDiff(before, after))
	}
}
