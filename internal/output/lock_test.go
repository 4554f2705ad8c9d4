package output

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLockBusy holds a folder's lock as another process would, with its
// note: Lock must wait, then fail naming the holder.
func TestLockBusy(t *testing.T) {
	defer func(d time.Duration) { lockWait = d }(lockWait)
	lockWait = 200 * time.Millisecond
	dir := t.TempDir()
	f, err := os.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Skipf("flock is not available here: %v", err)
	}
	os.WriteFile(filepath.Join(dir, LockName), []byte("pid 4242: mou generate other.yaml\n"), 0o644)
	start := time.Now()
	_, err = Lock(dir)
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "(pid 4242: mou generate other.yaml)") {
		t.Errorf("got %v, want the holder named", err)
	}
	if d := time.Since(start); d < lockWait {
		t.Errorf("gave up after %v, before waiting %v", d, lockWait)
	}
	_, err = WriteAll(dir, []File{{Name: "a.md", Data: []byte("A")}}, false)
	if !errors.Is(err, ErrLocked) {
		t.Errorf("WriteAll into a locked folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "a.md")); !errors.Is(err, os.ErrNotExist) {
		t.Error("a.md was written into a locked folder")
	}
}

// TestLockAfterKill finds what a killed run leaves: its note and its
// temporary files. The next run takes the lock and clears them.
func TestLockAfterKill(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{LockName, ".p-mou-v1.pdf.123456.tmp", ".keep", "p-mou-v1.md"} {
		os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644)
	}
	unlock, err := Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	note, _ := os.ReadFile(filepath.Join(dir, LockName))
	if !strings.HasPrefix(string(note), "pid ") || !strings.Contains(string(note), os.Args[0]) {
		t.Errorf("the lock note is %q, want this run", note)
	}
	// A second Lock in the same process shares the lock.
	again, err := Lock(dir)
	if err != nil {
		t.Fatalf("a second Lock in one process: %v", err)
	}
	again()
	unlock()
	var left []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		left = append(left, e.Name())
	}
	if got := strings.Join(left, " "); got != ".keep p-mou-v1.md" {
		t.Errorf("left in the folder: %s", got)
	}
}

// TestLockMadeFolder removes a folder Lock made when nothing was written.
func TestLockMadeFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	unlock, err := Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	unlock()
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Error("the empty folder Lock made is still there")
	}
}

// TestWriteIfUnchanged writes through a link, and refuses a file that
// changed since it was read.
func TestWriteIfUnchanged(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.yaml")
	link := filepath.Join(dir, "link.yaml")
	os.WriteFile(real, []byte("v1"), 0o600)
	if err := os.Symlink("real.yaml", link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if err := WriteIfUnchanged(link, []byte("v1"), []byte("v2")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if got, _ := os.ReadFile(real); string(got) != "v2" {
		t.Errorf("the real file holds %q, want v2", got)
	}
	if st, _ := os.Stat(real); st.Mode().Perm() != 0o600 {
		t.Errorf("the real file's mode is %v, want 0600 kept", st.Mode().Perm())
	}
	err := WriteIfUnchanged(link, []byte("v1"), []byte("v3"))
	if !errors.Is(err, ErrChanged) {
		t.Errorf("got %v, want ErrChanged", err)
	}
	if got, _ := os.ReadFile(real); string(got) != "v2" {
		t.Errorf("a changed file was overwritten: %q", got)
	}
}

// TestPartly lists the files written and not written when a write fails.
func TestPartly(t *testing.T) {
	err := partly(errors.New("cannot write out/b.pdf: no space left on device"), []string{"out/a.md"},
		[]File{{Name: "b.pdf", Data: nil}, {Name: "c.json", Data: nil}}, "out")
	want := "cannot write out/b.pdf: no space left on device\nwritten: out/a.md\nnot written: out/b.pdf, out/c.json"
	if err.Error() != want {
		t.Errorf("got:\n%s\nwant:\n%s", err, want)
	}
}
