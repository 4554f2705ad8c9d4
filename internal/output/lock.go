package output

import (
	"crypto/rand"
	"encoding/hex"
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
	// The note names this run for messages, and lists the temporary
	// files it makes; in a folder this run may not write to (it may have
	// nothing to write), the lock holds without it. A note already there
	// is a killed run's: what it lists is removed.
	holder := filepath.Join(dir, LockName)
	before, _ := ReadFile(holder, maxNote)
	_ = os.WriteFile(holder, []byte(describeSelf()), 0o644)
	removeLeftovers(dir, before)
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

// maxNote bounds how much of a lock note is read: a run that wrote
// thousands of files lists them in a few hundred kilobytes.
const maxNote = 4 << 20

// tempLine starts the line of a lock note that names a temporary file.
const tempLine = "temporary "

// removeLeftovers removes the temporary files that note, a killed run's
// lock note, lists, if they are still in dir. A file is removed only if
// its name is one mou makes for a temporary file (see tempName), so no
// file mou did not make is ever removed, whatever the note says. It is
// called holding dir's lock, so no other run is writing them.
func removeLeftovers(dir string, note []byte) {
	for _, line := range strings.Split(string(note), "\n") {
		name, ok := strings.CutPrefix(line, tempLine)
		if !ok || !tempPattern().MatchString(name) {
			continue
		}
		path := filepath.Join(dir, name)
		if st, err := os.Lstat(path); err == nil && st.Mode().IsRegular() {
			os.Remove(path)
		}
	}
}

// tempPattern matches the names tempName makes.
var tempPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\.mou-[0-9a-f]{16}-[^/\\]+\.tmp$`) })

// tempName returns a name for a temporary file beside path that only mou
// makes: ".mou-", a random part, then path's own name, and ".tmp". Where
// this process holds the folder's lock, the name is first added to the
// lock note, so that the next run can tell the file is mou's if this run
// is killed before it renames or removes it.
func tempName(path string) string {
	var random [8]byte
	rand.Read(random[:])
	name := ".mou-" + hex.EncodeToString(random[:]) + "-" + filepath.Base(path) + ".tmp"
	dir := filepath.Dir(path)
	if abs, err := filepath.Abs(dir); err == nil {
		locksMu.Lock()
		if locks[abs] != nil {
			if f, err := os.OpenFile(filepath.Join(dir, LockName), os.O_WRONLY|os.O_APPEND, 0); err == nil {
				f.WriteString(tempLine + name + "\n")
				f.Close()
			}
		}
		locksMu.Unlock()
	}
	return filepath.Join(dir, name)
}

// LockFile locks the folder of the file at path, after following any
// symbolic links, so that runs reaching one file by different links still
// wait for each other. See Lock. Unlike a folder's lock, which the
// goroutines of one process share, a file's is held by one goroutine at a
// time: the web interview saves each browser's answers on a goroutine of
// its own, and two saves at once must not both read the file before
// either writes it.
func LockFile(path string) (unlock func(), err error) {
	real := realPath(path)
	abs, err := filepath.Abs(real)
	if err != nil {
		return nil, err
	}
	mu, _ := fileLocks.LoadOrStore(abs, new(sync.Mutex))
	mu.(*sync.Mutex).Lock()
	unlockDir, err := Lock(filepath.Dir(real))
	if err != nil {
		mu.(*sync.Mutex).Unlock()
		return nil, err
	}
	return func() {
		unlockDir()
		mu.(*sync.Mutex).Unlock()
	}, nil
}

// fileLocks holds a mutex for each file LockFile has locked, by its
// absolute path.
var fileLocks sync.Map

// realPath is path with symbolic links followed, or path itself when it
// cannot be followed (it does not exist yet).
func realPath(path string) string {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		return real
	}
	return path
}
