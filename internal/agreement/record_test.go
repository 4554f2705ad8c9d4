package agreement

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestPrevious finds the latest earlier version of the same partnership:
// by its slug, or, after a rename, by the questionnaire it was written
// from; never a later version or another partnership's record.
func TestPrevious(t *testing.T) {
	dir := t.TempDir()
	write := func(slug string, version int, questionnaire string) {
		r := &Record{Format: FormatVersion, Partnership: slug, Questionnaire: questionnaire, Version: version}
		if err := os.WriteFile(filepath.Join(dir, FileName(slug, version)), r.Marshal(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("hub", 1, "hub.yaml")
	write("hub", 2, "hub.yaml")
	write("hub", 5, "hub.yaml")
	write("old-name", 3, "renamed.yaml")
	write("other", 4, "other.yaml")
	os.WriteFile(filepath.Join(dir, "notes-record-v1.json.bak"), nil, 0o644)

	f, err := ListFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	// A record written after the folder was listed belongs to the run
	// that lists it, not to an earlier version.
	write("hub", 4, "hub.yaml")

	tests := []struct {
		slug, file string
		version    int
		want       string // "slug vN", or "" for none
	}{
		{"hub", "hub.yaml", 5, "hub v2"},
		{"hub", "hub.yaml", 6, "hub v5"},
		{"hub", "hub.yaml", 1, ""},
		{"new-name", "renamed.yaml", 4, "old-name v3"},
		{"new-name", "elsewhere/renamed.yaml", 9, "old-name v3"},
		{"nobody", "nobody.yaml", 9, ""},
	}
	for _, tc := range tests {
		r, err := f.Previous(tc.slug, tc.file, tc.version)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if r != nil {
			got = fmt.Sprintf("%s v%d", r.Partnership, r.Version)
		}
		if got != tc.want {
			t.Errorf("Previous(%s, %s, %d) = %q, want %q", tc.slug, tc.file, tc.version, got, tc.want)
		}
	}
	if r, err := Previous(filepath.Join(dir, "missing"), "hub", "hub.yaml", 3); r != nil || err != nil {
		t.Errorf("a folder that does not exist: %v, %v", r, err)
	}
	if r, _ := Previous(dir, "hub", "hub.yaml", 5); r == nil || r.Version != 4 {
		t.Errorf("Previous lists the folder afresh: got %v", r)
	}
}
