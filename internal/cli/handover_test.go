package cli

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/app"
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
	ok := []string{"--partner", "riverside", "--name", "New Person", "--email", "n.person@riverside.example.org", "--effective", "2027-01-06"}
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
		{"invalid new email", nil, []string{"--partner", "riverside", "--name", "X", "--email", "not an email", "--effective", "2027-01-06"}, 1, "the change would make the file invalid"},
		{"missing flags", nil, []string{"--name", "X"}, 2, "handover needs --partner and --effective"},
		{"nothing asked", nil, []string{"--partner", "riverside", "--effective", "2027-01-06"}, 2, "handover needs something to change"},
		{"new lead without email", nil, []string{"--partner", "riverside", "--role", "lead,safeguarding", "--name", "X", "--effective", "2027-01-06"}, 1,
			"a new lead for Riverside Academy needs --email (the address on file, j.smith@riverside.example.org, is Jane Smith's; give it again to keep it); a new safeguarding lead for Riverside Academy needs --email"},
		{"role named twice", nil, append([]string{"--role", "lead,lead"}, ok...), 2, "--role: lead is named twice"},
		{"title for a signatory", nil, []string{"--partner", "riverside", "--role", "signatory", "--title", "Head", "--effective", "2027-01-06"}, 2, "--email, --phone and --title are for a lead"},
		{"acting without until", nil, append([]string{"--acting"}, ok...), 2, "--acting needs --until DATE"},
		{"until before effective", nil, append([]string{"--acting", "--until", "2026-12-31"}, ok...), 2, "--until 31 December 2026 is before --effective 6 January 2027"},
		{"unknown sender", nil, append([]string{"--from", "nobody"}, ok...), 1, `no partner has the id "nobody"`},
		{"unknown role", nil, append([]string{"--role", "head"}, ok...), 2, `unknown role "head"`},
		{"position for a lead", nil, append([]string{"--position", "Head"}, ok...), 2, "--position is for a signatory"},
		{"adding a safeguarding lead needs details", nil, []string{"--partner", "hartwell", "--role", "safeguarding", "--name", "X", "--effective", "2027-01-06"}, 1, "adding a safeguarding lead for Hartwell Engineering Ltd needs --title and --email"},
		{"unprintable name", nil, []string{"--partner", "riverside", "--name", "Bad 😀", "--email", "b@riverside.example.org", "--effective", "2027-01-06"}, 1, "the change would make the file invalid"},
		{"no change", nil, []string{"--partner", "riverside", "--name", "Jane Smith", "--email", "j.smith@riverside.example.org", "--effective", "2027-01-06"}, 1, "nothing to change: Lead for Riverside Academy already holds these details"},
		{"no change to a signatory", nil, []string{"--partner", "hartwell", "--role", "signatory", "--name", "Tom Hartwell", "--position", "Managing Director", "--effective", "2027-01-06"}, 1, "nothing to change: Signatory for Hartwell Engineering Ltd already holds these details"},
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
	if code, _, stderr := run(t, "handover", file, "--partner", "riverside", "--name", "Dafydd Jones-Newman", "--email", "d.jones-newman@riverside.example.org", "--effective", "2027-01-06"); code != 0 {
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
	if code != 0 || !strings.Contains(stdout, "Send the notice of change and Schedule 1 to all partners") {
		t.Errorf("diff: exit %d\n%s", code, stdout)
	}
}

