package serve

import (
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/yamledit"
)

// The wording choices about the standard clauses, as the file holds
// them: the ids left out, the clauses reworded (keyed by id) and the
// partnership's own clauses put after one.
const (
	omitPath    = "wording.omit"
	replacePath = "wording.replace"
	insertPath  = "wording.insert"
)

// clauseChoices is the part of the wording screen that leads to the
// standard clauses: what the partnership chose about them, and the
// problems with those choices, which "mou validate" finds under
// wording.omit, wording.replace and wording.insert.
type clauseChoices struct {
	ID, Label, Hint string
	Lines           []string // what is chosen, in words
	Usable          bool     // the edition has clause ids
	Errors          []string
	Warnings        []string
}

// about reports whether the problem at path is about the clause choices.
func (c *clauseChoices) about(path string) bool {
	return within(path, omitPath) || within(path, replacePath) || within(path, insertPath)
}

// clauseEntries are the wording choices about clauses, as the file
// holds them.
type clauseEntries struct {
	omit    []string
	replace map[string]string
	insert  []insertion
}

type insertion struct {
	index              int
	after, title, text string
}

func readClauseEntries(doc *yamledit.Doc) clauseEntries {
	e := clauseEntries{omit: doc.Strings(omitPath), replace: map[string]string{}}
	for _, id := range doc.Keys(replacePath) {
		e.replace[id], _ = doc.Get(yamledit.Key(replacePath, id))
	}
	for i := range doc.Len(insertPath) {
		base := insertPath + "[" + strconv.Itoa(i) + "]"
		in := insertion{index: i}
		in.after, _ = doc.Get(base + ".after")
		in.title, _ = doc.Get(base + ".title")
		in.text, _ = doc.Get(base + ".text")
		e.insert = append(e.insert, in)
	}
	return e
}

// after lists the partnership's clauses put after the clause id.
func (e clauseEntries) after(id string) []insertion {
	var out []insertion
	for _, in := range e.insert {
		if in.after == id {
			out = append(out, in)
		}
	}
	return out
}

// newClauseChoices sums up the clause choices of the file for the
// wording screen.
func newClauseChoices(doc *yamledit.Doc, q *questionnaire.Questionnaire) *clauseChoices {
	c := &clauseChoices{ID: "f-standard-clauses", Label: "Standard clauses",
		Hint: "Leave out a standard clause or section, put one in your own words, or add clauses of your own among them."}
	if q == nil || q.FirstEdition() {
		c.Lines = []string{"This partnership's documents use the first edition of mou's wording, which offers no choice of clauses. " +
			"Moving to the current edition (mou wording upgrade) makes the choices possible."}
		return c
	}
	c.Usable = true
	e := readClauseEntries(doc)
	count := func(n int, one, many string) {
		if n == 1 {
			c.Lines = append(c.Lines, one)
		} else if n > 1 {
			c.Lines = append(c.Lines, fmt.Sprintf(many, n))
		}
	}
	count(len(e.omit), "1 standard clause or section left out.", "%d standard clauses or sections left out.")
	count(len(e.replace), "1 clause in your own words.", "%d clauses in your own words.")
	count(len(e.insert), "1 clause of your own among the standard ones.", "%d clauses of your own among the standard ones.")
	if len(c.Lines) == 0 {
		c.Lines = []string{"Every standard clause as mou writes it."}
	}
	return c
}

// clauseRow is a standard clause or section as the list of clauses
// shows it.
type clauseRow struct {
	ID, Href, Excerpt string
	Status            []string
	Errors            []string
}

type clauseSection struct {
	Title string
	clauseRow
	Clauses []clauseRow
}

type clauseDocument struct {
	Title    string
	Sections []clauseSection
}

// clauseState is what the clause pages are built from.
type clauseState struct {
	*state
	clauses []app.Clause
	entries clauseEntries
	// generic is set when the file has problems, so that each clause's
	// text shows its answers as keys in brackets.
	generic bool
}

