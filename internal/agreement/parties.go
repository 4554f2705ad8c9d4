package agreement

import (
	"slices"

	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/signing"
)

// Status is where a partner stands in a version.
type Status string

const (
	Present Status = "present" // a party to this version
	Joining Status = "joining" // joins with this version
	Leaving Status = "leaving" // leaves with this version
	Former  Status = "former"  // left before this version
)

// Role is a part a partner plays in the partnership beyond being a party.
type Role string

const (
	LeadPartner    Role = "lead-partner"
	BudgetHolder   Role = "budget-holder"
	CodeMonitor    Role = "code-monitor"
	ObjectiveOwner Role = "objective-owner" // of an objective not yet met
	ActivityLead   Role = "activity-lead"
)

// Party is one partner of a version.
type Party struct {
	ID, Name string
	Status   Status
	Roles    []Role
}

// parties lists every partner the file names, in its order.
func parties(q *questionnaire.Questionnaire) []Party {
	out := make([]Party, 0, len(q.Partners))
	for _, p := range q.Partners {
		party := Party{ID: p.ID, Name: string(p.Name), Status: Present}
		switch {
		case !p.Left.IsZero() && p.Left == q.Date:
			party.Status = Leaving
		case p.HasLeft(q.Date):
			party.Status = Former
		case signing.Joining(q, p):
			party.Status = Joining
		}
		if q.Partnership.LeadPartner == p.ID {
			party.Roles = append(party.Roles, LeadPartner)
		}
		for _, duty := range q.Duties(p.ID) {
			party.Roles = append(party.Roles, dutyRole[duty[1]])
		}
		party.Roles = slices.Compact(party.Roles)
		out = append(out, party)
	}
	return out
}

// dutyRole is the role each of questionnaire.Duties's duties gives.
var dutyRole = map[string]Role{
	"owns an objective":             ObjectiveOwner,
	"leads an activity":             ActivityLead,
	"holds the budget":              BudgetHolder,
	"monitors the code of practice": CodeMonitor,
}

// Shown returns q as its documents show it: without the partners that
// have left by this version's date, among those taking part in an
// activity, or what they gave or promised; and with anyone covering a
// role marked "(acting until 31 March 2027)" after their name, in
// Schedule 1, the signature blocks, the notice of change and the version
// record. The agreement reference is worked out from q itself, never
// from this.
func Shown(q *questionnaire.Questionnaire) *questionnaire.Questionnaire {
	c := q.Current() // a copy, with its own list of partners
	pack := locale.Get(q.Language)
	acting := func(name questionnaire.Text, until questionnaire.Date) questionnaire.Text {
		if until.IsZero() {
			return name
		}
		return questionnaire.Text(pack.ActingName(string(name), until.Time()))
	}
	for i := range c.Partners {
		p := &c.Partners[i]
		p.Lead.Name = acting(p.Lead.Name, p.Lead.ActingUntil)
		if s := p.SafeguardingLead; s != nil {
			cp := *s
			cp.Name = acting(cp.Name, cp.ActingUntil)
			p.SafeguardingLead = &cp
		}
		p.Signatory.Name = acting(p.Signatory.Name, p.Signatory.ActingUntil)
	}
	// What a partner that has left gave or promised is no longer offered.
	gone := func(id string) bool {
		return slices.ContainsFunc(c.Former, func(p questionnaire.Partner) bool { return p.ID == id })
	}
	c.Activities = slices.Clone(c.Activities)
	for i := range c.Activities {
		c.Activities[i].Partners = slices.DeleteFunc(slices.Clone(c.Activities[i].Partners), gone)
	}
	c.Finance.Contributions = slices.DeleteFunc(slices.Clone(c.Finance.Contributions), func(x questionnaire.Contribution) bool { return gone(x.Partner) })
	c.CodeOfPractice.Commitments = slices.DeleteFunc(slices.Clone(c.CodeOfPractice.Commitments), func(x questionnaire.Commitment) bool { return gone(x.Partner) })
	c.CodeOfPractice.Behaviours = slices.DeleteFunc(slices.Clone(c.CodeOfPractice.Behaviours), func(x questionnaire.Commitment) bool { return gone(x.Partner) })
	return c
}
