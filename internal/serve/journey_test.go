package serve

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/pdftest"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/yamledit"
)

// TestDraftsThenFinal follows a first issue through the interview: the
// drafts are written and the page says how to make the copies to sign;
// choosing Final writes them in place of the drafts; answers changed
// afterwards are refused in the interview's own words, pointing to the
// version and the handover rather than to flags and keys.
func TestDraftsThenFinal(t *testing.T) {
	ts := newTestServer(t, "bilateral")
	write := func() (int, string) {
		t.Helper()
		code, body, _ := ts.post(t, "/generate", url.Values{"formats": {"pdf"}})
		return code, body
	}
	mou := func() string {
		t.Helper()
		names, _ := filepath.Glob(filepath.Join(filepath.Dir(ts.file), "out", "*-mou-v1.pdf"))
		if len(names) != 1 {
			t.Fatalf("want one memorandum PDF, got %v", names)
		}
		data, err := os.ReadFile(names[0])
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(strings.Fields(pdftest.Text(t, data)), " ")
	}

	code, body := write()
	if code != http.StatusOK {
		t.Fatalf("the drafts: status %d:\n%s", code, body)
	}
	if !strings.Contains(mou(), "Draft for discussion") {
		t.Fatal("the first copies are not drafts")
	}
	if !strings.Contains(body, `When the partners agree them, choose Final under <a href="/part/signing#f-stage">Signing</a>`) {
		t.Errorf("the page does not say how to make the copies to sign:\n%s", body)
	}

	_, page := ts.get(t, "/part/signing")
	v := formValues(t, page)
	v.Set("stage", "final")
	if code, _, _ := ts.post(t, "/part/signing", v); code != http.StatusSeeOther {
		t.Fatalf("choosing Final: status %d", code)
	}
	code, body = write()
	if code != http.StatusOK {
		t.Fatalf("the final copies over the drafts: status %d:\n%s", code, body)
	}
	if strings.Contains(mou(), "Draft for discussion") {
		t.Error("the final copy still says it is a draft")
	}
	if !strings.Contains(body, `As each signature comes back, <a href="/life/signed">record it</a>`) {
		t.Errorf("the page does not say to record the signatures:\n%s", body)
	}

	_, page = ts.get(t, "/part/partnership")
	v = formValues(t, page)
	v.Set("partnership.mission", "A new mission, agreed after the copies went out.")
	ts.post(t, "/part/partnership", v)
	code, body = write()
	if code != http.StatusUnprocessableEntity {
		t.Fatalf("changed answers under the same version: status %d, want 422", code)
	}
	for _, want := range []string{`<a href="/part/partnership#f-version">version of the agreement</a>`, `<a href="/life/handover">record a handover</a>`} {
		if !strings.Contains(body, want) {
			t.Errorf("the refusal does not offer %s:\n%s", want, body)
		}
	}
	for _, flag := range []string{"--force", "force to replace", `raise "version"`, "mou handover"} {
		if strings.Contains(body, flag) {
			t.Errorf("the refusal speaks of %q, which the interview has no place for", flag)
		}
	}
	if strings.Contains(mou(), "A new mission") {
		t.Error("the refused answers reached the final copy")
	}
}

