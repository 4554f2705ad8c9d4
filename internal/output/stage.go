package output

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// Staging writes a set of files into a folder in two steps, so that the
// disk's work on the files made first overlaps the making of the rest.
// Add stages a file in the background as soon as its bytes are final: it
// looks at what the folder holds under that name and, unless that is
// already the same bytes, writes a temporary file beside it, synced to
// the disk and with the mode of the file it will replace. Commit, once
// every file is made, checks them all and renames them into place, or
// none. Close removes whatever was not renamed. A Staging holds the
// folder's lock (see Lock) from Stage to Close.
type Staging struct {
	dir    string
	unlock func()
	wg     sync.WaitGroup

	mu     sync.Mutex
	latest map[string]*staged // by file name, the one Commit may rename
	all    []*staged          // every one staged, for Close to clear up
	closed bool
}

// staged is one file being staged. Its fields other than data are set
// by the goroutine staging it, and read after the Staging's wait.
type staged struct {
	data         []byte
	exists, same bool   // a file is already there; it holds data
	readErr      error  // what is there could not be read
	tmp          string // the temporary file, until renamed or removed
	writeErr     error  // the temporary file could not be written
}

// Stage locks folder dir, creating it if needed, for files to be staged
// into it. Call Close when done, whether or not Commit was called.
func Stage(dir string) (*Staging, error) {
	unlock, err := Lock(dir)
	if err != nil {
		return nil, err
	}
	return &Staging{dir: dir, unlock: unlock, latest: map[string]*staged{}}, nil
}

// Add starts staging f in the background. A file with a name that could
// leave the folder is not staged: Commit refuses it.
func (s *Staging) Add(f File) {
	if checkName(f.Name) == nil {
		s.add(f)
	}
}

// add starts staging f and returns its staging.
func (s *Staging) add(f File) *staged {
	st := &staged{data: f.Data}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		panic("output: a file added to a closed Staging")
	}
	s.latest[f.Name] = st
	s.all = append(s.all, st)
	path := filepath.Join(s.dir, f.Name)
	s.wg.Go(func() {
		st.exists, st.same, st.readErr = holds(path, f.Data)
		if st.readErr == nil && !st.same {
			st.tmp, st.writeErr = stage(path, f.Data)
		}
	})
	return st
}

// stagedAs returns f's staging, starting it unless Add was given f.
func (s *Staging) stagedAs(f File) *staged {
	s.mu.Lock()
	st := s.latest[f.Name]
	s.mu.Unlock()
	if st != nil && bytes.Equal(st.data, f.Data) {
		return st
	}
	return s.add(f)
}

// Commit stages those of files that Add was not given (or given with
// other bytes), waits for every file to be staged, and then renames them
// all into place. If any already exists with different contents (other
// than a File's Replaces) and replace is false, it renames nothing and
// returns an error wrapping ErrConflict that names each such file. A
// file already holding exactly its bytes is left as it is, as unchanged.
// If a file cannot be written (a full disk), nothing is renamed and the
// error lists the files not written.
func (s *Staging) Commit(files []File, replace bool) (Result, error) {
	var res Result
	for _, f := range files {
		if err := checkName(f.Name); err != nil {
			return res, err
		}
	}
	sts := make([]*staged, len(files))
	for i, f := range files {
		sts[i] = s.stagedAs(f)
	}
	s.wg.Wait()
	var conflicts []string
	same := make([]bool, len(files))
	for i, f := range files {
		st, path := sts[i], filepath.Join(s.dir, f.Name)
		exists, ok, err := st.exists, st.same, st.readErr
		same[i] = ok
		if err == nil && exists && !ok && f.Replaces != nil {
			_, ok, err = holds(path, f.Replaces) // made from what is there
		}
		switch {
		case err != nil:
			return res, fmt.Errorf("cannot read %s: %w", path, unwrap(err))
		case exists && !ok && !replace:
			conflicts = append(conflicts, path)
		}
	}
	if len(conflicts) > 0 {
		return res, conflictError(conflicts)
	}
	var errs []error
	for _, st := range sts {
		errs = append(errs, st.writeErr)
	}
	if err := errors.Join(errs...); err != nil {
		return res, partly(err, nil, changed(files, same), s.dir)
	}
	for i, f := range files {
		path := filepath.Join(s.dir, f.Name)
		if same[i] {
			res.Unchanged = append(res.Unchanged, path)
			continue
		}
		tmp := sts[i].tmp
		sts[i].tmp = "" // renamed, or removed by commit
		if err := commit(tmp, path); err != nil {
			return res, partly(err, res.Written, changed(files[i:], same[i:]), s.dir)
		}
		res.Written = append(res.Written, path)
	}
	return res, nil
}

// Close waits for the files still being staged, removes every temporary
// file Commit did not rename into place, and releases the folder's lock.
// Calling it again does nothing.
func (s *Staging) Close() {
	s.mu.Lock()
	closed := s.closed
	s.closed = true
	s.mu.Unlock()
	if closed {
		return
	}
	s.wg.Wait()
	for _, st := range s.all {
		if st.tmp != "" {
			os.Remove(st.tmp)
		}
	}
	s.unlock()
}
