package questionnaire

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/partnership-tools/mou/internal/mdtext"
	"github.com/partnership-tools/mou/templates"
)

// OwnWordsEdition is the first edition of the wording in which a
// partnership chooses its own words for what the standard text calls
// things: its own titles, the defined term for the parties, the section
// headings and how its own schedules are named and numbered.
const OwnWordsEdition = "2026.3"

// Limits on the one-line answers that name things in the documents.
const (
	maxTitleRunes = 80 // a document's title or a section heading
	maxTermRunes  = 60 // the defined term for the parties
)

// OwnWords reports whether q's edition of the wording takes the
// partnership's own titles, defined term, headings and schedule
// numbering (see [OwnWordsEdition]).
func (q *Questionnaire) OwnWords() bool {
	return !q.FirstEdition() && templates.CompareEditions(q.Wording.Edition, OwnWordsEdition) >= 0
}

// checkOwnWords checks the choices that name things in the documents.
// An earlier edition takes the suggested titles only, and none of the
// rest: its text, once signed, never changes. ids gives the edition's
// clause and section ids, or is nil when they are not known.
func checkOwnWords(d *decoder, q *Questionnaire, ids func(edition string) []string) {
	w := q.Wording
	own := q.OwnWords()
	upgrade := func(path, what string) {
		d.add(d.at(path), path, "%s needs edition %s of the wording or later; name edition: %q under wording (\"mou wording upgrade\" does it and shows what changes)",
			what, OwnWordsEdition, templates.Current)
	}
	for _, t := range []struct {
		path, doc string
		value     Text
	}{{"wording.title", "mou", w.Title}, {"wording.code_title", "code-of-practice", w.CodeTitle}} {
		switch {
		case t.value.IsZero():
		case !own && !slices.Contains(Titles[t.doc], string(t.value)):
			upgrade(t.path, "a title of your own (not one of: "+strings.Join(Titles[t.doc], ", ")+")")
		default:
			d.checkName(t.path, t.value, maxTitleRunes, "a title")
		}
	}
	if _, given := d.pos["wording.parties_term"]; given {
		if !own {
			upgrade("wording.parties_term", "a defined term for the parties")
		} else if d.checkName("wording.parties_term", w.PartiesTerm, maxTermRunes, "a defined term") {
			checkTerm(d, q)
		}
	}
	if _, given := d.pos["wording.schedule_numbering"]; given && !own {
		upgrade("wording.schedule_numbering", "numbering your own schedules")
	}
	checkClauseTexts(d, q)
	if _, given := d.pos["wording.headings"]; given && !own {
		upgrade("wording.headings", "renaming headings")
		return
	}
	checkHeadings(d, q, ids)
}

// checkClauseTexts checks the texts of the partnership's own clauses
// from edition 2026.3 on, which mou numbers: a text that starts with a
// number of its own ("2.1 In this Agreement…") prints without it, and a
// warning says so; one that starts with a list or a table, with no title
// to stand beside the clause's number, would leave the number on a line
// of its own, and is refused.
func checkClauseTexts(d *decoder, q *Questionnaire) {
	if !q.OwnWords() {
		return
	}
	type clause struct {
		path   string
		text   Text
		titled bool // a title stands beside the number
		hint   string
	}
	const titleHint = ", or give the clause a title"
	var all []clause
	for id, t := range q.Wording.Replace {
		all = append(all, clause{"wording.replace." + plain(id), t, false, ""})
	}
	for i, in := range q.Wording.Insert {
		titled, hint := !in.Title.IsZero() && !IsSection(in.After), ""
		if !IsSection(in.After) {
			hint = titleHint
		}
		all = append(all, clause{index("wording.insert", i) + ".text", in.Text, titled, hint})
	}
	for i, c := range q.Clauses {
		all = append(all, clause{index("clauses", i) + ".text", c.Text, false, ""})
	}
	for i, c := range q.CodeOfPractice.Protocols {
		all = append(all, clause{index("code_of_practice.protocols", i) + ".text", c.Text, true, ""})
	}
	for _, c := range all {
		text := c.text
		if n, rest := text.OwnNumber(); n != "" {
			d.warn(d.at(c.path), c.path, "starts with a number of its own, %s, which the documents leave out: mou numbers each clause itself", quote(n))
			text = rest
		}
		if !c.titled && !text.IsZero() && !mdtext.StartsWithParagraph(text.Blocks()) {
			d.add(d.at(c.path), c.path, "starts with a list or a table, so the clause's number would stand on a line of its own: begin with a sentence that introduces it%s", c.hint)
		}
	}
}