// loadClauses reads the questionnaire and its edition's clauses; it
// writes a page and returns nil when they cannot be had.
func (s *Server) loadClauses(w http.ResponseWriter, r *http.Request) *clauseState {
	st := s.load(w, r)
	if st == nil {
		return nil
	}
	q := st.snap.Questionnaire
	if q == nil || q.FirstEdition() {
		s.message(w, http.StatusOK, "There is no choice of clauses", newClauseChoices(st.doc, q).Lines...)
		return nil
	}
	valid := st.snap.Problems.Err() == nil
	// The standard words, not the partnership's own, which the page
	// shows apart.
	standard := *q
	standard.Wording.Replace = nil
	_, clauses, err := s.gen.Clauses(&standard, valid)
	if err != nil {
		s.message(w, http.StatusInternalServerError, "The clauses cannot be listed", err.Error())
		return nil
	}
	return &clauseState{state: st, clauses: clauses, entries: readClauseEntries(st.doc), generic: !valid}
}

// find returns the clause with the given id, or nil.
func (cs *clauseState) find(id string) *app.Clause {
	i := slices.IndexFunc(cs.clauses, func(c app.Clause) bool { return c.ID == id })
	if i < 0 {
		return nil
	}
	return &cs.clauses[i]
}

// number is the clause's place in its section, from 1.
func (cs *clauseState) number(id string) int {
	section := questionnaire.SectionOf(id)
	n := 0
	for _, c := range cs.clauses {
		if strings.HasPrefix(c.ID, section+".") {
			n++
		}
		if c.ID == id {
			return n
		}
	}
	return 0
}

// status says what the file chooses for the clause id, in words.
func (cs *clauseState) status(id string) []string {
	var out []string
	switch {
	case slices.Contains(cs.entries.omit, id):
		out = append(out, "Left out")
	case !questionnaire.IsSection(id) && slices.Contains(cs.entries.omit, questionnaire.SectionOf(id)):
		out = append(out, "Left out with its section")
	}
	if _, ok := cs.entries.replace[id]; ok {
		out = append(out, "In your own words")
	}
	switch n := len(cs.entries.after(id)); {
	case n == 1:
		out = append(out, "1 clause of yours after it")
	case n > 1:
		out = append(out, fmt.Sprintf("%d clauses of yours after it", n))
	}
	return out
}

// problemsAbout lists the errors mou validate finds with the choices
// about the clause id.
func (cs *clauseState) problemsAbout(id string) []string {
	var out []string
	for _, p := range cs.snap.Problems.Errors() {
		if cs.pathAbout(p.Path, id) {
			out = append(out, p.Message)
		}
	}
	return out
}

// pathAbout reports whether the answer at path is a choice about the
// clause id: its entry in wording.omit or wording.replace, or a clause
// of the partnership's put after it.
func (cs *clauseState) pathAbout(path, id string) bool {
	for i, o := range cs.entries.omit {
		if o == id && within(path, omitPath+"["+strconv.Itoa(i)+"]") {
			return true
		}
	}
	if within(path, replacePath+"."+id) {
		return true
	}
	for _, in := range cs.entries.after(id) {
		if within(path, insertPath+"["+strconv.Itoa(in.index)+"]") {
			return true
		}
	}
	return false
}

// strayEntry is a choice that names no standard clause of the edition,
// which the list of clauses offers to remove.
type strayEntry struct {
	What, Action string
	Errors       []string
}

func (cs *clauseState) strays() []strayEntry {
	known := func(id string) bool { return cs.find(id) != nil }
	var out []strayEntry
	add := func(what, action, path string) {
		e := strayEntry{What: what, Action: action}
		for _, p := range cs.snap.Problems.Errors() {
			if within(p.Path, path) {
				e.Errors = append(e.Errors, p.Message)
			}
		}
		out = append(out, e)
	}
	for i, id := range cs.entries.omit {
		if !known(id) {
			add("Left out: "+id, "drop-omit:"+strconv.Itoa(i), omitPath+"["+strconv.Itoa(i)+"]")
		}
	}
	for _, id := range slices.Sorted(maps.Keys(cs.entries.replace)) {
		if !known(id) {
			add("In your own words: "+id, "drop-replace:"+id, replacePath+"."+id)
		}
	}
	for _, in := range cs.entries.insert {
		if !known(in.after) {
			what := "Your clause after " + in.after
			if in.after == "" {
				what = "Your clause, which names no clause to follow"
			}
			add(what, "drop-insert:"+strconv.Itoa(in.index), insertPath+"["+strconv.Itoa(in.index)+"]")
		}
	}
	return out
}

