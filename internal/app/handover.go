package app

import (
	"slices"
	"strconv"
	"strings"

	"github.com/partnership-tools/mou/internal/questionnaire"
)

// HandoverRoles are the contacts a handover can change, with the key that
// holds each in a partner's entry, in the order they are changed.
var HandoverRoles = []struct{ Name, Key, Label string }{
	{"lead", "lead", "Lead"},
	{"safeguarding", "safeguarding_lead", "Safeguarding lead"},
	{"signatory", "signatory", "Signatory"},
}

// Handover asks for a change to one or more of a partner's people: a new
// person, new details, a new role title, or acting cover.
type Handover struct {
	Partner                      string
	Roles                        []string // "lead", "safeguarding", "signatory"; one person may hold several
	Name, Email, Phone, Position string
	Title                        string // a lead's or safeguarding lead's role title
	Acting                       bool   // the person covers the role until Until
	Until                        string
	Effective, Reason, From      string
	DryRun                       bool // say what would change, and write nothing
}

func (h Handover) has(role string) bool { return slices.Contains(h.Roles, role) }

// Check refuses combinations that make no sense, as a *RequestError.
func (h Handover) Check() error {
	if err := missing("handover", value{FieldPartner, h.Partner}, value{FieldEffective, h.Effective}); err != nil {
		return err
	}
	if len(h.Roles) == 0 {
		return request("%v: name at least one role (lead, safeguarding or signatory)", FieldRole)
	}
	for i, r := range h.Roles {
		if !slices.ContainsFunc(HandoverRoles, func(x struct{ Name, Key, Label string }) bool { return x.Name == r }) {
			return request("unknown role %q (the roles are lead, safeguarding and signatory)", r)
		}
		if slices.Index(h.Roles, r) != i {
			return request("%v: %s is named twice", FieldRole, r)
		}
	}
	contact := h.has("lead") || h.has("safeguarding")
	switch {
	case h.Name == "" && h.Email == "" && h.Phone == "" && h.Position == "" && h.Title == "" && !h.Acting:
		return request("handover needs something to change: %v, %v, %v, %v, %v or %v", FieldName, FieldEmail, FieldPhone, FieldTitle, FieldPosition, FieldActing)
	case !contact && (h.Email != "" || h.Phone != "" || h.Title != ""):
		return request("%v, %v and %v are for a lead or safeguarding lead, not a signatory (a signatory's title is %v)", FieldEmail, FieldPhone, FieldTitle, FieldPosition)
	case !h.has("signatory") && h.Position != "":
		return request("%v is for a signatory; a lead's role title is %v", FieldPosition, FieldTitle)
	case h.Acting && h.Until == "":
		return request("%v needs %v DATE, the last day of the cover", FieldActing, FieldUntil)
	case !h.Acting && h.Until != "":
		return request("%v goes with %v", FieldUntil, FieldActing)
	}
	effective, err := parseDate(FieldEffective, h.Effective)
	if err != nil {
		return err
	}
	if h.Acting {
		until, err := parseDate(FieldUntil, h.Until)
		if err != nil {
			return err
		}
		if until.Before(effective) {
			return request("%v %s is before %v %s", FieldUntil, until, FieldEffective, effective)
		}
	}
	return nil
}

