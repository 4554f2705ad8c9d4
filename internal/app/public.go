package app

import "github.com/partnership-tools/mou/internal/questionnaire"

// people lists what names a person in q: every lead's, safeguarding
// lead's and signatory's name, email and phone, which a public web page
// leaves out.
func people(q *questionnaire.Questionnaire) []string {
	var out []string
	add := func(ts ...questionnaire.Text) {
		for _, t := range ts {
			if t != "" {
				out = append(out, string(t))
			}
		}
	}
	for _, p := range q.Partners {
		add(p.Lead.Name, p.Lead.Email, p.Lead.Phone, p.Signatory.Name)
		if c := p.SafeguardingLead; c != nil {
			add(c.Name, c.Email, c.Phone)
		}
	}
	return out
}
