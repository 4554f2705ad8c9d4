package questionnaire_test

import (
	"cmp"
	"slices"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/sampletest"
)

func TestLifeChecks(t *testing.T) {
	// Hartwell has left the employer sample, a third partner has joined,
	// and Hartwell's work has passed to Riverside.
	third := []string{"    kind: employer\n", "    kind: employer\n    left: 2026-09-01\n",
		"  - id: riverside\n", "  - id: third\n    name: Third School\n    kind: school\n    lead: {name: A, role: B, email: a@b.org}\n    signatory: {name: A, position: B}\n  - id: riverside\n",
		"owner: hartwell", "owner: riverside", "lead: hartwell\n", "lead: riverside\n", "lead: hartwell\n", "lead: riverside\n"}
	const sig = "\nsignatures:\n  - {version: 1, partner: riverside, by: A, date: 2026-09-02}\n"
	tests := []struct {
		name  string
		edits []string
		want  []string // every error, in order; none for a valid file
		file  string   // the sample edited; school-employer.yaml when empty
	}{
		{"valid records", []string{"date: 2026-09-01\n", "date: 2026-09-01\n" + sig + "reviews:\n  - date: 2027-07-15\n"}, nil, ""},
		{"records checked", []string{"date: 2026-09-01\n", "date: 2026-09-01\n" + sig +
			"  - {version: 1, partner: riverside, by: B, date: 2026-09-03}\n  - {version: 4, partner: nobody, by: C, date: 2026-09-03}\n"},
			[]string{`signatures[1]: "riverside"'s signature on version 1 is already recorded at signatures[0]`,
				"signatures[2].version: version 4 is later than the document's version 1", `signatures[2].partner: "nobody" is not the id of any partner`}, ""},
		{"left before joined", []string{"    kind: employer\n", "    kind: employer\n    joined: 2026-10-01\n    left: 2026-09-30\n"},
			[]string{"partners[1].left: 30 September 2026 is before the partner joined (1 October 2026)"}, ""},
		{"one partner left", []string{"    kind: employer\n", "    kind: employer\n    left: 2026-09-01\n"},
			[]string{"partners: fewer than two partners remain on 1 September 2026; a partnership that ends is dissolved, not left"}, ""},
		{"unknown sender", []string{"date: 2026-09-01\n", "date: 2026-09-01\nhistory:\n  - {version: 1, date: 2026-09-01, change: First issue., from: nobody}\n"},
			[]string{`history[0].from: "nobody" is not the id of any partner`}, ""},
		{"work left with a partner that left", []string{"    address: Oakhurst Lane, Bridgeford, BF7 5QA\n", "    address: Oakhurst Lane, Bridgeford, BF7 5QA\n    left: 2026-07-15\n"},
			[]string{`objectives[1].owner: "oakhurst" left on 15 July 2026: give this to a partner that stays`,
				`activities[2].lead: "oakhurst" left on 15 July 2026: give this to a partner that stays`}, "hub-and-spoke.yaml"},
		{"leaving later keeps its work", []string{"    address: Oakhurst Lane, Bridgeford, BF7 5QA\n", "    address: Oakhurst Lane, Bridgeford, BF7 5QA\n    left: 2026-07-16\n"},
			nil, "hub-and-spoke.yaml"},
		{"budget and monitor of a partner that left", []string{"    kind: employer\n", "    kind: employer\n    left: 2026-09-01\n",
			"  - id: riverside\n", "  - id: third\n    name: Third School\n    kind: school\n    lead: {name: A, role: B, email: a@b.org}\n    signatory: {name: A, position: B}\n  - id: riverside\n",
			"owner: hartwell", "owner: riverside", "lead: hartwell\n", "lead: riverside\n", "lead: hartwell\n", "lead: riverside\n",
			"budget_holder: riverside", "budget_holder: hartwell"},
			[]string{`finance.contributions: money changes hands, but no partner that remains gives an amount ("hartwell" left on 1 September 2026): set money_changes_hands to false, or give another partner's contribution an amount`,
				`finance.budget_holder: "hartwell" left on 1 September 2026: give this to a partner that stays`,
				`code_of_practice.monitor.partner: "hartwell" left on 1 September 2026: give this to a partner that stays`}, ""},
		// What the documents print after the only partner giving money
		// leaves: money changes hands, with no amount from anyone.
		{"money only from a partner that left", append(slices.Clone(third), "    partner: hartwell\n    role:", "    partner: third\n    role:"),
			[]string{`finance.contributions: money changes hands, but no partner that remains gives an amount ("hartwell" left on 1 September 2026): set money_changes_hands to false, or give another partner's contribution an amount`}, ""},
		{"money from a partner that stays too", append(slices.Clone(third), "    partner: hartwell\n    role:", "    partner: third\n    role:",
			"    - partner: riverside\n", "    - partner: riverside\n      amount: 500\n"), nil, ""},
		{"commitments only by a partner that left", append(slices.Clone(third), "    partner: hartwell\n    role:", "    partner: third\n    role:",
			"      amount: 1500\n", "", "money_changes_hands: true", "money_changes_hands: false", "    - partner: riverside\n      will:", "    - partner: hartwell\n      will:"),
			[]string{"code_of_practice.commitments: every commitment is by a partner that has left, so the code of practice would list none: add what the partners that stay will do"}, ""},
		{"no money changes hands once it left", append(slices.Clone(third), "    partner: hartwell\n    role:", "    partner: third\n    role:",
			"money_changes_hands: true", "money_changes_hands: false", "      amount: 1500\n", ""), nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := questionnaire.Load("p.yaml", sampletest.Edit(t, cmp.Or(tc.file, "school-employer.yaml"), tc.edits...), questionnaire.Options{})
			var got []string
			for _, p := range problems.Errors() {
				got = append(got, p.Path+": "+p.Message)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestReferences lists every answer that names a partner by its id, in
// the agreement and in the records beside it, and no other.
func TestReferences(t *testing.T) {
	data := sampletest.Edit(t, "school-employer.yaml", "date: 2026-09-01\n", "date: 2026-09-01\nsignatures:\n  - {version: 1, partner: hartwell, by: A, date: 2026-09-02}\n"+
		"history:\n  - {version: 1, date: 2026-09-01, change: First issue., from: hartwell}\n")
	q, problems := questionnaire.Load("school-employer.yaml", data, questionnaire.Options{})
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	want := []string{"objectives[2].owner", "activities[0].lead", "activities[0].partners[1]", "activities[1].partners[1]",
		"activities[2].lead", "activities[2].partners[0]", "finance.contributions[0].partner", "code_of_practice.commitments[1].partner",
		"code_of_practice.behaviours[1].partner", "code_of_practice.monitor.partner", "history[0].from", "signatures[0].partner"}
	if got := q.References("hartwell"); !slices.Equal(got, want) {
		t.Errorf("references to hartwell:\n got %q\nwant %q", got, want)
	}
	if got := q.References(""); got != nil {
		t.Errorf("references to no id: %q", got)
	}
}

// TestBilateralHasTwoPartners: the documents call a bilateral partnership
// one between two institutions, so a third partner taking part is
// warned of at the model, and a partner that has left by the version's
// date is not counted.
func TestBilateralHasTwoPartners(t *testing.T) {
	third := "  - id: third\n    name: Third School\n    kind: school\n    lead: {name: A, role: B, email: a@b.org}\n    signatory: {name: A, position: B}\n"
	tests := []struct {
		name  string
		edits []string
		want  string // the warning at the model, or none
	}{
		{"two partners", nil, ""},
		{"a third", []string{"\naims:", "\n" + third + "\naims:"},
			"a bilateral partnership is between two institutions, as the documents say, but 3 partners take part on 24 June 2026: choose the model that fits, such as broad-area (partners working as equals) or hub-and-spoke (one lead school)"},
		{"a third that has left", []string{"\naims:", "\n" + third + "    left: 2026-06-01\n\naims:"}, ""},
		{"a third in a broad area", []string{"\naims:", "\n" + third + "\naims:", "model: bilateral", "model: broad-area"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := questionnaire.Load("p.yaml", sampletest.Edit(t, "independent-state.yaml", tc.edits...), questionnaire.Options{})
			if err := problems.Err(); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range problems.Warnings() {
				if p.Path == "partnership.model" {
					got = append(got, p.Message)
				}
			}
			if want := slices.DeleteFunc([]string{tc.want}, func(s string) bool { return s == "" }); !slices.Equal(got, want) {
				t.Errorf("warnings at the model:\n%q\nwant:\n%q", got, want)
			}
		})
	}
}
