// Package locale holds every word the documents print that is not in a
// template: month names, how a list is joined, what each questionnaire
// word means in a sentence, the labels around the text (page numbers,
// version, reference), the documents' titles and the few phrases Go puts
// into sentences of the templates ("this memorandum", "Schedule 1"). A
// language is one [Pack] here, in a file of its own, plus one set of
// templates for each edition of the wording (templates/languages); the
// questionnaire's `language` key chooses both. Go code gives facts; the
// pack and the templates give the words.
//
// Messages to the person at the keyboard (validate, status, diff's text
// report, generate's verdict line) are not documents and stay in
// English. Those that a document prints too, the verdict and the changes
// a redline lists, are said by the templates, in British English for the
// keyboard.
package locale

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Pack is one language's words.
type Pack struct {
	// Tag is the BCP 47 language tag, "en-GB".
	Tag string
	// Description says which language it is, in English, for the
	// questionnaire's schema: "British English: dates as 1 September
	// 2026."
	Description string
	// Months are the month names, January first.
	Months [12]string
	// DateOrder lays out a date with {day}, {month} and {year}.
	DateOrder string
	// And joins the last two items of a list: "A, B and C".
	And string
	// Units name lengths of time, singular and plural, by the
	// questionnaire's unit: "month" → {"month", "months"}.
	Units map[string][2]string
	// Words say what each questionnaire word means in a sentence, by key
	// ("level") and word ("cooperation").
	Words map[string]map[string]string
	// AllPartners stands for every partner: "all partners".
	AllPartners string
	// Titles are the documents' titles by document name ("mou").
	Titles map[string]string
	// Issued gives a document's version and date: {version}, {date}.
	Issued string
	// Reference labels the agreement reference: {reference}.
	Reference string
	// PagePattern numbers a page: {page} and {pages}.
	PagePattern string
	// Keywords are the documents' metadata keywords, after each
	// document's own title.
	Keywords string
	// DraftMark is printed across every page of a draft; DraftNote on its
	// title page.
	DraftMark, DraftNote string
	// Contents heads the contents page of a long document.
	Contents string
	// Acting marks a person covering a role: {name} and {date}.
	Acting string
	// SignedBy says, on a public web page, that a partner signed:
	// {partner}, {date} and {name}.
	SignedBy string

	// The words below name the partnership and its documents inside
	// sentences of the templates.

	// Memorandum is how a sentence names a memorandum of understanding
	// again: "memorandum".
	Memorandum string
	// ThisMemorandum is how a memorandum names itself in its own text
	// under its standard title, and ThisAgreement under any other;
	// ThisDefinedAgreement under a title that makes it an agreement, as a
	// defined term (edition 2026.3 on).
	ThisMemorandum, ThisAgreement, ThisDefinedAgreement string
	// Party and Parties are the nouns for one party and several where the
	// parties' defined term joins their names ("the Council and the
	// Academy"). The terms mou suggests, the standard one first, are in
	// Words["parties_term"], with their nouns in Words["party"] and
	// Words["parties"].
	Party, Parties string
	// AllOf stands for every party under a defined term of the
	// partnership's own: {parties} is its plural noun.
	AllOf string
	// Schedule names a schedule by its number: {n}. Schedule headings
	// start with it, and mou reads them back by it. From edition 2026.3
	// the partnership's own schedules and those after them are named as
	// the file's wording.schedule_numbering chooses, by the patterns
	// under Words["schedule_numbering"], where {letter} numbers them A,
	// B, C…; Words["schedule_word"] is the word a sentence calls each
	// by: "this annex".
	Schedule string
	// ContactsSection names the part of a code of practice written on its
	// own that lists the key contacts: {code} is its title, in lower case.
	ContactsSection string
	// Called names the partnership in a sentence: {name}. A name that
	// already starts or ends with the words around {name} is not given
	// them twice: "the Example Schools Partnership".
	Called string
	// Defined gives a partner's name followed by the short name the text
	// then calls it: {name} and {short}.
	Defined string
	// FirstIssue is the amendment record's entry for version 1 when the
	// file gives none.
	FirstIssue string
}

// Default is the language of a questionnaire that names none.
const Default = "en-GB"

// builtIn are the packs compiled in, each added by its own file's init.
var builtIn = map[string]*Pack{}

