package output

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets this test binary stand in for another run of mou: with
// MOU_TEST_HOLD_LOCK set to a folder, it locks the folder, says "locked"
// and holds the lock until its standard input closes.
func TestMain(m *testing.M) {
	if dir := os.Getenv("MOU_TEST_HOLD_LOCK"); dir != "" {
		unlock, err := Lock(dir)
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		fmt.Println("locked")
		io.Copy(io.Discard, os.Stdin)
		unlock()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestLockBusy has another process hold a folder's lock, as another run of
// mou would: Lock must fail naming that run, WriteAll must write nothing,
// and once the other run lets go the folder is free. This runs the real
// lock of whichever system the tests run on (flock, or LockFileEx on
// Windows).
func TestLockBusy(t *testing.T) {
	defer func(d time.Duration) { lockWait = d }(lockWait)
	lockWait = 200 * time.Millisecond
	dir := t.TempDir()
	holder := exec.Command(os.Args[0], "-test.run=^$")
	holder.Env = append(os.Environ(), "MOU_TEST_HOLD_LOCK="+dir)
	letGo, err := holder.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	said, err := holder.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	defer holder.Wait()
	defer letGo.Close()
	if line, _ := bufio.NewReader(said).ReadString('\n'); line != "locked\n" {
		t.Fatalf("the other run could not lock the folder: %q", line)
	}

	_, err = Lock(dir)
	who := fmt.Sprintf("(pid %d: %s", holder.Process.Pid, os.Args[0])
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), who) {
		t.Errorf("got %v, want the holder named %s…)", err, who)
	}
	_, err = WriteAll(dir, []File{{Name: "a.md", Data: []byte("A")}}, false)
	if !errors.Is(err, ErrLocked) {
		t.Errorf("WriteAll into a locked folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "a.md")); !errors.Is(err, os.ErrNotExist) {
		t.Error("a.md was written into a locked folder")
	}

	letGo.Close()
	if err := holder.Wait(); err != nil {
		t.Fatalf("the other run: %v", err)
	}
	unlock, err := Lock(dir)
	if err != nil {
		t.Fatalf("Lock after the other run let go: %v", err)
	}
	unlock()
	if _, err := os.Stat(filepath.Join(dir, LockName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s is left behind after both runs", LockName)
	}
}

// TestWaitForLock drives the waiting every platform shares with a fake
// lock and a fake clock, so that it never waits in earnest.
func TestWaitForLock(t *testing.T) {
	denied := errors.New("access is denied")
	tests := []struct {
		name                  string
		tries                 []error // what each try returns; the last repeats
		wantErr               string  // "" for the lock taken
		wantLock              bool
		wantTries, wantSleeps int
	}{
		{"free", []error{nil}, "", true, 1, 0},
		{"held twice, then free", []error{errHeld, errHeld, nil}, "", true, 3, 2},
		{"the note being removed, then free", []error{notYet{denied}, nil}, "", true, 2, 1},
		{"held throughout", []error{errHeld}, "DIR is in use by another run of mou (pid 4242: mou generate other.yaml), still after 10s; try again when it has finished", false, 202, 201},
		{"denied throughout", []error{notYet{denied}}, "cannot lock the folder DIR: access is denied", false, 202, 201},
		{"a failure that will not pass", []error{errHeld, denied}, "access is denied", false, 2, 1},
	}
	defer func(n func() time.Time, s func(time.Duration)) { now, sleep = n, s }(now, sleep)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, LockName), []byte("pid 4242: mou generate other.yaml\n"), 0o644)
			clock, sleeps, tries := time.Unix(0, 0), 0, 0
			now = func() time.Time { return clock }
			sleep = func(d time.Duration) { clock = clock.Add(d); sleeps++ }
			released := false
			release, err := waitForLock(dir, func() (func(), error) {
				err := tc.tries[min(tries, len(tc.tries)-1)]
				tries++
				if err != nil {
					return nil, err
				}
				return func() { released = true }, nil
			})
			got := ""
			if err != nil {
				got = strings.ReplaceAll(err.Error(), dir, "DIR")
			}
			if got != tc.wantErr || tries != tc.wantTries || sleeps != tc.wantSleeps {
				t.Errorf("got error %q after %d tries and %d waits, want %q after %d and %d", got, tries, sleeps, tc.wantErr, tc.wantTries, tc.wantSleeps)
			}
			if tc.wantLock {
				if release == nil {
					t.Fatal("no release function")
				}
				release()
				if !released {
					t.Error("the release function did not release the lock")
				}
			}
			if tc.name == "held throughout" && !errors.Is(err, ErrLocked) {
				t.Errorf("%v does not wrap ErrLocked", err)
			}
		})
	}
}

