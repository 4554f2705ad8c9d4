//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package output

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// flockDir takes an exclusive flock on the folder dir, waiting up to
// lockWait, and returns the function that releases it.
func flockDir(dir string) (release func(), err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot lock the folder %s: %w", dir, unwrap(err))
	}
	deadline := time.Now().Add(lockWait)
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil && !stillThere(f, dir) {
			// The run before removed the folder it had made: start again.
			f.Close()
			return flockDir(dir)
		}
		if err == nil {
			return func() { f.Close() }, nil // closing releases the lock
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("cannot lock the folder %s: %w", dir, err)
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, busy(dir)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// stillThere says whether the folder f is still the one at dir.
func stillThere(f *os.File, dir string) bool {
	a, err1 := f.Stat()
	b, err2 := os.Stat(dir)
	return err1 == nil && err2 == nil && os.SameFile(a, b)
}
