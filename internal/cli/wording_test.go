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
	if !strings.Contains(out, "Wording edition "+templates.Unstated+" → "+templates.Current) || !strings.Contains(out, "Nothing was written") ||
		!strings.Contains(out, "Clauses whose text changes: 3.2; 3.3; 10.1; 10.2; 10.5; 12.2; 14.3; 14.4; 15.1, in sections 3 (Background and status), 10 (Safeguarding and data protection), 12 (General provisions), 14 (Alteration) and 15 (Dissolution).") {
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
	// As every editing command, it keeps the file as it was.
	if bak, err := os.ReadFile(path + ".bak"); err != nil || string(bak) != string(before) {
		t.Errorf("FILE.bak does not hold the file as it was before the upgrade (%v)", err)
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

func TestClauses(t *testing.T) {
	code, out, stderr := run(t, "clauses")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Edition " + templates.Current, "\nstatus.non-binding\n  This memorandum records", "\ndissolution: section “Dissolution”\n",
		"\ngovernance.meetings\n  Meetings: [governance.meetings]\n  Depends on: governance.meetings\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("mou clauses does not say %q", want)
		}
	}

	// For a file: its own wording, and what it chose.
	dir := t.TempDir()
	path := writeFile(t, dir, "p.yaml", "code_of_practice:", "wording:\n  edition: \""+templates.Current+"\"\n  omit: [general.confidentiality]\n  replace:\n    general.insurance: Each partner insures itself.\ncode_of_practice:")
	code, out, stderr = run(t, "clauses", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"\ngeneral.insurance (replaced)\n  Each partner insures itself.\n", "\ngeneral.confidentiality (left out)\n", "The partnership is overseen by the Partnership steering group."} {
		if !strings.Contains(out, want) {
			t.Errorf("mou clauses FILE does not say %q", want)
		}
	}
	// A partnership with one document is shown that document's clauses.
	code, out, stderr = run(t, "clauses", "../../samples/northfield-volunteers-code.yaml")
	if code != 0 || strings.Contains(out, "# The memorandum") || !strings.Contains(out, "# The code of practice") {
		t.Errorf("mou clauses on a code of practice alone: exit %d, said:\n%.300s%s", code, out, stderr)
	}
	// On the first edition there are no ids to list.
	if _, out, _ = run(t, "clauses", writeFile(t, dir, "old.yaml")); !strings.Contains(out, "has no clause ids") {
		t.Errorf("mou clauses on edition %s said:\n%s", templates.Unstated, out)
	}
}

// TestExportEdition: the templates of an earlier edition, exported and
// given back with --templates, write that edition's text exactly: the
// record says the wording is the edition itself, not custom.
func TestExportEdition(t *testing.T) {
	dir := t.TempDir()
	tmpl := filepath.Join(dir, "tmpl")
	if code, _, stderr := run(t, "templates", "export", "--edition", templates.Unstated, tmpl); code != 0 {
		t.Fatal(stderr)
	}
	if names, _ := filepath.Glob(filepath.Join(tmpl, "*")); len(names) != len(templates.Frozen) {
		t.Errorf("the export of an earlier edition holds %v, want the files it froze, %v", names, templates.Frozen)
	}
	file := writeFile(t, dir, "p.yaml")
	out := filepath.Join(dir, "out")
	if code, _, stderr := run(t, "generate", "--format", "md", "--templates", tmpl, "-o", out, file); code != 0 {
		t.Fatal(stderr)
	}
	rec, _ := os.ReadFile(filepath.Join(out, "riverside-hartwell-engineering-futures-record-v1.json"))
	if !strings.Contains(string(rec), `"wording": "`+templates.Unstated+`"`) {
		t.Errorf("the record does not name edition %s:\n%.400s", templates.Unstated, rec)
	}
	got, _ := os.ReadFile(filepath.Join(out, "riverside-hartwell-engineering-futures-mou-v1.md"))
	want, _ := os.ReadFile("../document/testdata/golden/school-employer-mou.md")
	// The golden is written without a reference; the file has the signed one.
	if string(got) != strings.Replace(string(want), "<!-- mou:end-title -->", "Agreement ref. BH7A-3R8E\n\n<!-- mou:end-title -->", 1) {
		t.Error("the exported first edition does not write the signed text")
	}
	if code, _, stderr := run(t, "templates", "export", "--edition", "1999.1", filepath.Join(dir, "x")); code != 1 || !strings.Contains(stderr, "no edition") {
		t.Errorf("an unknown edition: exit %d, %q", code, stderr)
	}
}