var (
	registeredMu sync.RWMutex
	registered   = map[string]*Pack{}
)

// Register adds a pack made while the program runs: the pseudo-locale of
// the tests is one. A built-in pack cannot be replaced.
func Register(p *Pack) {
	if builtIn[p.Tag] != nil {
		panic("locale: " + p.Tag + " is built in")
	}
	registeredMu.Lock()
	defer registeredMu.Unlock()
	registered[p.Tag] = p
}

// Get returns the pack for a language tag, or nil if there is none.
func Get(tag string) *Pack {
	if tag == "" {
		tag = Default
	}
	if p := builtIn[tag]; p != nil {
		return p
	}
	registeredMu.RLock()
	defer registeredMu.RUnlock()
	return registered[tag]
}

// Date prints a date: "1 September 2026"; "" for the zero time.
func (p *Pack) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return strings.NewReplacer(
		"{day}", strconv.Itoa(t.Day()),
		"{month}", p.Months[t.Month()-1],
		"{year}", strconv.Itoa(t.Year()),
	).Replace(p.DateOrder)
}

// List joins items: "A", "A and B", "A, B and C".
func (p *Pack) List(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + p.And + " " + items[len(items)-1]
}

// Period prints a length of time: "1 year", "3 months".
func (p *Pack) Period(n int, unit string) string {
	if n == 0 {
		return ""
	}
	names, ok := p.Units[unit]
	if !ok {
		names = [2]string{unit, unit}
	}
	if n == 1 {
		return "1 " + names[0]
	}
	return strconv.Itoa(n) + " " + names[1]
}

// Word says what a questionnaire word means: Word("level", "cooperation").
func (p *Pack) Word(key, word string) string { return p.Words[key][word] }

// IssuedLabel is "Version 2 · 1 September 2026".
func (p *Pack) IssuedLabel(version int, date time.Time) string {
	return strings.NewReplacer("{version}", strconv.Itoa(version), "{date}", p.Date(date)).Replace(p.Issued)
}

// ReferenceLabel is "Agreement ref. 7K2M-Q9XD", or "" without a reference.
func (p *Pack) ReferenceLabel(reference string) string {
	if reference == "" {
		return ""
	}
	return strings.ReplaceAll(p.Reference, "{reference}", reference)
}

// ActingName names a person covering a role until a date: "Owen Price
// (acting until 31 March 2027)".
func (p *Pack) ActingName(name string, until time.Time) string {
	return strings.NewReplacer("{name}", name, "{date}", p.Date(until)).Replace(p.Acting)
}

// SignedLine says that someone signed for a partner on a date: "Signed
// for Riverside Academy on 3 October 2026 by Dr Amara Okafor".
func (p *Pack) SignedLine(partner string, date time.Time, name string) string {
	return strings.NewReplacer("{partner}", partner, "{date}", p.Date(date), "{name}", name).Replace(p.SignedBy)
}

// ScheduleName is "Schedule 1".
func (p *Pack) ScheduleName(n int) string {
	return strings.ReplaceAll(p.Schedule, "{n}", strconv.Itoa(n))
}

// ScheduleLabel names the schedule numbered i, counting from 0, in the
// style a file chose under wording.schedule_numbering ("" for the
// standard one): "Schedule 1", "Annex B".
func (p *Pack) ScheduleLabel(style string, i int) string {
	pattern := p.Schedule
	if style != "" {
		pattern = p.Word("schedule_numbering", style)
	}
	return strings.NewReplacer("{n}", strconv.Itoa(i+1), "{letter}", letters(i)).Replace(pattern)
}

// SchedulePatterns lists every pattern the pack names a schedule by, the
// standard one first, each once.
func (p *Pack) SchedulePatterns() []string {
	out := []string{p.Schedule}
	for _, style := range slices.Sorted(maps.Keys(p.Words["schedule_numbering"])) {
		if pattern := p.Words["schedule_numbering"][style]; !slices.Contains(out, pattern) {
			out = append(out, pattern)
		}
	}
	return out
}

// letters numbers i from 0 as A, B, … Z, AA, AB…
func letters(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// Title is the title of the document with the given name, such as "mou".
func (p *Pack) Title(name string) string {
	if t, ok := p.Titles[name]; ok {
		return t
	}
	panic(fmt.Sprintf("locale %s: no title for %q", p.Tag, name))
}
