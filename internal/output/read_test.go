package output

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNeverReadsOddFiles puts something that is not a regular file where
// an output file, or a file to read, is: each is refused at once, never
// waited on or read without end.
// hangs is how long a test waits before calling a run that has not
// returned hung: a run that blocks on a named pipe never returns, and a
// busy machine can slow an honest one many times over.
const hangs = 30 * time.Second

func TestNeverReadsOddFiles(t *testing.T) {
	tests := []struct {
		name  string
		place func(path string) error
		want  string
	}{
		{"a named pipe", func(p string) error { return mkfifo(p) }, "is a named pipe (FIFO), not a regular file"},
		{"a link to a device", func(p string) error { return os.Symlink("/dev/zero", p) }, "is a device, not a regular file"},
		{"a folder", func(p string) error { return os.Mkdir(p, 0o755) }, "is a folder, not a file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "a.md")
			if err := tc.place(path); err != nil {
				t.Skipf("cannot make it here: %v", err)
			}
			done := make(chan error, 2)
			go func() {
				_, err := WriteAll(dir, []File{{Name: "a.md", Data: []byte("A")}, {Name: "b.md", Data: []byte("B")}}, true)
				done <- err
				_, err = ReadFile(path, 10)
				done <- err
			}()
			for _, what := range []string{"WriteAll", "ReadFile"} {
				select {
				case err := <-done:
					if err == nil || !strings.Contains(err.Error(), tc.want) {
						t.Errorf("%s: got %v, want %q", what, err, tc.want)
					}
				case <-time.After(hangs):
					t.Fatalf("%s is still waiting after %v: it hangs", what, hangs)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "b.md")); !errors.Is(err, os.ErrNotExist) {
				t.Error("b.md was written although a.md could not be checked")
			}
		})
	}
}

func TestReadFileLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f")
	os.WriteFile(path, []byte("12345"), 0o644)
	if data, err := ReadFile(path, 5); err != nil || string(data) != "12345" {
		t.Errorf("at the limit: %q, %v", data, err)
	}
	if _, err := ReadFile(path, 4); !errors.Is(err, ErrTooLarge) {
		t.Errorf("over the limit: %v, want ErrTooLarge", err)
	}
}
