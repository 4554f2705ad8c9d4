package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestMain lets a test run mou as a process of its own: the test binary
// runs Main when MOU_TEST_MAIN is set.
func TestMain(m *testing.M) {
	if os.Getenv("MOU_TEST_MAIN") == "1" {
		os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// together runs mou once for each list of arguments, as processes at the
// same time, and returns their exit codes and standard errors.
func together(t *testing.T, runs ...[]string) (codes []int, stderrs []string) {
	t.Helper()
	codes, stderrs = make([]int, len(runs)), make([]string, len(runs))
	var wg sync.WaitGroup
	for i, args := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], args...)
			cmd.Env = append(os.Environ(), "MOU_TEST_MAIN=1")
			var errOut bytes.Buffer
			cmd.Stderr = &errOut
			err := cmd.Run()
			codes[i], stderrs[i] = cmd.ProcessState.ExitCode(), errOut.String()
			if err != nil && cmd.ProcessState == nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	return codes, stderrs
}

// TestConcurrentGenerate runs two generates of different answers for the
// same version into one folder at once: one must win and the other be
// refused, never a mix of the two sets.
func TestConcurrentGenerate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs processes")
	}
	dir := t.TempDir()
	a := writeFile(t, dir, "a.yaml")
	b := writeFile(t, dir, "b.yaml", "name: Jane Smith", "name: Dafydd Jones-Newman")
	for trial := range 3 {
		out := filepath.Join(dir, "out", string(rune('a'+trial)))
		codes, stderrs := together(t, []string{"generate", "--format", "md", "-o", out, a}, []string{"generate", "--format", "md", "-o", out, b})
		if codes[0]+codes[1] != 1 {
			t.Fatalf("trial %d: exit codes %v, want one 0 and one 1:\n%s\n%s", trial, codes, stderrs[0], stderrs[1])
		}
		loser := stderrs[1]
		if codes[0] == 1 {
			loser = stderrs[0]
		}
		if !strings.Contains(loser, "already exist with different contents") {
			t.Errorf("trial %d: the run refused says:\n%s", trial, loser)
		}
		checkRecord(t, out)
	}
}

// checkRecord checks that every file the record in out lists holds what
// the record says: the set is one run's.
func checkRecord(t *testing.T, out string) {
	t.Helper()
	records, _ := filepath.Glob(filepath.Join(out, "*-record-v*.json"))
	if len(records) != 1 {
		t.Fatalf("%d records in %s, want 1", len(records), out)
	}
	data, _ := os.ReadFile(records[0])
	var rec struct {
		Files []struct{ Name, SHA256 string }
	}
	if err := json.Unmarshal(data, &rec); err != nil {
		t.Fatal(err)
	}
	for _, f := range rec.Files {
		got, _ := os.ReadFile(filepath.Join(out, f.Name))
		sum := sha256.Sum256(got)
		if hex.EncodeToString(sum[:]) != f.SHA256 {
			t.Errorf("%s is not the file its record lists: a mixed set", f.Name)
		}
	}
	if _, err := os.Stat(filepath.Join(out, ".mou.lock")); !os.IsNotExist(err) {
		t.Error("the lock note was left behind")
	}
}

// TestConcurrentHandover records two handovers in one file at once: both
// must be kept, one after the other.
func TestConcurrentHandover(t *testing.T) {
	if testing.Short() {
		t.Skip("runs processes")
	}
	dir := t.TempDir()
	file := writeFile(t, dir, "p.yaml")
	codes, stderrs := together(t,
		[]string{"handover", file, "--partner", "riverside", "--name", "Dafydd Jones-Newman", "--email", "d.jones@riverside.example.org", "--effective", "2027-01-06"},
		[]string{"handover", file, "--partner", "hartwell", "--name", "Priya Shah", "--email", "p.shah@hartwell.example.com", "--effective", "2027-01-06"})
	if codes[0] != 0 || codes[1] != 0 {
		t.Fatalf("exit codes %v:\n%s\n%s", codes, stderrs[0], stderrs[1])
	}
	got, _ := os.ReadFile(file)
	for _, want := range []string{"Dafydd Jones-Newman", "Priya Shah", "version: 3"} {
		if !bytes.Contains(got, []byte(want)) {
			t.Errorf("the file lacks %q: an update was lost", want)
		}
	}
}

// TestHandoverThroughLink edits the file a symbolic link points at and
// keeps the link.
func TestHandoverThroughLink(t *testing.T) {
	dir := t.TempDir()
	real := writeFile(t, dir, "p.yaml")
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink("p.yaml", link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	code, _, stderr := run(t, "handover", link, "--partner", "riverside", "--name", "Dafydd Jones-Newman", "--email", "d.jones-newman@riverside.example.org", "--effective", "2027-01-06")
	if code != 0 {
		t.Fatal(stderr)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a plain file")
	}
	if got, _ := os.ReadFile(real); !bytes.Contains(got, []byte("Dafydd Jones-Newman")) {
		t.Error("the real file was not changed")
	}
}
