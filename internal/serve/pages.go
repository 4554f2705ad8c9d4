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
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/output"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/schema"
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
	Next          string
	Rows          []row
}

type navLink struct {
	Href, Label string
	Current     bool
	Problems    int
}

type summaryLine struct{ Message, Href string }

type link struct{ Href, Label string }

type reviewPart struct {
	Title string
	Rows  []row
}

type row struct {
	Label, Value, Href string
	Errors             []string
	Error              bool
}

// pageTemplates returns, for each page, the layout with that page's body,
// parsed the first time it is asked for rather than when every other
// command starts.
var pageTemplates = sync.OnceValue(func() map[string]*template.Template {
	base := template.Must(template.ParseFS(assets, "assets/pages.html"))
	out := map[string]*template.Template{}
	for _, name := range []string{"home", "new", "screen", "review", "generated", "life", "changed", "conflict", "message"} {
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
	st := &state{snap: snap, doc: doc}
	for i := range screens {
		st.pages = append(st.pages, build(&screens[i], doc))
	}
	st.other = attach(snap.Problems, st.pages)
	return st
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
	add := func(c *control, label string) {
		for _, e := range c.Errors {
			out = append(out, summaryLine{label + ": " + e, "#" + c.ID})
		}
	}
	for _, b := range st.pages[i] {
		if c := b.Control; c != nil {
			add(c, c.Label)
			continue
		}
		l := b.List
		for _, e := range l.Errors {
			out = append(out, summaryLine{l.Label + ": " + e, "#" + l.ID})
		}
		for _, it := range l.Items {
			for _, c := range it.Controls {
				add(c, itemLabel(l, c)+", "+strings.ToLower(c.Label[:1])+c.Label[1:])
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

// home is the start: a new partnership's choices, or the parts of the
// questionnaire with their problems.
func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	if file, _ := s.current(); file == "" {
		s.render(w, http.StatusOK, "new", s.newPage("", "", nil))
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

// newPage is the form that starts a new partnership.
func (s *Server) newPage(model, name string, problems map[string]string) *page {
	f, _ := schema.Lookup("partnership.model")
	if model == "" {
		model = "bilateral"
	}
	if name == "" {
		name = "partnership.yaml"
	}
	m := &control{ID: "f-model", Name: "model", Label: "The partnership's shape", Kind: "radios",
		Hint: "The example answers follow this shape; you can change any of them."}
	for _, ch := range f.Choices {
		m.Options = append(m.Options, option{Value: ch.Word, Label: ch.Word, Hint: ch.Description, Checked: ch.Word == model})
	}
	n := &control{ID: "f-file", Name: "file", Label: "File name for the questionnaire", Kind: "input", Value: name,
		Hint: "A name ending in .yaml, such as riverside-hartwell.yaml, for a file in the folder " + s.dir + ". An existing file is never replaced."}
	p := &page{Title: "Start a new partnership", Blocks: []block{{Control: m}, {Control: n}}}
	for _, c := range []*control{m, n} {
		if msg := problems[c.Name]; msg != "" {
			c.Errors = []string{msg}
			p.Summary = append(p.Summary, summaryLine{msg, "#" + c.ID})
		}
	}
	return p
}

// create writes a new questionnaire from a model where the user says.
func (s *Server) create(w http.ResponseWriter, r *http.Request) {
	if file, _ := s.current(); file != "" {
		s.message(w, http.StatusConflict, "A questionnaire is open already", "This run of mou serve is for "+filepath.Base(file)+". To start another partnership, stop mou serve and start it again without a file.")
		return
	}
	model, name := r.PostFormValue("model"), strings.TrimSpace(r.PostFormValue("file"))
	problems := map[string]string{}
	if !slices.Contains(app.Models, model) {
		problems["model"] = "Choose the partnership's shape"
	}
	path, err := s.newFile(name)
	if err != nil {
		problems["file"] = err.Error()
	}
	if len(problems) > 0 {
		s.render(w, http.StatusUnprocessableEntity, "new", s.newPage(model, name, problems))
		return
	}
	if _, err := app.Init(path, model, false); err != nil {
		s.render(w, http.StatusUnprocessableEntity, "new", s.newPage(model, name, map[string]string{"file": err.Error()}))
		return
	}
	s.setFile(path)
	http.Redirect(w, r, "/part/partnership", http.StatusSeeOther)
}

// newFile checks the name given for a new questionnaire and returns its
// path: a .yaml or .yml file that does not exist yet, in a folder that
// does.
func (s *Server) newFile(name string) (string, error) {
	switch ext := strings.ToLower(filepath.Ext(name)); {
	case name == "":
		return "", errors.New("Enter a file name, such as partnership.yaml")
	case strings.ContainsRune(name, 0) || len(name) > 1024:
		return "", errors.New("Enter a shorter file name, of letters, digits and hyphens")
	case ext != ".yaml" && ext != ".yml":
		return "", errors.New("Enter a name that ends in .yaml")
	}
	if !filepath.IsLocal(name) {
		return "", fmt.Errorf("Enter a name inside %s, such as partnership.yaml or plans/partnership.yaml", s.dir)
	}
	path := filepath.Join(s.dir, name)
	if st, err := os.Stat(filepath.Dir(path)); err != nil || !st.IsDir() {
		return "", fmt.Errorf("There is no folder %s: create it first, or choose another", filepath.Dir(path))
	}
	if _, err := os.Lstat(path); err == nil {
		return "", fmt.Errorf("%s already exists; choose another name (mou serve %s opens it)", filepath.Base(path), filepath.Base(path))
	}
	return path, nil
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
		Blocks: st.pages[i], Nav: st.nav(sc.Slug), Summary: st.summary(i), Hash: st.snap.Hash}
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
	ops := changes(r, controls(blocks))
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
	if action == "next" && i+1 < len(screens) {
		target = "/part/" + screens[i+1].Slug
	} else if action == "next" {
		target = "/review"
	}
	if len(ops) > 0 {
		file, _ := s.current()
		_, err := app.SaveAnswers(file, st.snap.Hash, func(d *yamledit.Doc) error {
			for _, op := range ops {
				if err := op(d); err != nil {
					return err
				}
			}
			return nil
		})
		if errors.Is(err, app.ErrEditedElsewhere) {
			s.conflict(w, "/part/"+sc.Slug, r, controls(blocks))
			return
		}
		if err != nil {
			s.message(w, http.StatusUnprocessableEntity, "Your answers could not be saved", err.Error(), "Nothing was changed in the file.")
			return
		}
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
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
		for _, b := range st.pages[i] {
			if l := b.List; l != nil {
				part.Rows = append(part.Rows, row{Label: l.Label, Value: fmt.Sprintf("%d", len(l.Items)), Href: "/part/" + sc.Slug + "#" + l.ID, Errors: l.Errors, Error: len(l.Errors) > 0})
			}
			for _, c := range controls([]block{b}) {
				label := c.Label
				if b.List != nil {
					label = itemLabel(b.List, c) + ": " + label
				}
				part.Rows = append(part.Rows, row{Label: label, Value: shown(c), Href: "/part/" + sc.Slug + "#" + c.ID, Errors: c.Errors, Error: len(c.Errors) > 0})
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
				p.Previews = append(p.Previews, link{"/preview/" + k.kind, k.label})
			}
		}
		p.Blocks = []block{{Control: formatsControl("formats", []string{"pdf"})}}
	}
	s.render(w, http.StatusOK, "review", p)
}

// itemLabel names the item of l that holds c: "Partner 2".
func itemLabel(l *list, c *control) string {
	for _, it := range l.Items {
		if slices.Contains(it.Controls, c) {
			return strings.SplitN(it.Legend, ":", 2)[0]
		}
	}
	return l.Label
}

// shown is an answer as the review lists it: the partners' names for
// their ids, the words for yes and no.
func shown(c *control) string {
	if c.Kind == "select" || c.Kind == "radios" || c.Kind == "checkboxes" {
		var picked []string
		for _, o := range c.Options {
			if o.Checked && o.Value != "" {
				picked = append(picked, o.Label)
			}
		}
		return strings.Join(picked, ", ")
	}
	return c.Value
}

func prefixed(lines []summaryLine, page string) []summaryLine {
	for i := range lines {
		lines[i].Href = page + lines[i].Href
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
		s.message(w, http.StatusUnprocessableEntity, "There is no preview yet", "The questionnaire has problems to put right first: see Check your answers.")
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
		if errors.As(res.Err, &pe) {
			p.Lines = append(p.Lines, "The questionnaire has problems to put right first:")
			p.Lines = append(p.Lines, res.Problems...)
		} else {
			p.Lines = append(p.Lines, res.Err.Error())
		}
		s.render(w, http.StatusUnprocessableEntity, "generated", p)
		return
	}
	p.Verdict = res.Verdict.String()
	for _, f := range slices.Concat(res.Written, res.Unchanged) {
		p.Files = append(p.Files, downloadLink(f))
	}
	for _, f := range res.Removed {
		p.Lines = append(p.Lines, "Removed "+filepath.Base(f)+": it held this version's earlier answers.")
	}
	s.render(w, http.StatusOK, "generated", p)
}

func downloadLink(path string) link {
	name := filepath.Base(path)
	return link{"/download/" + url.PathEscape(name), name}
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
