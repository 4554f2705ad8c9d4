package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/pdftest"
)

// TestRedlineAndReviewLook: a redline and a review record take --paper
// and --theme as generate does, in the PDF and in the Word file: US
// Letter from --paper, or from the theme file when --paper is not given,
// and the theme's font.
func TestRedlineAndReviewLook(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "p.yaml")
	themeFile := filepath.Join(dir, "theme.yaml")
	if err := os.WriteFile(themeFile, []byte("paper: letter\nfont: serif\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const letterPDF, letterWord = "612 x 792 pts (letter)", `<w:pgSz w:w="12240" w:h="15840"/>`
	for _, tc := range []struct {
		name  string
		flags []string
		serif bool
	}{
		{"--paper letter", []string{"--paper", "letter"}, false},
		{"--theme", []string{"--theme", themeFile}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			pdf, word := filepath.Join(out, "mou.pdf"), filepath.Join(out, "code.docx")
			args := append([]string{"diff", file, file, "--redline", pdf, "--redline-code", word}, tc.flags...)
			if code, _, stderr := run(t, args...); code != 0 {
				t.Fatalf("diff: exit %d: %s", code, stderr)
			}
			review := filepath.Join(out, "review")
			args = append([]string{"review", writeFile(t, out, "r.yaml"), "--date", "2027-07-15", "--format", "pdf,docx", "-o", review}, tc.flags...)
			if code, _, stderr := run(t, args...); code != 0 {
				t.Fatalf("review: exit %d: %s", code, stderr)
			}
			record := filepath.Join(review, "riverside-hartwell-engineering-futures-review-2027-07-15")
			data, err := os.ReadFile(record + ".pdf")
			if err != nil {
				t.Fatal(err)
			}
			if info := pdftest.Info(t, data); !strings.Contains(info, letterPDF) {
				t.Errorf("the PDF review record is not on Letter paper:\n%s", info)
			}
			if doc := docxPart(t, record+".docx", "word/document.xml"); !strings.Contains(doc, letterWord) {
				t.Errorf("the Word review record is not on Letter paper")
			}
			data, err = os.ReadFile(pdf)
			if err != nil {
				t.Fatal(err)
			}
			if info := pdftest.Info(t, data); !strings.Contains(info, letterPDF) {
				t.Errorf("the PDF redline is not on Letter paper:\n%s", info)
			}
			if doc := docxPart(t, word, "word/document.xml"); !strings.Contains(doc, letterWord) {
				t.Errorf("the Word redline is not on Letter paper")
			}
			if serif := strings.Contains(docxPart(t, word, "word/styles.xml"), `w:ascii="Times New Roman"`); serif != tc.serif {
				t.Errorf("the Word redline in Times New Roman: %t, want %t", serif, tc.serif)
			}
			if serif := strings.Contains(string(data), "+utf8serif"); serif != tc.serif { // a subset: ABCDEF+utf8serif
				t.Errorf("the PDF redline in the serif faces: %t, want %t", serif, tc.serif)
			}
		})
	}
}