// documentTitles name the documents the clauses are in.
var documentTitles = map[string]string{"mou": "The memorandum of understanding", "code-of-practice": "The code of practice"}

// showClauses lists the standard clauses, section by section, with what
// the partnership chose for each.
func (s *Server) showClauses(w http.ResponseWriter, r *http.Request) {
	cs := s.loadClauses(w, r)
	if cs == nil {
		return
	}
	p := &page{Title: "Standard clauses", Nav: cs.nav("wording"), Hash: cs.snap.Hash, Strays: cs.strays()}
	for _, c := range cs.clauses {
		if len(p.ClauseDocs) == 0 || p.ClauseDocs[len(p.ClauseDocs)-1].Title != documentTitles[c.Document] {
			p.ClauseDocs = append(p.ClauseDocs, clauseDocument{Title: documentTitles[c.Document]})
		}
		d := &p.ClauseDocs[len(p.ClauseDocs)-1]
		row := clauseRow{ID: htmlID("clause." + c.ID), Href: "/clauses/" + c.ID, Status: cs.status(c.ID), Errors: cs.problemsAbout(c.ID)}
		if questionnaire.IsSection(c.ID) {
			d.Sections = append(d.Sections, clauseSection{Title: c.Section, clauseRow: row})
			continue
		}
		row.Excerpt = excerpt(c.Text)
		if len(d.Sections) > 0 {
			sec := &d.Sections[len(d.Sections)-1]
			sec.Clauses = append(sec.Clauses, row)
		}
	}
	for _, e := range p.Strays {
		for _, msg := range e.Errors {
			p.Summary = append(p.Summary, summaryLine{Message: e.What + ": " + msg, Href: "#strays"})
		}
	}
	for _, d := range p.ClauseDocs {
		for _, sec := range d.Sections {
			for _, row := range append([]clauseRow{sec.clauseRow}, sec.Clauses...) {
				for _, msg := range row.Errors {
					p.Summary = append(p.Summary, summaryLine{Message: sec.Title + ": " + msg, Href: "#" + row.ID})
				}
			}
		}
	}
	if cs.generic {
		p.Notes = []string{"The questionnaire has problems to put right, so each clause is shown with the answers it prints in square brackets."}
	}
	s.render(w, http.StatusOK, "clauses", p)
}

// excerpt is the start of a clause's text, on one line.
func excerpt(text string) string {
	if text == "" {
		return "Not in your documents: the answers it prints are not given, or chosen otherwise."
	}
	first, rest, _ := strings.Cut(strings.TrimSpace(text), "\n\n")
	s := strings.Join(strings.Fields(first), " ")
	if r := []rune(s); len(r) > 160 {
		s = string(r[:159]) + "…"
	} else if rest != "" {
		s += " …"
	}
	return s
}

// dropStray removes a choice that names no standard clause.
func (s *Server) dropStray(w http.ResponseWriter, r *http.Request) {
	cs := s.loadClauses(w, r)
	if cs == nil {
		return
	}
	if r.PostFormValue("hash") != cs.snap.Hash {
		s.conflict(w, "/clauses", r, nil)
		return
	}
	action := r.PostFormValue("action")
	i := slices.IndexFunc(cs.strays(), func(e strayEntry) bool { return e.Action == action })
	if i < 0 {
		http.Redirect(w, r, "/clauses", http.StatusSeeOther)
		return
	}
	kind, arg, _ := strings.Cut(action, ":")
	var ops []op
	switch kind {
	case "drop-omit":
		n, _ := strconv.Atoi(arg)
		ops = append(ops, setOmit(slices.Delete(slices.Clone(cs.entries.omit), n, n+1)))
	case "drop-replace":
		ops = append(ops, deleteReplacement(arg, len(cs.entries.replace)))
	case "drop-insert":
		ops = append(ops, removeInsert(insertPath+"["+arg+"]", len(cs.entries.insert)))
	}
	if _, ok := s.save(w, r, cs.state, "/clauses", ops, nil); ok {
		http.Redirect(w, r, "/clauses#strays", http.StatusSeeOther)
	}
}

