package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/templates"
)

func TestWordingUpgrade(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "p.yaml")
	before, _ := os.ReadFile(path)

	code, out, stderr := run(t, "wording", "upgrade", "--dry-run", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "Wording edition "+templates.Unstated+" → "+templates.Current) || !strings.Contains(out, "Nothing was written") {
		t.Errorf("dry run said:\n%s", out)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Fatal("--dry-run changed the file")
	}

	code, out, stderr = run(t, "wording", "upgrade", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "Wrote edition "+templates.Current) {
		t.Errorf("upgrade said:\n%s", out)
	}
	if _, out, _ = run(t, "wording", "upgrade", path); !strings.Contains(out, "nothing to do") {
		t.Errorf("second upgrade said:\n%s", out)
	}

	// A file that is not valid is refused, with its problems, and left alone.
	bad := writeFile(t, dir, "bad.yaml", "review_cycle: annually", "review_cycle: weekly")
	before, _ = os.ReadFile(bad)
	code, _, stderr = run(t, "wording", "upgrade", bad)
	if code != 1 || !strings.Contains(stderr, filepath.Base(bad)) {
		t.Errorf("invalid file: exit %d, stderr %q; want 1 naming the file", code, stderr)
	}
	if after, _ := os.ReadFile(bad); string(after) != string(before) {
		t.Error("an invalid file was changed")
	}
}

// TestInitWritesTheCurrentEdition: a new questionnaire starts on the
// newest wording.
func TestInitWritesTheCurrentEdition(t *testing.T) {
	_, out, _ := run(t, "init")
	if !strings.Contains(out, "\nwording:\n  edition: \""+templates.Current+"\"\n") {
		t.Errorf("mou init does not name edition %s", templates.Current)
	}
}
