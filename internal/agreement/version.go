package agreement

import (
	"slices"
	"sync"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/internal/mdtext"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/signing"
)

// Version is one version of a partnership's agreement, worked out once
// from its validated questionnaire and the previous version's record:
// the parties, the documents as written (with the sections, clauses and
// schedules each holds), the dates in force, the signing plan and the
// verdict. Every output of the version reads it: the documents and their
// signing fields, status, the calendar, diff and the redline.
type Version struct {
	// File is the questionnaire as its file holds it; Shown is the same
	// as its documents show it (see Shown).
	File, Shown *questionnaire.Questionnaire
	// Reference is the agreement reference.
	Reference string
	// Names are the words for the partnership's documents.
	Names document.Names
	// Parties are every partner the file names, those that have left
	// included, in its order.
	Parties []Party
	// Documents are the documents of the version, as written, in the
	// order they are written: the memorandum and the code of practice
	// asked for, then a notice of change, a joining agreement and a
	// notice of withdrawal where the version has them.
	Documents []document.Written
	// Dates are the dates in force.
	Dates Dates
	// Plan is who signs which block of which document, and what is
	// signed already.
	Plan signing.Plan
	// Record is what the version leaves behind for the next; Verdict
	// says how it stands against the previous version's.
	Record  *Record
	Verdict Verdict

	// words are the templates the version is written with, whose plain
	// text says what is said of it outside its documents (see Say).
	words *document.Templates
}

// Build works out the version of q, read from file, against prev, the
// previous version's record (nil when there is none). q must have passed
// validation.
func Build(t *document.Templates, file string, q *questionnaire.Questionnaire, prev *Record) (*Version, error) {
	// The code of practice's fingerprint, which the signing plan needs
	// beside a memorandum, is worked out alongside the agreement's.
	both := q.Writes(document.MOU.Name) && q.Writes(document.CodeOfPractice.Name)
	var code document.Agreement
	codeErr := make(chan error, 1)
	if both {
		go func() {
			var err error
			code, err = t.Fingerprint(q, document.CodeOfPractice)
			codeErr <- err
		}()
	}
	a, err := t.Agreement(q)
	if both {
		if err2 := <-codeErr; err == nil {
			err = err2
		}
	}
	if err != nil {
		return nil, err
	}
	shown := Shown(q)
	v := &Version{File: q, Shown: shown, Reference: a.Reference, Names: document.NamesOf(q), Parties: parties(q), words: t}
	v.Record = New(file, shown, a, t.Wording(q))
	v.Verdict = Compare(prev, v.Record)
	v.Verdict.Joined, v.Verdict.Left = v.membership(prev)

	facts := signing.Facts{Reference: a.Reference, Changed: prev != nil && !v.Verdict.Stands}
	if c := v.Verdict.Contacts; prev != nil && v.Verdict.Stands && len(c) > 0 {
		facts.Notice, facts.NoticeFrom = true, c[0].Partner
	}
	if both {
		facts.CodeReference = code.Reference
	}
	v.Plan = signing.New(q, facts)
	v.Verdict.sign(v)

	if err := v.write(t, prev); err != nil {
		return nil, err
	}
	if len(v.Verdict.Left) > 0 {
		// The withdrawal is measured against the version as it stood
		// before the partners left: the previous version's day, or the
		// day before this one.
		before := *q
		before.Date = q.Date.AddDays(-1)
		if d, ok := prevDate(prev); ok {
			before.Date = d
		}
		if v.Verdict.Withdrawn, err = Withdrawn(t, Shown(&before), shown, v.Verdict.Sections); err != nil {
			return nil, err
		}
	}
	v.Dates = v.dates()
	v.Verdict.said, err = v.SayVerdict(locale.Default)
	return v, err
}

