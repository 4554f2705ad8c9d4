package questionnaire

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/worktest"
)

// FuzzLoad feeds arbitrary bytes to the loader: it must never panic, it
// must stay within a budget of CPU time and allocation, and every problem it
// reports must name the file.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("../../samples/*.yaml")
	seeds = append(seeds, filepath.Join("testdata", "minimal.yaml"))
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	long := strings.Repeat("x", 5000)
	for _, s := range []string{"", "- a", "a: &a [*a]", "version: {", "partners: [{lead: *x}]", "\xff\xfe", "<<: {a: 1}",
		"<<: [{a: 1}, {a: 2}]", "a: &a {<<: *a}", mergeBomb(30, false), mergeBomb(30, true),
		"partners: [{id: " + long + "}, {id: b}]\nobjectives: [{owner: " + long + "y}]\n",
		"partnership: {review_cycle: yearly}", "a: 1\n---\nb: 2\n", "v\x00e\x00r\x00:\x00 \x001\x00"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var q *Questionnaire
		var problems Problems
		worktest.Measure(func() { q, problems = Load("f.yaml", data, Options{}) }).Within(t, "Load", loadCPU, loadAlloc)
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
