package app

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/theme"
	"github.com/partnership-tools/mou/templates"
)

// heldBack draws the documents issued on a given day only once the
// others have been drawn twice (both documents).
type heldBack struct {
	Renderer
	day    string
	mu     sync.Mutex
	others int
	drawn  chan struct{}
}

func (r *heldBack) Render(w io.Writer, tree *layout.Tree, doc layout.Document) error {
	if strings.Contains(doc.Issued, r.day) {
		select {
		case <-r.drawn:
		case <-time.After(10 * time.Second): // bounded: the test then fails rather than hangs
		}
		return r.Renderer.Render(w, tree, doc)
	}
	err := r.Renderer.Render(w, tree, doc)
	r.mu.Lock()
	if r.others++; r.others == 2 {
		close(r.drawn)
	}
	r.mu.Unlock()
	return err
}

// TestClashFirstNamedKeeps: of two questionnaires in a batch that would
// write the same files, the one named first writes them and the other is
// refused, even when the second is drawn first.
func TestClashFirstNamedKeeps(t *testing.T) {
	dir := t.TempDir()
	sample, err := os.ReadFile("../../samples/university-school.yaml")
	if err != nil {
		t.Fatal(err)
	}
	first, second := filepath.Join(dir, "first.yaml"), filepath.Join(dir, "second.yaml")
	os.WriteFile(first, sample, 0o644)
	os.WriteFile(second, []byte(strings.Replace(string(sample), "\ndate: 2026-07-01\n", "\ndate: 2026-07-02\n", 1)), 0o644)
	g, err := New(Options{Templates: templates.FS, Theme: theme.Default(), Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	g.renderers["md"] = &heldBack{Renderer: g.renderers["md"], day: "1 July 2026", drawn: make(chan struct{})}
	b := &Batch{Generator: g, Formats: []string{"md"}, OutDir: filepath.Join(dir, "out")}
	outcomes := map[string]Outcome{}
	b.RunAll([]string{first, second}, 2, func(r Outcome) { outcomes[r.File] = r })
	if r := outcomes[first]; r.Err != nil || len(r.Written) == 0 {
		t.Errorf("the first named: err %v, wrote %v", r.Err, r.Written)
	}
	if r := outcomes[second]; r.Err == nil || !strings.Contains(r.Err.Error(), "as "+first+" does") {
		t.Errorf("the second named: err %v, want it refused as writing the first's files", r.Err)
	}
}
