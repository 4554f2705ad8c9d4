package output

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// folderState is every file in dir, by name, with its contents; nil
// when dir does not exist.
func folderState(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
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

// TestStaging stages files as they come, and then commits them all, or
// none: whatever is not renamed into place leaves no temporary file, and
// a folder the staging made is removed again when nothing was written.
func TestStaging(t *testing.T) {
	a, b, c := File{Name: "a.md", Data: []byte("A")}, File{Name: "b.pdf", Data: []byte("B")}, File{Name: "c.json", Data: []byte("C")}
	tests := []struct {
		name    string
		before  map[string]string // the folder before; nil: no folder
		added   []File            // handed to Add as they are made
		commit  []File            // handed to Commit, nil: Close without committing
		replace bool
		wantErr error // matched with errors.Is; nil: none
		after   map[string]string
		written []string
		same    []string
	}{
		{name: "commit into a new folder", added: []File{a, b}, commit: []File{a, b, c},
			after: map[string]string{"a.md": "A", "b.pdf": "B", "c.json": "C"}, written: []string{"a.md", "b.pdf", "c.json"}},
		{name: "discard into a new folder", added: []File{a, b}},
		{name: "discard into a folder with files", before: map[string]string{"a.md": "A0", "x": "X"}, added: []File{a, b},
			after: map[string]string{"a.md": "A0", "x": "X"}},
		{name: "a conflict found at commit", before: map[string]string{"c.json": "C0"}, added: []File{a, b}, commit: []File{a, b, c},
			wantErr: ErrConflict, after: map[string]string{"c.json": "C0"}},
		{name: "a conflict replaced", before: map[string]string{"c.json": "C0"}, added: []File{a, b}, commit: []File{a, b, c}, replace: true,
			after: map[string]string{"a.md": "A", "b.pdf": "B", "c.json": "C"}, written: []string{"a.md", "b.pdf", "c.json"}},
		{name: "made from what is there, as Commit learns", before: map[string]string{"c.json": "C0"}, added: []File{a, c},
			commit: []File{a, {Name: "c.json", Data: []byte("C"), Replaces: []byte("C0")}},
			after:  map[string]string{"a.md": "A", "c.json": "C"}, written: []string{"a.md", "c.json"}},
		{name: "the same bytes are unchanged", before: map[string]string{"a.md": "A"}, added: []File{a, b}, commit: []File{a, b},
			after: map[string]string{"a.md": "A", "b.pdf": "B"}, written: []string{"b.pdf"}, same: []string{"a.md"}},
		{name: "other bytes at commit than staged", added: []File{a, {Name: "b.pdf", Data: []byte("B0")}}, commit: []File{a, b},
			after: map[string]string{"a.md": "A", "b.pdf": "B"}, written: []string{"a.md", "b.pdf"}},
		{name: "staged but not committed", added: []File{a, b, c}, commit: []File{a},
			after: map[string]string{"a.md": "A"}, written: []string{"a.md"}},
		{name: "an unsafe name", added: []File{a, {Name: "../x", Data: nil}}, commit: []File{a, {Name: "../x", Data: nil}},
			wantErr: errUnsafe},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			if tc.before != nil {
				os.Mkdir(dir, 0o755)
				for name, data := range tc.before {
					os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644)
				}
			}
			var unchanged os.FileInfo
			if _, ok := tc.before["a.md"]; ok {
				unchanged, _ = os.Stat(filepath.Join(dir, "a.md"))
			}
			s, err := Stage(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range tc.added {
				s.Add(f)
			}
			var res Result
			if tc.commit != nil {
				res, err = s.Commit(tc.commit, tc.replace)
			}
			s.Close()
			s.Close() // a second Close does nothing
			switch {
			case tc.wantErr == errUnsafe && (err == nil || !strings.Contains(err.Error(), "unsafe output file name")):
				t.Errorf("err = %v, want an unsafe name refused", err)
			case tc.wantErr != errUnsafe && !errors.Is(err, tc.wantErr):
				t.Errorf("err = %v, want %v", err, tc.wantErr)
			}
			if got := folderState(t, dir); !maps.Equal(got, tc.after) {
				t.Errorf("the folder holds %v, want %v", got, tc.after)
			}
			if got, want := names(res.Written), strings.Join(tc.written, " "); got != want {
				t.Errorf("written: %s, want %s", got, want)
			}
			if got, want := names(res.Unchanged), strings.Join(tc.same, " "); got != want {
				t.Errorf("unchanged: %s, want %s", got, want)
			}
			if unchanged != nil && tc.after["a.md"] == tc.before["a.md"] {
				if now, err := os.Stat(filepath.Join(dir, "a.md")); err != nil || !os.SameFile(now, unchanged) {
					t.Error("a.md was rewritten although it held the same bytes")
				}
			}
		})
	}
}

// errUnsafe stands for the refusal of an unsafe name in TestStaging.
var errUnsafe = errors.New("unsafe name")

func names(paths []string) string {
	var out []string
	for _, p := range paths {
		out = append(out, filepath.Base(p))
	}
	return strings.Join(out, " ")
}

// TestStagingOnAFullDisk fails each write and rename in turn, as a full
// disk would, after other files were staged: a write that fails leaves
// the folder exactly as it was; a rename that fails leaves those renamed
// before it, and says so. No temporary file is ever left.
func TestStagingOnAFullDisk(t *testing.T) {
	defer func() { injectFault = nil }()
	full := syscall.ENOSPC
	before := map[string]string{"a.md": "A0", "keep": "K"}
	tests := []struct {
		op, file string
		after    map[string]string
		message  string
	}{
		{"write", "a.md", before, "\nnot written: OUT/a.md, OUT/b.pdf, OUT/c.json"},
		{"write", "b.pdf", before, "\nnot written: OUT/a.md, OUT/b.pdf, OUT/c.json"},
		{"write", "c.json", before, "\nnot written: OUT/a.md, OUT/b.pdf, OUT/c.json"},
		{"rename", "a.md", before, "\nnot written: OUT/a.md, OUT/b.pdf, OUT/c.json"},
		{"rename", "c.json", map[string]string{"a.md": "A", "b.pdf": "B", "keep": "K"}, "\nwritten: OUT/a.md, OUT/b.pdf\nnot written: OUT/c.json"},
	}
	for _, tc := range tests {
		t.Run(tc.op+" "+tc.file, func(t *testing.T) {
			dir := t.TempDir()
			for name, data := range before {
				os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644)
			}
			injectFault = func(op, p string) error {
				if op == tc.op && filepath.Base(p) == tc.file {
					return full
				}
				return nil
			}
			s, err := Stage(dir)
			if err != nil {
				t.Fatal(err)
			}
			files := []File{{Name: "a.md", Data: []byte("A")}, {Name: "b.pdf", Data: []byte("B")}, {Name: "c.json", Data: []byte("C")}}
			s.Add(files[0])
			s.Add(files[1])
			_, err = s.Commit(files, true)
			s.Close()
			injectFault = nil
			if !errors.Is(err, full) {
				t.Fatalf("got %v, want no space left", err)
			}
			if msg := strings.ReplaceAll(err.Error(), dir, "OUT"); !strings.HasSuffix(msg, tc.message) {
				t.Errorf("the error:\n%s\nwant it to end:%s", msg, tc.message)
			}
			if got := folderState(t, dir); !maps.Equal(got, tc.after) {
				t.Errorf("the folder holds %v, want %v", got, tc.after)
			}
		})
	}
}
