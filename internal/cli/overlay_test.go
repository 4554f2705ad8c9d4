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
			case <-time.After(2 * time.Second):
				t.Fatal("generate still runs after 2 seconds")
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Error("something was written")
			}
		})
	}
}