// Record records h in the questionnaire file, in place, as one new
// version: the people's details, a version one higher, the effective date
// as the version's date and one entry in the amendment record. Only
// values that really change are written or reported, and a request that
// changes nothing is refused. The file is kept as FILE.bak, and left as
// it was if anything is wrong.
func (h Handover) Record(file string) (ChangeResult, error) {
	if err := h.Check(); err != nil {
		return ChangeResult{}, err
	}
	e, err := openEdit(file)
	if err != nil {
		return ChangeResult{}, err
	}
	defer e.close()
	i, p, err := e.partner(h.Partner)
	if err != nil {
		return ChangeResult{}, err
	}
	effective, _ := questionnaire.ParseDate(h.Effective)
	if err := e.checkDate("effective", effective); err != nil {
		return ChangeResult{}, err
	}
	if p.HasLeft(effective) {
		return ChangeResult{}, e.refuse("%s left the partnership on %s", string(p.Name), p.Left)
	}
	if h.From != "" {
		if _, _, err := e.partner(h.From); err != nil {
			return ChangeResult{}, err
		}
	}
	until, _ := questionnaire.ParseDate(h.Until)

	var needs []message
	var parts []handoverPart
	var what string
	titleChanged := false
	for _, role := range HandoverRoles {
		if !h.has(role.Name) {
			continue
		}
		label := role.Label + " for " + string(p.Name)
		if what == "" {
			what = label
		}
		base := "partners[" + strconv.Itoa(i) + "]." + role.Key
		before := len(e.res.Changes)
		var ds []detail
		if role.Name == "signatory" {
			ds = h.signatory(e, base, p.Signatory, until, effective)
		} else {
			c := &p.Lead
			if role.Name == "safeguarding" {
				c = p.SafeguardingLead
			}
			var need []message
			ds, need = h.contact(e, base, c, until, effective)
			if len(need) > 0 {
				prefix := "a new "
				if c == nil {
					prefix = "adding a "
				}
				m := message{"%s needs ", []any{prefix + strings.ToLower(role.Label) + " for " + string(p.Name)}}
				for i, n := range need {
					m.format += listSeparator(i, len(need)) + n.format
					m.args = append(m.args, n.args...)
				}
				needs = append(needs, m)
			}
			titleChanged = titleChanged || (c != nil && h.Title != "" && h.Title != string(c.Role))
		}
		if len(e.res.Changes) == before {
			continue
		}
		// One person taking several roles reads as one change.
		said := e.say("handover-details", ds)
		if n := len(parts); n > 0 && parts[n-1].Details == said {
			parts[n-1].Roles = append(parts[n-1].Roles, role.Name)
			continue
		}
		parts = append(parts, handoverPart{Roles: []string{role.Name}, Partner: string(p.Name), Details: said})
	}
	if len(needs) > 0 {
		all := needs[0]
		for _, n := range needs[1:] {
			all.format += "; " + n.format
			all.args = append(all.args, n.args...)
		}
		return ChangeResult{}, e.refuse(all.format, all.args...)
	}
	if len(e.res.Changes) == 0 {
		return ChangeResult{}, e.refuse("nothing to change: %s already holds these details", what)
	}
	e.flag(e.newVersion(effective, e.say("handover", parts), h.Reason, h.From)+".change", FieldName, h.Name)
	if titleChanged {
		e.res.Notes = append(e.res.Notes, note("a role's title is written in the signed agreement (Roles and leads), so version %d needs every partner's signature; mou generate will say so.", e.q.Version+1))
	}
	return e.finish(h.DryRun)
}

// contact makes the edits for a lead or safeguarding lead c (nil when the
// partner has none yet) and describes them; need lists the fields still
// needed to make the change, each as a message naming it.
func (h Handover) contact(e *edit, base string, c *questionnaire.Contact, until, effective questionnaire.Date) (ds []detail, need []message) {
	if c == nil {
		for _, f := range []value{{FieldName, h.Name}, {FieldTitle, h.Title}, {FieldEmail, h.Email}} {
			if f.value == "" {
				need = append(need, message{"%v", []any{f.field}})
			}
		}
		if len(need) > 0 {
			return nil, need
		}
		pairs := [][2]string{{"name", h.Name}, {"role", h.Title}, {"email", h.Email}}
		if h.Phone != "" {
			pairs = append(pairs, [2]string{"phone", h.Phone})
		}
		if h.Acting {
			pairs = append(pairs, [2]string{"acting_until", until.ISO()})
		}
		e.add(base, pairs)
		h.flags(e, base)
		return []detail{{Kind: "added", New: h.Name, Until: h.until(until)}}, nil
	}
	h.flags(e, base)
	newPerson := h.Name != "" && h.Name != string(c.Name)
	if newPerson && h.Email == "" {
		need = append(need, message{"%v (the address on file, %s, is %s's; give it again to keep it)", []any{FieldEmail, string(c.Email), string(c.Name)}})
		return nil, need
	}
	e.set(base+".name", string(c.Name), or(h.Name, string(c.Name)))
	e.set(base+".email", string(c.Email), or(h.Email, string(c.Email)))
	e.set(base+".phone", string(c.Phone), or(h.Phone, string(c.Phone)))
	e.set(base+".role", string(c.Role), or(h.Title, string(c.Role)))
	e.set(base+".acting_until", c.ActingUntil.ISO(), h.actingUntil(c.ActingUntil, until, effective))
	if newPerson && h.Phone == "" && c.Phone != "" {
		e.res.Notes = append(e.res.Notes, note("the phone number %s, on file for %s, is kept for %s.", string(c.Phone), string(c.Name), h.Name))
	}
	if newPerson {
		ds = append(ds, detail{Kind: "person", Old: string(c.Name), New: h.Name, Until: h.until(until)})
	}
	if h.Title != "" && h.Title != string(c.Role) {
		ds = append(ds, detail{Kind: "title", Old: string(c.Role), New: h.Title})
	}
	return h.sameDetails(ds, c.Name, !newPerson && h.Email != "" && h.Email != string(c.Email),
		!newPerson && h.Phone != "" && h.Phone != string(c.Phone), c.ActingUntil, until, effective), nil
}

