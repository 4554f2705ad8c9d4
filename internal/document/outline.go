package document

import (
	"strings"

	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/internal/mdtext"
)

// Outline is what a document holds as it was written: its numbered
// sections and clauses, with the ids of the standard ones, and its
// schedules. It is recorded by the view as the template places each
// section and clause, so it is never a second list of what the templates
// say.
type Outline struct {
	Sections  []OutlineSection
	Schedules []Schedule
	// ids is false for an edition of the wording whose sections and
	// clauses have no ids (2026.1), which writes every standard clause it
	// has.
	ids bool
	// numbers holds the number of each clause, section and schedule
	// written with an id, standard or the partnership's own, for
	// cross-references: "7.2", "7", "Schedule 3".
	numbers map[string]string
}

// OutlineSection is one numbered section.
type OutlineSection struct {
	ID      string // the standard section's id; "" for the partnership's own
	Number  int
	Title   string // as printed, unescaped
	Clauses []OutlineClause
}

// OutlineClause is one numbered clause.
type OutlineClause struct {
	ID     string // the standard clause's id; "" for the partnership's own
	Number string // "4.2"
}

// Schedule is one schedule of the document.
type Schedule struct {
	Label string // "Schedule 1", "Annex A"
	Title string
}

// Number is what a cross-reference to id prints: "9.3", or a schedule's
// whole label, "Schedule 1", from edition 2026.3; "" if the document
// does not print id.
func (o Outline) Number(id string) string { return o.numbers[id] }

// Has reports whether the document holds the standard section or clause
// with the given id. An edition without ids has no way to leave a clause
// out, so there it holds every one it has.
func (o Outline) Has(id string) bool {
	if !o.ids {
		return len(o.Sections) > 0
	}
	for _, s := range o.Sections {
		if s.ID == id {
			return true
		}
		for _, c := range s.Clauses {
			if c.ID == id {
				return true
			}
		}
	}
	return false
}

// Schedule returns the schedule with the given label, or nil.
func (o Outline) Schedule(label string) *Schedule {
	for i := range o.Schedules {
		if o.Schedules[i].Label == label {
			return &o.Schedules[i]
		}
	}
	return nil
}

// section notes a section started, as Section numbers it.
func (o *Outline) section(n int, title any) {
	t := ""
	switch x := title.(type) {
	case mdtext.Text:
		t = string(x)
	case string:
		t = x
	}
	o.Sections = append(o.Sections, OutlineSection{Number: n, Title: t})
}

// clause notes a clause numbered, as Clause numbers it.
func (o *Outline) clause(number string) {
	if len(o.Sections) == 0 {
		o.section(0, "")
	}
	s := &o.Sections[len(o.Sections)-1]
	s.Clauses = append(s.Clauses, OutlineClause{Number: number})
}

// number notes that the clause, section or schedule id is written with
// the given number or label.
func (o *Outline) number(id, number string) {
	if o.numbers == nil {
		o.numbers = map[string]string{}
	}
	o.numbers[id] = number
}

// nameSection gives the section just started its standard id, and
// nameClause the clause just numbered.
func (o *Outline) nameSection(id string) {
	o.ids = true
	if len(o.Sections) > 0 {
		o.Sections[len(o.Sections)-1].ID = id
	}
}

func (o *Outline) nameClause(id string) {
	o.ids = true
	if n := len(o.Sections); n > 0 {
		if c := o.Sections[n-1].Clauses; len(c) > 0 {
			c[len(c)-1].ID = id
		}
	}
}

// schedules notes the schedules of the Markdown written: the headings
// "## Schedule 1: Key contacts", "## Annex A: Charges", as pack labels a
// schedule. A plain scan: a multi-line regular expression over the whole
// document costs a fifth of writing it.
func (o *Outline) schedules(md []byte, pack *locale.Pack) {
	heading := headingsOf(pack).schedule
	for _, line := range headingLines(md) {
		if m := heading.FindSubmatch(line[len("## "):]); m != nil {
			o.Schedules = append(o.Schedules, Schedule{Label: string(m[1]), Title: unescape(string(m[2]))})
		}
	}
}

// unescape undoes mdtext.Escape's backslashes before punctuation.
func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", rune(s[i+1])) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
