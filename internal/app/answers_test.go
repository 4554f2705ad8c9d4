package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/yamledit"
)

// TestSaveAnswers: an answer is changed in place, every comment kept, the
// earlier file kept as .bak; and a file changed on disk since it was read
// is never overwritten.
func TestSaveAnswers(t *testing.T) {
	file := filepath.Join(t.TempDir(), "p.yaml")
	if _, err := Init(file, "bilateral", false); err != nil {
		t.Fatal(err)
	}
	before, err := Read(file)
	if err != nil {
		t.Fatal(err)
	}
	after, err := SaveAnswers(file, before.Hash, func(d *yamledit.Doc) error {
		return d.SetText("partnership.mission", "To help every pupil move school with confidence.\n")
	})
	if err != nil {
		t.Fatal(err)
	}
	if after.Hash == before.Hash || string(after.Questionnaire.Partnership.Mission) != "To help every pupil move school with confidence." {
		t.Fatalf("the mission was not saved: %q", after.Questionnaire.Partnership.Mission)
	}
	comments := func(data []byte) (out []string) {
		for _, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "#") {
				out = append(out, line)
			}
		}
		return out
	}
	if a, b := comments(before.Data), comments(after.Data); strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Error("the comments changed")
	}
	if bak, _ := os.ReadFile(file + ".bak"); string(bak) != string(before.Data) {
		t.Error("the earlier file was not kept as .bak")
	}

	// Someone edits the file in another program; a save based on what was
	// read before is refused, and their edit stays.
	edited := strings.Replace(string(after.Data), "annually", "termly", 1)
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = SaveAnswers(file, after.Hash, func(d *yamledit.Doc) error { return d.Set("partnership.level", "networking") })
	if !errors.Is(err, ErrEditedElsewhere) {
		t.Fatalf("got %v, want ErrEditedElsewhere", err)
	}
	if data, _ := os.ReadFile(file); string(data) != edited {
		t.Error("the file changed on disk was overwritten")
	}
}
