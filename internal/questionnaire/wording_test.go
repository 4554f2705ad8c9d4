package questionnaire

import (
	"strings"
	"testing"

	"github.com/partnership-tools/mou/templates"
)

// testIDs stands in for the ids of the built-in wording, which this
// package does not know.
func testIDs(edition string) []string {
	return []string{"status", "status.non-binding", "general", "general.insurance", "general.confidentiality", "dissolution", "dissolution.notice", "parties", "mission"}
}

func TestWordingProblems(t *testing.T) {
	tests := []struct {
		name, wording string
		want          []string // every problem, as printed
	}{
		{"valid", "wording:\n  edition: \"2026.2\"\n  status: binding\n  nation: wales\n  title: Partnership Agreement\n" +
			"  omit: [dissolution]\n  replace:\n    general.insurance: Own cover.\n  insert:\n    - after: dissolution\n      title: Ending\n      text: Together.\n",
			// Valid, with the warning that a school is not a body that can contract.
			[]string{`f.yaml:14:11: warning: partners[0].name: "Alpha School" does not look like a body that can make a contract, and a binding agreement needs one: name the academy trust that runs an academy, or the governing body of a maintained school ("The Governing Body of …"), and say what it is in legal_status`}},
		{"unknown ids", "wording:\n  edition: \"2026.2\"\n  omit: [general.confidentialty]\n  replace:\n    general.insurence: x\n  insert:\n    - after: disolution\n      title: T\n      text: x\n",
			[]string{
				`f.yaml:89:10: wording.omit[0]: unknown clause id "general.confidentialty" (did you mean "general.confidentiality"?); "mou clauses" lists them`,
				`f.yaml:91:5: wording.replace.general.insurence: unknown clause id "general.insurence" (did you mean "general.insurance"?); "mou clauses" lists them`,
				`f.yaml:93:14: wording.insert[0].after: unknown clause id "disolution" (did you mean "dissolution"?); "mou clauses" lists them`,
			}},
		{"choices need an edition with ids", "wording:\n  status: binding\n",
			[]string{`f.yaml:88:3: wording: edition 2026.1 of the wording has no variants or clause ids; name edition: "` + templates.Current + `" under wording ("mou wording upgrade" does it and shows what changes)`}},
		{"counterparts need an edition with the clause", "signing: counterparts\n",
			[]string{`f.yaml:87:10: signing: edition 2026.1 of the wording has no counterparts clause; name edition: "` + templates.Current + `" under wording ("mou wording upgrade" does it and shows what changes)`}},
		{"documents need an edition that can write one alone", "documents: [code-of-practice]\n",
			[]string{`f.yaml:87:12: documents: edition 2026.1 of the wording always writes both documents; name edition: "` + templates.Current + `" under wording ("mou wording upgrade" does it and shows what changes)`}},
		{"bad variant", "wording:\n  edition: \"2026.2\"\n  nation: scotland\n",
			[]string{`f.yaml:89:11: wording.nation: "scotland" is not one of: england, wales`}},
		{"a section needs a title", "wording:\n  edition: \"2026.2\"\n  insert:\n    - after: general\n      text: x\n",
			[]string{`f.yaml:90:7: wording.insert[0].title: missing: a clause put after a section ("general") is a section of its own and needs a title`}},
		{"omit and replace", "wording:\n  edition: \"2026.2\"\n  omit: [general.insurance, parties, general.insurance]\n  replace:\n    general.insurance: x\n",
			[]string{
				`f.yaml:89:29: wording.omit[1]: "parties" cannot be left out: every agreement needs it`,
				`f.yaml:89:38: wording.omit[2]: "general.insurance" is already left out by wording.omit[0]`,
				`f.yaml:91:5: wording.replace.general.insurance: "general.insurance" is both left out (wording.omit) and replaced; choose one`,
			}},
		{"in a section left out", "wording:\n  edition: \"2026.2\"\n  omit: [general]\n  replace:\n    general.insurance: x\n  insert:\n    - after: general.insurance\n      text: y\n",
			[]string{
				`f.yaml:91:5: wording.replace.general.insurance: "general.insurance" is both left out (wording.omit) and replaced; choose one`,
				`f.yaml:93:14: wording.insert[0].after: "general.insurance" is in the section "general", which wording.omit leaves out; put the clause after the section instead`,
			}},
		{"replace a section", "wording:\n  edition: \"2026.2\"\n  replace:\n    general: x\n",
			[]string{`f.yaml:90:5: wording.replace.general: "general" is a section; replace its clauses one by one, or leave it out and insert your own`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := readMinimal(t) + tc.wording
			wantProblems(t, src, tc.want)
		})
	}
}

