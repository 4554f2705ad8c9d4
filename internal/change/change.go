// Package change says what differs between two versions of a
// questionnaire, in words, and whether the signed agreement still stands
// or needs new signatures. The words are the templates' (see words.go).
package change

import (
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/partnership-tools/mou/internal/agreement"
	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/locale"
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
// answers that differ is this package's own. The report is in the
// language tag ("" for now's file's): British English for the person at
// the keyboard, the documents' language for a redline's first page.
func Compare(was, now *agreement.Version, tag string) (Report, error) {
	v := now.Verdict
	r := Report{OldReference: was.Reference, NewReference: now.Reference, Stands: v.Stands, Sections: v.Sections,
		Withdrawn: v.Withdrawn, Leavers: v.Left}
	s := &sayer{now: now, tag: tag, pack: locale.Get(tag)}
	if tag == "" {
		s.pack = locale.Get(now.File.Language)
	}
	r.Changes = s.describe(was.File, now.File, labelsOf(now, s.pack))
	r.Verdict = s.verdict()
	if len(r.Changes) == 0 {
		r.Verdict = s.say("no-change", nil)
	}
	return r, s.err
}

// verdict says the version's verdict.
func (s *sayer) verdict() string {
	if s.err != nil {
		return ""
	}
	out, err := s.now.SayVerdict(s.tag)
	s.err = err
	return out
}

// labels name the parts of the documents that list the contacts and the
// amendment record, as the template "area" knows them: a memorandum's
// schedules by their labels ("Schedule 1", "Annex C"), in the words of
// pack, else by what they are.
type labels struct{ contacts, history string }

func labelsOf(v *agreement.Version, pack *locale.Pack) labels {
	if v.Document(document.MOU) == nil {
		return labels{"contacts", "amendment-record"}
	}
	names := document.NamesIn(v.File, pack.Tag)
	return labels{names.Contacts, names.Record}
}

// describe lists the answers that differ, in words.
func (s *sayer) describe(old, new *questionnaire.Questionnaire, l labels) []Change {
	s.old, s.new = old, new
	var out []Change
	oldPartners := map[string]questionnaire.Partner{}
	for _, p := range old.Partners {
		oldPartners[p.ID] = p
	}
	from := func(partner, value string) words { return effective(old, new, partner, value) }
	for i, np := range new.Partners {
		op, ok := oldPartners[np.ID]
		name := string(np.Name)
		if !ok && !np.Joined.IsZero() {
			out = append(out, s.change("joining", words{Kind: "joins", Heading: "parties", Path: index("partners", i), New: name, Partner: name, Date: np.Joined}))
			continue
		}
		if !ok {
			out = append(out, s.change("parties", words{Kind: "added-partner", Heading: "parties", Path: index("partners", i), New: name, Partner: name}))
			continue
		}
		if op.Left.IsZero() && !np.Left.IsZero() {
			out = append(out, s.change("withdrawal", words{Kind: "leaves", Heading: "parties", Path: index("partners", i) + ".left", New: np.Left.ISO(), Partner: name, Date: np.Left}))
		}
		delete(oldPartners, np.ID)
		path := index("partners", i)
		out = append(out, s.contactChanges(l.contacts, "lead", path+".lead", name, op.Lead, np.Lead, from)...)
		var os, ns questionnaire.Contact
		if op.SafeguardingLead != nil {
			os = *op.SafeguardingLead
		}
		if np.SafeguardingLead != nil {
			ns = *np.SafeguardingLead
		}
		out = append(out, s.contactChanges(l.contacts, "safeguarding", path+".safeguarding_lead", name, os, ns, from)...)
		if op.Signatory != np.Signatory {
			w := from(name, string(np.Signatory.Name))
			w.Kind, w.Heading, w.Path, w.Partner = "signatory", l.contacts, path+".signatory", name
			w.OldSignatory, w.NewSignatory = signatoryOf(op.Signatory), signatoryOf(np.Signatory)
			w.Old, w.New = s.say("signatory", w.OldSignatory), s.say("signatory", w.NewSignatory)
			out = append(out, s.change(l.contacts, w))
		}
		out = append(out, s.fieldChanges(path, "parties", reflect.ValueOf(withoutPeople(op)), reflect.ValueOf(withoutPeople(np)))...)
	}
	for i, op := range old.Partners {
		if _, gone := oldPartners[op.ID]; gone {
			out = append(out, s.change("parties", words{Kind: "removed-partner", Heading: "parties", Path: index("partners", i), Old: string(op.Name), Partner: string(op.Name)}))
		}
	}
	if old.Version != new.Version {
		out = append(out, s.change("version", words{Kind: "version", Heading: "version", Path: "version", Old: strconv.Itoa(old.Version), New: strconv.Itoa(new.Version)}))
	}
	if old.Date != new.Date {
		out = append(out, s.change("version", words{Kind: "date", Heading: "date", Path: "date", Old: old.Date.String(), New: new.Date.String(), OldDate: old.Date, NewDate: new.Date}))
	}
	ov, nv := reflect.ValueOf(*old), reflect.ValueOf(*new)
	for i := 0; i < ov.NumField(); i++ {
		key := yamlKey(ov.Type().Field(i))
		switch key {
		case "version", "date", "partners":
			continue
		case "history":
			out = append(out, s.historyChanges(l.history, old, new)...)
			continue
		}
		out = append(out, s.fieldChanges(key, key, ov.Field(i), nv.Field(i))...)
	}
	n := namer{s, old, new}
	for i := range out {
		out[i] = n.name(out[i])
	}
	return out
}

// contactChanges describes what changed in a partner's lead or
// safeguarding lead (role "lead" or "safeguarding").
func (s *sayer) contactChanges(area, role, path, partner string, old, new questionnaire.Contact, from func(partner, value string) words) []Change {
	var out []Change
	for _, f := range []struct {
		key      string
		old, new questionnaire.Text
	}{{"name", old.Name, new.Name}, {"email", old.Email, new.Email}, {"phone", old.Phone, new.Phone}} {
		if f.old == f.new {
			continue
		}
		w := from(partner, string(f.new))
		w.Kind, w.Heading, w.Path, w.Old, w.New = "contact", area, path+"."+f.key, string(f.old), string(f.new)
		w.Partner, w.Role, w.Field = partner, role, f.key
		out = append(out, s.change(area, w))
	}
	if old.ActingUntil != new.ActingUntil && (old.Name != "" || new.Name != "") {
		w := from(partner, string(new.Name))
		w.Kind, w.Heading, w.Path, w.Old, w.New = "acting", area, path+".acting_until", old.ActingUntil.ISO(), new.ActingUntil.ISO()
		w.Partner, w.Role, w.Person, w.Until = partner, role, string(new.Name), new.ActingUntil
		out = append(out, s.change(area, w))
	}
	if old.Role != new.Role {
		out = append(out, s.change("roles", words{Kind: "role", Heading: "roles", Path: path + ".role", Old: string(old.Role), New: string(new.Role),
			Partner: partner, Role: role}))
	}
	return out
}

func signatoryOf(s questionnaire.Signatory) signatory {
	return signatory{Name: string(s.Name), Position: string(s.Position), Place: string(s.Place), ActingUntil: s.ActingUntil}
}

// effective says when a change to partner's people, to value, took
// effect: From, the date of the version that made it, or ByVersion when
// several versions lie between old and new and their amendment record
// does not tell which one made it. The record's entry for it names the
// partner, and the value too when several do.
func effective(old, new *questionnaire.Questionnaire, partner, value string) words {
	if new.Version <= old.Version+1 {
		return words{From: new.Date}
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
		return words{From: naming[0].Date}
	}
	return words{ByVersion: new.Version}
}

// withoutPeople blanks what contactChanges reports, so fieldChanges sees
// only the partner's own details.
func withoutPeople(p questionnaire.Partner) questionnaire.Partner {
	p.Lead, p.SafeguardingLead, p.Signatory = questionnaire.Contact{}, nil, questionnaire.Signatory{}
	p.Joined, p.Left = questionnaire.Date{}, questionnaire.Date{} // described as joining and leaving
	return p
}

// historyChanges describes entries added to or removed from the
// amendment record, by version, naming the partner a notice came from.
// Each file's entries are compared with the other's record as printed, so
// the first issue that mou handover writes into the history is not news:
// version 1's documents printed it already.
func (s *sayer) historyChanges(area string, old, new *questionnaire.Questionnaire) []Change {
	entry := func(q *questionnaire.Questionnaire, h questionnaire.Amendment) amendment {
		a := amendment{Version: h.Version, Date: h.Date, Change: string(h.Change)}
		if h.From != "" {
			a.From = s.partnerName(q, h.From)
		}
		return a
	}
	var out []Change
	oldRecord, newRecord := document.AmendmentRecord(old), document.AmendmentRecord(new)
	for i, h := range new.History {
		if !slices.Contains(oldRecord, h) {
			w := words{Kind: "amendment-added", Heading: area, Path: index("history", i), Amendment: entry(new, h)}
			w.New = s.say("amendment", w.Amendment)
			out = append(out, s.change(area, w))
		}
	}
	for i, h := range old.History {
		if !slices.Contains(newRecord, h) {
			w := words{Kind: "amendment-removed", Heading: area, Path: index("history", i), Amendment: entry(old, h)}
			w.Old = s.say("amendment", w.Amendment)
			out = append(out, s.change(area, w))
		}
	}
	return out
}
