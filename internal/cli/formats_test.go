package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGenerateAnotherFormatLater: generating a version in one format and
// later in another writes the new files and adds them to the version's
// record, leaving the files already there alone; a record of a different
// agreement under the same version is still refused.
func TestGenerateAnotherFormatLater(t *testing.T) {
	const stem = "riverside-hartwell-engineering-futures-"
	record := stem + "record-v1.json"
	changed := []string{"target: 8 placements each summer", "target: 10 placements each summer"}
	type step struct {
		formats string
		edits   []string // made to the questionnaire before this step
	}
	type test struct {
		name        string
		first, then step
		refused     bool
	}
	tests := []test{
		{name: "md,pdf then html", first: step{formats: "md,pdf"}, then: step{formats: "html"}},
		{name: "a format again", first: step{formats: "md,pdf"}, then: step{formats: "pdf"}},
		{name: "changed answers, another format", first: step{formats: "md"}, then: step{formats: "pdf", edits: changed}, refused: true},
	}
	all := []string{"md", "pdf", "html", "docx"}
	for _, a := range all {
		for _, b := range all {
			if a != b {
				tests = append(tests, test{name: a + " then " + b, first: step{formats: a}, then: step{formats: b}})
			}
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out")
			file := writeFile(t, dir, "p.yaml", tt.first.edits...)
			if code, _, stderr := run(t, "generate", "-o", out, "--format", tt.first.formats, file); code != 0 {
				t.Fatalf("first: exit %d: %s", code, stderr)
			}
			before := readAll(t, out)
			writeFile(t, dir, "p.yaml", tt.then.edits...)
			code, stdout, stderr := run(t, "generate", "-o", out, "--format", tt.then.formats, file)
			after := readAll(t, out)
			if tt.refused {
				if code != 1 || !strings.Contains(stderr, record+" already exists with different contents") {
					t.Fatalf("want the record refused, got exit %d: %s", code, stderr)
				}
				if len(after) != len(before) {
					t.Errorf("%d files after a refused run, %d before", len(after), len(before))
				}
				for name, data := range before {
					if !bytes.Equal(after[name], data) {
						t.Errorf("%s changed by a refused run", name)
					}
				}
				return
			}
			if code != 0 {
				t.Fatalf("then: exit %d: %s", code, stderr)
			}
			// The first run's documents are left as they were.
			for name, data := range before {
				if name != record && !bytes.Equal(after[name], data) {
					t.Errorf("%s rewritten", name)
				}
				if name != record && strings.Contains(stdout, "wrote "+filepath.Join(out, name)) {
					t.Errorf("%s reported as written", name)
				}
			}
			// Every format asked for is there, and the record lists every
			// document in the folder with its checksum.
			var r struct {
				Files []struct{ Name, SHA256 string }
			}
			if err := json.Unmarshal(after[record], &r); err != nil {
				t.Fatal(err)
			}
			listed := map[string]string{}
			for _, f := range r.Files {
				listed[f.Name] = f.SHA256
			}
			for _, f := range strings.Split(tt.first.formats+","+tt.then.formats, ",") {
				for _, kind := range []string{"mou", "code-of-practice"} {
					if _, ok := after[stem+kind+"-v1."+f]; !ok {
						t.Errorf("no %s%s-v1.%s", stem, kind, f)
					}
				}
			}
			for name, data := range after {
				if name == record {
					continue
				}
				sum := sha256.Sum256(data)
				if listed[name] != hex.EncodeToString(sum[:]) {
					t.Errorf("%s: record lists sha256 %q, file has %x", name, listed[name], sum)
				}
			}
			if len(listed) != len(after)-1 {
				t.Errorf("record lists %d files, folder holds %d documents", len(listed), len(after)-1)
			}
		})
	}
}

// readAll reads every file in dir, by name.
func readAll(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = data
	}
	return files
}

// TestForceLeavesNoStaleFormat: --force replaces a version's files with
// new answers; a format of that version that the run does not write
// would still hold the earlier answers, so it is removed, and said so.
func TestForceLeavesNoStaleFormat(t *testing.T) {
	const stem = "riverside-hartwell-engineering-futures-"
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	file := writeFile(t, dir, "p.yaml")
	if code, _, stderr := run(t, "generate", "-o", out, "--format", "md,html", file); code != 0 {
		t.Fatal(stderr)
	}
	writeFile(t, dir, "p.yaml", "target: 8 placements each summer", "target: 10 placements each summer")
	code, stdout, stderr := run(t, "generate", "-o", out, "--format", "md", "--force", file)
	if code != 0 {
		t.Fatal(stderr)
	}
	for _, kind := range []string{"mou", "code-of-practice"} {
		html := filepath.Join(out, stem+kind+"-v1.html")
		if _, err := os.Stat(html); err == nil {
			t.Errorf("%s, from the earlier answers, is still there", html)
		}
		if !strings.Contains(stdout, "removed "+html) {
			t.Errorf("the removal of %s is not reported:\n%s", html, stdout)
		}
	}
	// Without --force nothing is removed: the run is refused.
	writeFile(t, dir, "p.yaml", "target: 8 placements each summer", "target: 12 placements each summer")
	if code, _, _ := run(t, "generate", "-o", out, "--format", "pdf", file); code != 1 {
		t.Errorf("changed answers without --force: exit %d, want 1", code)
	}
	if _, err := os.Stat(filepath.Join(out, stem+"mou-v1.md")); err != nil {
		t.Error("a refused run removed a file")
	}
}
