package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"
)

// LockName is the file that says which run holds a folder's lock. It
// exists only while the lock is held, unless a run was killed, and then
// the next run replaces it.
const LockName = ".mou.lock"

// lockWait is how long Lock waits for another run to finish.
var lockWait = 10 * time.Second

// A folder is locked with flock on the folder itself, which the system
// releases when the process ends however it ends, so a killed run never
// leaves a lock that must be removed by hand. Within one process a
// folder is locked once, however many goroutines ask; they share it.
var (
	locksMu sync.Mutex
	locks   = map[string]*folderLock{}
)

type folderLock struct {
	users   int
	release func()
}

// ErrLocked is wrapped by the error Lock returns when another run holds
// the folder's lock.
var ErrLocked = errors.New("in use by another run of mou")

// Lock locks folder dir, creating it if needed, for one run of mou: other
// processes that call Lock on it wait up to 10 seconds and then fail with
// an error naming the run that holds it (its process id and command).
// Taking the lock removes temporary files a killed run left behind. The
// returned function releases the lock and removes the folder again if
// Lock made it and nothing was written there.
func Lock(dir string) (unlock func(), err error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	locksMu.Lock()
	defer locksMu.Unlock()
	if l := locks[abs]; l != nil {
		l.users++
		return func() { unlockShared(abs) }, nil
	}
	st, err := os.Stat(dir)
	created := errors.Is(err, os.ErrNotExist)
	if err == nil && !st.IsDir() {
		return nil, fmt.Errorf("cannot create the output folder %s: a file of that name is in the way", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create the output folder %s: %w", dir, unwrap(err))
	}
	release, err := flockDir(dir)
	if err != nil {
		return nil, err
	}
	// The note is only for messages: in a folder this run may not write
	// to (it may have nothing to write), the lock holds without it.
	holder := filepath.Join(dir, LockName)
	_ = os.WriteFile(holder, []byte(describeSelf()), 0o644)
	removeLeftovers(dir)
	locks[abs] = &folderLock{users: 1, release: func() {
		os.Remove(holder)
		release()
		if created {
			os.Remove(dir) // only if empty: nothing was written
		}
	}}
	return func() { unlockShared(abs) }, nil
}

func unlockShared(abs string) {
	locksMu.Lock()
	defer locksMu.Unlock()
	l := locks[abs]
	if l == nil {
		return
	}
	if l.users--; l.users == 0 {
		delete(locks, abs)
		l.release()
	}
}

// describeSelf says who this run is, for the lock file.
func describeSelf() string {
	return fmt.Sprintf("pid %d: %s\n", os.Getpid(), strings.Join(os.Args, " "))
}

// busy is the error for a folder another run holds.
func busy(dir string) error {
	who := "another process"
	if data, err := ReadFile(filepath.Join(dir, LockName), 4096); err == nil && len(data) > 0 {
		who = strings.TrimSpace(string(data))
		if len(who) > 200 {
			who = who[:200] + "…"
		}
	}
	return fmt.Errorf("%s is %w (%s), still after %v; try again when it has finished", dir, ErrLocked, who, lockWait)
}

// leftover matches the temporary files WriteFile makes: ".NAME.DIGITS.tmp".
var leftover = regexp.MustCompile(`^\..+\.[0-9]+\.tmp$`)

// removeLeftovers removes temporary files in dir that a killed run left.
// It is called holding dir's lock, so no other run is writing them.
func removeLeftovers(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.Type().IsRegular() && leftover.MatchString(e.Name()) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// LockFile locks the folder of the file at path, after following any
// symbolic links, so that runs reaching one file by different links still
// wait for each other. See Lock.
func LockFile(path string) (unlock func(), err error) {
	return Lock(filepath.Dir(realPath(path)))
}

// realPath is path with symbolic links followed, or path itself when it
// cannot be followed (it does not exist yet).
func realPath(path string) string {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		return real
	}
	return path
}
