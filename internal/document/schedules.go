package document

import (
	"strconv"
	"strings"

	"github.com/partnership-tools/mou/internal/mdtext"
	"github.com/partnership-tools/mou/internal/questionnaire"
)

// The MOU's schedules: the partnership's own, which are signed, and
// mou's two, the key contacts and the amendment record, which are
// reissued without signatures. Editions before 2026.3 put mou's first, as
// Schedules 1 and 2, and number the partnership's on from 3. From 2026.3
// the partnership's come first, named and numbered as it chose
// (wording.schedule_numbering: "Annex A" makes them Annex A, Annex B…),
// and mou's two follow them, outside the signed text, with the next two
// labels.

// scheduleLabels are the labels of q's MOU's schedules.
type scheduleLabels struct {
	own              []string // the partnership's own, in order
	contacts, record string   // the key contacts and the amendment record
}

func labelsOf(q *questionnaire.Questionnaire) scheduleLabels {
	var l scheduleLabels
	if !q.OwnWords() {
		for i := range q.Schedules {
			l.own = append(l.own, "Schedule "+strconv.Itoa(i+3))
		}
		l.contacts, l.record = "Schedule 1", "Schedule 2"
		return l
	}
	style := q.Wording.ScheduleNumbering
	if style == "" {
		style = "Schedule 1"
	}
	word, first, _ := strings.Cut(style, " ")
	label := func(i int) string {
		if first == "A" {
			return word + " " + letters(i)
		}
		return word + " " + strconv.Itoa(i+1)
	}
	for i := range q.Schedules {
		l.own = append(l.own, label(i))
	}
	n := len(q.Schedules)
	l.contacts, l.record = label(n), label(n+1)
	return l
}

// ScheduleLabels lists the labels of q's MOU's schedules with their
// titles, in the order the MOU prints them: "Schedule 1: Service
// specification", …, "Schedule 3: Key contacts".
func ScheduleLabels(q *questionnaire.Questionnaire) [][2]string {
	l := labelsOf(q)
	var out [][2]string
	for i, s := range q.Schedules {
		out = append(out, [2]string{l.own[i], string(s.Title)})
	}
	contacts, record := [2]string{l.contacts, "Key contacts"}, [2]string{l.record, "Amendment record"}
	if !q.OwnWords() {
		return append([][2]string{contacts, record}, out...)
	}
	return append(out, contacts, record)
}

// letters numbers i from 0 as A, B, … Z, AA, AB…
func letters(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// OwnSchedule is one of the partnership's own schedules as the MOU
// prints it.
type OwnSchedule struct {
	Label string // "Schedule 1", "Annex A"
	Title mdtext.Text
	Text  mdtext.Text
}

// OwnSchedules are the partnership's own schedules, labelled.
func (v *View) OwnSchedules() []OwnSchedule {
	labels := labelsOf(v.Questionnaire).own
	out := make([]OwnSchedule, len(v.Schedules))
	for i, s := range v.Schedules {
		out[i] = OwnSchedule{Label: labels[i], Title: s.Title, Text: s.Text}
	}
	return out
}

// ContactsSchedule is the label of the schedule of key contacts:
// "Schedule 1", or after three schedules of the partnership's own,
// "Schedule 4".
func (v *View) ContactsSchedule() string { return labelsOf(v.Questionnaire).contacts }

// RecordSchedule is the label of the amendment record: "Schedule 2".
func (v *View) RecordSchedule() string { return labelsOf(v.Questionnaire).record }

// ScheduleWord is what the MOU calls a schedule in a sentence, "this
// schedule": "schedule", "annex" or "appendix".
func (v *View) ScheduleWord() string {
	word, _, _ := strings.Cut(labelsOf(v.Questionnaire).contacts, " ")
	return strings.ToLower(word)
}
