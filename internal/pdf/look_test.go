package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLook renders the sample agreement to $MOU_PDFCHECK (when set) so it
// can be looked at: go test -run TestLook with MOU_PDFCHECK=/tmp/pdfcheck.
func TestLook(t *testing.T) {
	dir := os.Getenv("MOU_PDFCHECK")
	if dir == "" {
		t.Skip("set MOU_PDFCHECK to a directory to write the sample PDF")
	}
	md, err := os.ReadFile("testdata/agreement.md")
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(DefaultTheme())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, "agreement.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc := Document{
		Title: "Memorandum of Understanding", Header: "Bro Ŵyn Learning Partnership · Memorandum of Understanding",
		Footer: "Version 2 · 1 September 2026", Reference: "Agreement ref. 7K2M-Q9XD",
		Date:  time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC),
		Logos: sampleLogos(t),
	}
	if err := r.Render(f, md, doc); err != nil {
		t.Fatal(err)
	}
	stress := "# Stress\n\n" + filler(40) + tableMarkdown(40) + strings.Repeat("abcdefghij", 300) + "\n\n" +
		"| a | b | c | d | e | f |\n|-|-|-|-|-|-|\n| " + strings.Repeat("abcdefghij", 300) + " | x | x | x | x | x |\n"
	g, err := os.Create(filepath.Join(dir, "stress.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if err := r.Render(g, []byte(stress), doc); err != nil {
		t.Fatal(err)
	}
}
