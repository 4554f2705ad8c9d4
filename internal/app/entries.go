package app

import (
	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/templates"
)

// The entries join, leave and handover write in the amendment record are
// the templates' words (amendments.txt.tmpl), in the file's language;
// what is here gives them the facts.

// say says name with data in the words of the file's language, keeping
// the edit's first error.
func (e *edit) say(name string, data any) string {
	if e.err != nil {
		return ""
	}
	t, err := document.ParseTemplates(templates.FS)
	if err != nil {
		e.err = err
		return ""
	}
	out, err := t.Say(e.q, "", name, data)
	e.err = err
	return out
}

// leftEntry is what the entry of a partner leaving says.
type leftEntry struct {
	Name string
	// Given is the day notice was given; zero when not known.
	Given questionnaire.Date
	// Short reports that the others agreed to notice shorter than the
	// agreement's.
	Short bool
	// NewLead becomes the lead partner; ReassignTo takes over the work
	// of the partner leaving. Either may be "".
	NewLead, ReassignTo string
}

// handoverPart is one person's roles with a partner, and what a handover
// changes of them, said by the template "handover-details".
type handoverPart struct {
	Roles            []string // "lead", "safeguarding", "signatory"
	Partner, Details string
}

// detail is one thing a handover changes of a role's holder (see the
// template "handover-details").
type detail struct {
	// Kind is "added", "person", "signatory", "title", "position",
	// "contact-details", "acting" or "confirmed".
	Kind                     string
	Old, New                 string
	OldPosition, NewPosition string
	Name                     string // the holder, who stays
	Email, Phone             bool   // new contact details
	Until                    questionnaire.Date
}
