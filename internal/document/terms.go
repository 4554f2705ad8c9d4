package document

import (
	"regexp"
	"slices"
	"strings"

	"github.com/partnership-tools/mou/internal/mdtext"
	"github.com/partnership-tools/mou/internal/questionnaire"
)

// Term is the defined term the text calls the parties by, in the forms a
// sentence needs, each escaped: "the partners" unless the partnership
// chose its own (wording.parties_term, from edition 2026.3).
type Term struct {
	// All names the parties together: "the partners", "the Parties",
	// "the Council and the Academy".
	All string
	// One and Many are the noun for one party and for several, after a
	// word such as "each" or "other": "partner" and "partners", "Party"
	// and "Parties". A term made of names has none of its own, and uses
	// "party" and "parties".
	One, Many string
	// Chosen reports that the partnership chose the term.
	Chosen bool
	// Names reports that the term joins the parties' own names ("the
	// Council and the Academy"), each defined already, so the list of
	// parties defines no term for them together.
	Names bool
}

// joined matches a term that joins names: "the Council and the Academy".
var joined = regexp.MustCompile(`(?i)\s(and|&)\s`)

// TermOf is the defined term for q's parties.
func TermOf(q *questionnaire.Questionnaire) Term {
	t := strings.TrimSpace(string(q.Wording.PartiesTerm))
	if t == "" {
		return Term{All: "the partners", One: "partner", Many: "partners"}
	}
	if rest, ok := strings.CutPrefix(t, "The "); ok {
		t = "the " + rest // mid-sentence, as it mostly stands
	}
	term := Term{All: mdtext.Escape(t), Chosen: true}
	if joined.MatchString(t) {
		term.Names, term.One, term.Many = true, "party", "parties"
		return term
	}
	noun := strings.TrimPrefix(t, "the ")
	term.Many, term.One = mdtext.Escape(noun), mdtext.Escape(singular(noun))
	return term
}

// singular is the singular of an English plural noun phrase, by its last
// word: "Parties" → "Party", "Member Schools" → "Member School". A word
// that is not a regular plural stays as it is.
func singular(noun string) string {
	switch {
	case strings.HasSuffix(noun, "ies") && len(noun) > 3:
		return noun[:len(noun)-3] + "y"
	case strings.HasSuffix(noun, "ss"):
		return noun
	case strings.HasSuffix(noun, "s"):
		return noun[:len(noun)-1]
	}
	return noun
}

// Term is the defined term for the parties of this document.
func (v *View) Term() Term { return TermOf(v.Questionnaire) }

// IsAgreement reports whether the MOU's title makes it an agreement
// that calls itself by the defined term "this Agreement" (edition 2026.3
// on).
func (v *View) IsAgreement() bool {
	return v.OwnWords() && isAgreement(string(v.Wording.Title))
}

// isAgreement reports whether a title makes the document an agreement,
// which the text then calls by the defined term "this Agreement": it
// says Agreement and not Memorandum.
func isAgreement(title string) bool {
	words := strings.Fields(strings.ToLower(title))
	return slices.Contains(words, "agreement") && !slices.Contains(words, "memorandum")
}

// inText is how a sentence names a document by its title, after "the".
// Editions before 2026.3 put every title in lower case. From 2026.3 a
// title mou suggests that is not an agreement's stays in lower case
// ("code of practice"), and any other keeps its capitals as the name it
// is ("Service Level Agreement", "inGenious Code"), without a "The" of
// its own.
func inText(q *questionnaire.Questionnaire, kind Kind, title string) string {
	if !q.OwnWords() || (slices.Contains(questionnaire.Titles[kind.Name], title) && !isAgreement(title)) {
		return strings.ToLower(title)
	}
	if rest, ok := strings.CutPrefix(title, "The "); ok {
		return rest
	}
	return title
}
