//go:build windows

package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/sys/windows"
)

// Windows cannot lock a folder, so a run locks the note it leaves in the
// folder, LockName, with LockFileEx. The byte it locks lies far past the
// note's end, because a Windows lock also stops reading: other runs must
// still read the note to say who holds the folder. Windows releases the
// lock when the process ends, however it ends.
const lockedByte = 1 << 30

// flockDir takes an exclusive lock on the note in the folder dir, waiting
// up to lockWait, and returns the function that releases it.
func flockDir(dir string) (release func(), err error) {
	path := filepath.Join(dir, LockName)
	return waitForLock(dir, func() (func(), error) {
		name, err := windows.UTF16PtrFromString(path)
		if err != nil {
			return nil, fmt.Errorf("cannot lock the folder %s: %w", dir, err)
		}
		// Sharing delete lets Lock remove the note while the lock is held,
		// as it does before releasing it.
		h, err := windows.CreateFile(name, windows.GENERIC_READ|windows.GENERIC_WRITE,
			windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE,
			nil, windows.OPEN_ALWAYS, windows.FILE_ATTRIBUTE_NORMAL, 0)
		switch {
		case errors.Is(err, windows.ERROR_ACCESS_DENIED), errors.Is(err, windows.ERROR_SHARING_VIOLATION):
			// The run before is removing its note (a note being removed
			// cannot be opened), or another program has it open for a moment.
			return nil, notYet{err}
		case err != nil:
			return nil, fmt.Errorf("cannot lock the folder %s: %w", dir, err)
		}
		f := os.NewFile(uintptr(h), path)
		at := windows.Overlapped{Offset: lockedByte}
		err = windows.LockFileEx(h, windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &at)
		switch {
		case errors.Is(err, windows.ERROR_LOCK_VIOLATION):
			f.Close()
			return nil, errHeld
		case err != nil:
			f.Close()
			return nil, fmt.Errorf("cannot lock the folder %s: %w", dir, err)
		case !stillThere(f, path):
			// The run before removed the note between our opening it and
			// locking it: lock the note now at path instead.
			f.Close()
			return nil, errHeld
		}
		return func() {
			windows.UnlockFileEx(h, 0, 1, 0, &at)
			f.Close()
		}, nil
	})
}