// setOmit makes wording.omit hold ids, leaving no empty list behind.
func setOmit(ids []string) op {
	return func(d *yamledit.Doc) error {
		if len(ids) == 0 {
			return d.DeleteGroup(omitPath)
		}
		return d.SetList(omitPath, ids)
	}
}

// deleteReplacement removes the partnership's words for the clause id,
// and wording.replace with them when they were its only ones (of n).
func deleteReplacement(id string, n int) op {
	return func(d *yamledit.Doc) error {
		if n == 1 {
			return d.DeleteGroup(replacePath)
		}
		return d.Delete(yamledit.Key(replacePath, id))
	}
}

// removeInsert removes the partnership's clause at path, and
// wording.insert with it when it was the only one (of n).
func removeInsert(path string, n int) op {
	if n == 1 {
		return removeGroup(insertPath)
	}
	return removeItem(path)
}

// setReplacement words the clause id in the partnership's own text.
func setReplacement(id, text string) op {
	return func(d *yamledit.Doc) error {
		path := yamledit.Key(replacePath, id)
		if _, ok := d.Get(path); !ok {
			// A new key, on one line first; SetText then makes a text
			// of several lines a block.
			err := d.Set(path, "…")
			if errors.Is(err, yamledit.ErrNotFound) {
				err = d.AddMapping(replacePath, [][2]string{{id, "…"}})
			}
			if err != nil {
				return err
			}
		}
		return d.SetText(path, text)
	}
}

// The choices for a standard clause.
const (
	keepClause = "keep"
	ownWords   = "own"
	leaveOut   = "omit"
)

// clauseQuestions are the questions of the page for the clause c.
type clauseQuestions struct {
	choice, words *control
	// inserts are the questions of each of the partnership's clauses
	// after c, title then text.
	inserts [][2]*control
}

func (cs *clauseState) questions(c *app.Clause) clauseQuestions {
	id := c.ID
	section := questionnaire.IsSection(id)
	q := clauseQuestions{}
	choice := &control{ID: "f-choice", Name: "choice", Kind: "radios"}
	current := keepClause
	if slices.Contains(cs.entries.omit, id) {
		current = leaveOut
	}
	replacement, replaced := cs.entries.replace[id]
	if section {
		choice.Label = "Keep this section?"
		choice.Options = []option{
			{Value: keepClause, Label: "Keep the section"},
			{Value: leaveOut, Label: "Leave the whole section out", Hint: "The sections after it are numbered up."},
		}
	} else {
		if replaced && current != leaveOut {
			current = ownWords
		}
		choice.Label = "What should this clause say?"
		choice.Options = []option{
			{Value: keepClause, Label: "Keep the standard words"},
			{Value: ownWords, Label: "Use our own words", Hint: "Write them below. They are printed under the same number."},
			{Value: leaveOut, Label: "Leave this clause out", Hint: "The clauses after it are numbered up."},
		}
		words := strings.TrimSuffix(replacement, "\n")
		if !replaced {
			words = c.Text
		}
		q.words = &control{ID: "f-words", Name: replacePath + "." + id, Label: "Our own words", Kind: "textarea", Value: words,
			Hint: "Used when you choose our own words. Blank lines separate paragraphs; lines starting \"- \" or \"1. \" become bullet or numbered points."}
	}
	for i := range choice.Options {
		choice.Options[i].Checked = choice.Options[i].Value == current
	}
	q.choice = choice
	for n, in := range cs.entries.after(id) {
		base := insertPath + "[" + strconv.Itoa(in.index) + "]"
		title := &control{ID: htmlID(base + ".title"), Name: base + ".title", Label: "Heading", Kind: "input", Value: in.title, Optional: !section,
			Hint: "Optional for a clause; a clause after a whole section is a section of its own, and needs one."}
		if section {
			title.Hint = "It is a section of its own, so it needs a heading."
		}
		text := &control{ID: htmlID(base + ".text"), Name: base + ".text", Label: "The clause", Kind: "textarea", Value: strings.TrimSuffix(in.text, "\n"), long: true}
		for _, c := range []*control{title, text} {
			c.Full = fmt.Sprintf("Your clause %d, %s", n+1, lowerFirst(c.Label))
		}
		q.inserts = append(q.inserts, [2]*control{title, text})
	}
	return q
}

