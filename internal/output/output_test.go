package output

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteAll(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	files := []File{{Name: "a.md", Data: []byte("A")}, {Name: "b.md", Data: []byte("B")}}
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
	changed := []File{{Name: "a.md", Data: []byte("A2")}, {Name: "c.md", Data: []byte("C")}, {Name: "b.md", Data: []byte("B2")}}
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
		if _, err := WriteAll(t.TempDir(), []File{{Name: name, Data: []byte("x")}}, false); err == nil {
			t.Errorf("%q accepted", name)
		}
	}
}

func TestWriteAllOutIsAFile(t *testing.T) {
	// A file where the folder should be cannot be written into, even by root.
	out := filepath.Join(t.TempDir(), "out")
	os.WriteFile(out, []byte("x"), 0o644)
	if _, err := WriteAll(out, []File{{Name: "a.md", Data: nil}}, false); err == nil {
		t.Error("write into a file succeeded")
	}
}

// TestWriteAllReplaces: a file made from the one on disk replaces it only
// while the disk still holds what it was made from.
func TestWriteAllReplaces(t *testing.T) {
	tests := []struct {
		name     string
		replaces []byte
		wantErr  bool
	}{
		{"made from what is there", []byte("old"), false},
		{"made from something else", []byte("other"), true},
		{"not made from anything", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "r.json")
			os.WriteFile(path, []byte("old"), 0o644)
			_, err := WriteAll(dir, []File{{Name: "new.md", Data: []byte("N")}, {Name: "r.json", Data: []byte("merged"), Replaces: tt.replaces}}, false)
			if tt.wantErr != errors.Is(err, ErrConflict) {
				t.Fatalf("err = %v, want conflict %v", err, tt.wantErr)
			}
			want := "merged"
			if tt.wantErr {
				want = "old"
			}
			if got, _ := os.ReadFile(path); string(got) != want {
				t.Errorf("r.json holds %q, want %q", got, want)
			}
		})
	}
}

// TestConflictMessage: the refusal names every file, in good English, and
// matches ErrConflict.
func TestConflictMessage(t *testing.T) {
	tests := []struct {
		files []string
		want  string
	}{
		{[]string{"a.md"}, "a.md already exists with different contents"},
		{[]string{"a.md", "b.pdf"}, "a.md and b.pdf already exist with different contents"},
		{[]string{"a.md", "b.pdf", "c.json"}, "a.md, b.pdf and c.json already exist with different contents"},
	}
	for _, tc := range tests {
		err := error(conflictError(tc.files))
		if err.Error() != tc.want || !errors.Is(err, ErrConflict) {
			t.Errorf("%v: %q (is ErrConflict: %v), want %q", tc.files, err, errors.Is(err, ErrConflict), tc.want)
		}
	}
}
