package serve

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/pdftest"
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
