// Package change says what differs between two versions of a
// questionnaire, in plain English, and whether the signed agreement
// still stands or needs new signatures.
package change

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/partnership-tools/mou/internal/agreement"
	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/questionnaire"
)

// Report is the outcome of comparing two versions.
type Report struct {
	OldReference string   `json:"old_reference"`
	NewReference string   `json:"new_reference"`
	Stands       bool     `json:"agreement_stands"` // the signed text is unchanged
	Sections     []string `json:"changed_sections"` // e.g. "4. Aims and objectives"
	Changes      []Change `json:"changes"`
	Verdict      string   `json:"verdict"`

	// Withdrawn lists the other sections, as printed, that partners'
	// withdrawal takes them out of; Leavers names those partners.
	Withdrawn []string `json:"withdrawal_sections,omitempty"`
	Leavers   []string `json:"leaving_partners,omitempty"`
}

// Change is one answer that differs.
type Change struct {
	Area        string `json:"area"` // "Schedule 1", "Aims and objectives", ...
	Path        string `json:"path"` // "partners[0].lead.name"
	Old         string `json:"old"`
	New         string `json:"new"`
	Description string `json:"description"`
}

// Compare reports the differences from the version was to the version
// now, now worked out against was's record, so that its verdict is the
// one generate gives: the verdict is the model's, and only the list of
// answers that differ is this package's own.
func Compare(was, now *agreement.Version) Report {
	v := now.Verdict
	r := Report{OldReference: was.Reference, NewReference: now.Reference, Stands: v.Stands, Sections: v.Sections,
		Withdrawn: v.Withdrawn, Leavers: v.Left}
	r.Changes = describe(was.File, now.File, labelsOf(now))
	r.Verdict = v.String()
	if len(r.Changes) == 0 {
		r.Verdict = "No change: the two files give the same documents."
	}
	return r
}

// labels name the parts of the documents that list the contacts and the
// amendment record, in the changes described.
type labels struct{ contacts, history string }

// labelsOf names them as the version's documents do: the schedules of a
// memorandum ("Schedule 1", "Annex C"), else by what they are.
func labelsOf(v *agreement.Version) labels {
	if v.Document(document.MOU) == nil {
		return labels{"Key contacts", "Amendment record"}
	}
	return labels{v.Names.Contacts, v.Names.Record}
}

// describe lists the answers that differ, in words.
func describe(old, new *questionnaire.Questionnaire, l labels) []Change {
	var out []Change
	oldPartners := map[string]questionnaire.Partner{}
	for _, p := range old.Partners {
		oldPartners[p.ID] = p
	}
	from := func(partner, value string) string { return effective(old, new, partner, value) }
	for i, np := range new.Partners {
		op, ok := oldPartners[np.ID]
		if !ok && !np.Joined.IsZero() {
			out = append(out, Change{Area: "Joining", Path: index("partners", i), New: string(np.Name),
				Description: fmt.Sprintf("Parties: %s joins on %s by a joining agreement", string(np.Name), np.Joined)})
			continue
		}
		if !ok {
			out = append(out, Change{Area: "Parties", Path: index("partners", i), New: string(np.Name),
				Description: "Parties: added " + string(np.Name)})
			continue
		}
		if op.Left.IsZero() && !np.Left.IsZero() {
			out = append(out, Change{Area: "Withdrawal", Path: index("partners", i) + ".left", New: np.Left.ISO(),
				Description: fmt.Sprintf("Parties: %s leaves on %s by notice of withdrawal", string(np.Name), np.Left)})
		}
		delete(oldPartners, np.ID)
		path := index("partners", i)
		out = append(out, contactChanges(l.contacts, "lead", path+".lead", string(np.Name), op.Lead, np.Lead, from)...)
		var os, ns questionnaire.Contact
		if op.SafeguardingLead != nil {
			os = *op.SafeguardingLead
		}
		if np.SafeguardingLead != nil {
			ns = *np.SafeguardingLead
		}
		out = append(out, contactChanges(l.contacts, "safeguarding lead", path+".safeguarding_lead", string(np.Name), os, ns, from)...)
		if op.Signatory != np.Signatory {
			out = append(out, Change{Area: l.contacts, Path: path + ".signatory",
				Old: signatory(op.Signatory), New: signatory(np.Signatory),
				Description: fmt.Sprintf("%s: signatory for %s: %s → %s%s", l.contacts, string(np.Name), signatory(op.Signatory), signatory(np.Signatory),
					from(string(np.Name), string(np.Signatory.Name)))})
		}
		out = append(out, fieldChanges(path, "Parties", reflect.ValueOf(withoutPeople(op)), reflect.ValueOf(withoutPeople(np)))...)
	}
	for i, op := range old.Partners {
		if _, gone := oldPartners[op.ID]; gone {
			out = append(out, Change{Area: "Parties", Path: index("partners", i), Old: string(op.Name),
				Description: "Parties: removed " + string(op.Name)})
		}
	}
	if old.Version != new.Version {
		out = append(out, Change{Area: "Version", Path: "version", Old: strconv.Itoa(old.Version), New: strconv.Itoa(new.Version),
			Description: fmt.Sprintf("Version: %d → %d", old.Version, new.Version)})
	}
	if old.Date != new.Date {
		out = append(out, Change{Area: "Version", Path: "date", Old: old.Date.String(), New: new.Date.String(),
			Description: fmt.Sprintf("Date of issue: %s → %s", old.Date, new.Date)})
	}
	ov, nv := reflect.ValueOf(*old), reflect.ValueOf(*new)
	for i := 0; i < ov.NumField(); i++ {
		key := yamlKey(ov.Type().Field(i))
		switch key {
		case "version", "date", "partners":
			continue
		case "history":
			out = append(out, historyChanges(l.history, old, new)...)
			continue
		}
		out = append(out, fieldChanges(key, areaOf(key), ov.Field(i), nv.Field(i))...)
	}
	n := namer{old, new}
	for i := range out {
		out[i] = n.name(out[i])
	}
	return out
}

