package output

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteAll(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	files := []File{{"a.md", []byte("A")}, {"b.md", []byte("B")}}
	res, err := WriteAll(dir, files, false)
	if err != nil || len(res.Written) != 2 {
		t.Fatalf("first write: %v %+v", err, res)
	}
	// The same bytes again: nothing to do.
	res, err = WriteAll(dir, files, false)
	if err != nil || len(res.Written) != 0 || len(res.Unchanged) != 2 {
		t.Fatalf("rewrite: %v %+v", err, res)
	}
	// Different bytes for one file: refused, and the other is not written either.
	changed := []File{{"a.md", []byte("A2")}, {"c.md", []byte("C")}, {"b.md", []byte("B2")}}
	_, err = WriteAll(dir, changed, false)
	if !errors.Is(err, ErrConflict) {
		t.Fatalf("want conflict, got %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "c.md")); !errors.Is(err, os.ErrNotExist) {
		t.Error("c.md was written although the batch was refused")
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "a.md")); string(got) != "A" {
		t.Errorf("a.md = %q, want unchanged", got)
	}
	// With replace, the new bytes land.
	if _, err := WriteAll(dir, changed, true); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "b.md")); string(got) != "B2" {
		t.Errorf("b.md = %q", got)
	}
	// No temporary files are left behind.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("folder holds %d entries, want 3", len(entries))
	}
}

func TestWriteAllRefusesUnsafeNames(t *testing.T) {
	for _, name := range []string{"../x.md", "a/b.md", `a\b.md`, "..", ""} {
		if _, err := WriteAll(t.TempDir(), []File{{name, []byte("x")}}, false); err == nil {
			t.Errorf("%q accepted", name)
		}
	}
}

func TestWriteAllOutIsAFile(t *testing.T) {
	// A file where the folder should be cannot be written into, even by root.
	out := filepath.Join(t.TempDir(), "out")
	os.WriteFile(out, []byte("x"), 0o644)
	if _, err := WriteAll(out, []File{{"a.md", nil}}, false); err == nil {
		t.Error("write into a file succeeded")
	}
}
