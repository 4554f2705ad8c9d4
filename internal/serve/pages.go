package serve

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log"
	"net/http"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/output"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/yamledit"
)

//go:embed assets
var assets embed.FS

// page is what every page template is given; each page uses its part.
type page struct {
	Title, Heading, Intro string
	File                  string
	Token, Hash           string
	Nav                   []navLink
	Summary               []summaryLine
	Notice                string

	Slug          string
	Number, Parts int
	Blocks        []block
	Other         []string
	Review        []reviewPart
	Valid         bool
	Previews      []link
	Out           string
	Verdict       string
	Files         []link
	Lines, Notes  []string
	Steps         []step // what to do next
	Next          string
	Rows          []row
	Found         []found // the questionnaires in the folder
	Dir           string
	ClauseDocs    []clauseDocument // the standard clauses
	Strays        []strayEntry     // choices that name no standard clause
	Clause        *clauseView      // one standard clause
	Preview       *link            // the document's preview, beside a form
}

type navLink struct {
	Href, Label string
	Current     bool
	Problems    int
}

type summaryLine struct{ Message, Href string }

type link struct{ Href, Label, File string }

// step is a sentence saying what to do next, with a link in it.
type step struct{ Before, Link, Href, After string }

// reviewPart is one screen's answers: sections of rows, the first
// without a heading and then one for each item of a list.
type reviewPart struct {
	Title    string
	Sections []reviewSection
}

type reviewSection struct {
	Heading string
	Rows    []row
}

// add adds rows to the first section, which has no heading.
func (p *reviewPart) add(rows ...row) {
	if len(p.Sections) == 0 {
		p.Sections = append(p.Sections, reviewSection{})
	}
	p.Sections[0].Rows = append(p.Sections[0].Rows, rows...)
}

type row struct {
	Label, Value, Href string
	Errors             []string
}

// pageTemplates returns, for each page, the layout with that page's body,
// parsed the first time it is asked for rather than when every other
// command starts.
var pageTemplates = sync.OnceValue(func() map[string]*template.Template {
	base := template.Must(template.New("pages.html").Funcs(template.FuncMap{"inc": func(i int) int { return i + 1 }}).ParseFS(assets, "assets/pages.html"))
	out := map[string]*template.Template{}
	for _, name := range []string{"home", "start", "screen", "clauses", "clause", "review", "generated", "life", "changed", "conflict", "message"} {
		t := template.Must(base.Clone())
		template.Must(t.New("body").Parse(`{{template "body-` + name + `" .}}`))
		out[name] = t
	}
	return out
})