// write writes the version's documents.
func (v *Version) write(t *document.Templates, prev *Record) error {
	in := document.Input{Reference: v.Reference, Plan: v.Plan}
	// The memorandum and the code of practice are written side by side.
	kinds := document.KindsFor(v.Shown)
	written := make([]document.Written, len(kinds))
	errs := make([]error, len(kinds))
	var wg sync.WaitGroup
	for i, kind := range kinds {
		wg.Go(func() { written[i], errs[i] = t.Write(v.Shown, kind, in) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	v.Documents = append(v.Documents, written...)
	if v.Plan.Document(signing.NoticeOfChange) != nil {
		n := in
		n.Notice = &document.Notice{PreviousVersion: prev.Version, Changes: noticeChanges(v.Shown, v.Verdict.Contacts),
			Joined: texts(v.Verdict.Joined), Left: texts(v.Verdict.Left)}
		if err := v.add(t, document.NoticeOfChange, n); err != nil {
			return err
		}
	}
	if v.Plan.Document(signing.JoiningAgreement) != nil {
		j := in
		j.Life = &document.Life{Members: v.members(Joining)}
		if err := v.add(t, document.JoiningAgreement, j); err != nil {
			return err
		}
	}
	if v.Plan.Document(signing.NoticeOfWithdrawal) != nil {
		leaving := v.members(Leaving)
		w := in
		w.Life = &document.Life{Members: leaving, Changed: v.Verdict.Previous != nil && !v.Verdict.Stands,
			Given: leaving[0].NoticeGiven, Signed: v.signedBefore(leaving[0].ID)}
		if err := v.add(t, document.NoticeOfWithdrawal, w); err != nil {
			return err
		}
	}
	return nil
}

// add writes one document of the version.
func (v *Version) add(t *document.Templates, kind document.Kind, in document.Input) error {
	w, err := t.Write(v.Shown, kind, in)
	if err != nil {
		return err
	}
	v.Documents = append(v.Documents, w)
	return nil
}

// Document returns the version's document of the given kind, as
// written, or nil when it has none.
func (v *Version) Document(kind document.Kind) *document.Written {
	for i := range v.Documents {
		if v.Documents[i].Kind == kind {
			return &v.Documents[i]
		}
	}
	return nil
}

// Agreement is the document the partners sign: the memorandum, or the
// code of practice where it is the only document.
func (v *Version) Agreement() *document.Written {
	if d := v.Document(document.MOU); d != nil {
		return d
	}
	return v.Document(document.CodeOfPractice)
}

// Review writes the record of a review held on day of this version,
// signed as the plan says.
func (v *Version) Review(t *document.Templates, day questionnaire.Date) (document.Written, error) {
	return t.Write(v.Shown, document.ReviewRecord, document.Input{Reference: v.Reference, Plan: v.Plan, Life: &document.Life{Date: day}})
}

// members are the partners of the given status, as the documents show
// them, in the file's order.
func (v *Version) members(s Status) []questionnaire.Partner {
	var out []questionnaire.Partner
	for _, p := range v.Parties {
		if p.Status == s {
			if q := v.Shown.AnyPartner(p.ID); q != nil {
				out = append(out, *q)
			}
		}
	}
	return out
}

// signedBefore is the reference of the agreement the partner with the
// given id was party to before this version: the previous version's,
// else the one on its latest recorded signature, else "" (unknown).
func (v *Version) signedBefore(id string) string {
	if v.Verdict.Previous != nil {
		return v.Verdict.Previous.Reference
	}
	ref, version := "", 0
	for _, s := range v.File.Signatures {
		if s.Partner == id && s.Reference != "" && s.Version < v.File.Version && s.Version > version {
			ref, version = s.Reference, s.Version
		}
	}
	return ref
}

// membership names the partners that joined and left between the
// previous version and this one: those whose joining or leaving day is
// after the previous version's and not after this one's, or, with no
// previous version to go by, on this version's day.
func (v *Version) membership(prev *Record) (joined, left []string) {
	q := v.File
	from, known := prevDate(prev)
	between := func(d questionnaire.Date) bool {
		if d.IsZero() {
			return false
		}
		if !known {
			return d == q.Date
		}
		return d.After(from) && !d.After(q.Date)
	}
	for _, p := range q.Partners {
		if between(p.Joined) {
			joined = append(joined, string(p.Name))
		}
		if between(p.Left) {
			left = append(left, string(p.Name))
		}
	}
	return joined, left
}

// prevDate is the date of the previous version's record.
func prevDate(prev *Record) (questionnaire.Date, bool) {
	if prev == nil {
		return questionnaire.Date{}, false
	}
	d, err := questionnaire.ParseDate(prev.Date)
	return d, err == nil
}

// Name is the name of the partner with the given id, one that has left
// included, or the id itself when there is none.
func (v *Version) Name(id string) string {
	if i := slices.IndexFunc(v.Parties, func(p Party) bool { return p.ID == id }); i >= 0 {
		return v.Parties[i].Name
	}
	return id
}

// texts are names as answers, to print escaped.
func texts(names []string) []mdtext.Text {
	out := make([]mdtext.Text, len(names))
	for i, n := range names {
		out[i] = mdtext.Text(n)
	}
	return out
}

// noticeChanges describes the changed contacts for the notice, with the
// partners' names.
func noticeChanges(q *questionnaire.Questionnaire, changes []ContactChange) []document.ContactChange {
	out := make([]document.ContactChange, len(changes))
	for i, c := range changes {
		d := document.ContactChange{Kind: c.Kind, Role: questionnaire.Text(c.Role), Added: c.Added, Removed: c.Removed, Partner: questionnaire.Text(c.Partner)}
		if p := q.AnyPartner(c.Partner); p != nil {
			d.Partner = p.Name
		}
		for _, f := range c.Fields {
			d.Fields = append(d.Fields, document.FieldChange{Field: f.Field, Old: questionnaire.Text(f.Old), New: questionnaire.Text(f.New)})
		}
		out[i] = d
	}
	return out
}

// Title is the title of the version's document with the given name, as
// its wording names it: "Code of Conduct", "Joining Agreement".
func (v *Version) Title(kind string) string {
	if k, ok := document.KindNamed(kind); ok {
		return document.Title(v.File, k)
	}
	return kind
}

// IsAgreement reports whether the document with the given name is the
// one the partners sign as their agreement, whose reference names it.
func (v *Version) IsAgreement(kind string) bool {
	a := v.Agreement()
	return a != nil && a.Kind.Name == kind
}
