package questionnaire

import (
	"strings"
	"testing"
)

// TestAmplifiedText gives files whose few kilobytes print as megabytes:
// one long answer reused through an alias, a mapping holding it reused,
// and a long partner name named by id. Each is refused at the line of
// the use that goes over, with the field.
func TestAmplifiedText(t *testing.T) {
	long := strings.TrimSpace(strings.Repeat("The partners will raise attainment across the area together. ", 330)[:19_990])
	uses := func(indent string, n int, alias string) string {
		return strings.Repeat(indent+"- *"+alias+"\n", n)
	}
	name := strings.Repeat("Riverside ", 1_900)
	objectives := strings.Repeat("  - {objective: Test more., owner: alpha}\n", 60)
	tests := []struct {
		name  string
		edits []edit
		want  []string
	}{
		{"one list", []edit{{"  - Test things.\n", "  - &t \"" + long + "\"\n" + uses("  ", 30, "t")}},
			[]string{`f.yaml:60:5: aims[26]: with this use of *t the answers in aims come to more than 512 KiB, the limit for one list (each use of an alias counts in full, as each is printed in full)`}},
		{"a mapping holding the alias", []edit{
			{"  - Test things.\n", "  - &t \"" + long + "\"\n"},
			{"  - title: Testing day\n    lead: beta\n    when: Once a term\n", "  - &act {title: x, description: *t, lead: beta, when: w}\n" + uses("  ", 30, "act")}},
			[]string{`f.yaml:68:5: activities[26].description: with this use of *act the answers in activities come to more than 512 KiB, the limit for one list (each use of an alias counts in full, as each is printed in full)`}},
		{"the whole file", []edit{
			{"  - Test things.\n", "  - &t \"" + long + "\"\n" + uses("  ", 19, "t")},
			{"  measures: [Pass rate]\n", "  measures:\n" + uses("    ", 20, "t")},
			{"code_of_practice:\n", "code_of_practice:\n  handover:\n" + uses("    ", 20, "t")}},
			[]string{`f.yaml:126:7: code_of_practice.handover[12]: with this use of *t the answers in the file come to more than 1 MiB, the limit for a questionnaire (each use of an alias counts in full, as each is printed in full)`}},
		{"a long name named by id", []edit{
			{"    name: Alpha School\n", "    name: " + name + "\n"},
			{"objectives:\n", "objectives:\n" + objectives}},
			[]string{`f.yaml:90:36: objectives[54].owner: each use of a partner's id prints the partner's name (18999 bytes here): with them the answers in the file come to more than 1 MiB, the limit for a questionnaire; give the partner a short_name`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := editMinimal(t, tc.edits)
			if len(src) > 100_000 {
				t.Fatalf("the file is %d bytes: the test is of small files", len(src))
			}
			_, problems := loadQuickly(t, src)
			var got []string
			for _, p := range problems.Errors() {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
