package document

import (
	"maps"
	"slices"
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
// A clause left out writes nothing and takes no number.
func (v *View) Std(id string) (string, error) {
	if v.reached == nil {
		v.reached = map[string]bool{}
	}
	v.reached[id] = true
	if !v.Keep(id) {
		return v.inserted(id), nil
	}
	if own, ok := v.Wording.Replace[id]; ok {
		text := v.Own("", own)
		v.outline.nameClause(id)
		return "\n\n" + text + v.inserted(id), nil
	}
	body, err := v.exec("clause:"+id, v)
	if err != nil {
		return "", err
	}
	n := v.Clause()
	v.outline.nameClause(id)
	return "\n\n**" + n + "** " + strings.TrimSpace(body) + v.inserted(id), nil
}

// Own writes a clause of the partnership's own as the next numbered
// clause, "**4.3 Title.** text", its text in the Markdown subset of
// mdtext.Text.Blocks. A text that starts with a list or a table starts
// on the line after the number (validation refuses that from edition
// 2026.3, where the clause has no title). From 2026.3 a number the text
// starts with is left out, since the clause has mou's, and its own
// sub-clause numbers print in bold as mou's do.
func (v *View) Own(title, text mdtext.Text) string {
	head := "**" + v.Clause()
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
// heading the partnership renamed it to.
func (v *View) Sec(id string, title any) string {
	if own, ok := v.Wording.Headings[id]; ok {
		title = own
	}
	h := v.Section(title)
	v.outline.nameSection(id)
	v.passed = []string{id}
	return h
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
				b.WriteString(v.Own("", v.Wording.Replace[id]) + "\n\n")
				v.outline.nameClause(id)
			}
		}
		for _, in := range v.Wording.Insert {
			if unreached(in.After) {
				b.WriteString(v.Own(in.Title, in.Text) + "\n\n")
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
	for _, in := range v.Wording.Insert {
		if in.After != id || questionnaire.IsSection(id) {
			continue
		}
		b.WriteString("\n\n" + v.Own(in.Title, in.Text))
	}
	return b.String()
}

// insertedSections writes the sections of the partnership's own put
// after section id, each a heading and one numbered clause.
func (v *View) insertedSections(id string) string {
	var b strings.Builder
	for _, in := range v.Wording.Insert {
		if in.After == id {
			b.WriteString(v.Section(in.Title) + "\n\n" + v.Own("", in.Text) + "\n\n")
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
func (v *View) Pupils() string {
	if v.Wales() {
		return "learners"
	}
	return "pupils"
}

// Pupil is the singular of Pupils.
func (v *View) Pupil() string { return strings.TrimSuffix(v.Pupils(), "s") }

// This names the MOU in its own text: "this memorandum", or "this
// agreement" under another title. From edition 2026.3 a title that makes
// it an agreement makes that a defined term, "this Agreement".
func (v *View) This() string {
	title := string(v.Wording.Title)
	switch {
	case title == "" || title == "Memorandum of Understanding" || slices.Contains(strings.Fields(strings.ToLower(title)), "memorandum"):
		return "this memorandum"
	case v.IsAgreement():
		return "this Agreement"
	}
	return "this agreement"
}

// MOUTitle is the title of the MOU as a sentence names it, for the code
// of practice to refer to it: "memorandum of understanding" (see
// inText), escaped.
func (v *View) MOUTitle() string {
	return mdtext.Escape(inText(v.Questionnaire, MOU, titleOf(v.Questionnaire, MOU, v.pack.Title(MOU.Name))))
}

// CodeTitle is the title of the code of practice as a sentence names it:
// "code of practice" or "code of conduct" (see inText), escaped.
func (v *View) CodeTitle() string {
	return mdtext.Escape(inText(v.Questionnaire, CodeOfPractice, titleOf(v.Questionnaire, CodeOfPractice, v.pack.Title(CodeOfPractice.Name))))
}

// titleOf is the title of q's document of the given kind.
func titleOf(q *questionnaire.Questionnaire, kind Kind, title string) string {
	switch {
	case kind == MOU && !q.Wording.Title.IsZero():
		return strings.TrimSpace(string(q.Wording.Title))
	case kind == CodeOfPractice && !q.Wording.CodeTitle.IsZero():
		return strings.TrimSpace(string(q.Wording.CodeTitle))
	}
	return title
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