// TestProblemsInTheInterviewsWords: a problem's words that name another
// answer by its place in the file name it as the interview asks it, at
// the question, in the summary and in a form's notes; a problem a form
// cannot put at one of its own fields links to the question concerned.
func TestProblemsInTheInterviewsWords(t *testing.T) {
	ts := newTestServer(t, "bilateral")
	// The interview's own start page writes the example answers, so the
	// advice of one left as it is names no command.
	if _, page := ts.get(t, "/part/partnership"); !strings.Contains(page, htmlEscape(`"Example Primary–Secondary Transition Partnership" is still mou's example; replace it with yours`)) || strings.Contains(page, "mou init") {
		t.Error("the advice of an example answer left as it is speaks of mou init")
	}
	edited := strings.Replace(ts.read(t), "      in_kind: Staff time and expertise for the activities it leads.\n",
		"      in_kind: Staff time and expertise for the activities it leads.\n      amount: 500\n", 1)
	if err := os.WriteFile(ts.file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	_, page := ts.get(t, "/part/finance")
	question := htmlEscape("an amount is given, but “Does money change hands between the partners?” is false")
	if !strings.Contains(page, question) || strings.Contains(page, "finance.money_changes_hands is false") {
		t.Errorf("the finance page names the answer by its place in the file, not its question:\n%s", page)
	}

	// A third partner joining a bilateral partnership is noted in words.
	os.WriteFile(ts.file, []byte(strings.Replace(edited, "      amount: 500\n", "", 1)), 0o644)
	v := url.Values{"action": {"save"}, "name": {"Third Primary School"}, "partner": {"third"}, "kind": {"school"},
		"lead": {"Ann Other"}, "title": {"Year 6 Teacher"}, "email": {"a@third.example.org"},
		"signatory": {"Bob Other"}, "position": {"Headteacher"}, "effective": {"2026-09-01"}}
	code, body, _ := ts.post(t, "/life/join", v)
	if code != http.StatusOK {
		t.Fatalf("joining: status %d:\n%s", code, body)
	}
	if want := "<li>" + htmlEscape("“Model”: a bilateral partnership is between two institutions"); !strings.Contains(body, want) {
		t.Errorf("the join does not say, in the interview's words, that the model no longer fits:\n%s", body)
	}

	snap, err := app.Read(ts.file)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := yamledit.Parse(snap.Data)
	if err != nil {
		t.Fatal(err)
	}
	st := newState(snap, doc)
	got := st.atQuestion(questionnaire.Problem{File: "partnership.yaml", Line: 90, Path: "partnership.model", Message: "choose another model"})
	if want := (summaryLine{"Model (The partnership): choose another model", "/part/partnership#f-partnership-model"}); got != want {
		t.Errorf("a problem at a question: %+v, want %+v", got, want)
	}
	stray := questionnaire.Problem{File: "partnership.yaml", Line: 3, Column: 1, Path: "colour", Message: "unknown field"}
	if got := st.atQuestion(stray); got.Message != stray.String() || got.Href != "" {
		t.Errorf("a problem no question asks: %+v, want it as the file has it", got)
	}
}

// TestSaveAndContinueStaysOnANewProblem: Save and continue goes on to the
// next part, unless the answers just saved brought this part a problem
// it did not have, which it then stays to show; a problem that was
// already there does not hold the user on the part.
func TestSaveAndContinueStaysOnANewProblem(t *testing.T) {
	ts := newTestServer(t, "bilateral")
	next := func(notice string) string {
		t.Helper()
		_, page := ts.get(t, "/part/alteration")
		v := formValues(t, page)
		v.Set("action", "next")
		v.Set("dissolution.notice_period", notice)
		code, _, resp := ts.post(t, "/part/alteration", v)
		if code != http.StatusSeeOther {
			t.Fatalf("status %d", code)
		}
		return resp.Header.Get("Location")
	}
	if got := next("one term"); got != "/part/alteration" {
		t.Fatalf("a notice period mou cannot read: went on to %s, want to stay on the part", got)
	}
	if _, page := ts.get(t, "/part/alteration"); !strings.Contains(page, htmlEscape(`"one term" is not a period`)) {
		t.Error("the part it stayed on does not show the problem")
	}
	if got := next("a term"); got != "/part/alteration" {
		t.Errorf("another unreadable notice period: went on to %s, want to stay on the part", got)
	}
	if got := next("3 months"); got != "/part/code" {
		t.Errorf("a good notice period: went to %s, want the next part", got)
	}

	// A problem left from before does not hold the user on the part.
	_, page := ts.get(t, "/part/partnership")
	v := formValues(t, page)
	v.Set("partnership.start", "2026-02-30")
	ts.post(t, "/part/partnership", v)
	_, page = ts.get(t, "/part/partnership")
	v = formValues(t, page)
	v.Set("action", "next")
	v.Set("partnership.name", "Riverside and Hartwell")
	if _, _, resp := ts.post(t, "/part/partnership", v); resp.Header.Get("Location") != "/part/partners" {
		t.Errorf("with an old problem and a good new answer: went to %s, want the next part", resp.Header.Get("Location"))
	}
}

// TestSignatureFormSaysWhoAndWhatIsLeft: recording a signature lists
// whose it is and on what, and says in the form's own words how to
// record the ones still to come.
func TestSignatureFormSaysWhoAndWhatIsLeft(t *testing.T) {
	ts := newTestServer(t, "bilateral")
	v := url.Values{"action": {"save"}, "version": {"1"}, "partner": {"example-primary"}, "by": {"Alex Jordan"}, "date": {"2026-09-10"}}
	code, body, _ := ts.post(t, "/life/signed", v)
	if code != http.StatusOK {
		t.Fatalf("status %d:\n%s", code, body)
	}
	for _, want := range []string{
		"<li>Signatures: added Alex Jordan, for version 1</li>",
		"<li>Not yet signed agreement ref.",
		htmlEscape("; record each here, choosing “The code of practice” as the document signed.") + "</li>",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the page does not say %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "mou signed") {
		t.Error("the page tells a user of the form to run a command")
	}
}
