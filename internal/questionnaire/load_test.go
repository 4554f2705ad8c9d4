package questionnaire

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func readMinimal(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "minimal.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestMinimalIsValid(t *testing.T) {
	q, problems := Load("minimal.yaml", []byte(readMinimal(t)), Options{})
	if len(problems) != 0 {
		t.Fatalf("problems:\n%s", problems.Error())
	}
	if q.Version != 1 || q.Partners[1].Lead.Name != "Bob Brown" || q.End().String() != "31 August 2027" {
		t.Errorf("decoded wrongly: %+v", q.Partnership)
	}
}

// edit is a change to minimal.yaml: replace old (which must occur once) with new.
type edit struct{ old, new string }

func TestValidationErrors(t *testing.T) {
	tests := []struct {
		name  string
		edits []edit
		want  []string // every problem, in order, as printed
	}{
		{"bad date", []edit{{"by: 2027-07-01", "by: 2027-02-30"}},
			[]string{`f.yaml:39:9: objectives[0].by: "2027-02-30" is not a date (YYYY-MM-DD)`}},
		{"a date written day first", []edit{{"by: 2027-07-01", "by: 1/07/2027"}},
			[]string{`f.yaml:39:9: objectives[0].by: "1/07/2027" is not a date (YYYY-MM-DD): for 1 July 2027, write 2027-07-01`}},
		{"a date written day first that does not exist", []edit{{"by: 2027-07-01", "by: 30.02.2027"}},
			[]string{`f.yaml:39:9: objectives[0].by: "30.02.2027" is not a date (YYYY-MM-DD)`}},
		{"unknown key with suggestion", []edit{{"activities:", "activites:"}},
			[]string{
				`f.yaml:1:1: activities: missing (this answer is required)`,
				`f.yaml:41:1: activites: unknown field "activites" (did you mean "activities"?)`,
			}},
		{"missing section", []edit{{"alteration:\n  process: In writing.\n", ""}},
			[]string{`f.yaml:1:1: alteration: missing (this answer is required)`}},
		{"missing field", []edit{{"      email: bob@beta.example.org\n", ""}},
			[]string{`f.yaml:27:7: partners[1].lead.email: missing (this answer is required)`}},
		{"empty field", []edit{{"mission: To test.", "mission: \"\""}},
			[]string{`f.yaml:5:12: partnership.mission: is empty (this answer is required)`}},
		{"one partner", []edit{{"  - id: beta", "  - id: alpha"}, {"owner: alpha", "owner: alpha"}},
			[]string{`f.yaml:23:9: partners[1].id: "alpha" is already the id of partners[0]; each partner needs its own id`,
				`f.yaml:43:11: activities[0].lead: "beta" is not the id of any partner (the ids are: alpha, alpha); also used on line 84`}},
		{"unknown partner", []edit{{"owner: alpha", "owner: alfa"}},
			[]string{`f.yaml:40:12: objectives[0].owner: "alfa" is not the id of any partner (did you mean "alpha"?)`}},
		{"end before start", []edit{{"end: 2027-08-31", "end: 2026-08-31"}},
			[]string{`f.yaml:10:8: partnership.end: the partnership ends (31 August 2026) on or before it starts (1 September 2026)`,
				`f.yaml:54:18: warning: monitoring.review_dates[0]: review on 10 July 2027 falls outside the partnership's term (1 September 2026 to 31 August 2026)`}},
		{"binary answers", []edit{{"mission: To test.", "mission: !!binary VG8gdGVzdC4="}, {"by: 2027-07-01", "by: !!binary MjAyNy0wNy0wMQ=="}},
			[]string{`f.yaml:5:12: partnership.mission: is a !!binary value (bytes written in base64); write the answer as plain text`,
				`f.yaml:39:9: objectives[0].by: is a !!binary value (bytes written in base64); write the answer as plain text`}},
		{"objective after end", []edit{{"by: 2027-07-01", "by: 2027-12-01"}},
			[]string{`f.yaml:39:9: objectives[0].by: due 1 December 2027, after the partnership ends on 31 August 2027`}},
		{"bad email", []edit{{"ann@alpha.example.org", "ann at alpha"}},
			[]string{`f.yaml:19:14: partners[0].lead.email: "ann at alpha" is not an email address (like name@school.example.org)`}},
		{"no lead", []edit{{"    lead:\n      name: Ann Able\n      role: Deputy Head\n      email: ann@alpha.example.org\n", ""}},
			[]string{`f.yaml:13:5: partners[0].lead: missing (this answer is required)`}},
		{"no signatory", []edit{{"    signatory:\n      name: Beth Beta\n      position: Principal\n", ""}},
			[]string{`f.yaml:23:5: partners[1].signatory: missing (this answer is required)`}},
		{"wrong type: list for text", []edit{{"name: Test Partnership", "name: [a, b]"}},
			[]string{`f.yaml:4:9: partnership.name: expected text, found a list`}},
		{"wrong type: text for list", []edit{{"  - Test things.", "  Test things."}},
			[]string{`f.yaml:34:3: aims: expected a list (lines starting with "- "), found "Test things."`}},
		{"wrong type: version", []edit{{"version: 1", "version: one"}},
			[]string{`f.yaml:1:10: version: "one" is not a whole number`}},
		{"wrong type: bool", []edit{{"money_changes_hands: false", "money_changes_hands: maybe"}},
			[]string{`f.yaml:61:24: finance.money_changes_hands: "maybe" must be true or false`}},
		{"bad enum", []edit{{"kind: college", "kind: colege"}},
			[]string{`f.yaml:25:11: partners[1].kind: "colege" is not one of: school, college, university, trust, employer, charity, local-authority, other (did you mean "college"?)`}},
		{"duplicate key", []edit{{"  type: formal\n", "  type: formal\n  type: informal\n"}},
			[]string{`f.yaml:7:3: partnership.type: given twice (first on line 6)`}},
		{"hub without lead partner", []edit{{"model: bilateral", "model: hub-and-spoke"}},
			[]string{`f.yaml:4:3: partnership.lead_partner: missing: a hub-and-spoke partnership has a lead partner; give its id`}},
		{"money without amounts", []edit{{"money_changes_hands: false", "money_changes_hands: true"}},
			[]string{`f.yaml:61:3: finance.budget_holder: missing: say which partner holds the budget when money changes hands`,
				`f.yaml:61:24: finance.contributions: money changes hands, but no contribution gives an amount`}},
		{"amount without money", []edit{{"money_changes_hands: false", "money_changes_hands: false\n  contributions:\n    - partner: alpha\n      amount: £1,500"}},
			[]string{`f.yaml:64:15: finance.contributions[0].amount: an amount is given, but finance.money_changes_hands is false`}},
		{"bad amount and period", []edit{{"money_changes_hands: false", "money_changes_hands: true\n  budget_holder: alpha\n  contributions:\n    - partner: alpha\n      amount: lots"}, {"notice_period: 3 months", "notice_period: a term"}},
			[]string{`f.yaml:65:15: finance.contributions[0].amount: "lots" is not an amount in pounds: write it like 1500 or 1500.50`,
				`f.yaml:73:18: dissolution.notice_period: "a term" is not a period: write a number and a unit, such as "3 months" or "1 year"`}},
		{"bad id and urn", []edit{{"id: alpha", "id: Alpha School"}, {"kind: school", "kind: school\n    urn: 12345"}},
			[]string{`f.yaml:13:9: partners[0].id: "Alpha School" must be a short word of lower-case letters, digits and hyphens, such as "riverside"`,
				`f.yaml:16:10: partners[0].urn: "12345" is not a URN: a unique reference number is six digits`,
				`f.yaml:41:12: objectives[0].owner: "alpha" is not the id of any partner (the ids are: Alpha School, beta); also used on line 76`}},
		{"history later than version", []edit{{"version: 1", "version: 2\nhistory:\n  - version: 3\n    date: 2026-09-01\n    change: Oops"}},
			[]string{"f.yaml:1:10: warning: version: version 2 has no entry in history, so the amendment record will not say what changed",
				`f.yaml:3:14: history[0].version: version 3 is later than the document's version 2`}},
		{"negative version", []edit{{"version: 1", "version: -1"}},
			[]string{`f.yaml:1:10: version: -1 is out of range (0 to 1,000,000)`}},
		{"a bad id is reported once", []edit{{"id: alpha", "id: Alpha"}, {"owner: alpha", "owner: Alpha"}},
			[]string{`f.yaml:13:9: partners[0].id: "Alpha" must be a short word of lower-case letters, digits and hyphens, such as "riverside"`,
				`f.yaml:75:16: code_of_practice.commitments[0].partner: "alpha" is not the id of any partner (did you mean "Alpha"?)`}},
		{"control character", []edit{{"name: Test Partnership", "name: \"Test\\u0007Partnership\""}},
			[]string{`f.yaml:4:9: partnership.name: contains the control character U+0007; remove it`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := readMinimal(t)
			for _, e := range tc.edits {
				if strings.Count(src, e.old) < 1 {
					t.Fatalf("edit %q does not apply", e.old)
				}
				src = strings.Replace(src, e.old, e.new, 1)
			}
			_, problems := Load("f.yaml", []byte(src), Options{})
			var got []string
			for _, p := range problems {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestPrepareHook: Options.Prepare is called with what the file's lines
// seem to say before the YAML is decoded, and again only if the decoded
// answers differ; a file that cannot be decoded gets the guess alone.
func TestPrepareHook(t *testing.T) {
	minimal := readMinimal(t)
	tests := []struct {
		name, file string
		want       []string
	}{
		{"names none", minimal, []string{"/"}},
		{"block style", minimal + "wording:\n  edition: \"2026.2\"\nlanguage: cy\n", []string{"2026.2/cy"}},
		{"flow style, found only when decoded", minimal + "wording: {edition: \"2026.2\"}\n", []string{"/", "2026.2/"}},
		{"cannot be decoded", "wording:\n  edition: 2026.3\npartnership: [unclosed", []string{"2026.3/"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			opts := Options{Prepare: func(edition, language string) { got = append(got, edition+"/"+language) }}
			Load("f.yaml", []byte(tc.file), opts)
			if !slices.Equal(got, tc.want) {
				t.Errorf("Prepare saw %q, want %q", got, tc.want)
			}
		})
	}
}
