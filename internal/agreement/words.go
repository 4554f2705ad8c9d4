package agreement

import (
	"strings"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/internal/questionnaire"
)

// The verdict's words are the templates' (the "verdict" of
// summary.txt.tmpl); what is here gives them the facts.

// Say writes the plain-text template name with data, in the language tag
// ("" for the file's), from the templates the version is written with:
// what is said of the version outside its documents, such as a calendar's
// events and a redline's first page.
func (v *Version) Say(tag, name string, data any) (string, error) {
	return v.words.Say(v.File, tag, name, data)
}

// SayVerdict says the version's verdict in the language tag ("" for the
// file's).
func (v *Version) SayVerdict(tag string) (string, error) {
	return v.Verdict.Say(v.words, v.File, tag)
}

// String says the verdict in British English, to the person at the
// keyboard, as Build worked it out; a Verdict made by Compare alone says
// nothing here, and Say says it.
func (v Verdict) String() string { return v.said }

// Say says the verdict on q, the version's questionnaire, in the language
// tag ("" for q's).
func (v Verdict) Say(t *document.Templates, q *questionnaire.Questionnaire, tag string) (string, error) {
	return t.Say(q, tag, "verdict", v.words(q, tag))
}

// verdictWords are the facts the template "verdict" says a verdict from.
type verdictWords struct {
	// Case is "first", "unchecked", "changed", "membership", "unchanged"
	// or "contacts" (see the template).
	Case                         string
	Version, Previous            int // Previous is 0 when there is no previous version
	Reference, PreviousReference string
	Sections, Withdrawn          SectionList
	Joined, Left                 []string
	Accepts                      string
	AllAgree                     bool
	// ShortNotice reports that the partners leaving gave notice shorter
	// than the agreement's, which the others agree to by signing it.
	ShortNotice bool
	// Memorandum reports that the partnership has a memorandum, whose
	// schedule Contacts ("Schedule 1", "Annex C") lists the contacts;
	// Short names the agreement again.
	Memorandum      bool
	Short, Contacts string
	// Binding reports a legally binding agreement, which a joining
	// agreement binds a newcomer to; a memorandum that is not binding it
	// accepts.
	Binding bool
}

func (v Verdict) words(q *questionnaire.Questionnaire, tag string) verdictWords {
	names := document.NamesIn(q, tag)
	w := verdictWords{Version: v.Current.Version, Reference: v.Current.Reference,
		Sections: Sections(v.Sections), Withdrawn: Sections(v.Withdrawn), Joined: v.Joined, Left: v.Left,
		Accepts: v.Accepts, AllAgree: v.AllAgree, ShortNotice: v.ShortNotice,
		Memorandum: q.Writes(document.MOU.Name), Short: names.Short, Contacts: names.Contacts, Binding: q.Wording.Binding()}
	if v.Previous != nil {
		w.Previous, w.PreviousReference = v.Previous.Version, v.Previous.Reference
	}
	switch {
	case v.Previous == nil && v.Current.Version > 1:
		w.Case = "unchecked"
	case v.Previous == nil:
		w.Case = "first"
	case !v.Stands:
		w.Case = "changed"
	case len(v.Joined)+len(v.Left) > 0:
		w.Case = "membership"
	case len(v.Contacts) == 0:
		w.Case = "unchanged"
	default:
		w.Case = "contacts"
	}
	return w
}

// SectionRef is a section of the signed text, as the words of a verdict
// name it.
type SectionRef struct {
	Number string // "4"; "" for the title page and the schedules
	// Label is a schedule's, as its heading gives it: "Schedule 3",
	// "Annex A".
	Label     string
	Title     string
	TitlePage bool
	Removed   bool // the section is gone from the new text
}

// SectionList is sections as a verdict lists them: those without a
// number, then the numbered ones.
type SectionList struct{ Unnumbered, Numbered []SectionRef }

// removed marks a section of the old text that the new one lacks, in the
// headings ChangedSections lists.
const removed = ", removed"

// Sections sorts the headings ChangedSections lists for saying.
func Sections(headings []string) SectionList {
	var l SectionList
	for _, h := range headings {
		r := SectionRef{Title: h}
		r.Title, r.Removed = strings.CutSuffix(h, removed)
		if num, title, ok := numbered(r.Title); ok {
			r.Number, r.Title = num, title
			l.Numbered = append(l.Numbered, r)
			continue
		}
		r.TitlePage = r.Title == document.TitlePage
		if label, title, ok := scheduleHeading(r.Title); ok {
			r.Label, r.Title = label, title
		}
		l.Unnumbered = append(l.Unnumbered, r)
	}
	return l
}

// SaySections says the sections ChangedSections lists in words, in
// British English: "the title page and sections 1 (Parties) and 6 (Roles
// and leads)".
func SaySections(t *document.Templates, q *questionnaire.Questionnaire, headings []string) (string, error) {
	return t.Say(q, locale.Default, "sections", Sections(headings))
}
