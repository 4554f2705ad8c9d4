package questionnaire

import (
	"strings"
	"testing"
)

// secondObjective is the minimal questionnaire's objective again, so that
// there are two to tell apart.
const secondObjective = "  - objective: Test well.\n    measure: Tests passed.\n    target: 100% pass\n    by: 2027-07-01\n    owner: alpha\n"

func TestIDs(t *testing.T) {
	tests := []struct {
		name  string
		edits [][2]string
		want  []string
	}{
		{"good ids", [][2]string{
			{"  name: Test Partnership", "  id: test-partnership\n  name: Test Partnership"},
			{"  - objective: Test well.", "  - id: test-well\n    objective: Test well."},
		}, nil},
		{"no ids", nil, nil},
		{"bad partnership id", [][2]string{{"  name: Test Partnership", "  id: Test Partnership\n  name: Test Partnership"}},
			[]string{`f.yaml:4:7: partnership.id: "Test Partnership" must be a short word of lower-case letters, digits and hyphens, such as "riverside-engineering"`}},
		{"bad objective id", [][2]string{{"  - objective: Test well.", "  - id: test_well\n    objective: Test well."}},
			[]string{`f.yaml:36:9: objectives[0].id: "test_well" must be a short word of lower-case letters, digits and hyphens, such as "year-9-engineers"`}},
		{"objective ids given twice", [][2]string{
			{"  - objective: Test well.", "  - id: tests\n    objective: Test well."},
			{"activities:\n", secondObjective + "activities:\n"},
			{"  - objective: Test well.\n    measure", "  - id: tests\n    objective: Test well.\n    measure"},
		}, []string{`f.yaml:42:9: objectives[1].id: "tests" is already the id of objectives[0]; each objective needs its own id`}},
		{"one objective with an id, one without", [][2]string{
			{"  - objective: Test well.", "  - id: tests\n    objective: Test well."},
			{"activities:\n", secondObjective + "activities:\n"},
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := readMinimal(t)
			for _, e := range tt.edits {
				// Apply each edit to the last place it fits, so that
				// the second objective can be given an id of its own.
				i := strings.LastIndex(src, e[0])
				if i < 0 {
					t.Fatalf("edit %q does not apply", e[0])
				}
				src = src[:i] + e[1] + src[i+len(e[0]):]
			}
			q, problems := Load("f.yaml", []byte(src), Options{})
			var got []string
			for _, p := range problems.Errors() {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s\nin:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"), src)
			}
			if tt.name == "good ids" && (q.Partnership.ID != "test-partnership" || q.Objectives[0].ID != "test-well") {
				t.Errorf("ids read as %q and %q", q.Partnership.ID, q.Objectives[0].ID)
			}
		})
	}
}

// TestSectionOf: a clause id's section is the part before its dot, and a
// section id is its own section.
func TestSectionOf(t *testing.T) {
	for id, want := range map[string]string{"general.insurance": "general", "general": "general", "": "", "aims.objectives.x": "aims"} {
		if got := SectionOf(id); got != want {
			t.Errorf("SectionOf(%q) = %q, want %q", id, got, want)
		}
		if IsSection(id) != (SectionOf(id) == id) {
			t.Errorf("IsSection(%q) and SectionOf disagree", id)
		}
	}
}
