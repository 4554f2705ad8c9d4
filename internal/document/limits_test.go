package document

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/worktest"
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
// each must fail with a message naming the template. The first two stop
// by the work they do, which is bounded here, however long the clock says
// they took; the third stops at the deadline.
func TestTemplateLimits(t *testing.T) {
	defer func(d time.Duration) { executeDeadline = d }(executeDeadline)
	q := sampleQuestionnaire(t)
	tests := []struct {
		name, template, want string // want: any of |-separated messages
		deadline             time.Duration
	}{
		{"prints without end", `{{range 1000000000}}a line of the agreement{{end}}`,
			"writing the mou: template: mou.md.tmpl: printed more than 16 MiB, the limit for one document", time.Hour},
		{"calls itself", `{{define "again"}}x{{template "again" .}}{{end}}{{template "again" .}}`,
			"exceeded maximum template depth", time.Hour},
		// This loop runs on in the background after the deadline, for
		// about a second of CPU time (some 30 ns a turn): well past the
		// deadline even on an idle machine, and it goes last.
		{"loops without printing", `{{range 30000000}}{{end}}`,
			"writing the mou: template: mou.md.tmpl: still running after 100ms, the limit for one document", 100 * time.Millisecond},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			executeDeadline = tc.deadline
			tmpl, err := ParseTemplates(withMOU(t, tc.template))
			if err != nil {
				t.Fatal(err)
			}
			cost := worktest.Measure(func() { _, err = tmpl.Markdown(q, MOU, "") })
			if tc.deadline == time.Hour {
				cost.Within(t, "Markdown", 2*time.Second, 256<<20)
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
// whatever it is, parsing and running it must stay within an allocation
// budget, and never panic. Its time is bounded by executeDeadline, which
// TestTemplateLimits checks.
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
		worktest.Measure(func() {
			if tmpl, err := ParseTemplates(withMOU(t, text)); err == nil {
				tmpl.Markdown(q, MOU, "")
			}
		}).Within(t, "the template", 0, 256<<20)
	})
}
