package questionnaire

import "testing"

// TestRefProblems: a cross-reference must name a clause, section or
// schedule that is there, and an id given to one of the partnership's
// own must be well formed and its own; each problem at its line.
func TestRefProblems(t *testing.T) {
	tests := []struct {
		name, extra string
		want        []string
	}{
		{"valid", "wording:\n  edition: \"2026.2\"\n  insert:\n    - after: general.insurance\n      id: general.liability\n      text: See [[general.insurance]] and [[charges]].\n" +
			"schedules:\n  - id: charges\n    title: Charges\n    text: As [[general.liability]] and [[clauses.1]] say.\n" +
			"clauses:\n  - title: Own\n    text: Under [[general]].\n", nil},
		{"a given id stands in for the place", "wording:\n  edition: \"2026.2\"\nclauses:\n  - id: own\n    title: Own\n    text: Under [[clauses.1]].\n",
			[]string{`f.yaml:92:11: clauses[0].text: refers to [[clauses.1]], which is no clause, section or schedule (that item has an id of its own: write [[own]]); "mou clauses" lists the standard ids`}},
		{"unknown and omitted", "wording:\n  edition: \"2026.2\"\n  omit: [dissolution]\n  replace:\n    general.insurance: As [[general.insurence]] and [[dissolution.notice]] say, not [[Not An Id]].\n",
			[]string{
				`f.yaml:91:5: wording.replace.general.insurance: refers to [[general.insurence]], which is no clause, section or schedule (did you mean "general.insurance"?); "mou clauses" lists the standard ids`,
				`f.yaml:91:5: wording.replace.general.insurance: refers to [[dissolution.notice]], which wording.omit leaves out`,
			}},
		{"bad ids", "wording:\n  edition: \"2026.2\"\n  insert:\n    - after: general\n      id: General\n      title: T\n      text: x\n    - after: general\n      id: general.insurance\n      title: U\n      text: y\n" +
			"clauses:\n  - id: own\n    title: A\n    text: a\n  - id: own\n    title: B\n    text: b\n",
			[]string{
				`f.yaml:91:11: wording.insert[0].id: "General" is not an id: use lower-case letters, digits and hyphens, starting with a letter, with at most one dot ("charges", "finance.late-payment")`,
				`f.yaml:95:11: wording.insert[1].id: "general.insurance" is the id of a standard clause; choose another`,
				`f.yaml:102:9: clauses[1].id: "own" is already the id of clauses[0]`,
			}},
		// A one-line answer is text: its brackets print as typed, so a
		// reference there would stand in the signed text as "[[charges]]".
		{"a reference outside a long answer", "wording:\n  edition: \"2026.2\"\ncommunication:\n  protocol: Within the limits in [[charges]].\n" +
			"schedules:\n  - id: charges\n    title: Charges\n    text: See [[charges]] and [[Note]].\n",
			[]string{`f.yaml:90:13: warning: communication.protocol: [[charges]] prints as typed here: a cross-reference gives a number only in a long answer (your own clauses, sections and schedules, your words for a standard clause, the protocols, the background, the purpose of the code of practice); write the number, or move the sentence into one of those`}},
		{"the first edition prints brackets as they are, and has no ids", "clauses:\n  - id: own\n    title: A\n    text: See [[nothing]].\n",
			[]string{`f.yaml:88:9: clauses[0].id: edition 2026.1 of the wording has no clause ids; name edition: "2026.2" under wording ("mou wording upgrade" does it and shows what changes)`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantProblems(t, readMinimal(t)+tc.extra, tc.want)
		})
	}
}
