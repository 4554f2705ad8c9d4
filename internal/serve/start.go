package serve

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/schema"
	"github.com/partnership-tools/mou/internal/yamledit"
)

// maxListed bounds the files the start page looks at, so that a folder
// of many files (Downloads, say) does not slow it down.
const maxListed = 200

// found is a questionnaire in the folder, as the start page lists it.
type found struct {
	File, Name string
	Version    int
	Date       string // of the version, as a person reads it
	Problems   int
	Unreadable string // why it cannot be read, when it cannot
	modified   time.Time
}

// questionnaires lists the mou questionnaires in dir, the most recently
// changed first: files ending .yaml or .yml whose answers begin with the
// partnership or its partners. Other files are passed over without a
// word, and so are those past the size limit.
func questionnaires(dir string) (out []found, more bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, false
	}
	seen := 0
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || ext != ".yaml" && ext != ".yml" || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if seen++; seen > maxListed {
			more = true
			break
		}
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() || info.Size() > questionnaire.MaxFileBytes {
			continue
		}
		if f, ok := examine(filepath.Join(dir, e.Name())); ok {
			f.modified = info.ModTime()
			out = append(out, f)
		}
	}
	slices.SortStableFunc(out, func(a, b found) int {
		return cmp.Or(b.modified.Compare(a.modified), strings.Compare(a.File, b.File))
	})
	return out, more
}

// examine reads file and says whether it is a mou questionnaire, and
// what the start page shows of it.
func examine(file string) (found, bool) {
	f := found{File: filepath.Base(file)}
	snap, err := app.Read(file)
	if err != nil {
		return f, false
	}
	doc, err := yamledit.Parse(snap.Data)
	if err != nil {
		// Not YAML at all; a questionnaire with a slip in it is still
		// listed, so that its problems can be seen and put right.
		if !startsLikeQuestionnaire(snap.Data) {
			return f, false
		}
		f.Unreadable = "It cannot be read as it is: open it to see where."
		return f, true
	}
	if _, ok := doc.Get("partnership.name"); !ok && doc.Len("partners") == 0 {
		return f, false
	}
	q := snap.Questionnaire
	f.Name = strings.Join(strings.Fields(string(q.Partnership.Name)), " ")
	f.Version = q.Version
	f.Date = q.Date.String()
	f.Problems = len(snap.Problems.Errors())
	return f, true
}

// startsLikeQuestionnaire reports whether data has a line that starts
// the partnership's answers or its partners'.
func startsLikeQuestionnaire(data []byte) bool {
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "partnership:") || strings.HasPrefix(line, "partners:") {
			return true
		}
	}
	return false
}

// start is the start page: the questionnaires in the folder, to open
// one, and a new partnership.
func (s *Server) start(w http.ResponseWriter, r *http.Request) {
	s.render(w, http.StatusOK, "start", s.startPage("", "", nil))
}

func (s *Server) startPage(model, name string, problems map[string]string) *page {
	p := s.newPage(model, name, problems)
	p.Title = "Your partnerships"
	list, more := questionnaires(s.dir)
	p.Found = list
	if more {
		p.Notes = append(p.Notes, fmt.Sprintf("Only the first %d files in the folder were looked at.", maxListed))
	}
	p.Dir = s.dir
	return p
}

// open opens a questionnaire the start page lists.
func (s *Server) open(w http.ResponseWriter, r *http.Request) {
	name := r.PostFormValue("open")
	if name != filepath.Base(name) || !filepath.IsLocal(name) {
		http.Error(w, "Only a questionnaire in the folder mou serve was started in can be opened.", http.StatusNotFound)
		return
	}
	path := filepath.Join(s.dir, name)
	if _, ok := examine(path); !ok {
		s.message(w, http.StatusNotFound, "There is no such questionnaire", name+" is not a mou questionnaire in the folder "+s.dir+".")
		return
	}
	s.setFile(path)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// newPage is the form that starts a new partnership.
func (s *Server) newPage(model, name string, problems map[string]string) *page {
	f, _ := schema.Lookup("partnership.model")
	if model == "" {
		model = "bilateral"
	}
	m := &control{ID: "f-model", Name: "model", Label: "The partnership's shape", Kind: "radios",
		Hint: "The example answers follow this shape; you can change any of them."}
	for _, ch := range f.Choices {
		m.Options = append(m.Options, option{Value: ch.Word, Label: ch.Label, Hint: ch.Description, Checked: ch.Word == model})
	}
	n := &control{ID: "f-file", Name: "file", Label: "A name for the file", Kind: "input", Value: name,
		Hint: "Such as riverside-hartwell: the answers are saved in a file of that name in the folder " + s.dir + ". An existing file is never replaced."}
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
		s.render(w, http.StatusUnprocessableEntity, "start", s.startPage(model, name, problems))
		return
	}
	if _, err := app.Init(path, model, false); err != nil {
		s.render(w, http.StatusUnprocessableEntity, "start", s.startPage(model, name, map[string]string{"file": err.Error()}))
		return
	}
	s.setFile(path)
	http.Redirect(w, r, "/part/partnership", http.StatusSeeOther)
}

// newFile checks the name given for a new questionnaire and returns its
// path: a file that does not exist yet, in a folder that does, ending in
// .yaml (added when the name has no ending) or .yml.
func (s *Server) newFile(name string) (string, error) {
	switch ext := strings.ToLower(filepath.Ext(name)); {
	case name == "":
		return "", errors.New("Enter a name for the file, such as riverside-hartwell")
	case strings.ContainsRune(name, 0) || len(name) > 1024:
		return "", errors.New("Enter a shorter name, of letters, digits and hyphens")
	case ext == "":
		name += ".yaml"
	case ext != ".yaml" && ext != ".yml":
		return "", fmt.Errorf("Enter a name without %s, such as riverside-hartwell", ext)
	}
	if !filepath.IsLocal(name) {
		return "", fmt.Errorf("Enter a name for a file inside %s, such as riverside-hartwell", s.dir)
	}
	path := filepath.Join(s.dir, name)
	if st, err := os.Stat(filepath.Dir(path)); err != nil || !st.IsDir() {
		return "", fmt.Errorf("There is no folder %s: create it first, or choose another name", filepath.Dir(path))
	}
	if _, err := os.Lstat(path); err == nil || !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("There is a file called %s already; open it from the list above, or choose another name", filepath.Base(path))
	}
	return path, nil
}

// VersionLine says which version a listed questionnaire holds.
func (f found) VersionLine() string {
	if f.Version == 0 {
		return ""
	}
	line := "Version " + strconv.Itoa(f.Version)
	if f.Date != "" {
		line += ", " + f.Date
	}
	return line
}
