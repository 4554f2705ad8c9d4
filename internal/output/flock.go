package output

import (
	"errors"
	"fmt"
	"os"
	"time"
)

// Each platform's flockDir tries its lock with a tryLock function and
// leaves the waiting to waitForLock, so that every platform waits, gives
// up and names the holder in the same way.

// errHeld is what a tryLock returns while another run holds the lock.
var errHeld = errors.New("held by another run")

// notYet wraps a failure that may pass while the run before lets go (on
// Windows, its note is being removed): waitForLock tries again, and
// reports the failure itself if it outlasts lockWait.
type notYet struct{ err error }

func (n notYet) Error() string { return n.err.Error() }
func (n notYet) Unwrap() error { return n.err }

// pollEvery is how often a waiting run tries the lock again.
const pollEvery = 50 * time.Millisecond

// The clock waitForLock reads, replaced in tests so that they never wait.
var (
	now   = time.Now
	sleep = time.Sleep
)

// waitForLock calls tryLock until it returns the lock's release function,
// for up to lockWait. While the lock is held by another run (errHeld) it
// waits and tries again, and then fails with the error that names the
// holder; any other error, except a notYet one, stops it at once.
func waitForLock(dir string, tryLock func() (release func(), err error)) (release func(), err error) {
	deadline := now().Add(lockWait)
	for {
		release, err := tryLock()
		if err == nil {
			return release, nil
		}
		var passing notYet
		if !errors.Is(err, errHeld) && !errors.As(err, &passing) {
			return nil, err
		}
		if now().After(deadline) {
			if passing.err != nil {
				return nil, fmt.Errorf("cannot lock the folder %s: %w", dir, passing.err)
			}
			return nil, busy(dir)
		}
		sleep(pollEvery)
	}
}

// stillThere says whether the open file f is still the one at path: a
// lock taken on a folder or file that was removed meanwhile keeps no one
// else out.
func stillThere(f *os.File, path string) bool {
	a, err1 := f.Stat()
	b, err2 := os.Stat(path)
	return err1 == nil && err2 == nil && os.SameFile(a, b)
}
