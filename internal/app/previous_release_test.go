package app_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/pdftest"
)

// TestPreviousReleaseSamplesStillWork: every questionnaire written for
// the previous release still validates, with no new error or warning,
// and generates every format, with the agreement reference it had then,
// so no user is stranded and no signed text moves. The samples are
// those of main at b491c84, kept in testdata/previous-release, and the
// references are what that release's mou printed for them.
func TestPreviousReleaseSamplesStillWork(t *testing.T) {
	signed := map[string]string{
		"council-academy-sla.yaml":        "D4A9-XCGP",
		"hub-and-spoke.yaml":              "XA6T-VGA0",
		"independent-state.yaml":          "GRFP-QTB1",
		"model-partnership-contract.yaml": "DDZG-G1EG",
		"nine-school-partnership.yaml":    "9SFT-N7PM",
		"school-employer.yaml":            "BH7A-3R8E",
		"university-school.yaml":          "852V-HT1X",
		"volunteer-code-of-conduct.yaml":  "E3FR-0VAT",
	}
	files, _ := filepath.Glob("testdata/previous-release/*.yaml")
	if len(files) != len(signed) {
		t.Fatalf("found %d samples of the previous release, want %d", len(files), len(signed))
	}
	g := newGenerator(t)
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			q, problems, err := app.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			if len(problems) > 0 {
				t.Errorf("the previous release's sample now has problems:\n%v", problems)
			}
			if q == nil || problems.Err() != nil {
				return
			}
			res, err := g.Generate("", q, []string{"md", "pdf", "docx", "html"}, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if want := signed[filepath.Base(path)]; res.Record.Reference != want {
				t.Errorf("Agreement ref. %s, want %s as the previous release gave", res.Record.Reference, want)
			}
			formats := map[string]int{}
			for _, f := range documents(res) {
				formats[filepath.Ext(f.Name)]++
				if strings.HasSuffix(f.Name, ".pdf") {
					pdftest.Valid(t, f.Data)
				}
			}
			if n := formats[".md"]; n == 0 || formats[".pdf"] != n || formats[".docx"] != n || formats[".html"] != n {
				t.Errorf("formats written: %v", formats)
			}
		})
	}
}
