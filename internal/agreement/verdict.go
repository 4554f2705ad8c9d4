package agreement

import (
	"slices"

	"github.com/partnership-tools/mou/internal/signing"
)

// Verdict says how a version stands against the one before it.
type Verdict struct {
	// Previous is the earlier version's record; nil when none was found.
	Previous *Record
	Current  *Record
	// Stands reports that the signed text is the same as in Previous.
	Stands bool
	// Sections lists the sections of the signed text that changed.
	Sections []string
	// Contacts lists the contacts and signatories that changed.
	Contacts []ContactChange
	// Joined and Left name the partners that join or leave with this
	// version, by a joining agreement or a notice of withdrawal.
	Joined, Left []string
	// Withdrawn lists the sections, as printed, that the partners in Left
	// are taken out of beyond Sections (see Withdrawn).
	Withdrawn []string
	// said is the verdict in British English, for the person at the
	// keyboard (see String); Say gives it in any language.
	said string
	// AllAgree reports that every existing partner signs the joining
	// agreement too, as adding a party varies a legally binding one;
	// Accepts names the partner that signs it to accept a newcomer for
	// the partnership otherwise. Both come from the signing plan.
	AllAgree bool
	Accepts  string
	// ShortNotice reports that a partner leaves on notice shorter than
	// the agreement's, so every other partner signs the notice of
	// withdrawal too, to agree; it comes from the signing plan.
	ShortNotice bool
}

// sign notes who signs the version's joining agreement besides the
// partners joining, and whether the others sign a notice of withdrawal,
// as its signing plan says.
func (v *Verdict) sign(ver *Version) {
	if d := ver.Plan.Document(signing.NoticeOfWithdrawal); d != nil {
		v.ShortNotice = slices.ContainsFunc(d.Blocks, func(b signing.Block) bool { return b.Role == signing.Agrees })
	}
	d := ver.Plan.Document(signing.JoiningAgreement)
	if d == nil {
		return
	}
	for _, b := range d.Blocks {
		switch b.Role {
		case signing.Agrees:
			v.AllAgree = true
		case signing.Accepts:
			v.Accepts = ver.Name(b.Partner)
		}
	}
}

// ContactChange is one person's entry in Schedule 1 that changed.
type ContactChange struct {
	Partner string        // the partner's id
	Kind    string        // "lead", "safeguarding" or "signatory"
	Role    string        // the role's title; "" for a signatory
	Fields  []FieldChange // empty when the entry was added or removed
	Added   bool
	Removed bool
}

// FieldChange is one field of a contact that changed.
type FieldChange struct {
	Field    string // "name", "email", "phone" or "position"
	Old, New string
}

// Compare says how cur stands against prev, which may be nil.
func Compare(prev, cur *Record) Verdict {
	v := Verdict{Previous: prev, Current: cur}
	if prev == nil {
		return v
	}
	v.Stands = prev.Reference == cur.Reference
	if !v.Stands {
		v.Sections = ChangedSections(prev.Sections, cur.Sections)
	}
	v.Contacts = contactChanges(prev, cur)
	return v
}

// entry is a contact or signatory as a list of fields, keyed by partner
// and kind (and role, for contacts).
type entry struct {
	key    [3]string
	fields [][2]string
}

func entries(r *Record) []entry {
	var out []entry
	for _, c := range r.Contacts {
		out = append(out, entry{[3]string{c.Partner, c.Kind, c.Role}, [][2]string{{"name", c.Name}, {"email", c.Email}, {"phone", c.Phone}}})
	}
	for _, s := range r.Signatories {
		out = append(out, entry{[3]string{s.Partner, "signatory", ""}, [][2]string{{"name", s.Name}, {"position", s.Position}}})
	}
	return out
}

// contactChanges lists each entry of cur's Schedule 1 that differs from
// prev's, then the entries that are gone.
func contactChanges(prev, cur *Record) []ContactChange {
	old := map[[3]string][][2]string{}
	for _, e := range entries(prev) {
		old[e.key] = e.fields
	}
	var out []ContactChange
	for _, e := range entries(cur) {
		c := ContactChange{Partner: e.key[0], Kind: e.key[1], Role: e.key[2]}
		before, ok := old[e.key]
		delete(old, e.key)
		if !ok {
			c.Added = true
			out = append(out, c)
			continue
		}
		for i, f := range e.fields {
			if before[i][1] != f[1] {
				c.Fields = append(c.Fields, FieldChange{f[0], before[i][1], f[1]})
			}
		}
		if len(c.Fields) > 0 {
			out = append(out, c)
		}
	}
	for _, e := range entries(prev) {
		if _, gone := old[e.key]; gone {
			out = append(out, ContactChange{Partner: e.key[0], Kind: e.key[1], Role: e.key[2], Removed: true})
		}
	}
	return out
}
