// Package document turns a checked questionnaire into the Markdown of the
// memorandum of understanding and the code of practice, using the
// text/template files in the templates folder.
package document

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/internal/mdtext"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/signing"
)

// View is what a template sees: the questionnaire itself, plus helpers
// for section numbers and for the words that depend on the answers.
type View struct {
	*questionnaire.Questionnaire
	// DocumentTitle is the document's title, escaped: "Memorandum of
	// Understanding".
	DocumentTitle string
	// Reference is the agreement reference, or "" where none is known.
	Reference string
	// Notice is set only for the notice of change.
	Notice *Notice
	// Life is set only for the documents of life.go.
	Life *Life

	pack            *locale.Pack
	kind            Kind
	section, clause int
	// exec writes a template of the set with data, for Std.
	exec func(name string, data any) (string, error)
	// passed lists the sections just passed (started or left out), whose
	// inserted sections the next one writes first.
	passed []string
	// reached records the standard clauses placed so far, kept or not.
	reached map[string]bool
	// plan is the version's signing plan, whose blocks for this document
	// the signature blocks print.
	plan signing.Plan
	// outline records the sections and clauses as they are placed, and
	// the number each id is written with.
	outline Outline
}

// newView is the view of q for a document of the given kind, signed as
// plan says.
func newView(q *questionnaire.Questionnaire, kind Kind, reference string, plan signing.Plan) *View {
	pack := locale.Get(q.Language)
	return &View{Questionnaire: q, DocumentTitle: mdtext.Escape(titleOf(q, kind, pack)), Reference: reference, pack: pack, kind: kind, plan: plan}
}

// Section starts a numbered section and returns its Markdown heading,
// such as "## 4. Aims and objectives", after any sections of the
// partnership's own put after the one before (see Sec).
// The title is an answer (mdtext.Text, printed escaped) or a template's
// own words (a string).
func (v *View) Section(title any) string {
	inserted := v.flushSections()
	return inserted + v.heading(title)
}

// heading starts the next numbered section.
func (v *View) heading(title any) string {
	v.section++
	v.clause = 0
	v.outline.section(v.section, title)
	return "## " + strconv.Itoa(v.section) + ". " + escapeAny(title)
}

func escapeAny(x any) string {
	switch t := x.(type) {
	case mdtext.Text:
		return t.String()
	case string:
		return mdtext.Escape(t)
	}
	return mdtext.Escape(fmt.Sprint(x))
}

// Clause returns the next clause number in the current section, "4.1".
func (v *View) Clause() string {
	v.clause++
	n := strconv.Itoa(v.section) + "." + strconv.Itoa(v.clause)
	v.outline.clause(n)
	return n
}

// Name returns the name of the partner with the given id, escaped, or the
// words "all partners" for the id "all".
func (v *View) Name(id string) string {
	if id == questionnaire.All {
		return upperFirst(v.allParties())
	}
	if p := v.Partner(id); p != nil {
		if !p.ShortName.IsZero() {
			return p.ShortName.String()
		}
		return p.Name.String()
	}
	// A partner that has left is named in full where the text still
	// speaks of it, as for an objective it met before it left.
	if p := v.AnyPartner(id); p != nil {
		return p.Name.String()
	}
	return mdtext.Escape(id)
}

// allParties stands for every partner, escaped: "all partners", or
// with a defined term of the partnership's own, "all Parties".
func (v *View) allParties() string {
	if t := v.Term(); t.Chosen {
		// The pack's words escaped round the term's, escaped already.
		return strings.Replace(mdtext.Escape(strings.ReplaceAll(v.pack.AllOf, "{parties}", "\x00")), "\x00", t.Many, 1)
	}
	return mdtext.Escape(v.pack.AllPartners)
}

// Names lists the named partners in words: "A, B and C".
func (v *View) Names(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = v.Name(id)
	}
	return v.pack.List(names)
}

// Who names the partners taking part: "all partners" when every partner
// does, else their names in words.
func (v *View) Who(ids []string) string {
	all := len(v.Partners) > 2
	for _, p := range v.Partners {
		all = all && slices.Contains(ids, p.ID)
	}
	if all {
		return v.allParties()
	}
	return v.Names(ids)
}

// Parties lists every partner's name in words.
func (v *View) Parties() string {
	names := make([]string, len(v.Partners))
	for i, p := range v.Partners {
		names[i] = p.Name.String()
	}
	return v.pack.List(names)
}

