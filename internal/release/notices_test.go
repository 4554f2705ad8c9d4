package release

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoticesUpToDate: the licences page lists every module built into
// mou, with its licence, and nothing else; run "go run
// ./internal/release/notices" when it fails.
func TestNoticesUpToDate(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH, so the modules built into mou cannot be listed")
	}
	root := filepath.Join("..", "..")
	want, err := Notices(root, "./cmd/mou")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(root, NoticesFile))
	if err != nil {
		t.Fatal(err)
	}
	// The Go section is the licence of whichever Go runs the test, whose
	// wording has changed between releases; the rest must match.
	if !bytes.Equal(withoutGo(got), withoutGo(want)) {
		t.Errorf("%s is out of date: run go run ./internal/release/notices", NoticesFile)
	}
	for _, m := range []string{"codeberg.org/go-pdf/fpdf", "github.com/yuin/goldmark", "github.com/inconshreveable/mousetrap", "2009 The Go Authors"} {
		if !strings.Contains(string(want), m) {
			t.Errorf("the licences page does not mention %s", m)
		}
	}
	for _, testOnly := range []string{"chromedp", "pdfcpu"} {
		if strings.Contains(string(want), testOnly) {
			t.Errorf("the licences page lists %s, which only the tests use", testOnly)
		}
	}
}

// withoutGo is the page without the text of its Go section.
func withoutGo(page []byte) []byte {
	const heading = "\n## The Go programming language"
	start := bytes.Index(page, []byte(heading))
	if start < 0 {
		return page
	}
	end := bytes.Index(page[start+len(heading):], []byte("\n## "))
	if end < 0 {
		return page[:start]
	}
	return append(page[:start:start], page[start+len(heading)+end:]...)
}