// TestHandoverChanges checks that one run makes exactly the changes asked
// for, reports only values that really change, and adds one version.
func TestHandoverChanges(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		changes []string // every line printed under "Changed FILE:"
		history string
		edits   []string // to the sample first
	}{
		{"one person leaving two roles", []string{"--partner", "hartwell", "--role", "lead,signatory", "--name", "Ruth Hartwell", "--email", "r.hartwell@hartwell.example.org"},
			[]string{"partners[1].lead.name: Priya Patel → Ruth Hartwell", "partners[1].lead.email: education@hartwell.example.org → r.hartwell@hartwell.example.org",
				"partners[1].signatory.name: Priya Patel → Ruth Hartwell"},
			`Lead and signatory for Hartwell Engineering Ltd: Priya Patel → Ruth Hartwell.`, []string{"      name: Tom Hartwell", "      name: Priya Patel"}},
		{"one person, two roles", []string{"--partner", "riverside", "--role", "lead,signatory", "--name", "Dafydd Jones-Newman",
			"--email", "d.jones-newman@riverside.example.org", "--phone", "01632 960 118"},
			[]string{"partners[0].lead.name: Jane Smith → Dafydd Jones-Newman", "partners[0].lead.email: j.smith@riverside.example.org → d.jones-newman@riverside.example.org",
				"partners[0].signatory.name: Dr Amara Okafor → Dafydd Jones-Newman"},
			`Lead for Riverside Academy: Jane Smith → Dafydd Jones-Newman; Signatory for Riverside Academy: Dr Amara Okafor → Dafydd Jones-Newman.`, nil},
		{"same person in two roles reads as one", []string{"--partner", "hartwell", "--role", "lead,signatory", "--name", "Ruth Hartwell",
			"--email", "education@hartwell.example.org"},
			[]string{"partners[1].lead.name: Priya Patel → Ruth Hartwell", "partners[1].signatory.name: Tom Hartwell → Ruth Hartwell"},
			`Lead for Hartwell Engineering Ltd: Priya Patel → Ruth Hartwell; Signatory for Hartwell Engineering Ltd: Tom Hartwell → Ruth Hartwell.`, nil},
		{"role title", []string{"--partner", "riverside", "--title", "Director of Careers"},
			[]string{"partners[0].lead.role: Careers Leader → Director of Careers"},
			`Lead for Riverside Academy: role title Careers Leader → Director of Careers.`, nil},
		{"new phone only", []string{"--partner", "riverside", "--phone", "01632 960 999"},
			[]string{"partners[0].lead.phone: 01632 960 118 → 01632 960 999"},
			`Lead for Riverside Academy: new phone for Jane Smith.`, nil},
		{"adds a safeguarding lead", []string{"--partner", "hartwell", "--role", "safeguarding", "--name", "Sam Reid", "--title", "Site Safety Manager", "--email", "s.reid@hartwell.example.org"},
			[]string{"partners[1].safeguarding_lead: added (name: Sam Reid, role: Site Safety Manager, email: s.reid@hartwell.example.org)"},
			`Safeguarding lead for Hartwell Engineering Ltd: added Sam Reid.`, nil},
		{"acting cover", []string{"--partner", "riverside", "--role", "signatory", "--name", "Owen Price", "--position", "Acting Headteacher", "--acting", "--until", "2027-03-31"},
			[]string{"partners[0].signatory.name: Dr Amara Okafor → Owen Price", "partners[0].signatory.position: Headteacher → Acting Headteacher", "partners[0].signatory.acting_until: none → 2027-03-31"},
			`Signatory for Riverside Academy: Dr Amara Okafor, Headteacher → Owen Price, Acting Headteacher (acting until 31 March 2027).`, nil},
		{"acting cover confirmed", []string{"--partner", "riverside", "--role", "signatory", "--name", "Dr Amara Okafor", "--position", "Headteacher"},
			[]string{"partners[0].signatory.position: Acting Headteacher → Headteacher", "partners[0].signatory.acting_until: 2027-03-31 → none"},
			`Signatory for Riverside Academy: position Acting Headteacher → Headteacher, Dr Amara Okafor confirmed in the role, no longer acting.`,
			[]string{"      position: Headteacher\n", "      position: Acting Headteacher\n      acting_until: 2027-03-31\n"}},
		// The cover ended before the handover takes effect, so the acting
		// holder still in the post holds it for good, as docs/life.md's
		// example of a signatory change (no --name) expects.
		{"acting cover over, confirmed without --name", []string{"--partner", "riverside", "--role", "signatory", "--position", "Headteacher"},
			[]string{"partners[0].signatory.position: Acting Headteacher → Headteacher", "partners[0].signatory.acting_until: 2027-01-05 → none"},
			`Signatory for Riverside Academy: position Acting Headteacher → Headteacher, Dr Amara Okafor confirmed in the role, no longer acting.`,
			[]string{"      position: Headteacher\n", "      position: Acting Headteacher\n      acting_until: 2027-01-05\n"}},
		{"acting cover still running, position only", []string{"--partner", "riverside", "--role", "signatory", "--position", "Acting Executive Headteacher"},
			[]string{"partners[0].signatory.position: Acting Headteacher → Acting Executive Headteacher"},
			`Signatory for Riverside Academy: position Acting Headteacher → Acting Executive Headteacher.`,
			[]string{"      position: Headteacher\n", "      position: Acting Headteacher\n      acting_until: 2027-03-31\n"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			file := writeFile(t, dir, "p.yaml", tc.edits...)
			code, stdout, stderr := run(t, append(append([]string{"handover", file}, tc.args...), "--effective", "2027-01-06")...)
			if code != 0 {
				t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
			}
			var got []string
			for _, line := range strings.Split(stdout, "\n") {
				if strings.HasPrefix(line, "  partners[") {
					got = append(got, strings.TrimSpace(line))
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.changes, "\n") {
				t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.changes, "\n"))
			}
			if !strings.Contains(stdout, "  history: added version 2: "+tc.history+"\n") || strings.Count(stdout, "history: added") != 1 {
				t.Errorf("history entry: got\n%s\nwant %q", stdout, tc.history)
			}
			if code, _, stderr := run(t, "validate", file); code != 0 {
				t.Errorf("the changed file is not valid: %s", stderr)
			}
			// An answer no longer given is removed, not left empty.
			if data := string(mustRead(t, file)); strings.Contains(data, `: ""`) {
				t.Errorf("the file has an empty answer:\n%s", data)
			}
		})
	}
}

