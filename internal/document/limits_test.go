package document

import (
	"io/fs"
	"os"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/templates"
)

// withMOU is the built-in templates with mou.md.tmpl replaced by text.
func withMOU(t testing.TB, text string) fs.FS {
	t.Helper()
	fsys := fstest.MapFS{}
	names, _ := fs.Glob(templates.FS, "*.tmpl")
	for _, n := range names {
		data, err := fs.ReadFile(templates.FS, n)
		if err != nil {
			t.Fatal(err)
		}
		fsys[n] = &fstest.MapFile{Data: data}
	}
	fsys["mou.md.tmpl"] = &fstest.MapFile{Data: []byte(text)}
	return fsys
}

func sampleQuestionnaire(t testing.TB) *questionnaire.Questionnaire {
	t.Helper()
	const path = "../../samples/school-employer.yaml"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	q, problems := questionnaire.Load(path, data, questionnaire.Options{})
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	return q
}

// TestTemplateLimits runs templates that never end or print without end:
// each must fail quickly with a message naming the template.
func TestTemplateLimits(t *testing.T) {
	defer func(d time.Duration) { executeDeadline = d }(executeDeadline)
	executeDeadline = time.Second
	// The loop that never prints goes last: it runs on in the background.
	q := sampleQuestionnaire(t)
	tests := []struct{ name, template, want string }{ // want: any of |-separated messages
		{"prints without end", `{{range 1000000000}}a line of the agreement{{end}}`,
			"writing the mou: template: mou.md.tmpl: printed more than 16 MiB, the limit for one document"},
		{"calls itself", `{{define "again"}}x{{template "again" .}}{{end}}{{template "again" .}}`,
			"exceeded maximum template depth|still running after 1s"},
		{"loops without printing", `{{range 2000000000}}{{end}}`,
			"writing the mou: template: mou.md.tmpl: still running after 1s, the limit for one document"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tmpl, err := ParseTemplates(withMOU(t, tc.template))
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			_, err = tmpl.Markdown(q, MOU, "")
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
			if err == nil || !containsAny(err.Error(), strings.Split(tc.want, "|")) {
				t.Errorf("got %v, want %q", err, tc.want)
			}
		})
	}
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// FuzzTemplates runs arbitrary text as the MOU template against a sample:
// whatever it is, parsing and running it must stay within a time and
// allocation budget, and never panic.
func FuzzTemplates(f *testing.F) {
	defer func(d time.Duration) { executeDeadline = d }(executeDeadline)
	executeDeadline = 200 * time.Millisecond
	builtin, err := fs.ReadFile(templates.FS, "mou.md.tmpl")
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{string(builtin), "", "{{.Partnership.Name}}", `{{range 100000}}x{{end}}`,
		`{{define "a"}}{{template "a" .}}{{end}}{{template "a" .}}`, "{{range .Partners}}{{.Name}}{{end}}", "{{if}}"} {
		f.Add(s)
	}
	q := sampleQuestionnaire(f)
	f.Fuzz(func(t *testing.T, text string) {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		if tmpl, err := ParseTemplates(withMOU(t, text)); err == nil {
			tmpl.Markdown(q, MOU, "")
		}
		took := time.Since(start)
		runtime.ReadMemStats(&after)
		if took > time.Second {
			t.Errorf("took %v", took)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 256<<20 {
			t.Errorf("allocated %d MB", alloc>>20)
		}
	})
}