// all lists the questions, for saving and for showing problems.
func (q clauseQuestions) all() []*control {
	out := []*control{q.choice}
	if q.words != nil {
		out = append(out, q.words)
	}
	for _, in := range q.inserts {
		out = append(out, in[0], in[1])
	}
	return out
}

// clauseView is the page for one standard clause or section.
type clauseView struct {
	ID, Section, Heading, Text string
	Generic, IsSection         bool
	Choice, Words              *control
	Inserts                    []insertView
	AddLabel                   string
}

type insertView struct {
	Legend, Remove, RemoveLabel string
	Title, Text                 *control
}

// clausePage shows the page for the clause c, with the answers and
// problems in q.
func (s *Server) clausePage(w http.ResponseWriter, status int, cs *clauseState, c *app.Clause, q clauseQuestions, summary []summaryLine) {
	v := &clauseView{ID: c.ID, Section: c.Section, Text: c.Text, Generic: cs.generic, IsSection: questionnaire.IsSection(c.ID), Choice: q.choice, Words: q.words}
	notice := ""
	if v.IsSection {
		v.Heading = "Section: " + c.Section
		v.AddLabel = "Add a section of your own after this one"
	} else {
		v.Heading = fmt.Sprintf("%s: clause %d", c.Section, cs.number(c.ID))
		v.AddLabel = "Add a clause of your own after this one"
		if slices.Contains(cs.entries.omit, questionnaire.SectionOf(c.ID)) {
			notice = "Its whole section is left out, so this clause is not printed whatever you choose here."
		}
	}
	for n, in := range q.inserts {
		base := strings.TrimSuffix(in[0].Name, ".title")
		v.Inserts = append(v.Inserts, insertView{Legend: fmt.Sprintf("Your clause %d after this one", n+1), Title: in[0], Text: in[1],
			Remove: "remove:" + base, RemoveLabel: fmt.Sprintf("Remove your clause %d", n+1)})
	}
	p := &page{Title: v.Heading, Nav: cs.nav("wording"), Hash: cs.snap.Hash, Summary: summary, Clause: v, Notice: notice, Preview: cs.preview(c.Document)}
	s.render(w, status, "clause", p)
}

// clauseFor finds the clause a request names; it writes a page and
// returns nil when there is none.
func (s *Server) clauseFor(w http.ResponseWriter, r *http.Request) (*clauseState, *app.Clause) {
	cs := s.loadClauses(w, r)
	if cs == nil {
		return nil, nil
	}
	c := cs.find(r.PathValue("id"))
	if c == nil {
		s.message(w, http.StatusNotFound, "There is no such clause", "The standard wording of this partnership's edition has no clause "+r.PathValue("id")+".")
		return nil, nil
	}
	return cs, c
}

