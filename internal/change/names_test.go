package change_test

import (
	"testing"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/sampletest"
	"github.com/partnership-tools/mou/templates"
)

// TestPartnerNames: a change to an answer that holds a partner's id is
// described with the partners' names, as written (never escaped for
// Markdown), while the path and values keep the ids for tools.
func TestPartnerNames(t *testing.T) {
	tmpl, err := document.ParseTemplates(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	// Names full of Markdown's special characters.
	names := []string{"name: Riverside Academy", `name: "Sêr *Cymru* #1 Trust"`, "name: Hartwell Engineering Ltd", "name: Coleg Siân & Dyffryn"}
	const ser, coleg = "Sêr *Cymru* #1 Trust", "Coleg Siân & Dyffryn"
	tests := []struct {
		name     string
		edits    []string
		want     string // the one change's description
		path     string
		old, new string
	}{
		{"activity lead", []string{"    lead: riverside\n", "    lead: hartwell\n"},
			"Activities: lead of STEM club mentoring: " + ser + " → " + coleg, "activities[1].lead", "riverside", "hartwell"},
		{"partner added to an activity", []string{"partners: [hartwell]", "partners: [hartwell, riverside]"},
			"Activities: partners in Work-experience week: added " + ser, "activities[2].partners[1]", "", "riverside"},
		{"budget holder", []string{"budget_holder: riverside", "budget_holder: hartwell"},
			"Finance: budget holder: " + ser + " → " + coleg, "finance.budget_holder", "riverside", "hartwell"},
		{"contribution removed", []string{"    - partner: riverside\n      in_kind: Staff time, classrooms and transport for visits.\n", ""},
			"Finance: removed a contribution from " + ser, "finance.contributions[1]", "riverside", ""},
		{"objective owner", []string{"    owner: hartwell\n", "    owner: riverside\n"},
			"Aims and objectives: owner of objective 3: " + coleg + " → " + ser, "objectives[2].owner", "hartwell", "riverside"},
		{"code monitor", []string{"    partner: hartwell\n    role: Education", "    partner: riverside\n    role: Education"},
			"Code of practice: partner monitoring the code: " + coleg + " → " + ser, "code_of_practice.monitor.partner", "hartwell", "riverside"},
		{"behaviour of all partners", []string{"    - partner: all\n", "    - partner: riverside\n"},
			"Code of practice: partner giving behaviour 1: all partners → " + ser, "code_of_practice.behaviours[0].partner", "all", "riverside"},
		{"lead partner", []string{"  model: employer\n", "  model: employer\n  lead_partner: hartwell\n"},
			"Partnership: lead partner: added " + coleg, "partnership.lead_partner", "", "hartwell"},
		{"signature recorded", []string{"version: 1\n", "version: 1\nsignatures:\n  - {version: 1, partner: hartwell, by: Tom Hartwell, date: 2026-09-10}\n"},
			"Signatures (a record, not part of the signed text): added " + coleg + "'s signature of version 1 by Tom Hartwell on 10 September 2026", "signatures[0]", "", "hartwell"},
		// Two signatures of one version by one person on one day, of two
		// documents, must not read the same.
		{"endorsement of the code recorded", []string{"version: 1\n", "version: 1\nsignatures:\n  - {version: 1, partner: hartwell, by: Tom Hartwell, date: 2026-09-10, document: code-of-practice}\n"},
			"Signatures (a record, not part of the signed text): added " + coleg + "'s signature of the code of practice of version 1 by Tom Hartwell on 10 September 2026", "signatures[0]", "", "hartwell"},
		{"amendment from a partner", []string{"version: 1\n", "version: 2\nhistory:\n  - {version: 2, date: 2026-09-01, change: Objective 3 reworded., from: hartwell}\n"},
			"Schedule 2: added version 2 (1 September 2026): Objective 3 reworded. (notice from " + coleg + ")", "history[0]", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := compare(t, tmpl, sampletest.Load(t, "school-employer.yaml", names...),
				sampletest.Load(t, "school-employer.yaml", append(append([]string{}, names...), tc.edits...)...))
			for _, c := range r.Changes {
				if c.Path != tc.path {
					continue
				}
				if c.Description != tc.want {
					t.Errorf("description:\n%s\nwant:\n%s", c.Description, tc.want)
				}
				if tc.old+tc.new != "" && (c.Old != tc.old || c.New != tc.new) {
					t.Errorf("values %q → %q, want the ids %q → %q", c.Old, c.New, tc.old, tc.new)
				}
				return
			}
			t.Errorf("no change at %s in %+v", tc.path, r.Changes)
		})
	}
}