// TestLockAfterKill finds what a killed run leaves: its note, listing the
// temporary files it made, and those files. The next run takes the lock
// and removes them, and nothing else: not a user's own files named like
// temporary files, even if the note names them, nor a file of mou's
// pattern that the note does not list.
func TestLockAfterKill(t *testing.T) {
	dir := t.TempDir()
	// A run stages a file, then is killed before it renames it: its
	// note and its temporary file stay.
	unlock, err := Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	tmp, err := stage(filepath.Join(dir, "p-mou-v1.pdf"), []byte("half"))
	if err != nil {
		t.Fatal(err)
	}
	note, _ := os.ReadFile(filepath.Join(dir, LockName))
	if !strings.HasPrefix(string(note), "pid ") || !strings.Contains(string(note), os.Args[0]) {
		t.Errorf("the lock note is %q, want this run", note)
	}
	if want := "\ntemporary " + filepath.Base(tmp) + "\n"; !strings.HasSuffix(string(note), want) {
		t.Errorf("the lock note is %q, want it to end %q", note, want)
	}
	unlock()
	user := []string{".notes.2024.tmp", ".p-mou-v1.pdf.123456.tmp", ".mou-0123456789abcdef-unlisted.tmp", ".keep", "p-mou-v1.md"}
	for _, name := range user {
		os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644)
	}
	note = append(note, "temporary .notes.2024.tmp\ntemporary ../escape.tmp\ntemporary .mou-0123456789abcdef-gone.tmp\n"...)
	os.WriteFile(filepath.Join(dir, LockName), note, 0o644)

	unlock, err = Lock(dir)
	if err != nil {
		t.Fatal(err)
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
	slices.Sort(user)
	if got, want := strings.Join(left, " "), strings.Join(user, " "); got != want {
		t.Errorf("left in the folder: %s\nwant: %s", got, want)
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

// TestReplaceKeepingBackup writes through a link, keeping a backup, and
// refuses a file that changed since it was read.
func TestReplaceKeepingBackup(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.yaml")
	link := filepath.Join(dir, "link.yaml")
	os.WriteFile(real, []byte("v1"), 0o600)
	if err := os.Symlink("real.yaml", link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if err := ReplaceKeepingBackup(link, []byte("v1"), []byte("v2")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if got, _ := os.ReadFile(real); string(got) != "v2" {
		t.Errorf("the real file holds %q, want v2", got)
	}
	if got, _ := os.ReadFile(link + ".bak"); string(got) != "v1" {
		t.Errorf("the backup holds %q, want v1", got)
	}
	if st, _ := os.Stat(real); st.Mode().Perm() != 0o600 {
		t.Errorf("the real file's mode is %v, want 0600 kept", st.Mode().Perm())
	}
	err := ReplaceKeepingBackup(link, []byte("v1"), []byte("v3"))
	if !errors.Is(err, ErrChanged) {
		t.Errorf("got %v, want ErrChanged", err)
	}
	if got, _ := os.ReadFile(real); string(got) != "v2" {
		t.Errorf("a changed file was overwritten: %q", got)
	}
}

// TestReplaceKeepingBackupOnAFullDisk fails each write and rename in turn,
// as a full disk would: the file and its backup are left as they were,
// or, when only the last rename fails, the error says the backup was
// replaced by a copy of the file. No temporary file is left.
func TestReplaceKeepingBackupOnAFullDisk(t *testing.T) {
	defer func() { injectFault = nil }()
	full := syscall.ENOSPC
	tests := []struct {
		op, file   string
		file2, bak string // what the file and its backup hold after
		onlyBackup bool
	}{
		{"write", "p.yaml.bak", "v1", "v0", false},
		{"write", "p.yaml", "v1", "v0", false},
		{"rename", "p.yaml.bak", "v1", "v0", false},
		{"rename", "p.yaml", "v1", "v1", true},
	}
	for _, tc := range tests {
		t.Run(tc.op+" "+tc.file, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "p.yaml")
			os.WriteFile(path, []byte("v1"), 0o644)
			os.WriteFile(path+".bak", []byte("v0"), 0o644)
			injectFault = func(op, p string) error {
				if op == tc.op && filepath.Base(p) == tc.file {
					return full
				}
				return nil
			}
			err := ReplaceKeepingBackup(path, []byte("v1"), []byte("v2"))
			injectFault = nil
			if !errors.Is(err, full) || errors.Is(err, ErrOnlyBackup) != tc.onlyBackup {
				t.Errorf("got %v, want no space left (only the backup written: %v)", err, tc.onlyBackup)
			}
			if tc.onlyBackup && !strings.Contains(err.Error(), "p.yaml is as it was, and "+path+".bak now holds a copy of it") {
				t.Errorf("the error does not say what was written: %v", err)
			}
			if got, _ := os.ReadFile(path); string(got) != tc.file2 {
				t.Errorf("the file holds %q, want %q", got, tc.file2)
			}
			if got, _ := os.ReadFile(path + ".bak"); string(got) != tc.bak {
				t.Errorf("the backup holds %q, want %q", got, tc.bak)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 2 {
				t.Errorf("%d files left, want 2: %v", len(entries), entries)
			}
		})
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

// TestLockFileOneGoroutineAtATime: within one process a file's lock is
// held by one goroutine at a time, as two saves of the web interview at
// once need, while another file of the same folder, whose folder lock
// the goroutines share, can still be locked meanwhile.
func TestLockFileOneGoroutineAtATime(t *testing.T) {
	dir := t.TempDir()
	file, other := filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml")
	unlock, err := LockFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lockIn := func(path string) chan struct{} {
		done := make(chan struct{})
		go func() {
			release, err := LockFile(path)
			if err != nil {
				t.Error(err)
			} else {
				release()
			}
			close(done)
		}()
		return done
	}
	<-lockIn(other)
	second := lockIn(file)
	select {
	case <-second:
		t.Fatal("a second goroutine took the file's lock while the first held it")
	case <-time.After(200 * time.Millisecond):
	}
	unlock()
	<-second
}
