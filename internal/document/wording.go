package document

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/partnership-tools/mou/internal/mdtext"
	"github.com/partnership-tools/mou/internal/questionnaire"
)

// The methods here serve the editions of the wording that give every
// standard clause an id (2026.2 on). A clause's standard text is the
// template "clause:ID"; a section's id is given where it starts.

// Std writes the standard clause id as the next numbered clause,
// "\n\n**4.2** text", followed by the partnership's own clauses put after
// it; the partnership's text replaces the standard one where it chose.
// A clause left out writes nothing and takes no number. Each clause
// written is marked with its id (see mark).
func (v *View) Std(id string) (string, error) {
	if v.reached == nil {
		v.reached = map[string]bool{}
	}
	v.reached[id] = true
	if !v.Keep(id) {
		return v.inserted(id), nil
	}
	if own, ok := v.Wording.Replace[id]; ok {
		text := v.own(id, "", own)
		v.outline.nameClause(id)
		return "\n\n" + text + v.inserted(id), nil
	}
	body, err := v.exec("clause:"+id, v)
	if err != nil {
		return "", err
	}
	number := v.Clause()
	v.outline.nameClause(id)
	return "\n\n" + v.mark(id, number) + "**" + number + "** " + strings.TrimSpace(body) + v.inserted(id), nil
}

// Own writes a clause of the partnership's own as the next numbered
// clause, "**4.3 Title.** text", its text in the Markdown subset of
// mdtext.Text.Blocks. A text that starts with a list or a table starts
// on the line after the number (validation refuses that from edition
// 2026.3, where the clause has no title). From 2026.3 a number the text
// starts with is left out, since the clause has mou's, and its own
// sub-clause numbers print in bold as mou's do.
func (v *View) Own(title, text mdtext.Text) string { return v.own("", title, text) }

// own is Own for a clause with an id ("" for none).
func (v *View) own(id string, title, text mdtext.Text) string {
	number := v.Clause()
	head := v.mark(id, number) + "**" + number
	if !title.IsZero() {
		head += " " + title.String() + "."
	}
	head += "**"
	body := text.Blocks()
	if v.OwnWords() {
		_, text = text.OwnNumber()
		body = text.ClauseBlocks()
	}
	if mdtext.StartsWithParagraph(body) {
		return head + " " + body
	}
	return head + "\n\n" + body
}

// OwnSection writes the partnership's own clause i (under clauses) as a
// section of its own: its title as the heading, its text as the one
// clause.
func (v *View) OwnSection(i int) string {
	c := v.Clauses[i]
	inserted := v.flushSections()
	h := v.heading(c.Title)
	return inserted + v.mark(questionnaire.OwnID("clauses", i, c.ID), strconv.Itoa(v.section)) + h + "\n\n" + v.Own("", c.Text)
}

// Protocol writes protocol i of the code of practice as the next clause.
func (v *View) Protocol(i int) string {
	p := v.CodeOfPractice.Protocols[i]
	return v.own(questionnaire.OwnID("protocols", i, p.ID), p.Title, p.Text)
}

// ScheduleMark marks the heading of the partnership's own schedule i,
// numbered number, with its id.
func (v *View) ScheduleMark(i, number int) string {
	return v.mark(questionnaire.OwnID("schedules", i, v.Schedules[i].ID), strconv.Itoa(number))
}

// mark records that the clause, section or schedule id is numbered
// number and returns the hint that gives the block after it its id, on a
// line of its own with a blank line after it; "" for no id. The agreement
// reference is taken without these hints (see StripHints), so marking a
// clause never changes it.
func (v *View) mark(id, number string) string {
	if id == "" {
		return ""
	}
	v.outline.number(id, number)
	return "<!-- mou:id " + id + " -->\n\n"
}

// Keep reports whether the clause or section id is in the document. A
// section left out still counts as passed, so that what the partnership
// put after it appears.
func (v *View) Keep(id string) bool {
	if v.Omitted(id) {
		if questionnaire.IsSection(id) {
			v.passed = append(v.passed, id)
		}
		return false
	}
	return true
}

// Omitted reports whether the clause or section id, or the section the
// clause is in, is left out; wording that refers to it asks.
func (v *View) Omitted(id string) bool { return v.Wording.Omitted(id) }

