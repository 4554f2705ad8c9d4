package app

import (
	"strconv"

	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/signing"
)

// Join adds a partner to a signed partnership. It joins by signing a
// joining agreement that binds it to the memorandum the others signed,
// so the agreement stands for them and they do not sign again.
type Join struct {
	Partner, Name, Kind, URN, Address string
	// The new partner's lead, as handover names one.
	Lead, Title, Email, Phone string
	// Its signatory; the lead signs when only Position is given.
	Signatory, Position     string
	Effective, Reason, From string
	DryRun                  bool
}

// Record adds the partner to file as a new version, dated the day it
// joins, with joined: set to that day. The file is kept as FILE.bak.
func (j Join) Record(file string) (ChangeResult, error) {
	if err := missing("join", value{FieldPartner, j.Partner}, value{FieldName, j.Name}, value{FieldKind, j.Kind},
		value{FieldLead, j.Lead}, value{FieldTitle, j.Title}, value{FieldEmail, j.Email},
		value{FieldPosition, j.Position}, value{FieldEffective, j.Effective}); err != nil {
		return ChangeResult{}, err
	}
	effective, err := parseDate(FieldEffective, j.Effective)
	if err != nil {
		return ChangeResult{}, err
	}
	e, err := openEdit(file)
	if err != nil {
		return ChangeResult{}, err
	}
	defer e.close()
	signatory := or(j.Signatory, j.Lead)
	n := len(e.q.Partners)
	base := "partners[" + strconv.Itoa(n) + "]"
	// Problems with the flags are reported with any the check of the
	// edited file finds, all at once.
	if effective.Before(e.q.Date) {
		e.problem(FieldEffective, base+".joined", "the effective date %s is before the date of version %d (%s)", effective, e.q.Version, e.q.Date)
		for i := range len(e.q.History) + 1 { // what the check of the file says of each earlier version, the first issue among them
			e.covered["history["+strconv.Itoa(i)+"].date"] = true
		}
	}
	if p := e.q.Partner(j.Partner); p != nil {
		e.problem(FieldPartner, base+".id", "a partner already has the id %q (%s); choose another", j.Partner, string(p.Name))
	}
	item := [][2]string{{"id", j.Partner}, {"name", j.Name}, {"kind", j.Kind}}
	for _, f := range [][2]string{{"urn", j.URN}, {"address", j.Address}} {
		if f[1] != "" {
			item = append(item, f)
		}
	}
	item = append(item, [2]string{"joined", effective.ISO()})
	e.appendTo("partners", item)
	lead := [][2]string{{"name", j.Lead}, {"role", j.Title}, {"email", j.Email}}
	if j.Phone != "" {
		lead = append(lead, [2]string{"phone", j.Phone})
	}
	e.add(base+".lead", lead)
	e.add(base+".signatory", [][2]string{{"name", signatory}, {"position", j.Position}})
	signatoryField := FieldSignatory
	if j.Signatory == "" {
		signatoryField = FieldLead
	}
	entry := e.newVersion(effective, e.say("joined", j.Name), j.Reason, j.From)
	if j.From != "" && e.q.Partner(j.From) == nil {
		e.problem(FieldFrom, entry+".from", "no partner has the id %q (the ids are %s)", j.From, partnerIDs(e.q))
	}
	for key, f := range map[string]value{"id": {FieldPartner, j.Partner}, "name": {FieldName, j.Name}, "kind": {FieldKind, j.Kind}, "urn": {FieldURN, j.URN},
		"address": {FieldAddress, j.Address}, "lead.name": {FieldLead, j.Lead}, "lead.role": {FieldTitle, j.Title}, "lead.email": {FieldEmail, j.Email},
		"lead.phone": {FieldPhone, j.Phone}, "signatory.name": {signatoryField, signatory}, "signatory.position": {FieldPosition, j.Position}} {
		e.flag(base+"."+key, f.field, f.value)
	}
	e.flag(entry+".change", FieldName, j.Name)
	if m := e.q.Partnership.Model; m == "hub-and-spoke" && n+1 > 6 {
		e.res.Notes = append(e.res.Notes, note("a hub-and-spoke partnership usually has a lead school and up to four or five others; this makes %d partners.", n+1))
	}
	r, err := e.finish(j.DryRun)
	if err != nil {
		return r, err
	}
	// What validate warns of the newcomer's name, such as a school that
	// cannot sign a binding agreement, join says too, and so it does of
	// a partnership that the newcomer makes too large for its model.
	for _, w := range e.warnings {
		switch w.Path {
		case base + ".name":
			r.Notes = append(r.Notes, note("%v: %s", FieldName, w.Message))
		case "partnership.model":
			r.Notes = append(r.Notes, note("partnership.model: %s", w.Message))
		}
	}
	r.Notes = append(r.Notes, joiningSigners(e.updated))
	return r, nil
}

// joiningSigners says who signs the joining agreement of q's version, as
// its signing plan has it. Who signs which block does not depend on the
// text, so the plan is made without writing the documents.
func joiningSigners(q *questionnaire.Questionnaire) Note {
	name := func(id string) string {
		if p := q.AnyPartner(id); p != nil {
			return string(p.Name)
		}
		return id
	}
	var joining, accepting []string
	agree := false
	if d := signing.New(q, signing.Facts{}).Document(signing.JoiningAgreement); d != nil {
		for _, b := range d.Blocks {
			switch b.Role {
			case signing.Signs:
				joining = append(joining, name(b.Partner))
			case signing.Accepts:
				accepting = append(accepting, name(b.Partner))
			case signing.Agrees:
				agree = true
			}
		}
	}
	switch {
	case agree:
		// Adding a party to a contract varies it: everyone agrees.
		return note("%s and every existing partner sign the joining agreement of version %d, as the agreement is legally binding.", words(joining), q.Version)
	case len(accepting) > 0:
		return note("%s signs the joining agreement of version %d, and %s signs it too, to accept it for the partnership; the other partners do not sign again.",
			words(joining), q.Version, words(accepting))
	}
	return note("%s signs the joining agreement of version %d; the other partners do not sign again.", words(joining), q.Version)
}
