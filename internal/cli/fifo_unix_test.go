//go:build !windows && !plan9 && !js && !wasip1

package cli

import "syscall"

// mkfifo makes a named pipe at path, for the tests that check a pipe is refused.
func mkfifo(path string) error { return syscall.Mkfifo(path, 0o644) }
