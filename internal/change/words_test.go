package change

import (
	"testing"

	"github.com/partnership-tools/mou/internal/questionnaire"
)

// TestChangesInWords: diff names each answer in words, a partner by its
// name and a list item by its number, where a person reads it; the path
// stays in the change, for tools.
func TestChangesInWords(t *testing.T) {
	old := &questionnaire.Questionnaire{Partners: []questionnaire.Partner{{ID: "st-aidans", Name: "St Aidan's Primary School"}}}
	n := namer{old, old}
	for path, want := range map[string]string{
		"partners[0].notice_given":                   "St Aidan's Primary School, notice of withdrawal given",
		"objectives[1].target":                       "objective 2, target",
		"activities[0].year_groups[2]":               "activity 1, year group 3",
		"governance.meetings":                        "meetings",
		"wording.replace.general.insurance":          "replaced clause general.insurance",
		"partners[0].safeguarding_lead.acting_until": "St Aidan's Primary School, safeguarding lead, acting until",
	} {
		if got := n.words(path); got != want {
			t.Errorf("words(%q) = %q, want %q", path, got, want)
		}
	}
	c := n.name(leaf("Parties", "partners[0].notice_given", "", "1 February 2027"))
	if c.Description != `Parties: St Aidan's Primary School, notice of withdrawal given: added "1 February 2027"` || c.Path != "partners[0].notice_given" {
		t.Errorf("described as %q, path %q", c.Description, c.Path)
	}
}
