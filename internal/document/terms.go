package document

import (
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/partnership-tools/mou/internal/locale"
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
	// the pack's words for a party and parties.
	One, Many string
	// Chosen reports that the partnership chose the term.
	Chosen bool
	// Names reports that the term joins the parties' own names ("the
	// Council and the Academy"), each defined already, so the list of
	// parties defines no term for them together.
	Names bool
}

// standardTerm is the wording.parties_term the text uses when the file
// gives none.
const standardTerm = "the partners"

// joined matches a term that joins names: "the Council and the Academy".
var joined = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\s(and|&)\s`) })

// TermOf is the defined term for q's parties, in the words of pack. A
// term mou suggests is the pack's, in each of its forms; any other is
// the partnership's own words, whose singular is worked out from them.
func TermOf(q *questionnaire.Questionnaire, pack *locale.Pack) Term {
	t := strings.TrimSpace(string(q.Wording.PartiesTerm))
	if key := cmp(t, standardTerm); pack.Word("parties_term", key) != "" {
		return Term{All: mdtext.Escape(pack.Word("parties_term", key)), One: mdtext.Escape(pack.Word("party", key)),
			Many: mdtext.Escape(pack.Word("parties", key)), Chosen: t != ""}
	}
	if rest, ok := strings.CutPrefix(t, "The "); ok {
		t = "the " + rest // mid-sentence, as it mostly stands
	}
	term := Term{All: mdtext.Escape(t), Chosen: true}
	if joined().MatchString(t) {
		term.Names, term.One, term.Many = true, mdtext.Escape(pack.Party), mdtext.Escape(pack.Parties)
		return term
	}
	noun := strings.TrimPrefix(t, "the ")
	term.Many, term.One = mdtext.Escape(noun), mdtext.Escape(singular(noun))
	return term
}

// cmp is s, or fallback when s is "".
func cmp(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// singular is the singular of an English plural noun phrase, by its last
// word: "Members" → "Member", "Member Schools" → "Member School". A word
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
func (v *View) Term() Term { return TermOf(v.Questionnaire, v.pack) }

// IsAgreement reports whether the MOU's title makes it an agreement
// that calls itself by the defined term "this Agreement" (edition 2026.3
// on).
func (v *View) IsAgreement() bool {
	return v.OwnWords() && isAgreement(string(v.Wording.Title))
}

// isAgreement reports whether a title makes the document an agreement,
// which the text then calls by a defined term: it says Agreement and not
// Memorandum.
func isAgreement(title string) bool {
	words := strings.Fields(strings.ToLower(title))
	return slices.Contains(words, "agreement") && !slices.Contains(words, "memorandum")
}

// memorandum reports whether the MOU's title, its standard one or the
// partnership's, calls it a memorandum.
func (v *View) memorandum() bool {
	return standardTitle(v.Questionnaire) || slices.Contains(strings.Fields(strings.ToLower(string(v.Wording.Title))), "memorandum")
}

// standardMOUTitle is the wording.title of a memorandum of understanding.
const standardMOUTitle = "Memorandum of Understanding"

// standardTitle reports whether q's MOU has its standard title.
func standardTitle(q *questionnaire.Questionnaire) bool {
	t := strings.TrimSpace(string(q.Wording.Title))
	return t == "" || t == standardMOUTitle
}

// titleOf is the title of q's document of the given kind in the language
// of pack: its own, or the one q chose under wording, which is the pack's
// where mou suggests it and the partnership's own words otherwise.
func titleOf(q *questionnaire.Questionnaire, kind Kind, pack *locale.Pack) string {
	var chosen, key string
	switch kind {
	case MOU:
		chosen, key = string(q.Wording.Title), "title"
	case CodeOfPractice:
		chosen, key = string(q.Wording.CodeTitle), "code_title"
	}
	chosen = strings.TrimSpace(chosen)
	switch {
	case chosen == "":
		return kind.Title(pack)
	case pack.Word(key, chosen) != "":
		return pack.Word(key, chosen)
	}
	return chosen
}

// inText is how a sentence names q's document of the given kind by its
// title, after "the". Editions before 2026.3 put every title in lower
// case. From 2026.3 a title mou suggests that is not an agreement's stays
// in lower case ("code of practice"), and any other keeps its capitals
// as the name it is ("Service Level Agreement", "inGenious Code"),
// without a "The" of its own.
func inText(q *questionnaire.Questionnaire, kind Kind, pack *locale.Pack) string {
	title := titleOf(q, kind, pack)
	chosen := strings.TrimSpace(string(q.Wording.Title))
	if kind == CodeOfPractice {
		chosen = strings.TrimSpace(string(q.Wording.CodeTitle))
	}
	if !q.OwnWords() || chosen == "" || (slices.Contains(questionnaire.Titles[kind.Name], chosen) && !isAgreement(chosen)) {
		return strings.ToLower(title)
	}
	if rest, ok := strings.CutPrefix(title, "The "); ok {
		return rest
	}
	return title
}
