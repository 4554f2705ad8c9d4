package app

import (
	"fmt"
	"strconv"
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
	if err := missingFlags("join", [2]string{"--partner", j.Partner}, [2]string{"--name", j.Name}, [2]string{"--kind", j.Kind},
		[2]string{"--lead", j.Lead}, [2]string{"--title", j.Title}, [2]string{"--email", j.Email},
		[2]string{"--position", j.Position}, [2]string{"--effective", j.Effective}); err != nil {
		return ChangeResult{}, err
	}
	effective, err := parseDate("--effective", j.Effective)
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
		e.problem("--effective", base+".joined", "the effective date %s is before the date of version %d (%s)", effective, e.q.Version, e.q.Date)
		for i := range len(e.q.History) + 1 { // what the check of the file says of each earlier version, the first issue among them
			e.covered["history["+strconv.Itoa(i)+"].date"] = true
		}
	}
	if p := e.q.Partner(j.Partner); p != nil {
		e.problem("--partner", base+".id", "a partner already has the id %q (%s); choose another", j.Partner, string(p.Name))
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
	signatoryFlag := "--signatory"
	if j.Signatory == "" {
		signatoryFlag = "--lead"
	}
	entry := e.newVersion(effective, fmt.Sprintf("%s joined the partnership by a joining agreement", j.Name), j.Reason, j.From)
	if j.From != "" && e.q.Partner(j.From) == nil {
		e.problem("--from", entry+".from", "no partner has the id %q (the ids are %s)", j.From, partnerIDs(e.q))
	}
	for _, f := range [][3]string{{"id", "--partner", j.Partner}, {"name", "--name", j.Name}, {"kind", "--kind", j.Kind}, {"urn", "--urn", j.URN},
		{"address", "--address", j.Address}, {"lead.name", "--lead", j.Lead}, {"lead.role", "--title", j.Title}, {"lead.email", "--email", j.Email},
		{"lead.phone", "--phone", j.Phone}, {"signatory.name", signatoryFlag, signatory}, {"signatory.position", "--position", j.Position}} {
		e.flag(base+"."+f[0], f[1], f[2])
	}
	e.flag(entry+".change", "--name", j.Name)
	if m := e.q.Partnership.Model; m == "hub-and-spoke" && n+1 > 6 {
		e.res.Notes = append(e.res.Notes, fmt.Sprintf("a hub-and-spoke partnership usually has a lead school and up to four or five others; this makes %d partners.", n+1))
	}
	if e.q.Wording.Binding() {
		// Adding a party to a contract varies it: everyone agrees.
		e.res.Notes = append(e.res.Notes, fmt.Sprintf("%s and every existing partner sign the joining agreement that mou generate writes, as the agreement is legally binding.", j.Name))
	} else {
		e.res.Notes = append(e.res.Notes, fmt.Sprintf("%s signs the joining agreement that mou generate writes; the other partners do not sign again.", j.Name))
	}
	return e.finish(j.DryRun)
}
