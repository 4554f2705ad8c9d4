package templates

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// Overlay is the built-in templates with the files in Dir laid over them:
// a file in Dir replaces the built-in one of the same name, and a file
// that is only in Dir (a partial of the user's own) is added.
type Overlay struct{ Dir string }

// Open opens name from Dir if it is there, else from the built-in set.
func (o Overlay) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, err := os.Open(filepath.Join(o.Dir, filepath.FromSlash(name)))
	if errors.Is(err, fs.ErrNotExist) {
		return FS.Open(name)
	}
	return f, err
}

// Glob lists the files matching pattern in Dir and in the built-in set.
func (o Overlay) Glob(pattern string) ([]string, error) {
	names := map[string]bool{}
	builtin, err := fs.Glob(FS, pattern)
	if err != nil {
		return nil, err
	}
	own, err := filepath.Glob(filepath.Join(o.Dir, pattern))
	if err != nil {
		return nil, err
	}
	for _, n := range builtin {
		names[n] = true
	}
	for _, n := range own {
		names[filepath.Base(n)] = true
	}
	out := make([]string, 0, len(names))
	for n := range names {
		out = append(out, n)
	}
	sort.Strings(out)
	return out, nil
}

// Origin says where the template called name comes from, for messages:
// its path in Dir, or "built-in name".
func (o Overlay) Origin(name string) string {
	path := filepath.Join(o.Dir, name)
	if _, err := os.Stat(path); err == nil {
		return path
	}
	return "built-in " + name
}
