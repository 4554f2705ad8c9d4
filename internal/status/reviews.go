package status

import (
	"slices"

	"github.com/partnership-tools/mou/internal/questionnaire"
)

// HeldWindow is how many days either side of a review date a review
// recorded as held counts for it.
const HeldWindow = 31

// reviews adds how many reviews were held and each past review date the
// agreement sets with none held near it. A partnership that has recorded no review may have
// held them before it used mou: only the dates from its first issue on
// are named then, as with reviews recorded they are from its start.
func (r *Report) reviews(q *questionnaire.Questionnaire, dates []questionnaire.Date, today questionnaire.Date, add func(Kind, questionnaire.Date, bool, string, ...any)) {
	var held []questionnaire.Date
	for _, h := range q.Reviews {
		if !h.Date.After(today) {
			held = append(held, h.Date)
		}
	}
	since := q.Partnership.Start
	if len(q.Reviews) == 0 {
		since = firstIssue(q)
	}
	if len(held) > 0 {
		slices.SortFunc(held, func(a, b questionnaire.Date) int { return a.Time().Compare(b.Time()) })
		last := held[len(held)-1]
		if len(held) == 1 {
			add(Held, last, false, "1 review held, on %s.", last)
		} else {
			add(Held, last, false, "%d reviews held, the last on %s.", len(held), last)
		}
	}
	for _, d := range dates {
		if d.After(today) || daysBetween(d, today) < HeldWindow {
			continue // not due yet, or there is still time to record it
		}
		near := slices.ContainsFunc(held, func(h questionnaire.Date) bool { return abs(daysBetween(d, h)) <= HeldWindow })
		if !near && !d.Before(since) {
			add(Held, d, false, "The review due on %s is not recorded as held: once it has met, record it with mou review.", d)
		}
	}
}

// firstIssue is the date of version 1: from the amendment record, else
// the file's own date for version 1, else the partnership's start.
func firstIssue(q *questionnaire.Questionnaire) questionnaire.Date {
	for _, h := range q.History {
		if h.Version == 1 {
			return h.Date
		}
	}
	if q.Version <= 1 {
		return q.Date
	}
	return q.Partnership.Start
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// acting adds, for each person covering a role, when the cover ends: due
// within EndWindow days, or overdue once it has ended without a handover.
func (r *Report) acting(q *questionnaire.Questionnaire, today questionnaire.Date, add func(Kind, questionnaire.Date, bool, string, ...any)) {
	for _, p := range q.Current().Partners {
		type cover struct {
			role  string
			name  questionnaire.Text
			until questionnaire.Date
		}
		covers := []cover{{"lead", p.Lead.Name, p.Lead.ActingUntil}, {"signatory", p.Signatory.Name, p.Signatory.ActingUntil}}
		if s := p.SafeguardingLead; s != nil {
			covers = append(covers, cover{"safeguarding lead", s.Name, s.ActingUntil})
		}
		for _, c := range covers {
			if c.until.IsZero() {
				continue
			}
			who := oneLine(string(c.name)) + " as " + c.role + " for " + oneLine(string(p.Name))
			switch days := daysBetween(today, c.until); {
			case days < 0:
				add(Acting, c.until, true, "Acting cover by %s ended on %s, %s: record who holds the role now with mou handover.", who, c.until, when(today, c.until))
			case days <= EndWindow:
				add(Acting, c.until, false, "Acting cover by %s ends %s: record who holds the role then with mou handover.", who, on(today, c.until))
			}
		}
	}
}
