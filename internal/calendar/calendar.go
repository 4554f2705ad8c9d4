// Package calendar turns a questionnaire's dates into an iCalendar file
// (RFC 5545) that partners can import into their own calendars: review
// meetings, objectives' due dates, the end of the term and the last day
// to give notice of dissolution.
//
// The same questionnaire always gives the same bytes: DTSTAMP comes from
// the questionnaire's date, never the clock (see Marshal), and each event's UID comes
// from the partnership and the event's place in the questionnaire, so
// importing a regenerated file updates events instead of adding copies.
// The partnership is known by partnership.id and an objective by its id
// when they are given, so renaming the one or rewording the other keeps
// the UIDs; without ids, the name and the objective's words are used.
package calendar

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/partnership-tools/mou/internal/agreement"
	"github.com/partnership-tools/mou/internal/questionnaire"
)

// ProdID names the program that wrote the calendar.
const ProdID = "-//mou//Partnership calendar//EN"

// AlarmDays is how many days before a review meeting its reminder shows.
const AlarmDays = 7

// NoticeAlarmDays is how many days before the last day to give notice
// its first reminder shows; a second shows on the day, at 9am. It is the
// costliest date in the calendar to miss, so it has two reminders.
const NoticeAlarmDays = 14

// Kind is what an event marks. Events on the same day sort in this order.
type Kind int

const (
	Review    Kind = iota // a review meeting from monitoring.review_dates
	Objective             // an objective's due date
	Notice                // the last day to give notice of dissolution
	End                   // the last day of the partnership
)

var kindNames = [...]string{"review", "objective", "notice", "end"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind" + strconv.Itoa(int(k))
}

// Event is one all-day event.
type Event struct {
	Kind        Kind
	Index       int // position in review_dates or objectives; 0 otherwise
	Date        questionnaire.Date
	UID         string
	Summary     string
	Description string
	Alarms      []Alarm
}

// Alarm is a reminder shown before or on an event's day.
type Alarm struct {
	// Trigger is when it shows, as an RFC 5545 duration from the start
	// of the event's day: "-P7D" a week before, "PT9H" at 9am on the day.
	Trigger     string
	Description string
}

// Events returns the events of the dates the version v's agreement sets
// (see agreement.Dates), sorted by date and then by kind, in the words
// of v's templates (calendar.txt.tmpl) and language.
func Events(v *agreement.Version) ([]Event, error) {
	q := v.File
	name := oneLine(string(q.Partnership.Name))
	partnership := identity(q)
	w := sayer{v: v}
	var events []Event
	add := func(e Event) {
		key := strconv.Itoa(e.Index)
		if e.Kind == Objective {
			// An objective is known by its id, or else by its words, so
			// adding or removing another does not move it to a different
			// event; with an id, rewording it does not either.
			key = string(q.Objectives[e.Index].Objective)
			if id := q.Objectives[e.Index].ID; id != "" {
				key = idKey(id)
			}
		}
		e.UID = uid(partnership, e.Kind, key)
		events = append(events, e)
	}
	end := v.Dates.End
	for i, d := range v.Dates.Reviews {
		summary := w.say("review-summary", named{name})
		add(Event{
			Kind:        Review,
			Index:       i,
			Date:        d,
			Summary:     summary,
			Description: w.say("review", reviewOf(q, v.Dates, i)),
			Alarms:      []Alarm{w.reminder(AlarmDays, summary)},
		})
	}
	for _, i := range v.Dates.Objectives {
		o := q.Objectives[i]
		if o.By.IsZero() {
			continue
		}
		add(Event{
			Kind:        Objective,
			Index:       i,
			Date:        o.By,
			Summary:     w.say("objective-summary", objectiveOf(q, o)),
			Description: w.say("objective", objectiveOf(q, o)),
		})
	}
	if !end.IsZero() {
		if !v.Dates.NoticeBy.IsZero() {
			summary := w.say("notice-summary", named{name})
			add(Event{
				Kind:    Notice,
				Date:    v.Dates.NoticeBy,
				Summary: summary,
				Alarms:  []Alarm{w.reminder(NoticeAlarmDays, summary), w.reminder(0, summary)},
				Description: w.say("notice", struct {
					Name   string
					Notice questionnaire.Period
					End    questionnaire.Date
				}{name, v.Dates.Notice, end}),
			})
		}
		add(Event{
			Kind:    End,
			Date:    end,
			Summary: w.say("end-summary", named{name}),
			Description: w.say("end", struct {
				Name       string
				Start, End questionnaire.Date
			}{name, q.Partnership.Start, q.End()}),
		})
	}
	slices.SortStableFunc(events, func(a, b Event) int {
		if c := a.Date.Time().Compare(b.Date.Time()); c != 0 {
			return c
		}
		return cmp.Compare(a.Kind, b.Kind)
	})
	return events, w.err
}

