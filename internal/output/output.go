// Package output writes generated files safely: all or nothing, through a
// temporary file and a rename, and never over a different file of the
// same name.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// File is one file to write, named relative to the output folder.
type File struct {
	Name string
	Data []byte
	// Replaces, when not nil, is what the file held when Data was made
	// from it (a record merged with the one on disk): a file still
	// holding exactly these bytes is replaced without being a conflict.
	Replaces []byte
}

// ErrConflict is matched by the error WriteAll returns when a file of the
// same name already exists with different contents.
var ErrConflict = errors.New("already exists with different contents")

// conflictError names the files that exist with different contents.
type conflictError []string

func (e conflictError) Error() string {
	if len(e) == 1 {
		return e[0] + " " + ErrConflict.Error()
	}
	return strings.Join(e[:len(e)-1], ", ") + " and " + e[len(e)-1] + " already exist with different contents"
}

func (e conflictError) Is(target error) bool { return target == ErrConflict }

// Result says what WriteAll did with each file.
type Result struct {
	Written   []string // paths written
	Unchanged []string // paths that already held exactly these bytes
}

// WriteAll writes files into dir, creating it if needed, holding dir's
// lock (see Lock): each file is staged (see Staging), side by side since
// each waits for the disk, and when all are staged they are renamed into
// place, so a reader never sees half a file and a full disk leaves the
// folder as it was. See Staging.Commit for what is refused.
func WriteAll(dir string, files []File, replace bool) (Result, error) {
	for _, f := range files {
		if err := checkName(f.Name); err != nil {
			return Result{}, err
		}
	}
	s, err := Stage(dir)
	if err != nil {
		return Result{}, err
	}
	defer s.Close()
	return s.Commit(files, replace)
}

// changed lists the files not marked same.
func changed(files []File, same []bool) []File {
	var out []File
	for i, f := range files {
		if !same[i] {
			out = append(out, f)
		}
	}
	return out
}

// partly adds to a write error which files were written before it and
// which were not, so that a full disk leaves no doubt about the folder.
func partly(err error, written []string, rest []File, dir string) error {
	var not []string
	for _, f := range rest {
		not = append(not, filepath.Join(dir, f.Name))
	}
	done := ""
	if len(written) > 0 {
		done = "\nwritten: " + strings.Join(written, ", ")
	}
	return fmt.Errorf("%w%s\nnot written: %s", err, done, strings.Join(not, ", "))
}

// WriteFile writes data to path through a temporary file in the same
// folder and a rename, keeping the mode of a file it replaces.
func WriteFile(path string, data []byte) error {
	tmp, err := stage(path, data)
	if err == nil {
		err = commit(tmp, path)
	}
	return err
}

// stage writes data to a temporary file beside path, synced to the disk
// and with the mode of the file it will replace, and returns its name.
func stage(path string, data []byte) (string, error) {
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	tmp, err := os.OpenFile(tempName(path), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", fmt.Errorf("cannot write %s: %w", path, unwrap(err))
	}
	name := tmp.Name()
	if err = fault("write", path); err == nil {
		_, err = tmp.Write(data)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(name, mode)
	}
	if err != nil {
		os.Remove(name)
		return "", fmt.Errorf("cannot write %s: %w", path, unwrap(err))
	}
	return name, nil
}

// commit renames a staged file into place.
func commit(tmp, path string) error {
	err := fault("rename", path)
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("cannot write %s: %w", path, unwrap(err))
	}
	return nil
}

// injectFault, when set by a test, is asked before each write and rename
// of a file (op "write" or "rename", and the file's path) and may return
// the error it is to fail with, as a full disk would.
var injectFault func(op, path string) error

func fault(op, path string) error {
	if injectFault == nil {
		return nil
	}
	return injectFault(op, path)
}

// holds says whether a file is at path and whether it holds exactly
// data. Only a regular file is read, and no more of it than data's length.
func holds(path string, data []byte) (exists, same bool, err error) {
	f, err := Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, false, nil
	}
	if err != nil {
		return true, false, err
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || st.Size() != int64(len(data)) {
		return true, false, err
	}
	old, err := io.ReadAll(io.LimitReader(f, int64(len(data))+1))
	return true, err == nil && bytes.Equal(old, data), err
}

// checkName refuses names that could leave the output folder.
func checkName(name string) error {
	if name == "" || name != filepath.Base(name) || name == "." || name == ".." || strings.ContainsAny(name, `/\`) {
		return fmt.Errorf("unsafe output file name %q", name)
	}
	return nil
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ErrChanged is wrapped by the error WriteIfUnchanged returns when the
// file no longer holds what it held when it was read.
var ErrChanged = errors.New("was changed by another program while mou was working on it")

// ErrOnlyBackup is wrapped by the error ReplaceKeepingBackup returns when
// the backup was replaced but the file could not be.
var ErrOnlyBackup = errors.New("only the backup was written")

// ReplaceKeepingBackup replaces the file at path with data if it still
// holds old, and keeps old as path+".bak". It writes through a symbolic
// link to the file it points at, so that the link stays a link. Call it
// holding the file's lock (LockFile): then only another program can have
// changed the file, and it is refused.
//
// Both files are written to temporary files before either is renamed
// into place, so a full disk leaves the file and its backup as they were.
// Should the last rename still fail, the error wraps ErrOnlyBackup and
// says that the backup now holds a copy of the file, which is unchanged.
func ReplaceKeepingBackup(path string, old, data []byte) error {
	real, backup := realPath(path), path+".bak"
	cur, err := ReadFile(real, int64(len(old)))
	if err != nil && !errors.Is(err, ErrTooLarge) {
		return fmt.Errorf("cannot read %s: %w", path, unwrap(err))
	}
	if err != nil || !bytes.Equal(cur, old) {
		return fmt.Errorf("%s %w", path, ErrChanged)
	}
	staged, err := stage(backup, old)
	if err != nil {
		return err
	}
	tmp, err := stage(real, data)
	if err != nil {
		os.Remove(staged)
		return err
	}
	if err := commit(staged, backup); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := commit(tmp, real); err != nil {
		return fmt.Errorf("%w; %s is as it was, and %s now holds a copy of it (%w)", err, path, backup, ErrOnlyBackup)
	}
	return nil
}
