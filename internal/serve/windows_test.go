package serve

import (
	"net/http"
	"os"
	"strings"
	"testing"
)

// TestSaveKeepsWindowsLineEndings: a questionnaire Notepad saved (a byte
// order mark, CRLF line endings) keeps both, and every comment, when a
// part is saved in the browser, which sends a long answer's line breaks
// as CRLF too.
func TestSaveKeepsWindowsLineEndings(t *testing.T) {
	ts := newTestServer(t, "bilateral")
	notepad := "\ufeff" + strings.ReplaceAll(ts.read(t), "\n", "\r\n")
	if err := os.WriteFile(ts.file, []byte(notepad), 0o644); err != nil {
		t.Fatal(err)
	}
	_, page := ts.get(t, "/part/partnership")
	v := formValues(t, page)
	v.Set("partnership.mission", "To make moving school a confident step for every pupil.")
	v.Set("partnership.background", "The schools have shared a catchment since 1998.\r\n\r\nThis memorandum puts their work on a lasting footing.")
	v.Set("action", "next")
	if code, body, _ := ts.post(t, "/part/partnership", v); code != http.StatusSeeOther {
		t.Fatalf("status %d:\n%s", code, body)
	}
	after := ts.read(t)
	if !strings.HasPrefix(after, "\ufeff") {
		t.Error("the byte order mark was dropped")
	}
	if n := strings.Count(strings.ReplaceAll(after, "\r\n", ""), "\n"); n > 0 {
		t.Errorf("%d lines end in LF alone in a CRLF file:\n%q", n, after)
	}
	if strings.Count(after, "\r\r") > 0 {
		t.Errorf("doubled carriage returns:\n%q", after)
	}
	if strings.Count(after, "#") != strings.Count(notepad, "#") {
		t.Errorf("comments lost: %d marks, was %d", strings.Count(after, "#"), strings.Count(notepad, "#"))
	}
	for _, want := range []string{"To make moving school a confident step for every pupil.", "The schools have shared a catchment since 1998.\r\n"} {
		if !strings.Contains(after, want) {
			t.Errorf("the file lacks %q", want)
		}
	}
}