// identity tells one partnership from another, whatever their names:
// its id (or, without one, its name), its start and its founding
// partners' ids. With an id, renaming the partnership keeps every UID.
// A partner that joins later is left out, so that the version it joins
// in updates the events a calendar app holds instead of adding copies;
// one that leaves stays in the file, and so in the identity.
func identity(q *questionnaire.Questionnaire) string {
	var ids []string
	for _, p := range q.Partners {
		if p.Joined.IsZero() {
			ids = append(ids, p.ID)
		}
	}
	slices.Sort(ids)
	name := string(q.Partnership.Name)
	if q.Partnership.ID != "" {
		name = idKey(q.Partnership.ID)
	}
	return name + "\x00" + q.Partnership.Start.ISO() + "\x00" + strings.Join(ids, ",")
}

// idKey returns what an id is known by in a UID's hash. The control
// character before it is one no text answer may hold, so an id never
// matches a name or an objective's words written the same way.
func idKey(id string) string { return "\x01" + id }

// uid returns a stable UID for an event: a hash of the partnership's
// identity, the event's kind and key (a review's place in the list, an
// objective's id or words), so that neither a new date nor a new lead changes it.
func uid(partnership string, k Kind, key string) string {
	sum := sha256.Sum256([]byte(partnership + "\x00" + k.String() + "\x00" + key))
	return hex.EncodeToString(sum[:16]) + "@mou"
}

// ErrNoEvents is returned by Marshal for a partnership with no dated
// event: a calendar must hold at least one (RFC 5545, section 3.6).
var ErrNoEvents = errors.New("the partnership has no dated event (a review date, an objective's due date, an end) to put in a calendar")

// Marshal returns the version v's calendar as an iCalendar stream, or
// ErrNoEvents. earlier is the calendar written before for the same
// partnership, or nil.
//
// Each event's SEQUENCE is the version's (version 1 gives 0) and its
// DTSTAMP the questionnaire's date, so a new version updates every event.
// Where earlier holds an event (by its UID) with another date or other
// words, as when a date moved without a new version, its SEQUENCE is one
// more than earlier's and its DTSTAMP a second later; where earlier holds
// it unchanged, neither is less than earlier's. A calendar program that
// imported the earlier file then takes every change.
func Marshal(v *agreement.Version, earlier []byte) ([]byte, error) {
	q := v.File
	events, err := Events(v)
	if err != nil {
		return nil, err
	}
	if len(events) == 0 {
		return nil, ErrNoEvents
	}
	stamp := q.Date
	if stamp.IsZero() {
		stamp = q.Partnership.Start
	}
	version := stamped{sequence: max(q.Version-1, 0), at: stamp.Time()}
	before := readEvents(earlier)

	var w writer
	w.line("BEGIN", "VCALENDAR")
	w.line("VERSION", "2.0")
	w.text("PRODID", ProdID)
	w.line("CALSCALE", "GREGORIAN")
	w.line("METHOD", "PUBLISH")
	w.text("X-WR-CALNAME", oneLine(string(q.Partnership.Name)))
	for _, e := range events {
		dates, rest := eventLines(e)
		st := version.after(before[e.UID], strings.Join(append(dates, rest...), "\n"))
		w.line("BEGIN", "VEVENT")
		w.text("UID", e.UID)
		w.line("DTSTAMP", st.at.Format(stampLayout))
		w.add(dates...)
		w.line("SEQUENCE", strconv.Itoa(st.sequence))
		w.add(rest...)
		w.line("END", "VEVENT")
	}
	w.line("END", "VCALENDAR")
	return w.bytes(), nil
}

// eventLines returns an event's content lines but its UID, DTSTAMP and
// SEQUENCE, unfolded: its dates, then the rest.
func eventLines(e Event) (dates, rest []string) {
	dates = []string{"DTSTART;VALUE=DATE:" + dateValue(e.Date), "DTEND;VALUE=DATE:" + dateValue(e.Date.AddDays(1))}
	rest = []string{"SUMMARY:" + escapeText(e.Summary), "DESCRIPTION:" + escapeText(e.Description), "TRANSP:TRANSPARENT"}
	for _, a := range e.Alarms {
		rest = append(rest, "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:"+a.Trigger, "DESCRIPTION:"+escapeText(a.Description), "END:VALARM")
	}
	return dates, rest
}

// stampLayout is how a DTSTAMP is written: a time in UTC.
const stampLayout = "20060102T150405Z"

// stamped is an event's SEQUENCE and DTSTAMP, and what else it said.
type stamped struct {
	sequence int
	at       time.Time
	lines    string
}

// after is s, the version's stamp, for an event saying lines, made later
// than prev, the same event in an earlier calendar (zero if none), when it
// said something else, and no earlier when it said the same.
func (s stamped) after(prev stamped, lines string) stamped {
	if prev.at.IsZero() {
		return s
	}
	if prev.lines != lines {
		prev.sequence++
		prev.at = prev.at.Add(time.Second)
	}
	s.sequence = max(s.sequence, prev.sequence)
	if prev.at.After(s.at) {
		s.at = prev.at
	}
	return s
}

func dateValue(d questionnaire.Date) string { return d.Time().Format("20060102") }
