package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPublicFlags checks that --public and --fragment write the web page
// alone unless --format says more, and refuse a --format without it.
func TestPublicFlags(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		code  int
		files string // extensions written, in name order
	}{
		// The version record, which lists every contact's details, stays
		// out of a folder for the website.
		{"public alone", []string{"--public"}, 0, "html html"},
		{"fragment alone", []string{"--fragment"}, 0, "html html json"},
		{"public with pdf", []string{"--public", "--format", "html,pdf"}, 0, "html pdf html pdf"},
		{"public without html", []string{"--public", "--format", "md"}, 2, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			file := writeFile(t, dir, "p.yaml")
			out := filepath.Join(dir, "out")
			code, _, stderr := run(t, append([]string{"generate", "-o", out, file}, tc.args...)...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d: %s", code, tc.code, stderr)
			}
			var exts []string
			entries, _ := os.ReadDir(out)
			for _, e := range entries {
				exts = append(exts, strings.TrimPrefix(filepath.Ext(e.Name()), "."))
			}
			if got := strings.Join(exts, " "); got != tc.files {
				t.Errorf("wrote %q, want %q", got, tc.files)
			}
		})
	}
}

// TestPublicPageLeavesOutPeople: the public page leaves out every answer
// that names a person however the name or email is written (in capitals,
// with no-break or repeated spaces, with an apostrophe), and the folder
// meant for the website gets no version record, which lists every
// contact's details.
func TestPublicPageLeavesOutPeople(t *testing.T) {
	dir := t.TempDir()
	mentions := []string{
		"Meet J.SMITH@RIVERSIDE.EXAMPLE.ORG each week (alpha).",
		"Jane\u00a0Smith leads the visits (bravo).",
		"PRIYA  PATEL books the workshop (charlie).",
		"Ask Mark O'Connor about safeguarding (delta).",
		"Tom\u00a0\u00a0hartwell signs for the company (echo).",
		"Call 01632 960 455 to book (foxtrot).",
	}
	var aims strings.Builder
	for _, m := range mentions {
		aims.WriteString("  - \"" + m + "\"\n")
	}
	file := writeFile(t, dir, "p.yaml", "aims:\n", "aims:\n"+aims.String())
	out := filepath.Join(dir, "site")
	if code, _, stderr := run(t, "generate", "--public", "-o", out, file); code != 0 {
		t.Fatal(stderr)
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".html") {
			t.Errorf("the public folder holds %s", e.Name())
		}
	}
	pages, _ := filepath.Glob(filepath.Join(out, "*-mou-v1.html"))
	if len(pages) != 1 {
		t.Fatalf("pages %v", pages)
	}
	page := readText(t, pages[0])
	for _, m := range mentions {
		if words := strings.Fields(m); strings.Contains(page, words[len(words)-1]) {
			t.Errorf("the public page keeps %q", m)
		}
	}
	if !strings.Contains(page, "Build a pipeline of local young people") {
		t.Error("the public page lost an aim that names no one")
	}
}
