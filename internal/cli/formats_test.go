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

// TestFinalReplacesDrafts: the drafts of a version are passed round, and
// once the partners agree them "stage: final" writes the copies to sign
// under the same names, in place of the drafts. Only the drafts of the
// same answers are replaced: a final copy of changed answers is still
// refused, and so is a final copy over a final copy of other answers.
func TestFinalReplacesDrafts(t *testing.T) {
	const stem = "riverside-hartwell-engineering-futures-"
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	file := writeFile(t, dir, "p.yaml")
	code, stdout, stderr := run(t, "generate", "-o", out, "--format", "md,pdf,html,docx", file)
	if code != 0 {
		t.Fatal(stderr)
	}
	if want := `set "stage: final" in ` + file + ` and generate again`; !strings.Contains(stdout, want) {
		t.Errorf("the drafts' run does not say how to make the copies to sign:\n%s", stdout)
	}
	drafts := readAll(t, out)
	if !bytes.Contains(drafts[stem+"mou-v1.html"], []byte("Draft for discussion")) {
		t.Fatal("the first run did not write drafts")
	}
	final := func(edits ...string) {
		t.Helper()
		path := writeFile(t, dir, "p.yaml", edits...)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(data, "\nstage: final\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	final("target: 8 placements each summer", "target: 10 placements each summer")
	if code, _, stderr := run(t, "generate", "-o", out, "--format", "md,pdf,html,docx", file); code != 1 || !strings.Contains(stderr, "already exist with different contents") {
		t.Fatalf("final copies of changed answers over the drafts: exit %d, want 1 and the conflict named: %s", code, stderr)
	}
	for name, data := range readAll(t, out) {
		if !bytes.Equal(data, drafts[name]) {
			t.Errorf("%s changed by a refused run", name)
		}
	}

	final()
	code, stdout, stderr = run(t, "generate", "-o", out, "--format", "md,pdf,html,docx", file)
	if code != 0 {
		t.Fatalf("final copies of the same answers over the drafts: exit %d: %s", code, stderr)
	}
	if want := `mou signed ` + file + ` --version 1 --partner ID`; !strings.Contains(stdout, want) || strings.Contains(stdout, "stage: final") {
		t.Errorf("the final copies' run does not say how to record the signatures:\n%s", stdout)
	}
	finals := readAll(t, out)
	for _, kind := range []string{"mou", "code-of-practice"} {
		html := stem + kind + "-v1.html"
		if bytes.Contains(finals[html], []byte("Draft for discussion")) {
			t.Errorf("%s is still a draft", html)
		}
		for _, ext := range []string{"pdf", "html", "docx"} {
			name := stem + kind + "-v1." + ext
			if bytes.Equal(finals[name], drafts[name]) || !strings.Contains(stdout, "wrote "+filepath.Join(out, name)) {
				t.Errorf("%s: the draft was not replaced by the final copy:\n%s", name, stdout)
			}
		}
	}
	var record struct {
		Files []struct{ Name, SHA256 string }
	}
	if err := json.Unmarshal(finals[stem+"record-v1.json"], &record); err != nil {
		t.Fatal(err)
	}
	for _, f := range record.Files {
		sum := sha256.Sum256(finals[f.Name])
		if hex.EncodeToString(sum[:]) != f.SHA256 {
			t.Errorf("the record lists %s with the draft's checksum, not the final copy's", f.Name)
		}
	}

	// The final copy, once written, is not replaced by another.
	final("target: 8 placements each summer", "target: 10 placements each summer")
	if code, _, _ := run(t, "generate", "-o", out, "--format", "pdf", file); code != 1 {
		t.Errorf("final copies of changed answers over the final copies: exit %d, want 1", code)
	}
}
