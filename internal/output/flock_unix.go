//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package output

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// flockDir takes an exclusive flock on the folder dir, waiting up to
// lockWait, and returns the function that releases it.
func flockDir(dir string) (release func(), err error) {
	return waitForLock(dir, func() (func(), error) {
		f, err := os.Open(dir)
		if err != nil {
			return nil, fmt.Errorf("cannot lock the folder %s: %w", dir, unwrap(err))
		}
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case errors.Is(err, syscall.EWOULDBLOCK):
			f.Close()
			return nil, errHeld
		case err != nil:
			f.Close()
			return nil, fmt.Errorf("cannot lock the folder %s: %w", dir, err)
		case !stillThere(f, dir):
			// The run before removed the folder it had made: try again,
			// on the folder now at dir.
			f.Close()
			return nil, errHeld
		}
		return func() { f.Close() }, nil // closing releases the lock
	})
}
