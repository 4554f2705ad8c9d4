//go:build windows || plan9 || js || wasip1

package output

import "errors"

// mkfifo fails where there are no named pipes in the file system: the
// tests that need one skip.
func mkfifo(path string) error { return errors.New("no named pipes in this file system") }
