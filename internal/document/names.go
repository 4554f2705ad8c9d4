package document

import (
	"strings"

	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/internal/mdtext"
	"github.com/partnership-tools/mou/internal/questionnaire"
)

// Names are the words the notices and the verdict use for the document
// the partners signed, which is the code of practice where a partnership
// has no memorandum, under the title the partnership chose.
type Names struct {
	// Agreement is its title in lower case: "memorandum of
	// understanding", "partnership agreement", "code of practice".
	Agreement string
	// Short is how a sentence names it again: "memorandum" for a
	// memorandum of understanding, else the same as Agreement.
	Short string
	// Contacts is the part of it that lists the key contacts:
	// "Schedule 1", or "the key contacts section of the code of practice".
	Contacts string
	// Record is the part of it that is the amendment record: "Schedule
	// 2", "Annex D"; "" where it has none.
	Record string
	// Schedule reports that the contacts are a schedule of the
	// memorandum, reissued on its own when they change.
	Schedule bool
}

// NamesOf returns the names of q's documents in q's language, as text
// (see View.Docs for them escaped).
func NamesOf(q *questionnaire.Questionnaire) Names { return NamesIn(q, q.Language) }

// NamesIn returns the names of q's documents in the language tag.
func NamesIn(q *questionnaire.Questionnaire, tag string) Names {
	pack := locale.Get(tag)
	if !q.Writes(MOU.Name) {
		code := inText(q, CodeOfPractice, pack)
		return Names{Agreement: code, Short: code, Contacts: strings.ReplaceAll(pack.ContactsSection, "{code}", code)}
	}
	title := inText(q, MOU, pack)
	l := labelsOf(q, pack)
	n := Names{Agreement: title, Short: title, Contacts: l.contacts, Record: l.record, Schedule: true}
	if standardTitle(q) {
		n.Short = pack.Memorandum
	}
	return n
}

// Docs returns the names of the partnership's documents, escaped, for
// the notices and the joining agreement.
func (v *View) Docs() Names {
	n := NamesOf(v.Questionnaire)
	n.Agreement, n.Short, n.Contacts, n.Record = mdtext.Escape(n.Agreement), mdtext.Escape(n.Short), mdtext.Escape(n.Contacts), mdtext.Escape(n.Record)
	return n
}

// Quotes reports whether the signed text holds the standard clause id,
// so that a notice may quote or cite it: the partnership has a
// memorandum and its wording does not leave the clause out.
func (v *View) Quotes(id string) bool { return v.Writes(MOU.Name) && !v.Omitted(id) }

// Called names the partnership in a sentence: "the Severn Vale Teaching
// Hub partnership", but "the Example Schools Partnership" and "The
// Bridgeford Partnership" for names that already say so.
func (v *View) Called() string {
	before, after, _ := strings.Cut(v.pack.Called, "{name}")
	name, plain := v.Partnership.Name.String(), strings.ToLower(strings.TrimSpace(string(v.Partnership.Name)))
	if !strings.HasSuffix(plain, strings.ToLower(strings.TrimSpace(after))) {
		name += after
	}
	if !strings.HasPrefix(plain, strings.ToLower(before)) {
		name = before + name
	}
	return name
}
