package templates

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/partnership-tools/mou/internal/output"
)

// Overlay is a set of built-in templates (Base, or the current edition
// when nil) with the files in Dir laid over them: a file in Dir replaces
// the built-in one of the same name, and a file that is only in Dir (a
// partial of the user's own) is added.
type Overlay struct {
	Dir  string
	Base fs.FS
}

func (o Overlay) base() fs.FS {
	if o.Base == nil {
		return FS
	}
	return o.Base
}

// MaxFile is the largest template file read from Dir: the largest
// built-in one is 34 KB.
const MaxFile = 1 << 20

// Open opens name from Dir if it is there, else from the built-in set.
// A file in Dir must be a regular file of at most MaxFile bytes: a named
// pipe or a device in a template's place is refused at once rather than
// waited on.
func (o Overlay) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	path := filepath.Join(o.Dir, filepath.FromSlash(name))
	f, err := output.Open(path)
	if errorsIsNotExist(err) {
		return o.base().Open(name)
	}
	if err != nil {
		return nil, err
	}
	if st, err := f.Stat(); err != nil || st.Size() > MaxFile {
		f.Close()
		if err == nil {
			err = &fs.PathError{Op: "read", Path: path, Err: fmt.Errorf("%w: larger than %d bytes", output.ErrTooLarge, MaxFile)}
		}
		return nil, err
	}
	return f, nil
}

// Glob lists the files matching pattern in Dir and in the built-in set.
func (o Overlay) Glob(pattern string) ([]string, error) {
	return union(os.DirFS(o.Dir), o.base(), pattern)
}

// union lists the files matching pattern in either a or b, sorted.
func union(a, b fs.FS, pattern string) ([]string, error) {
	names := map[string]bool{}
	for _, fsys := range []fs.FS{a, b} {
		found, err := fs.Glob(fsys, pattern)
		if err != nil {
			return nil, err
		}
		for _, n := range found {
			names[n] = true
		}
	}
	out := make([]string, 0, len(names))
	for n := range names {
		out = append(out, n)
	}
	sort.Strings(out)
	return out, nil
}

func errorsIsNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

// Origin says where the template called name comes from, for messages:
// its path in Dir, or "built-in name".
func (o Overlay) Origin(name string) string {
	path := filepath.Join(o.Dir, name)
	if _, err := os.Stat(path); err == nil {
		return path
	}
	return "built-in " + name
}
