package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/partnership-tools/mou/templates"
)

// TestTemplatesNotFiles puts something that is not a readable template
// where a --templates folder's mou.md.tmpl is: generate must refuse it at
// once (a named pipe is never waited on), name it, and write nothing.
// Folders and devices are refused by the same check (internal/output's
// Open, tested there).
// hangs is how long a test waits before calling a run that has not
// returned hung: a run that blocks on a named pipe never returns, and a
// busy machine can slow an honest one many times over.
const hangs = 30 * time.Second

func TestTemplatesNotFiles(t *testing.T) {
	tests := []struct {
		name  string
		place func(path string) error
		want  string
	}{
		{"a named pipe", func(p string) error { return mkfifo(p) }, "is a named pipe (FIFO), not a regular file"},
		{"too many bytes", func(p string) error { return os.WriteFile(p, make([]byte, templates.MaxFile+1), 0o644) }, "too large: larger than 1048576 bytes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			file := writeFile(t, dir, "p.yaml")
			tmpl := filepath.Join(dir, "templates")
			if err := os.Mkdir(tmpl, 0o755); err != nil {
				t.Fatal(err)
			}
			bad := filepath.Join(tmpl, "mou.md.tmpl")
			if err := tc.place(bad); err != nil {
				t.Skipf("cannot make it here: %v", err)
			}
			out := filepath.Join(dir, "out")
			type result struct {
				code   int
				stderr string
			}
			done := make(chan result, 1)
			go func() {
				code, _, stderr := run(t, "generate", "--templates", tmpl, "-o", out, file)
				done <- result{code, stderr}
			}()
			select {
			case r := <-done:
				if want := bad + ": " + tc.want; r.code != 1 || !strings.Contains(r.stderr, want) {
					t.Errorf("exit %d, stderr:\n%s\nwant it to say:\n%s", r.code, r.stderr, want)
				}
			case <-time.After(hangs):
				t.Fatalf("generate still runs after %v: it hangs", hangs)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Error("something was written")
			}
		})
	}
}
