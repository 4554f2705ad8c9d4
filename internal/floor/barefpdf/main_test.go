package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/pdftest"
)

// TestFloorDrawsEveryFile builds the floor program and has it draw two
// Markdown files: each becomes a valid PDF holding its words, so the
// yardstick measures real work.
func TestFloorDrawsEveryFile(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "barefpdf")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	docs := map[string]string{
		"mou.md":  "# Memorandum of understanding\n\n## 1. Parties\n\nRiverside Academy and Hartwell Engineering, Ŵyn's café.\n",
		"code.md": "# Code of practice\n\n" + strings.Repeat("Each visit is agreed a fortnight ahead.\n\n", 200),
	}
	var args []string
	for name, md := range docs {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(md), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}
	out := filepath.Join(dir, "out")
	if msg, err := exec.Command(bin, append([]string{"-o", out}, args...)...).CombinedOutput(); err != nil {
		t.Fatalf("barefpdf: %v\n%s", err, msg)
	}
	for name, want := range map[string]struct {
		text  string
		pages int
	}{"mou.pdf": {"Ŵyn's café", 1}, "code.pdf": {"a fortnight ahead", 4}} {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if n := pdftest.Valid(t, data); n < want.pages {
			t.Errorf("%s: %d pages, want at least %d", name, n, want.pages)
		}
		if text := pdftest.Text(t, data); !strings.Contains(text, want.text) {
			t.Errorf("%s does not hold %q:\n%.300s", name, want.text, text)
		}
	}
	if err := exec.Command(bin).Run(); err == nil {
		t.Error("barefpdf with no files succeeded")
	}
}
