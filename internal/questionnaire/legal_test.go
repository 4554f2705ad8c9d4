package questionnaire

import (
	"strings"
	"testing"

	"github.com/partnership-tools/mou/templates"
)

// TestLegalPersonWarning: a binding agreement warns, at the name's line,
// of a school partner whose name is not a body that can contract; a
// non-binding one does not, nor does a partner of another kind. Edition
// 2026.1 refuses legal_status, which it would not print.
func TestLegalPersonWarning(t *testing.T) {
	const (
		binding  = "wording:\n  edition: \"2026.2\"\n  status: binding\n"
		warnings = `f.yaml:14:11: warning: partners[0].name: "%s" does not look like a body that can make a contract, and a binding agreement needs one: name the academy trust that runs an academy, or the governing body of a maintained school ("The Governing Body of …"), and say what it is in legal_status`
	)
	for _, tc := range []struct {
		name, school, wording string
		want                  []string
	}{
		{"binding, a school's own name", "Alpha School", binding, []string{strings.Replace(warnings, "%s", "Alpha School", 1)}},
		{"binding, a word inside another is not enough", "Saltdean Primary School", binding, []string{strings.Replace(warnings, "%s", "Saltdean Primary School", 1)}},
		{"binding, an academy trust", "Alpha Academy Trust", binding, nil},
		{"binding, a governing body", "The Governing Body of Alpha School", binding, nil},
		{"binding, a company", "Alpha Schools Ltd", binding, nil},
		{"binding, a council", "Alpha County Council", binding, nil},
		{"binding, a plc", "Alpha Education PLC", binding, nil},
		{"binding, a university", "Alpha University Training School", binding, nil},
		{"binding, a college", "Alpha College", binding, nil},
		{"binding, a corporation", "Alpha Sixth Form Corporation", binding, nil},
		{"binding, limited", "Alpha Schools Limited", binding, nil},
		{"not binding", "Alpha School", "wording:\n  edition: \"2026.2\"\n", nil},
		{"legal_status on edition 2026.1", "Alpha School\n    legal_status: a school", "",
			[]string{`f.yaml:15:19: partners[0].legal_status: edition 2026.1 of the wording has no legal status in the list of parties; name edition: "` + templates.Current + `" under wording ("mou wording upgrade" does it and shows what changes)`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(readMinimal(t), "    name: Alpha School\n", "    name: "+tc.school+"\n", 1) + tc.wording
			wantProblems(t, src, tc.want)
		})
	}
}

// wantProblems fails unless loading src, with the test clause ids, finds
// exactly the problems want, as printed.
func wantProblems(t *testing.T, src string, want []string) {
	t.Helper()
	_, problems := Load("f.yaml", []byte(src), Options{ClauseIDs: testIDs})
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
