// Package sampletest gives tests the bundled sample questionnaires, with
// small changes made to their text.
package sampletest

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/partnership-tools/mou/internal/agreement"
	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/templates"
)

// Dir is the folder holding the samples.
var Dir = func() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "samples")
}()

// Edit returns the text of the sample called name with each edit made
// once; edits are pairs of old and new text. It fails the test if an old
// text is not in the sample.
func Edit(t testing.TB, name string, edits ...string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(Dir, name))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for i := 0; i+1 < len(edits); i += 2 {
		if !strings.Contains(s, edits[i]) {
			t.Fatalf("edit %q does not apply to %s", edits[i], name)
		}
		s = strings.Replace(s, edits[i], edits[i+1], 1)
	}
	return []byte(s)
}

// Load is Edit followed by questionnaire.Load; it fails the test unless
// the result is valid.
func Load(t testing.TB, name string, edits ...string) *questionnaire.Questionnaire {
	t.Helper()
	q, problems := questionnaire.Load(name, Edit(t, name, edits...), questionnaire.Options{})
	if err := problems.Err(); err != nil {
		t.Fatalf("%s is not valid:\n%v", name, err)
	}
	return q
}

var (
	parseOnce sync.Once
	parsed    *document.Templates
	parseErr  error
)

// Model works out the version of q with the built-in templates and no
// previous record, as status and the calendar read it.
func Model(t testing.TB, q *questionnaire.Questionnaire) *agreement.Version {
	t.Helper()
	parseOnce.Do(func() { parsed, parseErr = document.ParseTemplates(templates.FS) })
	if parseErr != nil {
		t.Fatal(parseErr)
	}
	v, err := agreement.Build(parsed, "questionnaire.yaml", q, nil)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
