package app

import (
	"fmt"
	"strconv"

	"github.com/partnership-tools/mou/internal/questionnaire"
)

// Leave records that a partner withdraws while the partnership goes on.
// The partner stays in the file with left: set to the day its withdrawal
// takes effect, so the history stays readable; from that day on the
// documents leave it out, and the agreement stands for the others.
type Leave struct {
	Partner, Effective string
	// Given is the day notice was given, if known: it is checked against
	// the notice period and noted in the amendment record.
	Given string
	// NewLead is the partner that becomes the lead partner when the
	// lead partner leaves; a hub cannot be left without one.
	NewLead      string
	Reason, From string
	DryRun       bool
}

// Record records the withdrawal in file as a new version dated the day it
// takes effect. The file is kept as FILE.bak.
func (l Leave) Record(file string) (ChangeResult, error) {
	if err := missingFlags("leave", [2]string{"--partner", l.Partner}, [2]string{"--effective", l.Effective}); err != nil {
		return ChangeResult{}, err
	}
	effective, err := parseDate("--effective", l.Effective)
	if err != nil {
		return ChangeResult{}, err
	}
	var given questionnaire.Date
	if l.Given != "" {
		if given, err = parseDate("--given", l.Given); err != nil {
			return ChangeResult{}, err
		}
		if effective.Before(given) {
			return ChangeResult{}, usage("--effective %s is before --given %s", effective, given)
		}
	}
	e, err := openEdit(file)
	if err != nil {
		return ChangeResult{}, err
	}
	defer e.close()
	q := e.q
	i, p, err := e.partner(l.Partner)
	if err != nil {
		return ChangeResult{}, err
	}
	if err := e.checkDate("effective", effective); err != nil {
		return ChangeResult{}, err
	}
	if !p.Left.IsZero() {
		return ChangeResult{}, e.refuse("%s already left on %s", p.Name, p.Left)
	}
	if l.From != "" {
		if _, _, err := e.partner(l.From); err != nil {
			return ChangeResult{}, err
		}
	}
	isLead := q.Partnership.LeadPartner == l.Partner
	switch {
	case isLead && l.NewLead == "":
		return ChangeResult{}, e.refuse("%s is the lead partner: name the partner that takes over with --new-lead", p.Name)
	case !isLead && l.NewLead != "":
		return ChangeResult{}, e.refuse("--new-lead is for when the lead partner leaves; %s is not the lead partner", p.Name)
	case l.NewLead == l.Partner && isLead:
		return ChangeResult{}, e.refuse("--new-lead must be another partner")
	}
	if l.NewLead != "" {
		_, np, err := e.partner(l.NewLead)
		if err != nil {
			return ChangeResult{}, err
		}
		if !np.Left.IsZero() {
			return ChangeResult{}, e.refuse("%s left on %s and cannot lead", np.Name, np.Left)
		}
		e.set("partnership.lead_partner", q.Partnership.LeadPartner, l.NewLead)
		e.res.Notes = append(e.res.Notes, fmt.Sprintf("a new lead partner changes the signed agreement, so the partners who remain sign version %d.", q.Version+1))
	}
	e.set("partners["+strconv.Itoa(i)+"].left", "", effective.ISO())
	summary := fmt.Sprintf("%s left the partnership by notice of withdrawal", string(p.Name))
	if !given.IsZero() {
		summary += " given on " + given.String()
	}
	if l.NewLead != "" {
		summary += "; " + string(q.Partner(l.NewLead).Name) + " became the lead partner"
	}
	e.newVersion(effective, summary, l.Reason, l.From)
	if period := q.Dissolution.NoticePeriod; !given.IsZero() && !period.IsZero() && effective.Before(period.From(given)) {
		e.res.Notes = append(e.res.Notes, fmt.Sprintf("%s is less than the notice period (%s) after notice was given on %s: the other partners must agree to the shorter notice.",
			effective, period, given))
	}
	if owns := owned(q, l.Partner); len(owns) > 0 {
		e.res.Notes = append(e.res.Notes, fmt.Sprintf("%s still %s: hand that work to partners who stay, in a later version (a change to the agreement, which every partner signs).",
			string(p.Name), words(owns)))
	}
	return e.finish(l.DryRun)
}

// owned lists what the agreement gives the partner with the given id to
// do, for a partner that leaves.
func owned(q *questionnaire.Questionnaire, id string) []string {
	var out []string
	for i, o := range q.Objectives {
		if o.Owner == id && !o.Met {
			out = append(out, "owns objectives["+strconv.Itoa(i)+"]")
		}
	}
	for i, a := range q.Activities {
		if a.Lead == id {
			out = append(out, "leads activities["+strconv.Itoa(i)+"]")
		}
	}
	if q.Finance.BudgetHolder == id {
		out = append(out, "holds the budget")
	}
	if q.CodeOfPractice.Monitor.Partner == id {
		out = append(out, "monitors the code of practice")
	}
	return out
}
