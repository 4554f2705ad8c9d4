package questionnaire

import (
	"fmt"
	"slices"
	"strings"
)

// This file holds what happens to a partnership after it is signed:
// who signed which version, partners joining and leaving, reviews held.
//
// A partner that leaves stays in the file with the date it left
// (left: 2028-08-31), so the history stays readable; documents of a
// version dated on or after that day leave it out (see [Questionnaire.Current]).
// A partner that joins later carries the date it joined (joined:
// 2027-09-01); it is bound by the joining agreement it signs, so it is
// not part of the text the other partners signed (see the agreement
// reference in internal/document).

// Signature records that a partner signed a version of the agreement.
type Signature struct {
	Version int    `yaml:"version" mou:"required"`
	Partner string `yaml:"partner" mou:"required"`
	By      Text   `yaml:"by" mou:"required"`
	Date    Date   `yaml:"date" mou:"required"`
	// Reference is the agreement reference of the text signed; a later
	// version with the same reference is covered by the signature.
	Reference string `yaml:"reference"`
	// Document is the document signed, by the name its files carry; ""
	// is the partner's signature of the agreement in that version: of the
	// memorandum, or of its joining agreement for a partner that joins.
	Document string `yaml:"document" enum:"mou,code-of-practice,notice-of-change,joining-agreement,notice-of-withdrawal,review"`
}

// Review records a review meeting held.
type Review struct {
	Date Date `yaml:"date" mou:"required"`
	// Record is the file the review's record was written to.
	Record string `yaml:"record"`
}

// onDocument names a signature's document for a message: " (joining
// agreement)", or "" for the agreement itself.
func onDocument(kind string) string {
	if kind == "" {
		return ""
	}
	return " (" + strings.ReplaceAll(kind, "-", " ") + ")"
}

// AnyPartner returns the partner with the given id among those of this
// version and, in the copy Current returns, those that have left; nil
// when there is none.
func (q *Questionnaire) AnyPartner(id string) *Partner {
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

// HasLeft reports whether p has left the partnership by day.
func (p *Partner) HasLeft(day Date) bool { return !p.Left.IsZero() && !day.Before(p.Left) }

// Current returns q as its documents show it: without the partners that
// have left by the date of this version. q itself is not changed.
func (q *Questionnaire) Current() *Questionnaire {
	c := *q
	c.Partners, c.Former = nil, nil
	for _, p := range q.Partners {
		if !p.HasLeft(q.Date) {
			c.Partners = append(c.Partners, p)
		} else {
			c.Former = append(c.Former, p)
		}
	}
	return &c
}

// Duties lists the answers that give the partner with the given id work
// to do from this version on, each as its path and what it says: the
// objectives not yet met that it owns, the activities it leads, the
// budget it holds and the code of practice it monitors. A partner that
// leaves must hand each of them to one that stays.
func (q *Questionnaire) Duties(id string) [][2]string {
	var out [][2]string
	for i, o := range q.Objectives {
		if o.Owner == id && !o.Met {
			out = append(out, [2]string{index("objectives", i) + ".owner", "owns an objective"})
		}
	}
	for i, a := range q.Activities {
		if a.Lead == id {
			out = append(out, [2]string{index("activities", i) + ".lead", "leads an activity"})
		}
	}
	if q.Finance.BudgetHolder == id {
		out = append(out, [2]string{"finance.budget_holder", "holds the budget"})
	}
	if q.CodeOfPractice.Monitor.Partner == id {
		out = append(out, [2]string{"code_of_practice.monitor.partner", "monitors the code of practice"})
	}
	return out
}

// checkLife checks the records of the partnership's life: signatures and
// reviews name real partners and versions, and joining and leaving dates
// are in order.
func checkLife(d *decoder, q *Questionnaire, ids map[string]bool) {
	seen := map[[3]string]int{}
	for i, s := range q.Signatures {
		path := index("signatures", i)
		key := [3]string{s.Partner, fmt.Sprint(s.Version), s.Document}
		if j, dup := seen[key]; dup && s.Partner != "" {
			d.add(d.at(path), path, "%s's signature on version %d%s is already recorded at signatures[%d]", quote(s.Partner), s.Version, onDocument(s.Document), j)
		} else {
			seen[key] = i
		}
		if s.Partner != "" && !ids[s.Partner] {
			d.add(d.at(path+".partner"), path+".partner", "%s is not the id of any partner", quote(s.Partner))
		}
		if s.Version > q.Version {
			d.add(d.at(path+".version"), path+".version", "version %d is later than the document's version %d", s.Version, q.Version)
		}
	}
	for i, h := range q.History {
		path := index("history", i) + ".from"
		if h.From != "" && !ids[h.From] {
			d.add(d.at(path), path, "%s is not the id of any partner", quote(h.From))
		}
	}
	current := 0
	for i, p := range q.Partners {
		path := index("partners", i)
		if !p.Joined.IsZero() && !p.Left.IsZero() && p.Left.Before(p.Joined) {
			d.add(d.at(path+".left"), path+".left", "%s is before the partner joined (%s)", p.Left, p.Joined)
		}
		if !p.HasLeft(q.Date) {
			current++
		}
		if p.HasLeft(q.Date) && p.ID != "" && p.ID == q.Partnership.LeadPartner {
			d.add(d.at("partnership.lead_partner"), "partnership.lead_partner", "%s left on %s: name another lead partner", quote(p.ID), p.Left)
		}
	}
	if len(q.Partners) >= 2 && current < 2 {
		d.add(d.at("partners"), "partners", "fewer than two partners remain on %s; a partnership that ends is dissolved, not left", q.Date)
		return
	}
	// The documents call a bilateral partnership one between two
	// institutions, which a third partner would make untrue.
	if q.Partnership.Model == "bilateral" && current > 2 {
		d.warn(d.at("partnership.model"), "partnership.model", "a bilateral partnership is between two institutions, as the documents say, but %d partners take part on %s: choose the model that fits, such as broad-area (partners working as equals) or hub-and-spoke (one lead school)", current, q.Date)
	}
	for _, p := range q.Partners {
		if p.HasLeft(q.Date) && p.ID != "" {
			// The documents of this version no longer list the partner,
			// so work still given to it would be given to nobody.
			for _, duty := range q.Duties(p.ID) {
				d.add(d.at(duty[0]), duty[0], "%s left on %s: give this to a partner that stays", quote(p.ID), p.Left)
			}
		}
	}
	// The code of practice leaves out what a partner that has left
	// committed to; with nothing else it would list no commitments.
	if c := q.CodeOfPractice.Commitments; q.Writes("code-of-practice") && len(c) > 0 && !slices.ContainsFunc(c, func(c Commitment) bool {
		p := q.Partner(c.Partner)
		return c.Partner == All || p == nil || !p.HasLeft(q.Date)
	}) {
		d.add(d.at("code_of_practice.commitments"), "code_of_practice.commitments", "every commitment is by a partner that has left, so the code of practice would list none: add what the partners that stay will do")
	}
}
