package agreement

import (
	"fmt"
	"slices"
	"strings"

	"github.com/partnership-tools/mou/internal/document"
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
	// Names are the words for the partnership's documents; the zero
	// value speaks of a memorandum and its Schedule 1.
	Names document.Names
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
// partners joining, as its signing plan says.
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

// names returns v.Names, or the words for a memorandum.
func (v Verdict) names() document.Names {
	if v.Names.Agreement == "" {
		return document.Names{Agreement: "memorandum of understanding", Short: "memorandum", Contacts: "Schedule 1", Record: "Schedule 2", Schedule: true}
	}
	return v.Names
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

// String says the verdict to the user, in English.
func (v Verdict) String() string {
	cur := v.Current
	switch {
	case v.Previous == nil && cur.Version > 1:
		return fmt.Sprintf("Agreement ref. %s, version %d. No record of an earlier version is in the output folder, so whether the signed text changed was not checked; run \"mou diff\" on the two questionnaires.", cur.Reference, cur.Version) + v.membership(false)
	case v.Previous == nil:
		return fmt.Sprintf("Agreement ref. %s, version %d.", cur.Reference, cur.Version)
	case !v.Stands:
		return fmt.Sprintf("The agreement text changed since version %d in %s (Agreement ref. %s → %s): every partner must sign version %d.",
			v.Previous.Version, SectionWords(v.Sections), v.Previous.Reference, cur.Reference, cur.Version) + v.membership(false)
	case len(v.Joined)+len(v.Left) > 0:
		return fmt.Sprintf("The signed agreement stands for the other partners (Agreement ref. %s, as in version %d).", cur.Reference, v.Previous.Version) +
			v.membership(true)
	case len(v.Contacts) == 0:
		return fmt.Sprintf("The signed agreement stands (Agreement ref. %s, as in version %d) and no contact changed: nothing needs signing or reissuing.",
			cur.Reference, v.Previous.Version)
	}
	send := "the notice of change"
	if n := v.names(); n.Schedule { // the notice lists the contacts, but a memorandum's schedule goes too
		send += " and " + n.Contacts
	}
	return fmt.Sprintf("The signed agreement stands (Agreement ref. %s, as in version %d): only the contacts changed. "+
		"Send %s to all partners; no new signatures are needed.", cur.Reference, v.Previous.Version, send)
}

// SectionWords lists changed sections in words: "section 4 (Aims and
// objectives)", "the title page and sections 1 (Parties) and 9 (Finance)".
func SectionWords(sections []string) string {
	var parts, numbered []string
	for _, s := range sections {
		if label, title, ok := scheduleHeading(s); ok {
			parts = append(parts, label+" ("+title+")")
		} else if num, title, ok := strings.Cut(s, ". "); ok {
			numbered = append(numbered, num+" ("+title+")")
		} else {
			parts = append(parts, "the "+strings.ToLower(s))
		}
	}
	switch len(numbered) {
	case 0:
	case 1:
		parts = append(parts, "section "+numbered[0])
	default:
		parts = append(parts, "sections "+strings.Join(numbered[:len(numbered)-1], ", ")+" and "+numbered[len(numbered)-1])
	}
	switch len(parts) {
	case 0:
		return "the agreement text"
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// membership says who must sign what when partners join or leave. When
// the agreement stands, no one else signs.
func (v Verdict) membership(stands bool) string {
	var b strings.Builder
	for _, name := range v.Joined {
		if v.Previous != nil && !stands {
			fmt.Fprintf(&b, " %s joins, and signs version %d with the others.", name, v.Current.Version)
			continue
		}
		fmt.Fprintf(&b, " %s joins: it signs the joining agreement, which binds it to the signed %[2]s; send it version %[3]d of the %[2]s with it.", name, v.names().Short, v.Current.Version)
	}
	if v.Accepts != "" && stands {
		them := "it"
		if len(v.Joined) > 1 {
			them = "them"
		}
		fmt.Fprintf(&b, " %s signs the joining agreement too, to accept %s for the partnership.", v.Accepts, them)
	}
	for _, name := range v.Left {
		if v.ShortNotice {
			fmt.Fprintf(&b, " %s leaves on notice shorter than the %s's: every other partner signs the notice of withdrawal too, to agree, and it goes to every partner.", name, v.names().Short)
			continue
		}
		fmt.Fprintf(&b, " %s leaves: the notice of withdrawal, signed for the partner that sends it, goes to every partner.", name)
	}
	if w := WithdrawalWords(v.Left, v.Withdrawn); w != "" {
		if t, ok := strings.CutPrefix(w, "the "); ok {
			w = "The " + t
		}
		fmt.Fprintf(&b, " %s by that notice", w)
		if stands {
			b.WriteString(".")
		} else {
			fmt.Fprintf(&b, "; %s version %d.", NotSigning(v.Left), v.Current.Version)
		}
	}
	if stands {
		signs := "No other partner signs"
		if v.ShortNotice {
			signs = "No partner signs the " + v.names().Short + " again"
		}
		if v.AllAgree {
			signs = "Every existing partner signs the joining agreement too, as the agreement is legally binding"
		}
		if n := v.names(); n.Schedule {
			fmt.Fprintf(&b, " %s; send version %d and its %s to all partners.", signs, v.Current.Version, n.Contacts)
		} else {
			fmt.Fprintf(&b, " %s; send version %d of the %s to all partners.", signs, v.Current.Version, n.Short)
		}
	}
	return b.String()
}
