//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly || windows)

package output

// flockDir does nothing where neither flock nor LockFileEx is available
// (Solaris, AIX, Plan 9, WebAssembly): runs in one folder are not kept
// apart there (docs/limits.md says so).
func flockDir(dir string) (release func(), err error) {
	return func() {}, nil
}
