package app

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/partnership-tools/mou/internal/theme"
	"github.com/partnership-tools/mou/templates"
)

// TestPreviewIsTheGeneratedPDF: the preview the interview shows is the
// PDF generate writes, byte for byte.
func TestPreviewIsTheGeneratedPDF(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "p.yaml")
	if _, err := Init(file, "employer", false); err != nil {
		t.Fatal(err)
	}
	g, err := New(Options{Templates: templates.FS, Theme: theme.Default()})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := Read(file)
	if err != nil || snap.Problems.Err() != nil {
		t.Fatal(err, snap.Problems)
	}
	b := &Batch{Generator: g, Formats: []string{"pdf"}, OutDir: filepath.Join(dir, "out")}
	if r := b.Run(file); r.Err != nil {
		t.Fatal(r.Err)
	}
	for _, kind := range []string{"mou", "code-of-practice"} {
		name, data, err := g.Preview(file, snap.Questionnaire, kind)
		if err != nil {
			t.Fatal(err)
		}
		written, err := os.ReadFile(filepath.Join(dir, "out", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(data, written) {
			t.Errorf("%s: the preview differs from the PDF generate wrote", kind)
		}
	}
	if _, _, err := g.Preview(file, snap.Questionnaire, "notice"); err == nil {
		t.Error("previewed a document the partnership does not have")
	}
}
