package calendar

import (
	"strconv"

	"github.com/partnership-tools/mou/internal/agreement"
	"github.com/partnership-tools/mou/internal/questionnaire"
)

// The calendar's words are the templates' (calendar.txt.tmpl); what is
// here gives them the facts, every answer on one line.

// sayer says the calendar's words of the version v, keeping the first
// error.
type sayer struct {
	v   *agreement.Version
	err error
}

func (s *sayer) say(name string, data any) string {
	if s.err != nil {
		return ""
	}
	out, err := s.v.Say("", name, data)
	s.err = err
	return out
}

// reminder is an alarm days before an event called summary, or at 9am on
// its day for 0.
func (s *sayer) reminder(days int, summary string) Alarm {
	a := Alarm{Trigger: "-P" + strconv.Itoa(days) + "D", Description: s.say("reminder", struct {
		Days    int
		Summary string
	}{days, summary})}
	if days == 0 {
		a.Trigger = "PT9H"
	}
	return a
}

// named is the partnership's name, for an event's summary.
type named struct{ Name string }

// review is what a review meeting's description says.
type review struct {
	Number, Count int
	Body          string // the oversight body
	Objectives    []objective
	LearnerVoice  string
	// Last is set for the last review before the partnership ends on End.
	Last bool
	End  questionnaire.Date
	// Leads are the partnership leads of the partners taking part.
	Leads []lead
}

type lead struct{ Name, Partner string }

func reviewOf(q *questionnaire.Questionnaire, dates agreement.Dates, i int) review {
	r := review{Number: i + 1, Count: len(q.Monitoring.ReviewDates), Body: oneLine(string(q.Governance.OversightBody)),
		LearnerVoice: oneLine(string(q.Monitoring.LearnerVoice)), End: dates.End}
	for _, j := range dates.Objectives {
		r.Objectives = append(r.Objectives, objectiveOf(q, q.Objectives[j]))
	}
	r.Last = i == len(q.Monitoring.ReviewDates)-1 && !dates.End.IsZero()
	for _, p := range q.Partners {
		if p.HasLeft(q.Monitoring.ReviewDates[i]) {
			continue // it no longer takes part in reviews
		}
		r.Leads = append(r.Leads, lead{oneLine(string(p.Lead.Name)), oneLine(string(p.Name))})
	}
	return r
}

// objective is what an objective's event says of it.
type objective struct {
	Objective, Measure, Baseline, Target string
	By                                   questionnaire.Date
	// Partner, Lead and Role are the owner's name, its lead's and the
	// lead's role; OwnerID is the owner's id where no partner has it.
	Partner, Lead, Role, OwnerID string
}

func objectiveOf(q *questionnaire.Questionnaire, o questionnaire.Objective) objective {
	out := objective{Objective: oneLine(string(o.Objective)), Measure: oneLine(string(o.Measure)), Baseline: oneLine(string(o.Baseline)),
		Target: oneLine(string(o.Target)), By: o.By, OwnerID: o.Owner}
	if p := q.Partner(o.Owner); p != nil {
		out.Partner, out.Lead, out.Role = oneLine(string(p.Name)), oneLine(string(p.Lead.Name)), oneLine(string(p.Lead.Role))
	}
	return out
}
