package change

import (
	"github.com/partnership-tools/mou/internal/agreement"
	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/internal/questionnaire"
)

// The words of each change are the templates' (the "change" of
// changes.txt.tmpl); what is here gives them the facts.

// words are the facts the template "change" says one change from.
type words struct {
	// Kind is what changed: "joins", "added-partner", "leaves",
	// "removed-partner", "contact", "acting", "role", "signatory",
	// "version", "date", "amendment-added", "amendment-removed",
	// "signature-added", "signature-removed", "item-added",
	// "item-removed", "partner-answer", or "" for any other answer.
	Kind string
	// Heading is the part of the documents the description starts with,
	// as the template "area" knows it: a top-level key of the file, or
	// "parties", "roles", "version", "date" and the like.
	Heading string
	// Path is the answer's path; Key the same without list indices.
	Path, Key string
	// Old and New are the values as the file gives them: for a partner
	// answer the ids, whose names are OldName and NewName.
	Old, New         string
	OldName, NewName string
	Partner          string // the partner's name
	Person           string // who holds a role now, for acting cover
	Role             string // "lead" or "safeguarding"
	Field            string // a contact's "name", "email" or "phone"
	Date             questionnaire.Date
	OldDate, NewDate questionnaire.Date
	Until            questionnaire.Date // the end of acting cover; zero for none
	// From is the date a change to a partner's people took effect, or
	// ByVersion the version that made it when the record does not say.
	From      questionnaire.Date
	ByVersion int
	// OldSignatory and NewSignatory are a signatory before and after.
	OldSignatory, NewSignatory signatory
	Amendment                  amendment
	Signature                  signature
	// Number counts a list item from 1; Activity is an activity's title.
	Number   int
	Activity string
	// Answer is the answer at Path in words, part by part (see the
	// template "answer"); Bool reports that Old and New are both true or
	// false.
	Answer []answerPart
	Bool   bool
}

// signatory is a partner's signatory, as a change names it.
type signatory struct {
	Name, Position, Place string
	ActingUntil           questionnaire.Date
}

// amendment is an entry of the amendment record.
type amendment struct {
	Version int
	Date    questionnaire.Date
	Change  string
	From    string // the name of the partner the notice came from
}

// signature is a signature recorded under signatures.
type signature struct {
	Partner, By string
	Document    string // the document signed, in lower case; "" for the memorandum
	Version     int
	Date        questionnaire.Date
}

// sayer says things of the version now in the language tag, keeping the
// first error.
type sayer struct {
	now      *agreement.Version
	tag      string
	pack     *locale.Pack
	old, new *questionnaire.Questionnaire // the files compared
	err      error
}

func (s *sayer) say(name string, data any) string {
	if s.err != nil {
		return ""
	}
	out, err := s.now.Say(s.tag, name, data)
	if err != nil {
		s.err = err
	}
	return out
}

// change is one change said: its area and description in words, and its
// values.
func (s *sayer) change(area string, w words) Change {
	return Change{Area: s.say("area", area), Path: w.Path, Old: w.Old, New: w.New, Description: s.say("change", w)}
}
