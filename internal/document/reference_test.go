package document_test

import (
	"regexp"
	"testing"

	"github.com/partnership-tools/mou/internal/questionnaire"
)

func TestAgreementReference(t *testing.T) {
	tmpl := parse(t)
	base := load(t, "../../samples/school-employer.yaml")
	ref := func(q *questionnaire.Questionnaire) string {
		a, err := tmpl.Agreement(q)
		if err != nil {
			t.Fatal(err)
		}
		return a.Reference
	}
	want := ref(base)
	if !regexp.MustCompile(`^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$`).MatchString(want) {
		t.Fatalf("reference %q is not of the form XXXX-XXXX", want)
	}
	// copyOf gives each case its own questionnaire to change.
	copyOf := func() *questionnaire.Questionnaire {
		q := *base
		q.Partners = append([]questionnaire.Partner(nil), base.Partners...)
		q.Objectives = append([]questionnaire.Objective(nil), base.Objectives...)
		q.Aims = append([]questionnaire.Text(nil), base.Aims...)
		q.Activities = append([]questionnaire.Activity(nil), base.Activities...)
		q.Finance.Contributions = append([]questionnaire.Contribution(nil), base.Finance.Contributions...)
		return &q
	}
	tests := []struct {
		name    string
		change  func(q *questionnaire.Questionnaire)
		changes bool
	}{
		{"new lead", func(q *questionnaire.Questionnaire) { q.Partners[0].Lead.Name = "Dafydd Jones-Newman" }, false},
		{"new lead email and phone", func(q *questionnaire.Questionnaire) {
			q.Partners[1].Lead.Email, q.Partners[1].Lead.Phone = "new@hartwell.example.org", "01632 960 999"
		}, false},
		{"new signatory", func(q *questionnaire.Questionnaire) {
			q.Partners[0].Signatory = questionnaire.Signatory{Name: "Ms K Ellis", Position: "Acting Headteacher"}
		}, false},
		{"new safeguarding lead", func(q *questionnaire.Questionnaire) {
			q.Partners[0].SafeguardingLead = &questionnaire.Contact{Name: "Sam Lee", Role: q.Partners[0].SafeguardingLead.Role, Email: "sam@riverside.example.org"}
		}, false},
		{"new version and date", func(q *questionnaire.Questionnaire) {
			q.Version, q.Date = 3, questionnaire.NewDate(2027, 1, 6)
			q.History = []questionnaire.Amendment{{Version: 2, Date: q.Date, Change: "Lead changed"}}
		}, false},
		{"objective met", func(q *questionnaire.Questionnaire) { q.Objectives[0].Met = true }, false},
		{"signatures and reviews recorded", func(q *questionnaire.Questionnaire) {
			q.Signatures = []questionnaire.Signature{{Version: 1, Partner: "riverside", By: "Dr Amara Okafor", Date: q.Date, Reference: "BH7A-3R8E"}}
			q.Reviews = []questionnaire.Review{{Date: q.Date}}
		}, false},
		{"acting cover", func(q *questionnaire.Questionnaire) {
			q.Partners[0].Lead.ActingUntil = questionnaire.NewDate(2027, 3, 31)
		}, false},
		{"a partner joins by a joining agreement", func(q *questionnaire.Questionnaire) {
			p := q.Partners[1]
			p.ID, p.Name, p.Joined = "newco", "Newco Ltd", questionnaire.NewDate(2027, 9, 1)
			q.Partners = append(q.Partners, p)
		}, false},
		{"a partner leaves by notice", func(q *questionnaire.Questionnaire) { q.Partners[1].Left = questionnaire.NewDate(2027, 8, 31) }, false},
		{"a partner added to the signed text", func(q *questionnaire.Questionnaire) {
			p := q.Partners[1]
			p.ID, p.Name = "newco", "Newco Ltd"
			q.Partners = append(q.Partners, p)
		}, true},
		{"aims", func(q *questionnaire.Questionnaire) { q.Aims[0] = "Something else." }, true},
		{"objective target", func(q *questionnaire.Questionnaire) { q.Objectives[0].Target = "99% of Year 9 pupils attend" }, true},
		{"activity", func(q *questionnaire.Questionnaire) { q.Activities = q.Activities[:2] }, true},
		{"governance", func(q *questionnaire.Questionnaire) { q.Governance.Meetings = "Every half term." }, true},
		{"monitoring", func(q *questionnaire.Questionnaire) {
			q.Monitoring.ReviewDates = []questionnaire.Date{questionnaire.NewDate(2027, 7, 1)}
		}, true},
		{"finance", func(q *questionnaire.Questionnaire) {
			q.Finance.Contributions[0].Amount = base.Finance.Contributions[1].Amount
		}, true},
		{"safeguarding", func(q *questionnaire.Questionnaire) { q.Safeguarding.DBS = "Everyone holds an enhanced DBS check." }, true},
		{"data protection", func(q *questionnaire.Questionnaire) { q.DataProtection.Retention = "One year." }, true},
		{"alteration", func(q *questionnaire.Questionnaire) { q.Alteration.Process = "By the steering group." }, true},
		{"dissolution", func(q *questionnaire.Questionnaire) {
			q.Dissolution.NoticePeriod = questionnaire.Period{N: 6, Unit: "month"}
		}, true},
		{"partner added", func(q *questionnaire.Questionnaire) {
			p := q.Partners[1]
			p.ID, p.Name = "third", "Third Partner Ltd"
			q.Partners = append(q.Partners, p)
		}, true},
		{"lead role", func(q *questionnaire.Questionnaire) { q.Partners[0].Lead.Role = "Head of Careers" }, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q := copyOf()
			tc.change(q)
			got := ref(q)
			if tc.changes && got == want {
				t.Errorf("reference unchanged (%s), want a new one", got)
			}
			if !tc.changes && got != want {
				t.Errorf("reference changed from %s to %s, want it to stand", want, got)
			}
		})
	}
}