func contactChanges(area, role, path, partner string, old, new questionnaire.Contact, from func(partner, value string) string) []Change {
	var out []Change
	for _, f := range []struct {
		key      string
		old, new questionnaire.Text
	}{{"name", old.Name, new.Name}, {"email", old.Email, new.Email}, {"phone", old.Phone, new.Phone}} {
		if f.old == f.new {
			continue
		}
		what := role
		if f.key != "name" {
			what += " " + f.key
		}
		out = append(out, Change{Area: area, Path: path + "." + f.key, Old: string(f.old), New: string(f.new),
			Description: fmt.Sprintf("%s: %s for %s: %s → %s%s", area, what, partner, orNone(f.old), orNone(f.new), from(partner, string(f.new)))})
	}
	if old.ActingUntil != new.ActingUntil && (old.Name != "" || new.Name != "") {
		out = append(out, Change{Area: area, Path: path + ".acting_until", Old: old.ActingUntil.ISO(), New: new.ActingUntil.ISO(),
			Description: fmt.Sprintf("%s: %s for %s: %s%s%s", area, role, partner, orNone(new.Name), or(acting(new.ActingUntil), ", no longer acting"), from(partner, string(new.Name)))})
	}
	if old.Role != new.Role {
		out = append(out, Change{Area: "Roles and leads", Path: path + ".role", Old: string(old.Role), New: string(new.Role),
			Description: fmt.Sprintf("Roles and leads: %s role for %s: %s → %s", role, partner, orNone(old.Role), orNone(new.Role))})
	}
	return out
}

func signatory(s questionnaire.Signatory) string {
	if s.Name == "" {
		return "none"
	}
	out := string(s.Name) + ", " + string(s.Position) + acting(s.ActingUntil)
	if s.Place != "" {
		out += ", signing at " + string(s.Place)
	}
	return out
}

// effective says when a change to partner's people, to value, took
// effect: " (from DATE)" with the date of the version that made it, or
// " (by version N)" when several versions lie between old and new and
// their amendment record does not tell which one made it. The record's
// entry for it names the partner, and the value too when several do.
func effective(old, new *questionnaire.Questionnaire, partner, value string) string {
	if new.Version <= old.Version+1 {
		if new.Date.IsZero() {
			return ""
		}
		return " (from " + new.Date.String() + ")"
	}
	var naming []questionnaire.Amendment
	for _, h := range new.History {
		if h.Version > old.Version && h.Version <= new.Version && strings.Contains(string(h.Change), partner) {
			naming = append(naming, h)
		}
	}
	if len(naming) > 1 && value != "" {
		naming = slices.DeleteFunc(naming, func(h questionnaire.Amendment) bool { return !strings.Contains(string(h.Change), value) })
	}
	if len(naming) == 1 && !naming[0].Date.IsZero() {
		return " (from " + naming[0].Date.String() + ")"
	}
	return fmt.Sprintf(" (by version %d)", new.Version)
}

// acting marks a person covering a role: " (acting until 31 March 2027)".
func acting(until questionnaire.Date) string {
	if until.IsZero() {
		return ""
	}
	return " (acting until " + until.String() + ")"
}

func orNone(t questionnaire.Text) string {
	if t == "" {
		return "none"
	}
	return string(t)
}

// withoutPeople blanks what contactChanges reports, so fieldChanges sees
// only the partner's own details.
func withoutPeople(p questionnaire.Partner) questionnaire.Partner {
	p.Lead, p.SafeguardingLead, p.Signatory = questionnaire.Contact{}, nil, questionnaire.Signatory{}
	p.Joined, p.Left = questionnaire.Date{}, questionnaire.Date{} // described as joining and leaving
	return p
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// historyChanges describes entries added to or removed from the
// amendment record, by version, naming the partner a notice came from.
func historyChanges(area string, old, new *questionnaire.Questionnaire) []Change {
	describe := func(q *questionnaire.Questionnaire, h questionnaire.Amendment) string {
		s := fmt.Sprintf("version %d (%s): %s", h.Version, h.Date, string(h.Change))
		if h.From != "" {
			s += " (notice from " + partnerName(q, h.From) + ")"
		}
		return s
	}
	var out []Change
	for i, h := range new.History {
		if !slices.Contains(old.History, h) {
			out = append(out, Change{Area: area, Path: index("history", i), New: describe(new, h),
				Description: area + ": added " + describe(new, h)})
		}
	}
	for i, h := range old.History {
		if !slices.Contains(new.History, h) {
			out = append(out, Change{Area: area, Path: index("history", i), Old: describe(old, h),
				Description: area + ": removed " + describe(old, h)})
		}
	}
	return out
}