// Sec starts the section id, titled title, as Section does, or by the
// heading the partnership renamed it to; its heading is marked with the
// id.
func (v *View) Sec(id string, title any) string {
	if own, ok := v.Wording.Headings[id]; ok {
		title = own
	}
	inserted := v.flushSections()
	h := v.heading(title)
	v.outline.nameSection(id)
	v.passed = []string{id}
	return inserted + v.mark(id, strconv.Itoa(v.section)) + h
}

// flushSections writes, before the next section starts, what the
// partnership put in the sections just passed that has not been written:
// its text for a standard clause, or its own clause after one, where this
// partnership's answers leave that standard clause out (a clause for
// attendance at meetings, say, with no attendance answer). Then come its
// own sections put after them.
func (v *View) flushSections() string {
	var b strings.Builder
	passed := v.passed
	v.passed = nil
	for _, prev := range passed {
		if v.Omitted(prev) {
			continue
		}
		unreached := func(id string) bool {
			return strings.HasPrefix(id, prev+".") && !v.reached[id] && !v.Omitted(id)
		}
		for _, id := range slices.Sorted(maps.Keys(v.Wording.Replace)) {
			if unreached(id) {
				b.WriteString(v.own(id, "", v.Wording.Replace[id]) + "\n\n")
				v.outline.nameClause(id)
			}
		}
		for i, in := range v.Wording.Insert {
			if unreached(in.After) {
				b.WriteString(v.own(questionnaire.OwnID("insert", i, in.ID), in.Title, in.Text) + "\n\n")
			}
		}
	}
	for _, prev := range passed {
		b.WriteString(v.insertedSections(prev))
	}
	return b.String()
}

// inserted writes the partnership's own clauses put after clause id.
func (v *View) inserted(id string) string {
	var b strings.Builder
	for i, in := range v.Wording.Insert {
		if in.After != id || questionnaire.IsSection(id) {
			continue
		}
		b.WriteString("\n\n" + v.own(questionnaire.OwnID("insert", i, in.ID), in.Title, in.Text))
	}
	return b.String()
}

// insertedSections writes the sections of the partnership's own put
// after section id, each a heading and one numbered clause.
func (v *View) insertedSections(id string) string {
	var b strings.Builder
	for i, in := range v.Wording.Insert {
		if in.After == id {
			h := v.heading(in.Title)
			b.WriteString(v.mark(questionnaire.OwnID("insert", i, in.ID), strconv.Itoa(v.section)) + h + "\n\n" + v.Own("", in.Text) + "\n\n")
		}
	}
	return b.String()
}

// Binding reports whether the agreement is legally binding.
func (v *View) Binding() bool { return v.Wording.Binding() }

// Wales reports whether the partnership follows Welsh statutory guidance.
func (v *View) Wales() bool { return v.Wording.Nation == "wales" }

// Pupils is what the text calls the children and young people taught:
// "pupils", or "learners" in Wales, as its statutory guidance does.
func (v *View) Pupils() string { return v.pack.Word("pupils", v.nation()) }

// Pupil is the singular of Pupils.
func (v *View) Pupil() string { return v.pack.Word("pupil", v.nation()) }

// nation is the nation whose statutory guidance the text follows.
func (v *View) nation() string {
	if v.Wales() {
		return "wales"
	}
	return "england"
}

// This names the MOU in its own text: "this memorandum", or "this
// agreement" under another title. From edition 2026.3 a title that makes
// it an agreement makes that a defined term, "this Agreement".
func (v *View) This() string {
	switch {
	case v.memorandum():
		return v.pack.ThisMemorandum
	case v.IsAgreement():
		return v.pack.ThisDefinedAgreement
	}
	return v.pack.ThisAgreement
}

// MOUTitle is the title of the MOU as a sentence names it, for the code
// of practice to refer to it: "memorandum of understanding" (see
// inText), escaped.
func (v *View) MOUTitle() string { return mdtext.Escape(inText(v.Questionnaire, MOU, v.pack)) }

// CodeTitle is the title of the code of practice as a sentence names it:
// "code of practice" or "code of conduct" (see inText), escaped.
func (v *View) CodeTitle() string {
	return mdtext.Escape(inText(v.Questionnaire, CodeOfPractice, v.pack))
}

// KindsFor lists the documents q asks for, in the order they are written.
func KindsFor(q *questionnaire.Questionnaire) []Kind {
	var out []Kind
	for _, k := range Kinds {
		if q.Writes(k.Name) {
			out = append(out, k)
		}
	}
	return out
}
