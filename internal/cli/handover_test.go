package cli

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestHandoverKeepsTheFile checks the edited questionnaire byte for byte
// against a golden file: comments, blank lines and layout are kept and
// only the changed lines and the new history differ.
func TestHandoverKeepsTheFile(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "p.yaml")
	before, _ := os.ReadFile(file)
	code, stdout, stderr := run(t, "handover", file, "--partner", "riverside", "--name", "Dafydd Jones-Newman",
		"--email", "d.jones-newman@riverside.example.org", "--effective", "2027-01-06", "--reason", "Jane Smith retired")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	got, _ := os.ReadFile(file)
	golden := filepath.Join("testdata", "handover.golden.yaml")
	if *update {
		os.WriteFile(golden, got, 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("handover output differs from %s", golden)
	}
	if bak, _ := os.ReadFile(file + ".bak"); !bytes.Equal(bak, before) {
		t.Error("the .bak file does not hold the previous questionnaire")
	}
	// Every comment line of the original is still there.
	for _, line := range strings.Split(string(before), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") && !bytes.Contains(got, []byte(line)) {
			t.Errorf("comment lost: %q", line)
		}
	}
	// The edited file is valid, and a second handover appends to the history.
	code, _, stderr = run(t, "handover", file, "--partner", "hartwell", "--role", "signatory", "--name", "Ruth Hartwell",
		"--position", "Chief Executive", "--effective", "2027-04-01")
	if code != 0 {
		t.Fatal(stderr)
	}
	got, _ = os.ReadFile(file)
	for _, want := range []string{"version: 3", "date: 2027-04-01", "name: Ruth Hartwell", "position: Chief Executive",
		`change: "Signatory for Hartwell Engineering Ltd: Tom Hartwell, Managing Director → Ruth Hartwell, Chief Executive."`} {
		if !bytes.Contains(got, []byte(want)) {
			t.Errorf("second handover: file does not contain %q", want)
		}
	}
}

// TestHandoverRefusals checks that every refusal leaves the file byte-identical.
func TestHandoverRefusals(t *testing.T) {
	ok := []string{"--partner", "riverside", "--name", "New Person", "--effective", "2027-01-06"}
	tests := []struct {
		name   string
		edits  []string // to the sample before the handover
		args   []string
		code   int
		stderr string
	}{
		{"unknown partner", nil, []string{"--partner", "rivreside", "--name", "X", "--effective", "2027-01-06"}, 1, `no partner has the id "rivreside" (the ids are riverside, hartwell); nothing was changed`},
		{"date before this version", nil, []string{"--partner", "riverside", "--name", "X", "--effective", "2026-08-31"}, 1, "the effective date 31 August 2026 is before the date of version 1 (1 September 2026)"},
		{"not a date", nil, []string{"--partner", "riverside", "--name", "X", "--effective", "6/1/2027"}, 2, `--effective: "6/1/2027" is not a date (YYYY-MM-DD)`},
		{"invalid file", []string{"version: 1", "version: one"}, ok, 1, `version: "one" is not a whole number`},
		{"invalid new email", nil, append([]string{"--email", "not an email"}, ok...), 1, "the change would make the file invalid"},
		{"missing flags", nil, []string{"--partner", "riverside"}, 2, "handover needs --name and --effective"},
		{"unknown role", nil, append([]string{"--role", "head"}, ok...), 2, `unknown role "head"`},
		{"position for a lead", nil, append([]string{"--position", "Head"}, ok...), 2, "--position is for a signatory"},
		{"no safeguarding lead", nil, []string{"--partner", "hartwell", "--role", "safeguarding", "--name", "X", "--effective", "2027-01-06"}, 1, "hartwell has no safeguarding_lead to hand over"},
		{"unprintable name", nil, []string{"--partner", "riverside", "--name", "Bad 😀", "--effective", "2027-01-06"}, 1, "the change would make the file invalid"},
		{"no change", nil, []string{"--partner", "riverside", "--name", "Jane Smith", "--effective", "2027-01-06"}, 1, "nothing to change: Lead for Riverside Academy already holds these details"},
		{"dry run", nil, append([]string{"--dry-run"}, ok...), 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			file := writeFile(t, dir, "p.yaml", tc.edits...)
			before, _ := os.ReadFile(file)
			code, stdout, stderr := run(t, append([]string{"handover", file}, tc.args...)...)
			if code != tc.code || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("exit %d, want %d; stderr %q does not contain %q", code, tc.code, stderr, tc.stderr)
			}
			if after, _ := os.ReadFile(file); !bytes.Equal(after, before) {
				t.Error("the file changed")
			}
			if _, err := os.Stat(file + ".bak"); !os.IsNotExist(err) {
				t.Error("a .bak file was written")
			}
			if tc.name == "dry run" && !strings.Contains(stdout, "Would change") {
				t.Errorf("dry run printed %q", stdout)
			}
		})
	}
}

// TestHandoverJourney is the third job from start to end: generate,
// hand over, generate again, and compare.
func TestHandoverJourney(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	file := writeFile(t, dir, "p.yaml")
	if code, _, stderr := run(t, "generate", "-o", out, file); code != 0 {
		t.Fatal(stderr)
	}
	v1, _ := os.ReadFile(filepath.Join(out, "riverside-hartwell-engineering-futures-mou-v1.pdf"))
	old := filepath.Join(dir, "p-v1.yaml")
	data, _ := os.ReadFile(file)
	os.WriteFile(old, data, 0o644)
	if code, _, stderr := run(t, "handover", file, "--partner", "riverside", "--name", "Dafydd Jones-Newman", "--effective", "2027-01-06"); code != 0 {
		t.Fatal(stderr)
	}
	code, stdout, stderr := run(t, "generate", "-o", out, file)
	if code != 0 || !strings.Contains(stdout, "The signed agreement stands") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	for _, name := range []string{"mou-v2.pdf", "code-of-practice-v2.pdf", "notice-of-change-v2.pdf", "notice-of-change-v2.md"} {
		if _, err := os.Stat(filepath.Join(out, "riverside-hartwell-engineering-futures-"+name)); err != nil {
			t.Error(err)
		}
	}
	if now, _ := os.ReadFile(filepath.Join(out, "riverside-hartwell-engineering-futures-mou-v1.pdf")); !bytes.Equal(now, v1) {
		t.Error("version 1's PDF changed")
	}
	mou, _ := os.ReadFile(filepath.Join(out, "riverside-hartwell-engineering-futures-mou-v2.md"))
	for _, want := range []string{"Version 2, effective from 6 January 2027", "| Riverside Academy | Careers Leader (partnership lead) | Dafydd Jones-Newman |",
		"| 2 | 6 January 2027 | Lead for Riverside Academy: Jane Smith → Dafydd Jones-Newman. |"} {
		if !bytes.Contains(mou, []byte(want)) {
			t.Errorf("MOU version 2 does not contain %q", want)
		}
	}
	code, stdout, _ = run(t, "diff", old, file)
	if code != 0 || !strings.Contains(stdout, "reissue Schedule 1 version 2 to all partners") {
		t.Errorf("diff: exit %d\n%s", code, stdout)
	}
}
