package cli

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tracked copies the Word file from with an insertion tracked by Ann
// between the words before and after, which end a run, and returns the
// copy's path.
func tracked(t *testing.T, from, before, after, inserted string) string {
	t.Helper()
	z, err := zip.OpenReader(from)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, f := range z.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "word/document.xml" {
			old := before + after + "</w:t></w:r>"
			if !bytes.Contains(data, []byte(old)) {
				t.Fatalf("the Word file lacks %q", old)
			}
			data = bytes.Replace(data, []byte(old), []byte(before+`</w:t></w:r><w:ins w:id="900" w:author="Ann" w:date="2026-09-01T00:00:00Z"><w:r><w:t xml:space="preserve">`+
				inserted+`</w:t></w:r></w:ins><w:r><w:t xml:space="preserve">`+after+"</w:t></w:r>"), 1)
		}
		out, _ := w.Create(f.Name)
		out.Write(data)
	}
	w.Close()
	path := filepath.Join(t.TempDir(), "returned.docx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// slaWord copies the sample service level agreement into a folder of
// its own, writes its Word files there, and returns the questionnaire,
// its bytes and the memorandum's Word file.
func slaWord(t *testing.T) (file string, data []byte, memorandum string) {
	t.Helper()
	dir := t.TempDir()
	data, err := os.ReadFile("../../samples/council-academy-sla.yaml")
	if err != nil {
		t.Fatal(err)
	}
	file = filepath.Join(dir, "sla.yaml")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "generate", file, "--out", dir, "--format", "docx"); code != 0 {
		t.Fatalf("generate: %s", stderr)
	}
	words, _ := filepath.Glob(filepath.Join(dir, "*-mou-v1.docx"))
	return file, data, words[0]
}

// TestImportCommand: mou import lists a Word file's tracked changes and
// refuses them until --accept-all; a dry run lists the changes and writes
// nothing; then the change is written as the next version.
func TestImportCommand(t *testing.T) {
	file, data, memorandum := slaWord(t)
	word := tracked(t, memorandum, "Meetings: Once a term, and within ten working days if either partner asks", ".", " in writing")

	code, _, stderr := run(t, "import", file, word)
	if code != 1 || !strings.Contains(stderr, "Tracked changes still pending (1):\n  clause 7.2 (governance.meetings): insertion by Ann: “in writing”") || !strings.Contains(stderr, "--accept-all") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	code, stdout, stderr := run(t, "import", file, word, "--accept-all", "--dry-run")
	for _, want := range []string{"Changes (1):", "clause 7.2 (governance.meetings) changed an answer", "→ governance.meetings: Once a term, and within ten working days if either partner asks in writing.", "Nothing was written (--dry-run)"} {
		if code != 0 || !strings.Contains(stdout, want) {
			t.Errorf("exit %d, no %q in:\n%s%s", code, want, stdout, stderr)
		}
	}
	if now, _ := os.ReadFile(file); !bytes.Equal(now, data) {
		t.Error("a dry run changed the file")
	}
	code, stdout, _ = run(t, "import", file, word, "--accept-all")
	if code != 0 || !strings.Contains(stdout, "Wrote version 2 of "+file) {
		t.Errorf("exit %d:\n%s", code, stdout)
	}
	if now, _ := os.ReadFile(file); !bytes.Contains(now, []byte("meetings: Once a term, and within ten working days if either partner asks in writing.")) {
		t.Errorf("the answer was not written:\n%s", now)
	}
}

// TestImportEscapesControls: the words of a Word file someone sent are
// printed with every character that cannot be printed escaped, so that
// a control sequence (here the C1 one that moves the cursor up a line
// and erases it) cannot hide a change from the person checking them.
func TestImportEscapesControls(t *testing.T) {
	file, _, memorandum := slaWord(t)
	word := tracked(t, memorandum, "Meetings: Once a term, and within ten working days if either partner asks", ".", " in \u009b1A\u009b2Kwriting")
	_, _, pending := run(t, "import", file, word)
	if strings.ContainsRune(pending, '\u009b') || !strings.Contains(pending, `insertion by Ann: “in \u009b1A\u009b2Kwriting”`) {
		t.Errorf("the control characters are not escaped in:\n%q", pending)
	}
	// Taken, the change is refused, as no answer holds a control character.
	code, stdout, stderr := run(t, "import", file, word, "--accept-all", "--dry-run")
	if code != 1 || strings.ContainsRune(stdout+stderr, '\u009b') || !strings.Contains(stderr, "governance.meetings: contains the control character U+009B") {
		t.Errorf("exit %d, output:\n%q\n%q", code, stdout, stderr)
	}
}