// TestHandoverSharedByAnchor: one trust chief executive written once with
// an anchor and signing for two partners by an alias; a handover at one
// partner changes that partner only.
func TestHandoverSharedByAnchor(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "p.yaml",
		"    signatory:\n      name: Dr Amara Okafor", "    signatory: &ceo\n      name: Dr Amara Okafor",
		"    signatory:\n      name: Tom Hartwell\n      position: Managing Director\n", "    signatory: *ceo\n")
	code, _, stderr := run(t, "handover", file, "--partner", "riverside", "--role", "signatory",
		"--name", "Jo Bloggs", "--position", "Executive Headteacher", "--effective", "2027-01-06")
	if code != 0 {
		t.Fatal(stderr)
	}
	q, _, err := app.LoadValid(file)
	if err != nil {
		t.Fatal(err)
	}
	if s := q.Partners[0].Signatory; s.Name != "Jo Bloggs" || s.Position != "Executive Headteacher" {
		t.Errorf("riverside's signatory is %v", s)
	}
	if s := q.Partners[1].Signatory; s.Name != "Dr Amara Okafor" || s.Position != "Headteacher" {
		t.Errorf("hartwell's signatory changed too: %v", s)
	}
}

// TestHandoverKeptPosition: a new signatory named without --position
// keeps the old one's position, and the handover says so.
func TestHandoverKeptPosition(t *testing.T) {
	tests := []struct {
		name string
		args []string
		note bool
	}{
		{"no position given", []string{"--name", "Sam Lee"}, true},
		{"a position given", []string{"--name", "Sam Lee", "--position", "Director"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			file := writeFile(t, t.TempDir(), "p.yaml")
			args := append([]string{"handover", file, "--partner", "hartwell", "--role", "signatory", "--effective", "2026-10-01", "--dry-run"}, tc.args...)
			code, stdout, stderr := run(t, args...)
			if code != 0 {
				t.Fatal(stderr)
			}
			const note = "Note: the position Managing Director, on file for Tom Hartwell, is kept for Sam Lee: give --position if it differs."
			if got := strings.Contains(stdout, note); got != tc.note {
				t.Errorf("note printed: %v, want %v:\n%s", got, tc.note, stdout)
			}
		})
	}
}
