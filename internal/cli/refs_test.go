package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/sampletest"
)

// TestUnprintedReferencesAtTheirLine: a cross-reference to a clause the
// answers leave out, or to one in the other document, is refused by
// validate at the answer's line; generate, status and calendar refuse it
// with the same problem, writing nothing, so that a file validate accepts
// is one the others take.
func TestUnprintedReferencesAtTheirLine(t *testing.T) {
	tests := []struct {
		name, ref string
		problem   string // "" for none
	}{
		{"a clause the memorandum prints", "governance.meetings", ""},
		{"a clause these answers leave out", "governance.attendance",
			"partnership-sla.yaml:34:13: wording.insert[0].text: refers to [[governance.attendance]], which the memorandum does not print: these answers leave it out"},
		{"a clause of the code of practice", "purpose.support",
			"partnership-sla.yaml:34:13: wording.insert[0].text: refers to [[purpose.support]], which is in the code of practice: a reference can only be to a clause, section or schedule of the memorandum"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "partnership-sla.yaml")
			data := sampletest.Edit(t, "partnership-sla.yaml", "Between the Parties:", "Between the Parties, as clause [["+tc.ref+"]] allows:")
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.CopyFS(filepath.Join(dir, "logos"), os.DirFS("../../samples/logos")); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "out")
			for _, args := range [][]string{{"validate", file}, {"generate", file, "--format", "md", "-o", out}, {"status", file}, {"calendar", file, "-o", filepath.Join(dir, "c.ics")}} {
				code, _, stderr := run(t, args...)
				if tc.problem == "" {
					if code != 0 {
						t.Errorf("%s: exit %d, want 0:\n%s", args[0], code, stderr)
					}
					continue
				}
				if code != 1 || !strings.Contains(stderr, file[:len(file)-len("partnership-sla.yaml")]+tc.problem) {
					t.Errorf("%s: exit %d with\n%s\nwant 1 with\n%s", args[0], code, stderr, tc.problem)
				}
				if _, err := os.Stat(out); err == nil {
					t.Errorf("%s wrote %s", args[0], out)
				}
			}
		})
	}
}
