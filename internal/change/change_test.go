package change_test

import (
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/agreement"
	"github.com/partnership-tools/mou/internal/change"
	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/sampletest"
	"github.com/partnership-tools/mou/templates"
)

// compare is change.Compare of the versions of two questionnaires, the
// second worked out against the first's record, as diff does.
func compare(t *testing.T, tmpl *document.Templates, old, new *questionnaire.Questionnaire) change.Report {
	t.Helper()
	was, err := agreement.Build(tmpl, "old.yaml", old, nil)
	if err != nil {
		t.Fatal(err)
	}
	now, err := agreement.Build(tmpl, "new.yaml", new, was.Record)
	if err != nil {
		t.Fatal(err)
	}
	r, err := change.Compare(was, now, "")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestCompare(t *testing.T) {
	tmpl, err := document.ParseTemplates(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	handover := []string{"name: Jane Smith", "name: Dafydd Jones-Newman", "version: 1", "version: 2", "date: 2026-09-01", "date: 2027-01-06"}
	join := append(append([]string{}, handover[2:]...), "      position: Managing Director\n", "      position: Managing Director\n"+
		"  - id: newco\n    name: Newco Ltd\n    kind: employer\n    joined: 2027-01-06\n    lead: {name: A B, role: Outreach Officer, email: a.b@newco.example.org}\n"+
		"    signatory: {name: C D, position: Director}\n")
	tests := []struct {
		name     string
		edits    []string
		stands   bool
		changes  []string // descriptions, in order
		sections []string
		verdict  string
	}{
		{"nothing", nil, true, nil, nil, "No change: the two files give the same documents."},
		{"handover", handover, true, []string{
			"Schedule 1: lead for Riverside Academy: Jane Smith → Dafydd Jones-Newman (from 6 January 2027)",
			"Version: 1 → 2",
			"Date of issue: 1 September 2026 → 6 January 2027",
		}, nil, "The signed agreement stands (Agreement ref. BH7A-3R8E, as in version 1): only the contacts changed. Send the notice of change and Schedule 1 to all partners; no new signatures are needed."},
		// mou handover writes the first issue into the record beside the
		// new entry; version 1's Schedule 2 printed it already.
		{"handover as mou handover records it", append(append([]string{}, handover...), "date: 2027-01-06", "date: 2027-01-06\nhistory:\n"+
			"  - {version: 1, date: 2026-09-01, change: First issue.}\n"+
			"  - {version: 2, date: 2027-01-06, change: 'Lead for Riverside Academy: Jane Smith → Dafydd Jones-Newman.'}"), true, []string{
			"Schedule 1: lead for Riverside Academy: Jane Smith → Dafydd Jones-Newman (from 6 January 2027)",
			"Version: 1 → 2",
			"Date of issue: 1 September 2026 → 6 January 2027",
			"Schedule 2: added version 2 (6 January 2027): Lead for Riverside Academy: Jane Smith → Dafydd Jones-Newman.",
		}, nil, "The signed agreement stands (Agreement ref. BH7A-3R8E, as in version 1): only the contacts changed."},
		{"signatory and phone", []string{"name: Tom Hartwell", "name: Ruth Hartwell", "position: Managing Director", "position: Chief Executive", "phone: 01632 960 455", "phone: 01632 960 456"}, true, []string{
			"Schedule 1: lead phone for Hartwell Engineering Ltd: 01632 960 455 → 01632 960 456 (from 1 September 2026)",
			"Schedule 1: signatory for Hartwell Engineering Ltd: Tom Hartwell, Managing Director → Ruth Hartwell, Chief Executive (from 1 September 2026)",
		}, nil, "The signed agreement stands (Agreement ref. BH7A-3R8E, as in version 1): only the contacts changed. Send the notice of change and Schedule 1 to all partners; no new signatures are needed."},
		{"target and notice", append(append([]string{}, handover...), "target: 30% say yes", "target: 35% say yes", "notice_period: 3 months", "notice_period: 6 months"), false, []string{
			"Schedule 1: lead for Riverside Academy: Jane Smith → Dafydd Jones-Newman (from 6 January 2027)",
			"Version: 1 → 2",
			"Date of issue: 1 September 2026 → 6 January 2027",
			`Aims and objectives: objective 2, target: "30% say yes" → "35% say yes"`,
			`Dissolution: notice period: "3 months" → "6 months"`,
		}, []string{"4. Aims and objectives", "15. Dissolution"}, "The agreement text changed since version 1 in sections 4 (Aims and objectives) and 15 (Dissolution) (Agreement ref. BH7A-3R8E → 5PF2-XK3Y): every partner must sign version 2."},
		{"a partner joins", join, true, []string{
			"Parties: Newco Ltd joins on 6 January 2027 by a joining agreement",
			"Version: 1 → 2",
			"Date of issue: 1 September 2026 → 6 January 2027",
		}, nil, "The signed agreement stands for the other partners (Agreement ref. BH7A-3R8E, as in version 1). Newco Ltd joins: it signs the joining agreement, by which it accepts the signed memorandum; send it version 2 of the memorandum with it. " +
			"Riverside Academy signs the joining agreement too, to accept it for the partnership. No other partner signs; send version 2 and its Schedule 1 to all partners."},
		{"a partner leaves", []string{"    kind: employer\n", "    kind: employer\n    left: 2027-08-31\n"}, true, []string{
			"Parties: Hartwell Engineering Ltd leaves on 31 August 2027 by notice of withdrawal",
		}, nil, "The signed agreement stands (Agreement ref. BH7A-3R8E, as in version 1) and no contact changed: nothing needs signing or reissuing."}, // it leaves with a later version
		{"acting cover", []string{"      phone: 01632 960 118\n", "      phone: 01632 960 118\n      acting_until: 2027-03-31\n"}, true, []string{
			"Schedule 1: lead for Riverside Academy: Jane Smith (acting until 31 March 2027) (from 1 September 2026)",
		}, nil, "The signed agreement stands (Agreement ref. BH7A-3R8E, as in version 1): only the contacts changed. Send the notice of change and Schedule 1 to all partners; no new signatures are needed."},
		{"lead role", []string{"role: Careers Leader", "role: Head of Careers"}, false, []string{
			"Roles and leads: lead role for Riverside Academy: Careers Leader → Head of Careers",
		}, []string{"6. Roles and leads"}, "section 6 (Roles and leads)"},
		{"place of signing", []string{"position: Managing Director", "position: Managing Director\n      place: Avonmouth"}, true, []string{
			"Schedule 1: signatory for Hartwell Engineering Ltd: Tom Hartwell, Managing Director → Tom Hartwell, Managing Director, signing at Avonmouth (from 1 September 2026)",
		}, nil, "The signed agreement stands (Agreement ref. BH7A-3R8E, as in version 1) and no contact changed: nothing needs signing or reissuing."},
		{"objective met", []string{"    owner: riverside\n", "    owner: riverside\n    met: true\n"}, true, []string{
			`Objectives met (a record, not part of the signed text): objective 1, met: no → yes`,
		}, nil, "The signed agreement stands (Agreement ref. BH7A-3R8E, as in version 1) and no contact changed: nothing needs signing or reissuing."},
		{"handover two versions back", []string{"name: Jane Smith", "name: Dafydd Jones-Newman", "version: 1", "version: 3\nhistory:\n" +
			"  - {version: 2, date: 2027-01-06, change: 'Lead for Riverside Academy: Jane Smith → Dafydd Jones-Newman.'}\n" +
			"  - {version: 3, date: 2027-06-01, change: 'Lead for Hartwell Engineering Ltd: Tom Hartwell → Ruth Hartwell.'}",
			"date: 2026-09-01", "date: 2027-06-01"}, true, []string{
			"Schedule 1: lead for Riverside Academy: Jane Smith → Dafydd Jones-Newman (from 6 January 2027)",
			"Version: 1 → 3",
			"Date of issue: 1 September 2026 → 1 June 2027",
			"Schedule 2: added version 2 (6 January 2027): Lead for Riverside Academy: Jane Smith → Dafydd Jones-Newman.",
			"Schedule 2: added version 3 (1 June 2027): Lead for Hartwell Engineering Ltd: Tom Hartwell → Ruth Hartwell.",
		}, nil, "The signed agreement stands (Agreement ref. BH7A-3R8E, as in version 1): only the contacts changed. Send the notice of change and Schedule 1 to all partners; no new signatures are needed."},
		{"two handovers of one partner", []string{"name: Jane Smith", "name: Dafydd Jones-Newman", "version: 1", "version: 3\nhistory:\n" +
			"  - {version: 2, date: 2027-01-06, change: 'Lead for Riverside Academy: Jane Smith → Ann Other.'}\n" +
			"  - {version: 3, date: 2027-06-01, change: 'Lead for Riverside Academy: Ann Other → Dafydd Jones-Newman.'}",
			"date: 2026-09-01", "date: 2027-06-01"}, true, []string{
			"Schedule 1: lead for Riverside Academy: Jane Smith → Dafydd Jones-Newman (from 1 June 2027)",
			"Version: 1 → 3",
			"Date of issue: 1 September 2026 → 1 June 2027",
			"Schedule 2: added version 2 (6 January 2027): Lead for Riverside Academy: Jane Smith → Ann Other.",
			"Schedule 2: added version 3 (1 June 2027): Lead for Riverside Academy: Ann Other → Dafydd Jones-Newman.",
		}, nil, "The signed agreement stands (Agreement ref. BH7A-3R8E, as in version 1): only the contacts changed. Send the notice of change and Schedule 1 to all partners; no new signatures are needed."},
		{"handover several versions back, no record", []string{"name: Jane Smith", "name: Dafydd Jones-Newman", "version: 1", "version: 3",
			"date: 2026-09-01", "date: 2027-06-01"}, true, []string{
			"Schedule 1: lead for Riverside Academy: Jane Smith → Dafydd Jones-Newman (by version 3)",
			"Version: 1 → 3",
			"Date of issue: 1 September 2026 → 1 June 2027",
		}, nil, "The signed agreement stands (Agreement ref. BH7A-3R8E, as in version 1): only the contacts changed. Send the notice of change and Schedule 1 to all partners; no new signatures are needed."},
		// Lists are compared item by item after lining up the items both
		// keep, so an item added at the head is one change, not a change
		// to every item after it.
		{"an aim added at the head", []string{"aims:\n  - Raise", "aims:\n  - Reach every Year 8 pupil too.\n  - Raise"}, false, []string{
			`Aims and objectives: aim 1: added "Reach every Year 8 pupil too."`,
		}, []string{"4. Aims and objectives"}, "section 4 (Aims and objectives)"},
		{"an objective removed and a later one changed", []string{
			"  - objective: Every Year 9 pupil meets a working engineer.\n    measure: Attendance registers for the Year 9 engineering day.\n    baseline: 0% in 2025–26\n    target: 95% of Year 9 pupils attend\n    by: 2027-07-16\n    owner: riverside\n", "",
			"target: 30% say yes", "target: 35% say yes"}, false, []string{
			`Aims and objectives: objective 1: removed "Every Year 9 pupil meets a working engineer."`,
			`Aims and objectives: objective 1, target: "30% say yes" → "35% say yes"`,
		}, []string{"4. Aims and objectives"}, "section 4 (Aims and objectives)"},
		{"stage", []string{"version: 1", "stage: final\nversion: 1"}, true, []string{`Draft marks: stage: added "final"`}, nil, "The signed agreement stands (Agreement ref. BH7A-3R8E, as in version 1) and no contact changed: nothing needs signing or reissuing."},
		{"counterparts", []string{"version: 1", "signing: counterparts\nversion: 1"}, false, []string{
			`Signatures: signing: added "counterparts"`,
		}, []string{"16. Signatures"}, "section 16 (Signatures)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var onEdition []string
			if tc.name == "counterparts" {
				// The counterparts clause came with edition 2026.2.
				onEdition = []string{"version: 1", "wording:\n  edition: \"2026.2\"\nversion: 1"}
			}
			base := sampletest.Load(t, "school-employer.yaml", onEdition...)
			r := compare(t, tmpl, base, sampletest.Load(t, "school-employer.yaml", append(onEdition, tc.edits...)...))
			if r.Stands != tc.stands {
				t.Errorf("stands = %v, want %v", r.Stands, tc.stands)
			}
			var got []string
			for _, c := range r.Changes {
				got = append(got, c.Description)
			}
			if strings.Join(got, "\n") != strings.Join(tc.changes, "\n") {
				t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.changes, "\n"))
			}
			if strings.Join(r.Sections, "|") != strings.Join(tc.sections, "|") {
				t.Errorf("sections %q, want %q", r.Sections, tc.sections)
			}
			if !strings.Contains(r.Verdict, tc.verdict) {
				t.Errorf("verdict %q does not contain %q", r.Verdict, tc.verdict)
			}
		})
	}
}

func TestVerdictWords(t *testing.T) {
	tmpl, err := document.ParseTemplates(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	base := sampletest.Load(t, "school-employer.yaml")
	tests := []struct {
		name    string
		edits   []string
		verdict string
	}{
		{"an objective met", []string{"    owner: hartwell\n", "    owner: hartwell\n    met: true\n"},
			"The signed agreement stands (Agreement ref. BH7A-3R8E, as in version 1) and no contact changed: nothing needs signing or reissuing."},
		{"a partner renamed", []string{"name: Hartwell Engineering Ltd", "name: Hartwell Engineering plc"},
			"The agreement text changed since version 1 in the title page and sections 1 (Parties), 4 (Aims and objectives), 5 (Activities)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := compare(t, tmpl, base, sampletest.Load(t, "school-employer.yaml", tc.edits...))
			if !strings.HasPrefix(r.Verdict, tc.verdict) {
				t.Errorf("verdict %q, want it to start %q", r.Verdict, tc.verdict)
			}
		})
	}
}
