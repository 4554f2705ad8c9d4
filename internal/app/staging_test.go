package app

import (
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/output"
	"github.com/partnership-tools/mou/internal/theme"
	"github.com/partnership-tools/mou/templates"
)

// afterStaging draws the second PDF of a run only once a file drawn
// before it is being staged in the output folder (a temporary file is
// there), and then fails or draws it as the real renderer does.
type afterStaging struct {
	Renderer
	dir   string
	fail  error
	mu    sync.Mutex
	calls int
	t     *testing.T
}

func (r *afterStaging) Render(w io.Writer, tree *layout.Tree, doc layout.Document) error {
	r.mu.Lock()
	r.calls++
	second := r.calls == 2
	r.mu.Unlock()
	if !second {
		return r.Renderer.Render(w, tree, doc)
	}
	// Bounded, so that a run that stages nothing early fails rather than
	// hangs; the test does not depend on how long staging takes.
	for range 2000 {
		if len(temporaryFiles(r.t, r.dir)) > 0 {
			if r.fail != nil {
				return r.fail
			}
			return r.Renderer.Render(w, tree, doc)
		}
		time.Sleep(5 * time.Millisecond)
	}
	r.t.Error("no file was staged while the later documents were drawn")
	return r.Renderer.Render(w, tree, doc)
}

// temporaryFiles lists the temporary files in dir.
func temporaryFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	var tmps []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			tmps = append(tmps, e.Name())
		}
	}
	return tmps
}

// folderState is every file in dir, by name, with its contents.
func folderState(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	state := map[string]string{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		state[e.Name()] = string(data)
	}
	return state
}

// TestFailedRunAfterStaging: generate stages each file as soon as it is
// drawn, yet a run that fails after some files were staged (a later
// document that cannot be drawn, a file in the way, another
// questionnaire of the batch writing the same name) leaves the output
// folder byte for byte as it was, with no temporary file.
func TestFailedRunAfterStaging(t *testing.T) {
	drawFailed := errors.New("the printer caught fire")
	tests := []struct {
		name    string
		fail    error                                    // the second PDF's drawing fails with this
		prepare func(t *testing.T, b *Batch, out string) // before the run
		want    string                                   // in the run's error
	}{
		{name: "a later document cannot be drawn", fail: drawFailed, want: drawFailed.Error()},
		{name: "a file in the way", prepare: func(t *testing.T, b *Batch, out string) {
			os.WriteFile(filepath.Join(out, "harbour-hill-horizons-record-v2.json"), []byte("{}\n"), 0o644)
		}, want: "already exists with different contents"},
		{name: "a name another questionnaire writes", prepare: func(t *testing.T, b *Batch, out string) {
			b.claim("other.yaml", []output.File{{Name: "harbour-hill-horizons-mou-v2.md"}})
		}, want: "as other.yaml does"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			file, out := filepath.Join(dir, "p.yaml"), filepath.Join(dir, "out")
			sample, err := os.ReadFile("../../samples/university-school.yaml")
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(file, sample, 0o644)
			// Two drawing places: the files drawn are staged while the
			// code of practice's PDF is drawn, once the memorandum's
			// PDF has given up its place.
			g, err := New(Options{Templates: templates.FS, Theme: theme.Default(), Workers: 2})
			if err != nil {
				t.Fatal(err)
			}
			// Version 1 is written as it should be, and is what the
			// folder holds before the run that fails.
			first := &Batch{Generator: g, Formats: []string{"md", "pdf"}, OutDir: out}
			if r := first.Run(file); r.Err != nil {
				t.Fatal(r.Err)
			}
			os.WriteFile(file, []byte(strings.Replace(string(sample), "\nversion: 1\n", "\nversion: 2\n", 1)), 0o644)
			b := &Batch{Generator: g, Formats: []string{"md", "pdf"}, OutDir: out}
			if tc.prepare != nil {
				tc.prepare(t, b, out)
			}
			before := folderState(t, out)
			g.renderers["pdf"] = &afterStaging{Renderer: g.renderers["pdf"], dir: out, fail: tc.fail, t: t}
			r := b.Run(file)
			if r.Err == nil || !strings.Contains(r.Err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", r.Err, tc.want)
			}
			if len(r.Written) > 0 {
				t.Errorf("written: %v", r.Written)
			}
			if after := folderState(t, out); !maps.Equal(after, before) {
				var names []string
				for name := range after {
					names = append(names, name)
				}
				t.Errorf("the folder changed: it holds %v", names)
			}
		})
	}
}

// TestHandOver: a file drawn is handed over for staging only once every
// drawing has started and a drawing place is free, so that staging never
// holds up a drawing; none is lost.
func TestHandOver(t *testing.T) {
	type step struct {
		do     string // "take" a place, "drawn" NAME (giving its place up), "started"
		name   string
		handed string // the files handed over so far
	}
	tests := []struct {
		name   string
		places int
		steps  []step
	}{
		{"one place", 1, []step{
			{"take", "", ""}, {"drawn", "a.md", ""},
			{"take", "", ""}, {"drawn", "a.pdf", ""},
			{"take", "", ""}, {"started", "", ""}, {"drawn", "b.pdf", "a.md a.pdf b.pdf"},
		}},
		{"two places, the last drawing ends first", 2, []step{
			{"take", "", ""}, {"take", "", ""}, {"drawn", "a.md", ""},
			{"take", "", ""}, {"started", "", ""}, {"drawn", "b.pdf", "a.md b.pdf"},
			{"drawn", "a.pdf", "a.md b.pdf a.pdf"},
		}},
		{"two places, a place free when the last starts", 2, []step{
			{"take", "", ""}, {"take", "", ""}, {"drawn", "a.md", ""}, {"drawn", "b.md", ""},
			{"take", "", ""}, {"started", "", "a.md b.md"}, {"drawn", "a.pdf", "a.md b.md a.pdf"},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var handed []string
			h := &handOver{ready: func(f output.File) { handed = append(handed, f.Name) }, places: make(chan struct{}, tc.places)}
			for i, s := range tc.steps {
				switch s.do {
				case "take":
					h.places <- struct{}{}
				case "drawn":
					<-h.places
					h.drawn(output.File{Name: s.name})
				case "started":
					h.allStarted()
				}
				if got := strings.Join(handed, " "); got != s.handed {
					t.Fatalf("after step %d (%s %s): handed over %q, want %q", i+1, s.do, s.name, got, s.handed)
				}
			}
		})
	}
	// Without a hook, nothing is held or handed over.
	h := &handOver{places: make(chan struct{}, 1)}
	h.drawn(output.File{Name: "a.md"})
	h.allStarted()
	if len(h.held) != 0 {
		t.Errorf("held %d files with no hook", len(h.held))
	}
}
