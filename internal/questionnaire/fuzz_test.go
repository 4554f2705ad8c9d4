package questionnaire

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to the loader: it must never panic, and
// every problem it reports must name the file.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("../../samples/*.yaml")
	seeds = append(seeds, filepath.Join("testdata", "minimal.yaml"))
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{"", "- a", "a: &a [*a]", "version: {", "partners: [{lead: *x}]", "\xff\xfe", "<<: {a: 1}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		q, problems := Load("f.yaml", data, Options{})
		for _, p := range problems {
			if p.File != "f.yaml" || p.Message == "" {
				t.Fatalf("bad problem %+v", p)
			}
		}
		if problems.Err() == nil && (q == nil || len(q.Partners) < 2) {
			t.Fatalf("valid questionnaire with %v", q)
		}
	})
}
