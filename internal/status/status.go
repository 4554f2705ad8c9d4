// Package status says what a partnership has due on a given day: the next
// review, objectives due soon or overdue, the end of its term and the
// last day to give notice of dissolution.
//
// The day is always a parameter, never the clock, so the same
// questionnaire and day give the same report.
package status

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/partnership-tools/mou/internal/agreement"
	"github.com/partnership-tools/mou/internal/questionnaire"
)

// How far ahead the report looks, in days.
const (
	ObjectiveWindow = 60 // objectives due within this many days are listed
	EndWindow       = 90 // the end of the term and the notice deadline
)

// Kind is what an item is about. Items on the same day sort in this order.
type Kind int

const (
	Start      Kind = iota // the partnership has not started yet
	Review                 // the next review
	NoReviews              // every review date has passed
	Objective              // an objective due soon, or overdue
	Notice                 // the last day to give notice of dissolution
	End                    // the end of the term
	Signatures             // partners still to sign the current agreement
	Held                   // the reviews held, and review dates without one
	Acting                 // the end of acting cover in a role
)

// Item is one line of the report.
type Item struct {
	Kind    Kind
	Date    questionnaire.Date
	Overdue bool
	Text    string // one sentence of plain English
}

// Report is what is due on one day.
type Report struct {
	Name  string             // the partnership's name
	Today questionnaire.Date // the day the report is for
	Items []Item             // overdue items first, then by date and kind
}

// Overdue returns how many items are overdue.
func (r *Report) Overdue() int {
	n := 0
	for _, it := range r.Items {
		if it.Overdue {
			n++
		}
	}
	return n
}

// Check reports what the version v has due on today: the dates its
// agreement sets, and, once any signature is recorded, who has yet to
// sign which of its documents.
func Check(v *agreement.Version, today questionnaire.Date) *Report {
	q, dates := v.File, v.Dates
	r := &Report{Name: oneLine(string(q.Partnership.Name)), Today: today}
	add := func(k Kind, d questionnaire.Date, overdue bool, format string, args ...any) {
		r.Items = append(r.Items, Item{Kind: k, Date: d, Overdue: overdue, Text: fmt.Sprintf(format, args...)})
	}
	start, end := dates.Start, dates.End
	ended := !end.IsZero() && today.After(end)

	if today.Before(start) {
		add(Start, start, false, "The partnership starts on %s, %s.", start, when(today, start))
	}

	if !ended {
		reviews := slices.Clone(dates.Reviews)
		slices.SortFunc(reviews, func(a, b questionnaire.Date) int { return a.Time().Compare(b.Time()) })
		if i := slices.IndexFunc(reviews, func(d questionnaire.Date) bool { return !d.Before(today) }); i >= 0 {
			add(Review, reviews[i], false, "Next review: %s, %s.", reviews[i], when(today, reviews[i]))
		} else if len(reviews) > 0 {
			last := reviews[len(reviews)-1]
			runs := "until it is dissolved"
			if !end.IsZero() {
				runs = "until " + end.String()
			}
			add(NoReviews, last, true, "No review dates left: add more. The last was %s, %s, and the partnership runs %s.",
				last, when(today, last), runs)
		}
	}

	for _, i := range dates.Objectives {
		o := q.Objectives[i]
		if o.By.IsZero() || o.Met {
			continue
		}
		what := strings.TrimSuffix(oneLine(string(o.Objective)), ".")
		owner := oneLine(v.Name(o.Owner))
		switch days := daysBetween(today, o.By); {
		case days < 0:
			add(Objective, o.By, true, "Objective overdue since %s, %s: %s. Owner: %s.", o.By, when(today, o.By), what, owner)
		case days <= ObjectiveWindow:
			add(Objective, o.By, false, "Objective due %s: %s. Owner: %s.", on(today, o.By), what, owner)
		}
	}

	if !end.IsZero() {
		if p := dates.Notice; !dates.NoticeBy.IsZero() {
			deadline := dates.NoticeBy
			switch days := daysBetween(today, deadline); {
			case ended:
			case days < 0:
				// Notice given now would take effect only after the end,
				// so no date after the end is reported.
				add(Notice, deadline, false, "The last day to give notice of dissolution (%s) to take effect by the end of the term was %s, %s; the partnership now runs to its end on %s.",
					p, deadline, when(today, deadline), end)
			case days <= EndWindow:
				add(Notice, deadline, false, "Last day to give notice of dissolution (%s) to take effect by the end of the term: %s.",
					p, on(today, deadline))
			}
		}
		switch days := daysBetween(today, end); {
		case days < 0:
			add(End, end, false, "The partnership ended on %s, %s.", end, when(today, end))
		case days <= EndWindow:
			add(End, end, false, "The partnership ends %s: agree whether to renew it with a new version of the %s, or how it ends.", on(today, end), v.Names.Short)
		}
	}

	r.reviews(q, dates.Reviews, today, add)
	if !ended {
		r.acting(q, today, add)
	}

	if len(q.Signatures) > 0 {
		for _, line := range Signing(v) {
			add(Signatures, q.Date, false, "%s", line)
		}
	}

	slices.SortStableFunc(r.Items, func(a, b Item) int {
		if a.Overdue != b.Overdue {
			if a.Overdue {
				return -1
			}
			return 1
		}
		if c := a.Date.Time().Compare(b.Date.Time()); c != 0 {
			return c
		}
		return cmp.Compare(a.Kind, b.Kind)
	})
	return r
}

// Write prints the report as plain English, one item a line.
func (r *Report) Write(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s on %s:\n", r.Name, r.Today)
	for _, it := range r.Items {
		b.WriteString("  " + it.Text + "\n")
	}
	switch n := r.Overdue(); n {
	case 0:
		b.WriteString("Nothing is overdue.\n")
	case 1:
		b.WriteString("1 thing is overdue.\n")
	default:
		fmt.Fprintf(&b, "%d things are overdue.\n", n)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// daysBetween returns how many days from a to b (negative when b is
// earlier).
func daysBetween(a, b questionnaire.Date) int {
	return int((b.Time().Unix() - a.Time().Unix()) / (24 * 60 * 60))
}

// when says how far d is from today: "today", "in 3 days", "1 day ago".
func when(today, d questionnaire.Date) string {
	switch n := daysBetween(today, d); {
	case n == 0:
		return "today"
	case n > 0:
		return "in " + days(n)
	default:
		return days(-n) + " ago"
	}
}

// on names a date and how far it is from today: "today, 8 July 2027" or
// "on 8 July 2027, in 3 days".
func on(today, d questionnaire.Date) string {
	if daysBetween(today, d) == 0 {
		return "today, " + d.String()
	}
	return "on " + d.String() + ", " + when(today, d)
}

func days(n int) string {
	if n == 1 {
		return "1 day"
	}
	return strconv.Itoa(n) + " days"
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
