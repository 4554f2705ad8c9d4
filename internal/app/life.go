package app

import (
	"slices"

	"github.com/partnership-tools/mou/internal/agreement"
	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/internal/questionnaire"
)

// shown returns q as its documents show it: without the partners that
// have left by this version's date, among those taking part in an
// activity, or what they gave or promised; and with anyone covering a
// role marked "(acting until 31 March 2027)" after their name, in
// Schedule 1, the signature blocks, the notice of change and the version
// record.
// The agreement reference is worked out from q itself, never from this.
func shown(q *questionnaire.Questionnaire) *questionnaire.Questionnaire {
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

// lifeDoc is a document of the partnership's life written with a version.
type lifeDoc struct {
	kind document.Kind
	md   []byte
}

// lifeDocuments writes the joining agreement for the partners that join
// on this version's date and the notice of withdrawal for those that
// leave on it, and names them in the verdict. full is the questionnaire,
// q as its documents show it.
func (g *Generator) lifeDocuments(full, q *questionnaire.Questionnaire, ref string, v *agreement.Verdict) ([]lifeDoc, error) {
	var joining, leaving []questionnaire.Partner
	for _, p := range full.Partners {
		if p.Joined == full.Date {
			joining = append(joining, p)
			v.Joined = append(v.Joined, string(p.Name))
		}
		if p.Left == full.Date {
			leaving = append(leaving, p)
			v.Left = append(v.Left, string(p.Name))
		}
	}
	// When the agreement itself changed, a partner joining signs the new
	// version with everyone else, and needs no joining agreement.
	changed := v.Previous != nil && !v.Stands
	var out []lifeDoc
	if len(joining) > 0 && !changed {
		// The lead partner accepts a newcomer for the partnership, or
		// else the first partner that signed the memorandum.
		first := ""
		for _, p := range q.Partners {
			if p.Joined != full.Date && first == "" {
				first = p.ID
			}
		}
		md, err := g.templates.LifeMarkdown(q, document.JoiningAgreement, ref, document.Life{Members: joining, From: sender(q, first)})
		if err != nil {
			return nil, err
		}
		out = append(out, lifeDoc{document.JoiningAgreement, md})
	}
	if len(leaving) > 0 {
		// A notice of withdrawal is the leaving partner's own, unless
		// another partner was named to send it.
		from := &leaving[0]
		if h := entry(q); h != nil && h.From != "" {
			from = sender(full, "")
		}
		md, err := g.templates.LifeMarkdown(q, document.NoticeOfWithdrawal, ref, document.Life{Members: leaving, From: from, Changed: changed,
			Given: leaving[0].NoticeGiven, Signed: signedRef(full, leaving[0].ID, v)})
		if err != nil {
			return nil, err
		}
		out = append(out, lifeDoc{document.NoticeOfWithdrawal, md})
	}
	return out, nil
}

// entry returns the amendment record's entry for q's version, or nil.
func entry(q *questionnaire.Questionnaire) *questionnaire.Amendment {
	for i, h := range q.History {
		if h.Version == q.Version {
			return &q.History[i]
		}
	}
	return nil
}

// sender is the partner that sends this version's notices: the one named
// with --from in the amendment record, else the lead partner, else the
// partner with the given id.
func sender(q *questionnaire.Questionnaire, otherwise string) *questionnaire.Partner {
	if h := entry(q); h != nil && h.From != "" {
		return q.Partner(h.From)
	}
	if p := q.Partner(q.Partnership.LeadPartner); p != nil {
		return p
	}
	return q.Partner(otherwise)
}

// signedRef is the reference of the agreement the partner with the given
// id was party to before this version: the previous version's, else the
// one on its latest recorded signature, else "" (unknown).
func signedRef(q *questionnaire.Questionnaire, id string, v *agreement.Verdict) string {
	if v.Previous != nil {
		return v.Previous.Reference
	}
	ref, version := "", 0
	for _, s := range q.Signatures {
		if s.Partner == id && s.Reference != "" && s.Version < q.Version && s.Version > version {
			ref, version = s.Reference, s.Version
		}
	}
	return ref
}

// anyPartner finds the partner with the given id in q as its documents
// show it, among those that have left too, or returns nil.
func anyPartner(q *questionnaire.Questionnaire, id string) *questionnaire.Partner {
	if p := q.Partner(id); p != nil {
		return p
	}
	for i := range q.Former {
		if q.Former[i].ID == id {
			return &q.Former[i]
		}
	}
	return nil
}

// versions lists the versions the file knows of, with their dates: those
// in the amendment record and the current one.
func versions(q *questionnaire.Questionnaire) []questionnaire.Amendment {
	out := slices.Clone(q.History)
	if !hasVersion(q, q.Version) {
		out = append(out, questionnaire.Amendment{Version: q.Version, Date: q.Date})
	}
	slices.SortStableFunc(out, func(a, b questionnaire.Amendment) int { return a.Version - b.Version })
	return out
}

// versionOn is the version in force on day: the latest whose date is not
// after it, or 0 when every version is later.
func versionOn(q *questionnaire.Questionnaire, day questionnaire.Date) questionnaire.Amendment {
	var in questionnaire.Amendment
	for _, v := range versions(q) {
		if !day.Before(v.Date) {
			in = v
		}
	}
	return in
}

// joinedIn is the version that added p: the first dated on or after the
// day it joined, when the version before it is known too. It is 0 for a
// partner there from the start, or when the amendment record cannot tell.
func joinedIn(q *questionnaire.Questionnaire, p *questionnaire.Partner) int {
	if p.Joined.IsZero() {
		return 0
	}
	known := versions(q)
	for i, v := range known {
		if !v.Date.Before(p.Joined) {
			if i > 0 && known[i-1].Version == v.Version-1 {
				return v.Version
			}
			return 0
		}
	}
	return 0
}