// PartiesDefined lists every partner's name in words, each followed by
// the short name the text then calls it, where it has one: "Westmere
// Borough Council (“the Council”) and Ashcombe Academy". The code of
// practice has no list of parties to define them in, so its title page
// does.
func (v *View) PartiesDefined() string {
	names := make([]string, len(v.Partners))
	for i, p := range v.Partners {
		names[i] = p.Name.String()
		if !p.ShortName.IsZero() {
			names[i] = strings.NewReplacer("{name}", names[i], "{short}", p.ShortName.String()).Replace(v.pack.Defined)
		}
	}
	return v.pack.List(names)
}

// Kind is the name of the document being written: "mou" or
// "code-of-practice".
func (v *View) Kind() string { return v.kind.Name }

// LeadPartner returns the lead partner, or nil if the model has none.
func (v *View) LeadPartner() *questionnaire.Partner {
	return v.Partner(v.Partnership.LeadPartner)
}

// Employers returns the partners that are employers.
func (v *View) Employers() []questionnaire.Partner { return v.ofKind("employer") }

// Schools returns the partners that are schools.
func (v *View) Schools() []questionnaire.Partner { return v.ofKind("school") }

// Colleges lists the partners that are colleges, such as a sixth-form
// college working with a university.
func (v *View) Colleges() []questionnaire.Partner { return v.ofKind("college") }

func (v *View) ofKind(kind string) []questionnaire.Partner {
	var out []questionnaire.Partner
	for _, p := range v.Partners {
		if p.Kind == kind {
			out = append(out, p)
		}
	}
	return out
}

// HasPhones reports whether any contact gives a phone number, so the
// contacts table can leave out an empty column.
func (v *View) HasPhones() bool {
	for _, p := range v.Partners {
		if !p.Lead.Phone.IsZero() || (p.SafeguardingLead != nil && !p.SafeguardingLead.Phone.IsZero()) {
			return true
		}
	}
	return false
}

// Amendments returns the amendment record: the history entries, with a
// first-issue entry for version 1 when the history does not give one.
func (v *View) Amendments() []questionnaire.Amendment { return AmendmentRecord(v.Questionnaire) }

// AmendmentRecord is q's amendment record as the documents print it: the
// history entries, with a first-issue entry for version 1 when the history
// does not give one.
func AmendmentRecord(q *questionnaire.Questionnaire) []questionnaire.Amendment {
	for _, h := range q.History {
		if h.Version == 1 {
			return q.History
		}
	}
	first := questionnaire.Amendment{Version: 1, Date: q.Date, Change: questionnaire.Text(locale.Get(q.Language).FirstIssue)}
	if q.Version > 1 {
		first.Date = q.Partnership.Start
	}
	return append([]questionnaire.Amendment{first}, q.History...)
}

// upperFirst returns s with its first letter in capitals.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// Signature is one partner's signature block.
type Signature struct {
	Heading string // already escaped
	Partner questionnaire.Partner
	// Role is what the partner does by signing: "signs", "agrees",
	// "accepts" and so on (see signing.Role); templates choose the
	// block's heading by it.
	Role string
	// Signed is, in the MOU, the partner's signature on an earlier
	// version of the same agreement, which still covers this one; nil
	// when the partner has still to sign.
	Signed *questionnaire.Signature
	// Joined is set, in the MOU, for a partner that joins with this
	// version by signing a joining agreement instead of the memorandum.
	Joined bool
	// This is how the MOU names itself ("this memorandum"), for the
	// line of a partner that joins.
	This string
}

// Titled returns the block headed by lead-in followed by the partner's
// name: "Agreed by Oakhurst Primary School".
func (s Signature) Titled(leadIn string) Signature {
	s.Heading = mdtext.Escape(leadIn) + " " + s.Partner.Name.String()
	return s
}

// Signatures returns the signature blocks of this document, as the
// version's signing plan gives them, each headed by lead-in followed by
// the partner's name.
func (v *View) Signatures(leadIn string) []Signature {
	out := v.Blocks()
	for i := range out {
		out[i] = out[i].Titled(leadIn)
	}
	return out
}

// Blocks returns the signature blocks of this document, as the version's
// signing plan gives them, in order; a template heads each by its Role.
func (v *View) Blocks() []Signature {
	d := v.plan.Document(v.kind.Name)
	if d == nil {
		return nil
	}
	out := make([]Signature, 0, len(d.Blocks))
	for _, b := range d.Blocks {
		p := v.AnyPartner(b.Partner)
		if p == nil {
			continue // validation refuses a block for no partner first
		}
		s := Signature{Heading: p.Name.String(), Partner: *p, Role: string(b.Role), This: v.This()}
		if b.Carried(v.Version) {
			s.Signed = b.Signature
		}
		s.Joined = b.Role == signing.Joins
		out = append(out, s)
	}
	return out
}