// TestFoldedParagraphs: from edition 2026.2 a ">" block keeps its
// paragraphs, as a "|" block does; on 2026.1 it stays one paragraph.
func TestFoldedParagraphs(t *testing.T) {
	block := "  background: >\n    One line\n    and more.\n\n    Second.\n"
	for _, tc := range []struct{ edition, want string }{
		{"", "One line and more.\nSecond."},
		{"2026.1", "One line and more.\nSecond."},
		{"2026.2", "One line and more.\n\nSecond."},
	} {
		src := strings.Replace(readMinimal(t), "partnership:\n", "partnership:\n"+block, 1)
		if tc.edition != "" {
			src += "wording:\n  edition: \"" + tc.edition + "\"\n"
		}
		if tc.edition == "2026.2" {
			src += "  replace:\n    x.y: >\n      A.\n\n      B.\n"
		}
		q, problems := Load("f.yaml", []byte(src), Options{})
		if err := problems.Err(); err != nil {
			t.Fatal(err)
		}
		if got := string(q.Partnership.Background); got != tc.want {
			t.Errorf("edition %q: background %q, want %q", tc.edition, got, tc.want)
		}
		if tc.edition == "2026.2" && q.Wording.Replace["x.y"] != "A.\n\nB." {
			t.Errorf("replace: %q", q.Wording.Replace["x.y"])
		}
	}
}

func TestDocuments(t *testing.T) {
	// Edition 2026.1 refuses documents (TestWordingProblems): these are on
	// 2026.2, named after the line under test so its line number holds.
	const edition = "wording:\n  edition: \"2026.2\"\n"
	noAims := func(extra string) string {
		return strings.Replace(readMinimal(t), "aims:\n  - Test things.\n", "", 1) + extra + edition
	}
	tests := []struct {
		name, src string
		want      []string
	}{
		{"the MOU needs its answers", noAims(""), []string{"f.yaml:1:1: aims: missing (this answer is required)"}},
		{"a code alone does not", noAims("documents: [code-of-practice]\n"), nil},
		{"unknown document", noAims("documents: [code-of-practise]\n"),
			[]string{`f.yaml:85:13: documents[0]: "code-of-practise" is not one of: mou, code-of-practice (did you mean "code-of-practice"?)`}},
		{"none", readMinimal(t) + "documents: []\n" + edition, []string{`f.yaml:87:12: documents: lists no document; list mou, code-of-practice or both, or leave the key out for both`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := Load("f.yaml", []byte(tc.src), Options{})
			var got []string
			for _, p := range problems {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestContradictionWarnings(t *testing.T) {
	tests := []struct {
		name  string
		edits []edit
		extra string
		want  []string
	}{
		{"informal cooperation", []edit{{"type: formal", "type: informal"}}, "",
			[]string{"f.yaml:7:10: warning: partnership.level: an informal partnership commits no staff or money beyond the agreement, but at the level of cooperation the partners commit staff, resources or premises; make type formal, or level networking or coordination"}},
		{"informal networking", []edit{{"type: formal", "type: informal"}, {"level: cooperation", "level: networking"}}, "", nil},
		{"binding, but a clause says not", []edit{{"name: Alpha School", "name: Alpha Academy Trust"}},
			"clauses:\n  - title: Status\n    text: This agreement is not legally binding.\nwording:\n  edition: \"2026.2\"\n  status: binding\n",
			[]string{"f.yaml:89:11: warning: clauses[0].text: says the agreement is not binding, but wording.status is binding; reword it or choose status: non-binding"}},
		{"non-binding clause in a non-binding agreement", nil,
			"clauses:\n  - title: Status\n    text: This agreement is not legally binding.\n", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := readMinimal(t)
			for _, e := range tc.edits {
				if !strings.Contains(src, e.old) {
					t.Fatalf("edit %q does not apply", e.old)
				}
				src = strings.Replace(src, e.old, e.new, 1)
			}
			_, problems := Load("f.yaml", []byte(src+tc.extra), Options{})
			var got []string
			for _, p := range problems {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if problems.Err() != nil {
				t.Error("a contradiction made the file invalid; it should only warn")
			}
		})
	}
}
