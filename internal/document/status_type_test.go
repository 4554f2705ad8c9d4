package document_test

import (
	"testing"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/sampletest"
)

// TestStatusTypeLeadPartner: in edition 2026.2 a broad-area partnership
// with a lead partner does not call itself one "of equal partners" beside
// a lead: every partner has an equal say and the lead coordinates, holding
// the budget when it does.
func TestStatusTypeLeadPartner(t *testing.T) {
	const equal = "It is a broad-area partnership in which every partner has an equal say; Ysgol Gynradd Llanfair, as the lead partner, coordinates the work"
	tmpl := parse(t)
	for _, tc := range []struct {
		name, sample string
		edits        []string
		want, not    []string
	}{
		{"broad-area, the lead holds the budget", "nine-school-partnership.yaml", nil,
			[]string{equal + " and holds the budget."}, []string{"of equal partners"}},
		{"broad-area, another school holds the budget", "nine-school-partnership.yaml", []string{"budget_holder: llanfair", "budget_holder: meifod"},
			[]string{equal + ".\n"}, []string{"holds the budget", "of equal partners"}},
		{"broad-area, no lead", "nine-school-partnership.yaml", []string{"  lead_partner: llanfair\n", ""},
			[]string{"It is a broad-area partnership of equal partners.\n"}, []string{"as the lead partner", "is the lead partner"}},
		{"hub-and-spoke", "hub-and-spoke.yaml", nil,
			[]string{"It is a hub-and-spoke", "is the lead partner.\n"}, []string{"equal say"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// The Banwy sample is on edition 2026.2 already.
			var q *questionnaire.Questionnaire
			if tc.sample == "nine-school-partnership.yaml" {
				var problems questionnaire.Problems
				q, problems = questionnaire.Load(tc.sample, sampletest.Edit(t, tc.sample, tc.edits...), questionnaire.Options{ClauseIDs: document.ClauseIDs})
				if err := problems.Err(); err != nil {
					t.Fatal(err)
				}
			} else {
				q = current(t, tc.sample, "", tc.edits...)
			}
			md, err := tmpl.Markdown(q, document.MOU, "")
			if err != nil {
				t.Fatal(err)
			}
			says(t, string(md), tc.want, tc.not)
		})
	}
}