// checkHeadings checks the headings renamed: each names a standard
// section the document keeps, and is a name.
func checkHeadings(d *decoder, q *Questionnaire, ids func(edition string) []string) {
	w := q.Wording
	var sections, clauses []string
	if ids != nil {
		for _, id := range ids(w.Edition) {
			if IsSection(id) {
				sections = append(sections, id)
			} else {
				clauses = append(clauses, id)
			}
		}
	}
	for _, id := range slices.Sorted(maps.Keys(w.Headings)) {
		path := "wording.headings." + plain(id)
		switch {
		case ids == nil:
		case slices.Contains(clauses, id):
			d.add(d.at(path), path, "%s is a clause, which has no heading; rename its section, %s", quote(id), quote(SectionOf(id)))
			continue
		case !slices.Contains(sections, id):
			msg := "unknown section id " + quote(id)
			if s := d.suggest(id, sections); s != "" {
				msg += " (did you mean " + quote(s) + "?)"
			}
			d.add(d.at(path), path, "%s; \"mou clauses\" lists them", msg)
			continue
		case w.Omitted(id):
			d.add(d.at(path), path, "%s is left out by wording.omit, so it has no heading to rename", quote(id))
			continue
		}
		d.checkName(path, w.Headings[id], maxTitleRunes, "a heading")
	}
}

// checkName checks an answer that names something in the documents (a
// title, a heading, a defined term): one line of at most limit
// characters, with a letter in it. Like every answer it prints as text.
// It reports whether the answer is such a name.
func (d *decoder) checkName(path string, t Text, limit int, what string) bool {
	s := strings.TrimSpace(string(t))
	switch {
	case s == "":
		d.add(d.at(path), path, "is empty; give %s, or leave the key out", what)
	case strings.ContainsAny(s, "\r\n"):
		d.add(d.at(path), path, "is %s, so it must be one line; write it on one line (a \">\" or \"|\" block makes several)", what)
	case utf8.RuneCountInString(s) > limit:
		d.add(d.at(path), path, "is %d characters long; %s may be at most %d", utf8.RuneCountInString(s), what, limit)
	case strings.IndexFunc(s, unicode.IsLetter) < 0:
		d.add(d.at(path), path, "%s has no letter in it; %s is words", quote(s), what)
	default:
		return true
	}
	return false
}

// quoteMarks are the quotation marks a defined term may be typed with,
// as it stands in an agreement it is copied from.
const quoteMarks = "\"'“”‘’«»"

// checkTerm refuses a defined term for the parties typed in quotation
// marks, which the list of parties would put in a second pair, and one
// that is a partner's name or short name, by which the text would call
// that partner and all the parties alike.
func checkTerm(d *decoder, q *Questionnaire) {
	const path = "wording.parties_term"
	term := strings.TrimSpace(string(q.Wording.PartiesTerm))
	// An apostrophe may end a word, but no term starts with one.
	if first, _ := utf8.DecodeRuneInString(term); strings.ContainsRune(quoteMarks, first) {
		d.add(d.at(path), path, "%s is in quotation marks; write the term without them: the list of parties puts them round it where it defines it", quote(term))
		return
	}
	key := func(s Text) string {
		return strings.TrimPrefix(strings.ToLower(strings.Join(strings.Fields(string(s)), " ")), "the ")
	}
	for i, p := range q.Partners {
		switch key(q.Wording.PartiesTerm) {
		case key(p.ShortName):
			d.add(d.at(path), path, "%s is the short name of partners[%d], so the text would call that partner and all the parties alike; choose another term, such as \"the Parties\"", quote(term), i)
			return
		case key(p.Name):
			d.add(d.at(path), path, "%s is the name of partners[%d], so the text would call that partner and all the parties alike; choose another term, such as \"the Parties\"", quote(term), i)
			return
		}
	}
}
