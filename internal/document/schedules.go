package document

import (
	"bytes"
	"iter"
	"regexp"
	"strings"
	"sync"

	"github.com/partnership-tools/mou/internal/locale"
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
// labels. The words of each label are the locale pack's.

// scheduleLabels are the labels of q's MOU's schedules.
type scheduleLabels struct {
	own              []string // the partnership's own, in order
	contacts, record string   // the key contacts and the amendment record
}

func labelsOf(q *questionnaire.Questionnaire, pack *locale.Pack) scheduleLabels {
	var l scheduleLabels
	if !q.OwnWords() {
		for i := range q.Schedules {
			l.own = append(l.own, pack.ScheduleName(i+3))
		}
		l.contacts, l.record = pack.ScheduleName(1), pack.ScheduleName(2)
		return l
	}
	style := q.Wording.ScheduleNumbering
	for i := range q.Schedules {
		l.own = append(l.own, pack.ScheduleLabel(style, i))
	}
	n := len(q.Schedules)
	l.contacts, l.record = pack.ScheduleLabel(style, n), pack.ScheduleLabel(style, n+1)
	return l
}

// ScheduleLabels lists the labels of q's MOU's schedules with their
// titles, in the order the MOU prints them: "Schedule 1: Service
// specification", …, "Schedule 3: Key contacts", for the person at the
// keyboard.
func ScheduleLabels(q *questionnaire.Questionnaire) [][2]string {
	l := labelsOf(q, locale.Get(locale.Default))
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

// OwnSchedule is one of the partnership's own schedules as the MOU
// prints it.
type OwnSchedule struct {
	// Mark is the hint that gives the schedule's heading its id (see
	// View.mark), to print just before it.
	Mark  string
	Label string // "Schedule 1", "Annex A"
	Title mdtext.Text
	Text  mdtext.Text
}

// OwnSchedules are the partnership's own schedules, labelled and marked
// with their ids: a cross-reference to one prints its label.
func (v *View) OwnSchedules() []OwnSchedule {
	labels := labelsOf(v.Questionnaire, v.pack).own
	out := make([]OwnSchedule, len(v.Schedules))
	for i, s := range v.Schedules {
		mark := v.mark(questionnaire.OwnID("schedules", i, s.ID), labels[i])
		out[i] = OwnSchedule{Mark: mark, Label: labels[i], Title: s.Title, Text: s.Text}
	}
	return out
}

// ContactsSchedule is the label of the schedule of key contacts:
// "Schedule 1", or after three schedules of the partnership's own,
// "Schedule 4".
func (v *View) ContactsSchedule() string { return labelsOf(v.Questionnaire, v.pack).contacts }

// RecordSchedule is the label of the amendment record: "Schedule 2".
func (v *View) RecordSchedule() string { return labelsOf(v.Questionnaire, v.pack).record }

// ScheduleWord is what the MOU calls a schedule in a sentence, "this
// schedule": "schedule", "annex" or "appendix".
func (v *View) ScheduleWord() string {
	style := v.Wording.ScheduleNumbering
	if style == "" {
		style = standardNumbering
	}
	return v.pack.Word("schedule_word", style)
}

// standardNumbering is the wording.schedule_numbering of a file that
// gives none.
const standardNumbering = "Schedule 1"

// headingPatterns are the expressions that find the headings of a
// document in the words of one pack, made once for each pack.
type headingPatterns struct {
	// label matches a schedule's label, "Schedule 3" or "Annex A", in
	// any of its styles.
	label string
	// schedule matches a line that is a schedule's heading, without its
	// "## ": the label and the title.
	schedule *regexp.Regexp
	// section matches a line that is a numbered section's heading, "## 4.
	// Aims", or a schedule's, "## Annex A: Charges": the heading.
	section *regexp.Regexp
}

var packHeadings sync.Map // *locale.Pack -> *headingPatterns

func headingsOf(pack *locale.Pack) *headingPatterns {
	if h, ok := packHeadings.Load(pack); ok {
		return h.(*headingPatterns)
	}
	var alts []string
	for _, p := range pack.SchedulePatterns() {
		p = regexp.QuoteMeta(p)
		p = strings.ReplaceAll(p, regexp.QuoteMeta("{n}"), `[0-9]+`)
		p = strings.ReplaceAll(p, regexp.QuoteMeta("{letter}"), `[A-Z]+`)
		alts = append(alts, p)
	}
	label := `(?:` + strings.Join(alts, "|") + `)`
	h := &headingPatterns{
		label:    label,
		schedule: regexp.MustCompile(`^(` + label + `): (.*)$`),
		section:  regexp.MustCompile(`^## (\d+\. .*|` + label + `: .*)$`),
	}
	packHeadings.Store(pack, h)
	return h
}

// scheduleLabel matches a schedule's label as pack words it, "Schedule
// 3" or "Annex A", in any of its styles.
func scheduleLabel(pack *locale.Pack) string { return headingsOf(pack).label }

// headingLines yields each line of md that starts "## ", with where it
// starts: only such a line can be a section's or a schedule's heading,
// and an expression tried on the whole text would try every place in it,
// a third of a millisecond for a memorandum.
func headingLines(md []byte) iter.Seq2[int, []byte] {
	return func(yield func(int, []byte) bool) {
		for at := 0; at < len(md); {
			line := md[at:]
			if n := bytes.IndexByte(line, '\n'); n >= 0 {
				line = line[:n]
			}
			if bytes.HasPrefix(line, []byte("## ")) && !yield(at, line) {
				return
			}
			at += len(line) + 1
		}
	}
}
