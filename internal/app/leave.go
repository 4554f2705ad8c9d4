package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

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
	// ShortNotice says the other partners agree to a withdrawal that
	// takes effect before the notice period ends: the notice then says
	// so, and they sign it. Without it such a withdrawal is refused.
	ShortNotice bool
	// NewLead is the partner that becomes the lead partner when the
	// lead partner leaves; a hub cannot be left without one.
	NewLead string
	// ReassignTo is the partner that takes over the work the leaving
	// partner still has (see [questionnaire.Questionnaire.Duties]); the
	// withdrawal is refused while any is left with it.
	ReassignTo   string
	Reason, From string
	DryRun       bool
}

// Record records the withdrawal in file as a new version dated the day it
// takes effect. The file is kept as FILE.bak. Every problem with the
// request is reported at once, with any the changed file would have.
func (l Leave) Record(file string) (ChangeResult, error) {
	if err := missing("leave", value{FieldPartner, l.Partner}, value{FieldEffective, l.Effective}); err != nil {
		return ChangeResult{}, err
	}
	effective, err := parseDate(FieldEffective, l.Effective)
	if err != nil {
		return ChangeResult{}, err
	}
	var given questionnaire.Date
	if l.Given != "" {
		if given, err = parseDate(FieldGiven, l.Given); err != nil {
			return ChangeResult{}, err
		}
		if effective.Before(given) {
			return ChangeResult{}, request("%v %s is before %v %s", FieldEffective, effective, FieldGiven, given)
		}
	} else if l.ShortNotice {
		return ChangeResult{}, request("%v needs %v, the day notice was given, to compare with the notice period", FieldShortNotice, FieldGiven)
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
	if !p.Left.IsZero() {
		return ChangeResult{}, e.refuse("%s already left on %s", string(p.Name), p.Left)
	}
	base := "partners[" + strconv.Itoa(i) + "]"
	if effective.Before(q.Date) {
		e.problem(FieldEffective, base+".left", "the effective date %s is before the date of version %d (%s)", effective, q.Version, q.Date)
		for h := range len(q.History) + 1 { // what the check of the file says of each earlier version
			e.covered["history["+strconv.Itoa(h)+"].date"] = true
		}
	}
	isLead := q.Partnership.LeadPartner == l.Partner
	switch {
	case isLead && l.NewLead == "":
		e.problem(FieldPartner, "partnership.lead_partner", "%s is the lead partner: name the partner that takes over with %v", string(p.Name), FieldNewLead)
	case !isLead && l.NewLead != "":
		e.problem(FieldNewLead, "", "%v is for when the lead partner leaves; %s is not the lead partner", FieldNewLead, string(p.Name))
	case l.NewLead != "" && e.stays(FieldNewLead, l.NewLead, l.Partner):
		e.set("partnership.lead_partner", q.Partnership.LeadPartner, l.NewLead)
	}
	var duties [][2]string
	if remaining(q, l.Partner) >= 2 { // else the check of the file says the partnership ends
		duties = q.Duties(l.Partner)
	}
	var dutyPaths []string
	for _, d := range duties {
		dutyPaths = append(dutyPaths, d[0])
	}
	handedOn := false
	switch {
	case len(duties) > 0 && l.ReassignTo == "":
		e.problem(FieldPartner, "", "%s still %s (%s): name the partner that takes this work over with %v, or give it to others in the file first",
			string(p.Name), dutyWords(duties), strings.Join(dutyPaths, ", "), FieldReassignTo)
	case l.ReassignTo == "":
	case len(duties) == 0:
		if e.stays(FieldReassignTo, l.ReassignTo, l.Partner) {
			e.problem(FieldReassignTo, "", "%v: %s has no objectives, activities, budget or code of practice to hand over", FieldReassignTo, string(p.Name))
		}
	case e.stays(FieldReassignTo, l.ReassignTo, l.Partner):
		handedOn = true
		for _, d := range duties {
			e.set(d[0], l.Partner, l.ReassignTo)
		}
		// The role that monitors the code is the leaver's; the partner
		// taking over monitors it through its own partnership lead.
		if m := q.CodeOfPractice.Monitor; m.Partner == l.Partner {
			role := string(q.Partner(l.ReassignTo).Lead.Role)
			e.set("code_of_practice.monitor.role", string(m.Role), role)
			e.res.Notes = append(e.res.Notes, note("the %s at %s now monitors the code of practice; to name another role, edit code_of_practice.monitor.role.",
				role, string(q.Partner(l.ReassignTo).Name)))
		}
	}
	if !handedOn {
		for _, path := range dutyPaths { // the problem above says it
			e.covered[path] = true
		}
	}
	// Money cannot be handed on: the file must say first how the
	// partnership is funded without it.
	if paths := onlyMoney(q, l.Partner); len(paths) > 0 && remaining(q, l.Partner) >= 2 {
		e.problem(FieldPartner, "", "%s is the only partner that gives money (%s), which the documents leave out once it leaves, yet finance.money_changes_hands is true: set it to false, or give a partner that stays a contribution with an amount, in the file first",
			string(p.Name), strings.Join(paths, ", "))
	}
	// Notice shorter than the agreement's needs the others' agreement,
	// which the notice of withdrawal then carries.
	leaving := *p
	leaving.Left, leaving.NoticeGiven = effective, given
	ends, short := q.NoticeEnds(leaving), q.ShortNotice(leaving)
	switch {
	case short && !l.ShortNotice:
		e.problem(FieldEffective, "", "%s is less than the notice period (%s) after notice was given on %s, so the withdrawal cannot take effect before %s unless the other partners agree: give %v %s or later, or %v if they agree to the shorter notice (the notice of withdrawal then says so, and they sign it)",
			effective, q.Dissolution.NoticePeriod, given, ends, FieldEffective, ends.ISO(), FieldShortNotice)
	case !short && l.ShortNotice:
		e.problem(FieldShortNotice, "", "%v is for notice shorter than the agreement's notice period, and this is not%s", FieldShortNotice, noticeWords(ends))
	case short:
		e.res.Notes = append(e.res.Notes, note("the notice is shorter than the agreement's (%s, which would end on %s): the notice of withdrawal says so, and every other partner signs it to agree.",
			q.Dissolution.NoticePeriod, ends))
	case !given.IsZero() && !q.Dissolution.NoticePeriod.IsZero() && effective.Before(q.NoticeRunsOut(given)):
		// The partnership's own notice clause: mou cannot read it.
		e.res.Notes = append(e.res.Notes, note("%s is less than %s after notice was given on %s: check the notice clause, and have the other partners agree to shorter notice if it needs it.",
			effective, q.Dissolution.NoticePeriod, given))
	}
	if l.NewLead != "" || len(duties) > 0 {
		e.res.Notes = append(e.res.Notes, note("a new lead partner or new owners change the signed agreement, so the partners who remain sign version %d.", q.Version+1))
	}
	e.set(base+".left", "", effective.ISO())
	if !given.IsZero() {
		e.set(base+".notice_given", "", given.ISO())
	}
	left := leftEntry{Name: string(p.Name), Given: given, Short: short}
	if l.NewLead != "" && q.Partner(l.NewLead) != nil {
		left.NewLead = string(q.Partner(l.NewLead).Name)
	}
	if len(duties) > 0 && q.Partner(l.ReassignTo) != nil {
		left.ReassignTo = string(q.Partner(l.ReassignTo).Name)
	}
	entry := e.newVersion(effective, e.say("left", left), l.Reason, l.From)
	if l.From != "" && q.Partner(l.From) == nil {
		e.problem(FieldFrom, entry+".from", "no partner has the id %q (the ids are %s)", l.From, partnerIDs(q))
	}
	// An activity between partners means little with one of them left.
	for j, a := range q.Activities {
		if slices.Contains(a.Partners, l.Partner) && len(a.Partners) == 2 {
			e.res.Notes = append(e.res.Notes, note("activities[%d] (%s) is left with one partner: reword it, or add a partner to it.", j, string(a.Title)))
		}
	}
	// Answers in the partners' own words may still give the leaver work
	// ("Millbrook administers the shared drive"); only a person can
	// reword them.
	if paths := q.Mentions(namesFor(q, p)...); len(paths) > 0 {
		e.res.Notes = append(e.res.Notes, note("these answers still name %s; reword any that give it work after it leaves: %s.",
			string(p.Name), strings.Join(paths, ", ")))
	}
	return e.finish(l.DryRun)
}

// noticeWords says what is known of the notice: ": it runs until 31 July
// 2027", or, when the agreement sets no notice period mou can read, why.
func noticeWords(ends questionnaire.Date) string {
	if ends.IsZero() {
		return " (or the agreement sets no notice period of mou's wording to compare it with)"
	}
	return ": it runs until " + ends.String()
}

// stays reports whether id, given by field, is a partner staying on
// after the partner leaving leaves, and notes the problem if not.
func (e *edit) stays(field Field, id, leaving string) bool {
	p := e.q.Partner(id)
	switch {
	case p == nil:
		e.problem(field, "", "no partner has the id %q (the ids are %s)", id, partnerIDs(e.q))
	case id == leaving:
		e.problem(field, "", "%v must be another partner", field)
	case !p.Left.IsZero():
		e.problem(field, "", "%v: %s left on %s", field, string(p.Name), p.Left)
	default:
		return true
	}
	return false
}

// dutyWords says in words what a partner's duties are: "owns an
// objective, leads 2 activities and holds the budget".
func dutyWords(duties [][2]string) string {
	plural := map[string]string{"owns an objective": "owns %d objectives", "leads an activity": "leads %d activities"}
	var kinds []string
	count := map[string]int{}
	for _, d := range duties {
		if count[d[1]]++; count[d[1]] == 1 {
			kinds = append(kinds, d[1])
		}
	}
	for i, k := range kinds {
		if n := count[k]; n > 1 && plural[k] != "" {
			kinds[i] = fmt.Sprintf(plural[k], n)
		}
	}
	return words(kinds)
}

// remaining counts the partners that stay when the one with the given id
// leaves.
func remaining(q *questionnaire.Questionnaire, leaving string) int {
	n := 0
	for _, p := range q.Current().Partners {
		if p.ID != leaving {
			n++
		}
	}
	return n
}

// onlyMoney lists the paths of the amounts the partner with the given id
// contributes, when money changes hands and no other partner that stays
// contributes any: once it leaves, no contribution the documents print
// gives an amount.
func onlyMoney(q *questionnaire.Questionnaire, leaving string) []string {
	if !q.Finance.MoneyChangesHands {
		return nil
	}
	var paths []string
	current := q.Current()
	for i, c := range q.Finance.Contributions {
		if c.Amount.IsZero() {
			continue
		}
		if c.Partner != leaving && current.Partner(c.Partner) != nil {
			return nil
		}
		if c.Partner == leaving {
			paths = append(paths, "finance.contributions["+strconv.Itoa(i)+"].amount")
		}
	}
	return paths
}

// namesFor is how answers may name partner p: its name, its short name,
// and the first word of its name ("Millbrook" of "Millbrook Academy")
// when that word is long enough to mean something and no other partner's
// name has it.
func namesFor(q *questionnaire.Questionnaire, p *questionnaire.Partner) []string {
	names := []string{string(p.Name), string(p.ShortName)}
	first, _, _ := strings.Cut(string(p.Name), " ")
	if utf8.RuneCountInString(first) < 4 {
		return names
	}
	for _, o := range q.Partners {
		if o.ID != p.ID && strings.Contains(string(o.Name), first) {
			return names
		}
	}
	return append(names, first)
}
