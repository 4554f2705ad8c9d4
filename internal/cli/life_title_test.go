package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/sampletest"
)

// TestStandardTextUsesTheTitle: where the partnership gives its document
// a title, the counterparts clause, the signature line of a partner that
// joins and the review record name it by that title; without one they
// say "memorandum" as before.
func TestStandardTextUsesTheTitle(t *testing.T) {
	tests := []struct {
		sample, slug string
		edit         string   // added to the file, after its version
		want         []string // in the MOU of version 1, the MOU of version 2 and the review record
		not          string   // in none of them
	}{
		{"school-employer.yaml", "riverside-hartwell-engineering-futures", "wording:\n  edition: \"2026.2\"\n", []string{
			"Counterparts: this memorandum is signed in counterparts.", "the signed copies taken together make up one memorandum.",
			"which binds it to this memorandum.", "Memorandum reviewed: version 2 of 1 September 2027"}, "agreement."},
		{"model-partnership-contract.yaml", "fenwick-teacher-training-partnership", "", []string{
			"Counterparts: this agreement is signed in counterparts.", "the signed copies taken together make up one partnership agreement.",
			"which binds it to this agreement.", "Partnership agreement reviewed: version 2 of 1 September 2027"}, "memorandum"},
	}
	for _, tc := range tests {
		t.Run(tc.sample, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out")
			file := filepath.Join(dir, "p.yaml")
			if err := os.WriteFile(file, sampletest.Edit(t, tc.sample, "version: 1\n", "version: 1\nsigning: counterparts\n"+tc.edit), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.CopyFS(filepath.Join(dir, "logos"), os.DirFS("../../samples/logos")); err != nil {
				t.Fatal(err)
			}
			mustRun(t, "generate", "-o", out, "--format", "md", file)
			mustRun(t, "join", file, "--partner", "newco", "--name", "Newco Ltd", "--kind", "employer", "--lead", "A B", "--title", "Outreach Officer",
				"--email", "a.b@newco.example.org", "--position", "Director", "--effective", "2027-09-01")
			mustRun(t, "generate", "-o", out, "--format", "md", file)
			mustRun(t, "review", file, "--date", "2027-09-02", "--format", "md", "-o", out)
			var all string
			for _, name := range []string{"mou-v1.md", "mou-v2.md", "review-2027-09-02.md"} {
				all += string(mustRead(t, filepath.Join(out, tc.slug+"-"+name)))
			}
			for _, want := range tc.want {
				if !strings.Contains(all, want) {
					t.Errorf("the documents do not say %q", want)
				}
			}
			for _, line := range strings.Split(all, "\n") {
				if strings.Contains(line, "counterparts") || strings.Contains(line, "binds it to") || strings.Contains(line, " reviewed: ") {
					if strings.Contains(line, tc.not) {
						t.Errorf("a line says %q: %s", tc.not, line)
					}
				}
			}
		})
	}
}
