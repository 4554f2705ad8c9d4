package document

import (
	"strings"

	"github.com/partnership-tools/mou/internal/mdtext"
)

// NoticeOfChange is the short document sent to every partner when a
// version differs from the one before only in its contacts.
var NoticeOfChange = Kind{"notice-of-change", "notice.md.tmpl"}

// Notice is what a notice of change needs beyond the questionnaire.
type Notice struct {
	PreviousVersion int
	Changes         []ContactChange
	// Joined and Left name the partners that join or leave with this
	// version, whose people the notice adds or takes off.
	Joined, Left []string
}

// Changed says in words what changed: which partners joined or left, or
// else that only the people in the partnership's roles changed.
func (v *View) Changed() string {
	n := v.Notice
	if len(n.Joined)+len(n.Left) == 0 {
		return "Only the people who hold the partnership's roles have changed."
	}
	var out []string
	say := func(names []string, one, many, what string) {
		if len(names) == 0 {
			return
		}
		escaped := make([]string, len(names))
		for i, name := range names {
			escaped[i] = mdtext.Escape(name)
		}
		verb, whose := one, "its"
		if len(names) > 1 {
			verb, whose = many, "their"
		}
		out = append(out, v.pack.List(escaped)+" "+verb+" the partnership, so "+whose+" people are "+what+" the key contacts.")
	}
	say(n.Joined, "joins", "join", "added to")
	say(n.Left, "leaves", "leave", "taken off")
	return strings.Join(out, " ")
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
