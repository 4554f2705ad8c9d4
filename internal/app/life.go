package app

import "github.com/partnership-tools/mou/internal/questionnaire"

// shown returns q as its documents show it: without the partners that
// have left by this version's date, and with anyone covering a role
// marked "(acting until 31 March 2027)" after their name, in Schedule 1,
// the signature blocks, the notice of change and the version record.
// The agreement reference is worked out from q itself, never from this.
func shown(q *questionnaire.Questionnaire) *questionnaire.Questionnaire {
	c := q.Current()
	c.Partners = append([]questionnaire.Partner(nil), c.Partners...)
	for i := range c.Partners {
		p := &c.Partners[i]
		p.Lead.Name = actingName(p.Lead.Name, p.Lead.ActingUntil)
		if s := p.SafeguardingLead; s != nil {
			cp := *s
			cp.Name = actingName(cp.Name, cp.ActingUntil)
			p.SafeguardingLead = &cp
		}
		p.Signatory.Name = actingName(p.Signatory.Name, p.Signatory.ActingUntil)
	}
	return c
}

func actingName(name questionnaire.Text, until questionnaire.Date) questionnaire.Text {
	if until.IsZero() {
		return name
	}
	return name + " (acting until " + questionnaire.Text(until.String()) + ")"
}