// render writes the page called name.
func (s *Server) render(w http.ResponseWriter, status int, name string, p *page) {
	p.Token = s.token
	if file, _ := s.current(); file != "" {
		p.File = filepath.Base(file)
	}
	var buf bytes.Buffer
	if err := pageTemplates()[name].ExecuteTemplate(&buf, "layout", p); err != nil {
		log.Printf("mou serve: page %s: %v", name, err)
		http.Error(w, "The page could not be drawn.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// message shows a page with a heading and a few sentences.
func (s *Server) message(w http.ResponseWriter, status int, heading string, lines ...string) {
	s.render(w, status, "message", &page{Title: heading, Heading: heading, Lines: lines})
}

// state is the questionnaire as read for one request, with every
// screen's questions and the problems put at them.
type state struct {
	snap  app.Snapshot
	doc   *yamledit.Doc
	pages [][]block // one for each of screens
	other questionnaire.Problems
}

// load reads the questionnaire. It writes a page and returns nil when it
// cannot be shown as questions.
func (s *Server) load(w http.ResponseWriter, r *http.Request) *state {
	file, _ := s.current()
	if file == "" {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return nil
	}
	if !s.sameFile(w, r, file) {
		return nil
	}
	snap, err := app.Read(file)
	if err != nil {
		s.message(w, http.StatusInternalServerError, "The questionnaire cannot be read", err.Error())
		return nil
	}
	doc, err := yamledit.Parse(snap.Data)
	if err != nil {
		lines := []string{"The file is not one YAML document, so its answers cannot be shown as questions. Open it in a text editor and put right what these lines say, then reload this page."}
		for _, p := range snap.Problems {
			lines = append(lines, p.String())
		}
		s.message(w, http.StatusOK, "The questionnaire cannot be read", lines...)
		return nil
	}
	return newState(snap, doc)
}

// newState asks the questions of every screen of the questionnaire snap,
// whose answers doc holds.
func newState(snap app.Snapshot, doc *yamledit.Doc) *state {
	st := &state{snap: snap, doc: doc}
	for i := range screens {
		st.pages = append(st.pages, build(&screens[i], doc, snap.Questionnaire))
	}
	st.other = attach(st.problemsInWords(snap.Problems), st.pages)
	return st
}

// sameFile checks that a form sent is for the questionnaire open now,
// not one open when its page was shown; if not, it says so and returns
// false.
func (s *Server) sameFile(w http.ResponseWriter, r *http.Request, file string) bool {
	sent := r.PostFormValue("file-open")
	if r.Method != http.MethodPost || sent == "" || sent == filepath.Base(file) {
		return true
	}
	s.message(w, http.StatusConflict, "Another questionnaire is open now",
		"This page was for "+sent+", but "+filepath.Base(file)+" has been opened since, so nothing was saved.",
		"Open "+sent+" again from the start page, then make your change again.")
	return false
}

// nav lists the screens, with the number of problems on each.
func (st *state) nav(current string) []navLink {
	var out []navLink
	for i, sc := range screens {
		out = append(out, navLink{Href: "/part/" + sc.Slug, Label: sc.Title, Current: sc.Slug == current, Problems: len(st.summary(i))})
	}
	return out
}

// summary lists the errors on screen i, each linking to its question;
// a question of a list's item is named with the item: "Objective 2, due
// by".
func (st *state) summary(i int) []summaryLine {
	var out []summaryLine
	for _, b := range st.pages[i] {
		if l := b.List; l != nil {
			for _, e := range l.Errors {
				out = append(out, summaryLine{l.Label + ": " + e, "#" + l.ID})
			}
		}
		if c := b.Clauses; c != nil {
			for _, e := range c.Errors {
				out = append(out, summaryLine{c.Label + ": " + e, "/clauses"})
			}
		}
		for _, c := range controls([]block{b}) {
			for _, e := range c.Errors {
				out = append(out, summaryLine{c.Full + ": " + e, "#" + c.ID})
			}
		}
	}
	return out
}

func (st *state) otherLines() []string {
	var out []string
	for _, p := range st.other {
		if !p.Warning {
			out = append(out, p.String())
		}
	}
	return out
}

// home shows the parts of the questionnaire with their problems, or the
// start page when none is open.
func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	if file, _ := s.current(); file == "" {
		s.start(w, r)
		return
	}
	st := s.load(w, r)
	if st == nil {
		return
	}
	name := strings.TrimSpace(string(st.snap.Questionnaire.Partnership.Name))
	if name == "" {
		name = "Your partnership"
	}
	s.render(w, http.StatusOK, "home", &page{Title: name, Heading: name, Nav: st.nav(""), Other: st.otherLines(), Hash: st.snap.Hash})
}

// screenState finds the screen a request names and reads the
// questionnaire; it writes a page and returns a nil state when either
// cannot be had.
func (s *Server) screenState(w http.ResponseWriter, r *http.Request) (int, *state) {
	i := slices.IndexFunc(screens, func(sc screen) bool { return sc.Slug == r.PathValue("screen") })
	if i < 0 {
		http.NotFound(w, r)
		return 0, nil
	}
	return i, s.load(w, r)
}

// showScreen shows one part of the questionnaire.
func (s *Server) showScreen(w http.ResponseWriter, r *http.Request) {
	i, st := s.screenState(w, r)
	if st == nil {
		return
	}
	sc := screens[i]
	p := &page{Title: sc.Title, Heading: sc.Title, Intro: sc.Intro, Slug: sc.Slug, Number: i + 1, Parts: len(screens),
		Blocks: st.pages[i], Nav: st.nav(sc.Slug), Summary: st.summary(i), Hash: st.snap.Hash, Preview: st.preview(sc.document())}
	s.render(w, http.StatusOK, "screen", p)
}

// saveScreen saves the answers of one part, and adds or removes an item
// of a list when asked.
func (s *Server) saveScreen(w http.ResponseWriter, r *http.Request) {
	i, st := s.screenState(w, r)
	if st == nil {
		return
	}
	sc := screens[i]
	blocks := st.pages[i]
	if r.PostFormValue("hash") != st.snap.Hash {
		s.conflict(w, "/part/"+sc.Slug, r, controls(blocks))
		return
	}
	ops := changes(r, controls(blocks), groups(blocks))
	ops = append(ops, renames(r, st)...)
	action := r.PostFormValue("action")
	target := "/part/" + sc.Slug
	for _, b := range blocks {
		l := b.List
		if l == nil {
			continue
		}
		if action == l.Add {
			ops = append(ops, addItem(l.Name, len(l.Items)))
			target += "#" + htmlID(l.Name+"["+strconv.Itoa(len(l.Items))+"]")
		}
		for _, it := range l.Items {
			if action == it.Remove {
				ops = append(ops, removeItem(strings.TrimPrefix(it.Remove, "remove:")))
				target += "#" + l.ID
			}
		}
	}
	for _, g := range groups(blocks) {
		if g.Remove != "" && action == g.Remove {
			ops = append(ops, removeGroup(g.Name))
			target += "#" + g.ID
		}
	}
	if action == "next" && i+1 < len(screens) {
		target = "/part/" + screens[i+1].Slug
	} else if action == "next" {
		target = "/review"
	}
	saved, ok := s.save(w, r, st, "/part/"+sc.Slug, ops, controls(blocks))
	if !ok {
		return
	}
	if action == "next" && len(ops) > 0 && newProblems(st, saved, i) {
		target = "/part/" + sc.Slug // to show what was just refused
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
}

// newProblems reports whether saving screen i brought it problems it did
// not have before, such as a date that does not exist: Save and continue
// then stays on the screen to show them, rather than going on past them.
func newProblems(before *state, saved app.Snapshot, i int) bool {
	doc, err := yamledit.Parse(saved.Data)
	if err != nil {
		return false
	}
	had := map[string]bool{}
	for _, l := range before.summary(i) {
		had[l.Message] = true
	}
	return slices.ContainsFunc(newState(saved, doc).summary(i), func(l summaryLine) bool { return !had[l.Message] })
}

// save makes the changes ops in the questionnaire, as read in st, and
// returns it as saved. It writes a page and returns false when they
// cannot be saved; back is the page to open again after a conflict, cs
// the questions asked.
func (s *Server) save(w http.ResponseWriter, r *http.Request, st *state, back string, ops []op, cs []*control) (app.Snapshot, bool) {
	if len(ops) == 0 {
		return st.snap, true
	}
	file, _ := s.current()
	saved, err := app.SaveAnswers(file, st.snap.Hash, func(d *yamledit.Doc) error {
		for _, op := range ops {
			if err := op(d); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, app.ErrEditedElsewhere) {
		s.conflict(w, back, r, cs)
		return saved, false
	}
	if err != nil {
		s.message(w, http.StatusUnprocessableEntity, "Your answers could not be saved", err.Error(), "Nothing was changed in the file.")
		return saved, false
	}
	return saved, true
}

// conflict tells the user that the file changed on disk since the page
// was shown, and shows the answers sent, so that none is lost.
func (s *Server) conflict(w http.ResponseWriter, back string, r *http.Request, cs []*control) {
	p := &page{Title: "The file was changed somewhere else", Next: back}
	for _, c := range cs {
		if sent, ok := r.PostForm[c.Name]; ok {
			v := strings.Join(slices.DeleteFunc(slices.Clone(sent), func(s string) bool { return s == "" }), "\n")
			if strings.TrimSpace(v) != "" {
				p.Rows = append(p.Rows, row{Label: c.Label, Value: v})
			}
		}
	}
	s.render(w, http.StatusConflict, "conflict", p)
}

// review shows every answer, the problems, the previews and the form
// that writes the documents.
func (s *Server) review(w http.ResponseWriter, r *http.Request) {
	st := s.load(w, r)
	if st == nil {
		return
	}
	_, out := s.current()
	p := &page{Title: "Check your answers", Nav: st.nav("review"), Other: st.otherLines(), Hash: st.snap.Hash, Out: out,
		Valid: st.snap.Problems.Err() == nil}
	for i, sc := range screens {
		part := reviewPart{Title: sc.Title}
		at := "/part/" + sc.Slug + "#"
		for _, b := range st.pages[i] {
			if c := b.Clauses; c != nil {
				part.add(row{Label: c.Label, Value: strings.Join(c.Lines, "\n"), Href: "/clauses", Errors: c.Errors})
				continue
			}
			l := b.List
			if l == nil {
				part.add(reviewRows([]block{b}, at)...)
				continue
			}
			part.add(row{Label: l.Label, Value: fmt.Sprintf("%d", len(l.Items)), Href: at + l.ID, Errors: l.Errors})
			for _, it := range l.Items {
				part.Sections = append(part.Sections, reviewSection{Heading: it.Legend, Rows: reviewRows(it.Blocks, at)})
			}
		}
		p.Review = append(p.Review, part)
		p.Summary = append(p.Summary, prefixed(st.summary(i), "/part/"+sc.Slug)...)
	}
	for _, o := range p.Other {
		p.Summary = append(p.Summary, summaryLine{Message: o})
	}
	if p.Valid {
		for _, k := range []struct{ kind, label string }{{"mou", "Preview the memorandum of understanding (PDF)"}, {"code-of-practice", "Preview the code of practice (PDF)"}} {
			if slices.Contains(kinds(st.snap.Questionnaire), k.kind) {
				p.Previews = append(p.Previews, link{Href: "/preview/" + k.kind, Label: k.label})
			}
		}
		p.Blocks = []block{{Control: formatsControl("formats", []string{"pdf"})}}
	}
	s.render(w, http.StatusOK, "review", p)
}

// preview is the link to the preview of the document a page is about
// ("mou" or "code-of-practice"), or of the other when the partnership
// writes only that; the live preview shows it beside the page. Its
// address changes with the file, so that a save refreshes it.
func (st *state) preview(kind string) *link {
	written := kinds(st.snap.Questionnaire)
	if len(written) == 0 {
		return nil
	}
	if kind == "" || !slices.Contains(written, kind) {
		kind = written[0]
	}
	label := map[string]string{"mou": "the memorandum", "code-of-practice": "the code of practice"}[kind]
	return &link{Href: "/preview/" + kind + "?v=" + st.snap.Hash[:12], Label: label}
}

// reviewRows lists the answers to the questions of blocks, each linking
// to its question on the page at. In an item, whose heading names it, a
// group's answers share a row: a person's name, role and email, say.
func reviewRows(blocks []block, at string) []row {
	var out []row
	for _, b := range blocks {
		if g := b.Group; g != nil && len(g.Controls) > 0 && g.Controls[0].Place != "" {
			r := row{Label: g.Legend, Href: at + g.ID}
			var values []string
			for _, c := range g.Controls {
				if v := shown(c); v != "" {
					values = append(values, v)
				}
				for _, e := range c.Errors {
					r.Errors = append(r.Errors, c.Label+": "+e)
				}
			}
			r.Value = strings.Join(values, "\n")
			out = append(out, r)
			continue
		}
		for _, c := range controls([]block{b}) {
			label := c.Full
			if c.Place != "" {
				label = capitalise(strings.TrimPrefix(label, c.Place+", ")) // the item is the heading
			}
			out = append(out, row{Label: label, Value: shown(c), Href: at + c.ID, Errors: c.Errors})
		}
	}
	return out
}

// shown is an answer as the review lists it: the partners' names for
// their ids, the words for yes and no and for each allowed word, and
// dates as "1 September 2026".
func shown(c *control) string {
	switch c.Kind {
	case "select", "radios", "checkboxes":
		var picked []string
		for _, o := range c.Options {
			if o.Checked && o.Value != "" {
				picked = append(picked, o.Label)
			}
		}
		return strings.Join(picked, "\n")
	case "date", "short":
		return shownDate(c.Value)
	case "dates":
		var dates []string
		for _, d := range c.Dates {
			if d.Value != "" {
				dates = append(dates, shownDate(d.Value))
			}
		}
		return strings.Join(dates, "\n")
	}
	return c.Value
}

// prefixed makes the links of lines to questions on page links from
// another page.
func prefixed(lines []summaryLine, page string) []summaryLine {
	for i := range lines {
		if strings.HasPrefix(lines[i].Href, "#") {
			lines[i].Href = page + lines[i].Href
		}
	}
	return lines
}

// formatsControl asks which formats to write.
func formatsControl(name string, checked []string) *control {
	c := &control{ID: "f-" + name, Name: name, Label: "Formats to write", Kind: "checkboxes"}
	for _, f := range []struct{ name, label, hint string }{
		{"pdf", "PDF", "To print, sign and send."},
		{"docx", "Word", "To share for comments, or to sign in Word."},
		{"html", "Web page", "To read on screen or put on a website."},
		{"md", "Markdown", "Plain text, for other tools."},
	} {
		c.Options = append(c.Options, option{Value: f.name, Label: f.label, Hint: f.hint, Checked: slices.Contains(checked, f.name)})
	}
	return c
}

// kinds names the documents the partnership has.
func kinds(q *questionnaire.Questionnaire) []string {
	var out []string
	for _, k := range []string{"mou", "code-of-practice"} {
		if q != nil && q.Writes(k) {
			out = append(out, k)
		}
	}
	return out
}

// preview shows the MOU or the code of practice as a PDF.
func (s *Server) preview(w http.ResponseWriter, r *http.Request) {
	st := s.load(w, r)
	if st == nil {
		return
	}
	if st.snap.Problems.Err() != nil {
		s.message(w, http.StatusUnprocessableEntity, "There is no preview yet", "The questionnaire has problems to put right first; the preview comes back when there are none. Check your answers lists them.")
		return
	}
	file, _ := s.current()
	name, data, err := s.gen.Preview(file, st.snap.Questionnaire, r.PathValue("kind"))
	if err != nil {
		s.message(w, http.StatusNotFound, "There is no preview", err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", "inline; filename=\""+name+"\"")
	w.Write(data)
}

// generate writes the documents in the formats asked for, as mou
// generate does.
func (s *Server) generate(w http.ResponseWriter, r *http.Request) {
	file, out := s.current()
	if file == "" {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	if !s.sameFile(w, r, file) {
		return
	}
	formats, err := app.ParseFormats(strings.Join(r.PostForm["formats"], ","))
	if err != nil {
		s.message(w, http.StatusUnprocessableEntity, "Choose a format", "Tick at least one format to write, such as PDF.")
		return
	}
	b := &app.Batch{Generator: s.gen, Formats: formats, OutDir: out}
	res := b.Run(file)
	p := &page{Title: "The documents", Heading: "The documents are written"}
	if res.Err != nil {
		p.Heading = "The documents were not written"
		var pe *app.ProblemsError
		switch {
		case errors.As(res.Err, &pe):
			p.Lines = append(p.Lines, "The questionnaire has problems to put right first:")
			p.Lines = append(p.Lines, res.Problems...)
		case errors.Is(res.Err, output.ErrConflict):
			// The command line's words name flags and the file's keys.
			p.Lines = append(p.Lines, "This version's documents were written before from other answers, and mou never changes a version's documents once written, so that every copy already sent out stays true.")
			p.Steps = []step{
				{"If the answers changed after the documents went out, raise the ", "version of the agreement", "/part/partnership#f-version", " and write them again: the new version is written beside the old one."},
				{"If only a person changed, ", "record a handover", "/life/handover", " instead."},
			}
		default:
			p.Lines = append(p.Lines, res.Err.Error())
		}
		s.render(w, http.StatusUnprocessableEntity, "generated", p)
		return
	}
	p.Verdict = res.Verdict.String()
	switch v := res.Verdict; {
	case v.Previous != nil && v.Stands:
		// nothing to sign
	case res.Draft:
		p.Steps = []step{{"These are drafts, marked DRAFT, to pass round. When the partners agree them, choose Final under ", "Signing", "/part/signing#f-stage", " and write them again: the copies to sign replace the drafts."}}
	default:
		p.Steps = []step{{"Send the documents to each partner to sign. As each signature comes back, ", "record it", "/life/signed", ": the page then says who has yet to sign."}}
	}
	for _, f := range slices.Concat(res.Written, res.Unchanged) {
		p.Files = append(p.Files, downloadLink(res.Questionnaire, f))
	}
	for _, f := range res.Removed {
		p.Lines = append(p.Lines, "Removed "+filepath.Base(f)+": it held this version's earlier answers.")
	}
	s.render(w, http.StatusOK, "generated", p)
}

// downloadLink links to a file written in the output folder for q, named
// by what it is: "Memorandum of Understanding (PDF)", or the
// partnership's own title for it.
func downloadLink(q *questionnaire.Questionnaire, path string) link {
	name := filepath.Base(path)
	return link{Href: "/download/" + url.PathEscape(name), Label: fileLabel(q, name), File: name}
}

// fileLabel says what the written file name is, in words.
func fileLabel(q *questionnaire.Questionnaire, name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	format := map[string]string{".pdf": "PDF", ".docx": "Word", ".html": "web page", ".md": "Markdown", ".ics": "calendar"}[ext]
	what := app.TitleOfFile(q, name)
	switch {
	case strings.Contains(name, "-record-v") && ext == ".json":
		return "The record of this version, which mou reads to compare the next with it"
	case what == "" || format == "":
		return name
	}
	return what + " (" + format + ")"
}

// downloadTypes are the files that may be downloaded from the output
// folder, by extension.
var downloadTypes = map[string]string{
	".pdf":  "application/pdf",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".html": "text/html; charset=utf-8",
	".md":   "text/markdown; charset=utf-8",
	".json": "application/json",
	".ics":  "text/calendar; charset=utf-8",
}

// maxDownload bounds a file served from the output folder.
const maxDownload = 256 << 20

// download sends a file from the output folder: only a document's name,
// never a path, so nothing outside the folder can be reached.
func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	kind, ok := downloadTypes[strings.ToLower(filepath.Ext(name))]
	if !ok || name != filepath.Base(name) || strings.ContainsAny(name, `/\:`) || strings.HasPrefix(name, ".") {
		http.Error(w, "Only the documents in the output folder can be downloaded.", http.StatusNotFound)
		return
	}
	_, out := s.current()
	if out == "" {
		http.NotFound(w, r)
		return
	}
	data, err := output.ReadFile(filepath.Join(out, name), maxDownload)
	if err != nil {
		http.Error(w, "There is no such document in the output folder.", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", kind)
	w.Header().Set("Content-Disposition", "attachment; filename=\""+name+"\"")
	w.Write(data)
}

// asset sends the style sheet or the script.
func (s *Server) asset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	types := map[string]string{"style.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8"}
	kind, ok := types[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	data, err := fs.ReadFile(assets, "assets/"+name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", kind)
	w.Write(data)
}