// showClause shows the page for one standard clause or section.
func (s *Server) showClause(w http.ResponseWriter, r *http.Request) {
	cs, c := s.clauseFor(w, r)
	if c == nil {
		return
	}
	q := cs.questions(c)
	var summary []summaryLine
	at := func(ctl *control, msg string) {
		ctl.Errors = append(ctl.Errors, msg)
		summary = append(summary, summaryLine{Message: ctl.label() + ": " + msg, Href: "#" + ctl.ID})
	}
	for _, p := range cs.snap.Problems.Errors() {
		if !cs.pathAbout(p.Path, c.ID) {
			continue
		}
		switch {
		case q.words != nil && within(p.Path, q.words.Name):
			at(q.words, p.Message)
		case within(p.Path, insertPath):
			// At the title or the text of the clause it is about.
			for _, in := range q.inserts {
				base := strings.TrimSuffix(in[0].Name, ".title")
				if within(p.Path, in[0].Name) {
					at(in[0], p.Message)
				} else if within(p.Path, base) {
					at(in[1], p.Message)
				}
			}
		default:
			at(q.choice, p.Message)
		}
	}
	s.clausePage(w, http.StatusOK, cs, c, q, summary)
}

// label is how a summary names the question.
func (c *control) label() string {
	if c.Full != "" {
		return c.Full
	}
	return c.Label
}

// saveClause saves the choices for one standard clause or section.
func (s *Server) saveClause(w http.ResponseWriter, r *http.Request) {
	cs, c := s.clauseFor(w, r)
	if c == nil {
		return
	}
	q := cs.questions(c)
	back := "/clauses/" + c.ID
	if r.PostFormValue("hash") != cs.snap.Hash {
		s.conflict(w, back, r, q.all())
		return
	}
	var ops []op
	choice := r.PostFormValue("choice")
	omitted := slices.Contains(cs.entries.omit, c.ID)
	_, replaced := cs.entries.replace[c.ID]
	switch choice {
	case keepClause, ownWords, leaveOut:
	default:
		choice = keepClause
	}
	if choice == leaveOut && !omitted {
		ops = append(ops, setOmit(append(slices.Clone(cs.entries.omit), c.ID)))
	}
	if choice != leaveOut && omitted {
		ops = append(ops, setOmit(slices.DeleteFunc(slices.Clone(cs.entries.omit), func(id string) bool { return id == c.ID })))
	}
	if choice == ownWords && q.words != nil {
		words := cleanText(r.PostFormValue(q.words.Name), true)
		if words == "" {
			q.words.Value = ""
			fill([]*control{q.choice}, r.PostForm)
			msg := "Write your own words for the clause, or keep the standard words"
			q.words.Errors = []string{msg}
			s.clausePage(w, http.StatusUnprocessableEntity, cs, c, q, []summaryLine{{Message: "Our own words: " + msg, Href: "#" + q.words.ID}})
			return
		}
		if old := cs.entries.replace[c.ID]; !replaced || words != strings.TrimSuffix(old, "\n") {
			ops = append(ops, setReplacement(c.ID, words))
		}
	} else if replaced {
		ops = append(ops, deleteReplacement(c.ID, len(cs.entries.replace)))
	}
	var inserts []*control
	for _, in := range q.inserts {
		inserts = append(inserts, in[0], in[1])
	}
	ops = append(ops, changes(r, inserts, nil)...)
	target := back
	switch action := r.PostFormValue("action"); {
	case action == "add":
		pairs := [][2]string{{"after", c.ID}}
		if questionnaire.IsSection(c.ID) {
			pairs = append(pairs, [2]string{"title", ""})
		}
		pairs = append(pairs, [2]string{"text", ""})
		ops = append(ops, func(d *yamledit.Doc) error { return d.Append(insertPath, pairs) })
		target += "#f-inserts"
	case strings.HasPrefix(action, "remove:"+insertPath+"["):
		for _, in := range q.inserts {
			if base := strings.TrimSuffix(in[0].Name, ".title"); action == "remove:"+base {
				ops = append(ops, removeInsert(base, len(cs.entries.insert)))
				target += "#f-inserts"
			}
		}
	case action == "back":
		target = "/clauses#" + htmlID("clause."+c.ID)
	}
	if _, ok := s.save(w, r, cs.state, back, ops, q.all()); ok {
		http.Redirect(w, r, target, http.StatusSeeOther)
	}
}
