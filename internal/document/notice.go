package document

import (
	"github.com/partnership-tools/mou/internal/mdtext"
	"github.com/partnership-tools/mou/internal/signing"
)

// NoticeOfChange is the short document sent to every partner when a
// version differs from the one before only in its contacts.
var NoticeOfChange = Kind{signing.NoticeOfChange, "notice.md.tmpl"}

// Notice is what a notice of change needs beyond the questionnaire.
type Notice struct {
	PreviousVersion int
	Changes         []ContactChange
	// Joined and Left name the partners that join or leave with this
	// version, whose people the notice adds or takes off.
	Joined, Left []mdtext.Text
}

// ContactChange is one entry of Schedule 1 that changed.
type ContactChange struct {
	Partner mdtext.Text // the partner's name
	Kind    string      // "lead", "safeguarding" or "signatory"
	Role    mdtext.Text // the role's title; empty for a signatory
	Fields  []FieldChange
	Added   bool
	Removed bool
}

// FieldChange is one field of an entry that changed: "name", "email",
// "phone" or "position".
type FieldChange struct {
	Field    string
	Old, New mdtext.Text
}
