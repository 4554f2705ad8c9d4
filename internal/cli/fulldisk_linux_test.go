package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestFullDiskKeepsBackup runs a handover on a small disk with room for
// the backup but not for the new questionnaire as well: it must say that
// nothing was changed, and mean it, leaving FILE.bak as it was and no
// temporary file behind. It needs to mount a small tmpfs (as root); the
// same is tested everywhere with injected errors in internal/output.
func TestFullDiskKeepsBackup(t *testing.T) {
	disk := filepath.Join(t.TempDir(), "disk")
	if err := os.Mkdir(disk, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", disk).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small tmpfs here (it needs root): %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", disk).Run() })
	file := writeFile(t, disk, "p.yaml")
	if err := os.WriteFile(file+".bak", []byte("the backup before"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := readText(t, file)
	// Fill the disk but for room for one more copy of the file, and a
	// block for the lock's note.
	var fs syscall.Statfs_t
	if err := syscall.Statfs(disk, &fs); err != nil {
		t.Fatal(err)
	}
	block := int64(fs.Bsize)
	need := (int64(len(before))+block-1)/block*block + block
	if err := os.WriteFile(filepath.Join(disk, "filler"), make([]byte, int64(fs.Bavail)*block-need), 0o644); err != nil {
		t.Fatalf("filling the disk: %v", err)
	}
	code, _, stderr := run(t, "handover", file, "--partner", "riverside", "--name", "Ann Other", "--email", "ann@riverside.example.org", "--effective", "2027-01-06")
	if code != 1 || !strings.Contains(stderr, "no space left on device; nothing was changed") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if got := readText(t, file+".bak"); got != "the backup before" {
		t.Errorf("FILE.bak was replaced:\n%.200s", got)
	}
	if readText(t, file) != before {
		t.Error("the questionnaire changed")
	}
	entries, _ := os.ReadDir(disk)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}