// signatory makes the edits for a signatory s and describes them.
func (h Handover) signatory(e *edit, base string, s questionnaire.Signatory, until, effective questionnaire.Date) []detail {
	newPerson := h.Name != "" && h.Name != string(s.Name)
	newPosition := h.Position != "" && h.Position != string(s.Position)
	h.flags(e, base)
	e.set(base+".name", string(s.Name), or(h.Name, string(s.Name)))
	e.set(base+".position", string(s.Position), or(h.Position, string(s.Position)))
	e.set(base+".acting_until", s.ActingUntil.ISO(), h.actingUntil(s.ActingUntil, until, effective))
	var ds []detail
	switch {
	case newPerson && newPosition:
		ds = append(ds, detail{Kind: "signatory", Old: string(s.Name), OldPosition: string(s.Position), New: h.Name, NewPosition: h.Position, Until: h.until(until)})
	case newPerson:
		ds = append(ds, detail{Kind: "person", Old: string(s.Name), New: h.Name, Until: h.until(until)})
		if h.Position == "" {
			e.res.Notes = append(e.res.Notes, note("the position %s, on file for %s, is kept for %s: give %v if it differs.", string(s.Position), string(s.Name), h.Name, FieldPosition))
		}
	case newPosition:
		ds = append(ds, detail{Kind: "position", Old: string(s.Position), New: h.Position})
	}
	return h.sameDetails(ds, s.Name, false, false, s.ActingUntil, until, effective)
}

// sameDetails finishes a description with the changes that keep the same
// person: new contact details, or a change to acting cover.
func (h Handover) sameDetails(ds []detail, name questionnaire.Text, email, phone bool, was, until, effective questionnaire.Date) []detail {
	if email || phone {
		ds = append(ds, detail{Kind: "contact-details", Name: string(name), Email: email, Phone: phone})
	}
	newPerson := h.Name != "" && h.Name != string(name)
	switch {
	case newPerson:
	case h.Acting && was != until:
		ds = append(ds, detail{Kind: "acting", Name: string(name), Until: until})
	case !h.Acting && !was.IsZero() && h.actingUntil(was, until, effective) == "":
		ds = append(ds, detail{Kind: "confirmed", Name: string(name)})
	}
	return ds
}

// actingUntil is the acting_until value after the handover: the end of
// the cover when acting; nothing when a person is named without --acting
// (a new permanent holder, or the acting one confirmed) or when the cover
// ended before the handover takes effect (the holder stayed on, so a
// version from then must not call them acting); else unchanged.
func (h Handover) actingUntil(was, until, effective questionnaire.Date) string {
	switch {
	case h.Acting:
		return until.ISO()
	case h.Name != "", !was.IsZero() && was.Before(effective):
		return ""
	}
	return was.ISO()
}

// until is the end of the acting cover a handover gives, or the zero
// Date for none.
func (h Handover) until(until questionnaire.Date) questionnaire.Date {
	if !h.Acting {
		return questionnaire.Date{}
	}
	return until
}

// flags records which flag gave each value of the contact or signatory
// at base.
func (h Handover) flags(e *edit, base string) {
	for key, f := range map[string]value{"name": {FieldName, h.Name}, "email": {FieldEmail, h.Email}, "phone": {FieldPhone, h.Phone},
		"role": {FieldTitle, h.Title}, "position": {FieldPosition, h.Position}} {
		e.flag(base+"."+key, f.field, f.value)
	}
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func partnerIndex(q *questionnaire.Questionnaire, id string) int {
	for i, p := range q.Partners {
		if p.ID == id {
			return i
		}
	}
	return -1
}

func partnerIDs(q *questionnaire.Questionnaire) string {
	ids := make([]string, len(q.Partners))
	for i, p := range q.Partners {
		ids[i] = p.ID
	}
	return strings.Join(ids, ", ")
}

func hasVersion(q *questionnaire.Questionnaire, v int) bool {
	for _, h := range q.History {
		if h.Version == v {
			return true
		}
	}
	return false
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
