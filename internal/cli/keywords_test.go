package cli

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/pdftest"
)

// TestTitleInKeywords: the title chosen under wording reaches the
// keywords of the PDF and of the Word file's core properties, not only
// their titles.
func TestTitleInKeywords(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	file := writeFile(t, dir, "p.yaml")
	src := string(mustRead(t, file)) + "\nwording:\n  edition: \"2026.2\"\n  title: Partnership Agreement\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "generate", "-o", out, "--format", "pdf,docx", file); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	base := filepath.Join(out, "riverside-hartwell-engineering-futures-mou-v1")
	const want = "partnership agreement; school partnership; employer"

	if kw := regexp.MustCompile(`(?m)^Keywords:\s*(.*)$`).FindStringSubmatch(pdftest.Info(t, mustRead(t, base+".pdf"))); kw == nil || kw[1] != want {
		t.Errorf("PDF keywords %q, want %q", kw, want)
	}
	if got := docxPart(t, base+".docx", "docProps/core.xml"); !strings.Contains(got, "<cp:keywords>"+want+"</cp:keywords>") {
		t.Errorf("Word core properties want keywords %q:\n%s", want, got)
	}
}

// docxPart is the text of one part of a Word file.
func docxPart(t *testing.T, file, name string) string {
	t.Helper()
	z, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	f, err := z.Open(name)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
