package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// TestUsersTemporaryFilesKept: generate and the editing commands remove
// only the temporary files a killed run of mou left, never a user's own
// file that happens to be named like one.
func TestUsersTemporaryFilesKept(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "p.yaml")
	out := filepath.Join(dir, "out")
	theirs := []string{".notes.2024.tmp", ".p.yaml.123.tmp", ".mou-0123456789abcdef-x.tmp"}
	for _, d := range []string{dir, out} {
		os.MkdirAll(d, 0o755)
		for _, name := range theirs {
			os.WriteFile(filepath.Join(d, name), []byte("mine"), 0o644)
		}
	}
	if code, _, stderr := run(t, "generate", "--format", "md", "-o", out, file); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, stderr := run(t, "handover", file, "--partner", "riverside", "--name", "Ann Other", "--email", "ann@riverside.example.org", "--effective", "2027-01-06"); code != 0 {
		t.Fatal(stderr)
	}
	for _, d := range []string{dir, out} {
		for _, name := range theirs {
			if _, err := os.Stat(filepath.Join(d, name)); err != nil {
				t.Errorf("%s: %v", filepath.Join(filepath.Base(d), name), err)
			}
		}
	}
}