// TestWordingUpgradeUnderEmptyKey: a wording key with nothing under it
// but a comment, or an empty {}, gets its edition in place: the rest of
// the file, its folded answers and the comment, stays as written.
func TestWordingUpgradeUnderEmptyKey(t *testing.T) {
	edition := "  edition: \"" + templates.Current + "\"\n"
	for _, tc := range []struct{ name, wording, want string }{
		{"comment only", "wording:\n  # keep this comment\n", "wording:\n" + edition + "  # keep this comment\n"},
		{"empty mapping", "wording: {} # keep this comment\n", "wording: # keep this comment\n" + edition},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), "p.yaml")
			sample := string(mustRead(t, path))
			if err := os.WriteFile(path, []byte(sample+tc.wording), 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, stderr := run(t, "wording", "upgrade", path)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if got := string(mustRead(t, path)); got != sample+tc.want {
				t.Errorf("the file ends:\n%s\nwant:\n%s", got[len(got)-min(len(got), 200):], tc.want)
			}
			if !strings.Contains(out, "Wrote edition "+templates.Current) {
				t.Errorf("upgrade said:\n%s", out)
			}
		})
	}
}

// TestWordingUpgradeOfWhatOnlyTheNewEditionHas: edition 2026.1 refuses
// what only 2026.2 has and advises "mou wording upgrade"; the upgrade then
// takes the file, though it is not valid on 2026.1, unless something else
// is wrong with it too.
func TestWordingUpgradeOfWhatOnlyTheNewEditionHas(t *testing.T) {
	for _, tc := range []struct {
		name, extra string
		edits       []string
		valid       bool // after the upgrade
	}{
		{"one document", "documents: [code-of-practice]\n", nil, true},
		{"own schedules", "schedules:\n  - title: Charges\n    text: None.\n", nil, true},
		{"short name", "", []string{"    name: Hartwell Engineering Ltd\n", "    name: Hartwell Engineering Ltd\n    short_name: the Company\n"}, true},
		{"and a mistake", "documents: [code-of-practice]\n", []string{"review_cycle: annually", "review_cycle: weekly"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), "p.yaml", tc.edits...)
			before := string(mustRead(t, path)) + tc.extra
			if err := os.WriteFile(path, []byte(before), 0o644); err != nil {
				t.Fatal(err)
			}
			if code, _, stderr := run(t, "validate", path); code != 1 || !strings.Contains(stderr, `"mou wording upgrade" does it`) {
				t.Fatalf("validate on 2026.1: exit %d, %s; want 1 and the advice to upgrade", code, stderr)
			}
			code, out, stderr := run(t, "wording", "upgrade", path)
			after := string(mustRead(t, path))
			if !tc.valid {
				if code != 1 || after != before {
					t.Errorf("exit %d, file changed %v; want 1 and the file left alone", code, after != before)
				}
				return
			}
			if code != 0 || !strings.Contains(out, "no earlier text to compare") || !strings.Contains(out, "Wrote edition "+templates.Current) {
				t.Fatalf("exit %d: %s%s", code, out, stderr)
			}
			if !strings.HasPrefix(after, before) {
				t.Error("the upgrade changed the file's existing lines")
			}
			if code, _, stderr := run(t, "validate", path); code != 0 {
				t.Errorf("after the upgrade: exit %d, %s", code, stderr)
			}
		})
	}
}

// TestWordingUpgradeShowsTheWords: the upgrade says, clause by clause,
// which words change, and when the new edition labels the schedules
// afresh it says how, and which answers name one by its old label.
func TestWordingUpgradeShowsTheWords(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "p.yaml")
	_, out, stderr := run(t, "wording", "upgrade", "--dry-run", path)
	for _, want := range []string{
		"\n  15.1: … months. To leave before [-the end of the term-] {+this memorandum ends+} on 31 August 2028, … must be given by [-1 June-] {+31 May+} 2028.\n",
		"\n  14.3: {+A new partner joins by signing a joining agreement, by which it accepts this memorandum from the day it joins.+}\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the dry run does not say %q:\n%s%s", want, out, stderr)
		}
	}

	sla := filepath.Join(dir, "sla.yaml")
	data, err := os.ReadFile("../../samples/council-academy-sla.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(sla, data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, stderr = run(t, "wording", "upgrade", "--dry-run", sla)
	for _, want := range []string{
		"Edition " + templates.Current + " names the schedules afresh: Schedule 1 → Schedule 3 (Key contacts); Schedule 2 → Schedule 4 (Amendment record); Schedule 3 → Schedule 1 (Service specification); Schedule 4 → Schedule 2 (Charges).\n",
		"These answers name a schedule by its old label; check each: finance.contributions[0].purpose, finance.payments.\n",
		"\n  14.3: … new partner to this [-agreement as it stands.-] {+Agreement from the day it joins.+}\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the dry run does not say %q:\n%s%s", want, out, stderr)
		}
	}
}

// TestClausesShowRenamedHeadings: "mou clauses FILE" lists a section the
// partnership renamed by the heading its documents print.
func TestClausesShowRenamedHeadings(t *testing.T) {
	out := mustRun(t, "clauses", "../../samples/partnership-sla.yaml")
	for _, want := range []string{"\nmission: section “Purpose of this Agreement”\n", "\nterm: section “Commencement and review”\n", "\nstatus: section “Background and status”\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("mou clauses does not say %q", want)
		}
	}
}
