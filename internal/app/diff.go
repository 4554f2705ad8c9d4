package app

import (
	"bytes"
	"cmp"
	"fmt"
	"strings"

	"github.com/partnership-tools/mou/internal/agreement"
	"github.com/partnership-tools/mou/internal/change"
	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/internal/output"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/redline"
	"github.com/partnership-tools/mou/internal/theme"
)

// Diff compares two questionnaire files, both of which must be valid,
// with the templates in templatesDir ("" for the built-in ones).
func Diff(oldFile, newFile, templatesDir string) (change.Report, error) {
	return DiffRedline(oldFile, newFile, templatesDir, "")
}

// DiffRedline is Diff that also writes, when out is not "", a redline to
// out: the new version's memorandum with every change from the old one
// marked, after a page that gives the verdict. Its format follows out's
// extension, .pdf or .docx.
func DiffRedline(oldFile, newFile, templatesDir, out string) (change.Report, error) {
	return DiffRedlines(oldFile, newFile, templatesDir, Redlines{MOU: out})
}

// Redlines names the redline files to write, each .pdf or .docx, or ""
// for none, and their look: the zero Theme is the built-in one.
type Redlines struct {
	MOU, CodeOfPractice string
	Theme               theme.Theme
}

// DiffRedlines is Diff that also writes the redlines out names, of the
// memorandum and of the code of practice. Nothing is written unless every
// redline asked for can be drawn.
func DiffRedlines(oldFile, newFile, templatesDir string, out Redlines) (change.Report, error) {
	wanted := []struct {
		kind   document.Kind
		path   string
		format format
	}{{kind: document.MOU, path: out.MOU}, {kind: document.CodeOfPractice, path: out.CodeOfPractice}}
	for i, w := range wanted {
		if w.path == "" {
			continue
		}
		f, err := redlineFormat(w.path)
		if err != nil {
			return change.Report{}, err
		}
		wanted[i].format = f
	}
	old, _, err := LoadValid(oldFile)
	if err != nil {
		return change.Report{}, err
	}
	new, _, err := LoadValid(newFile)
	if err != nil {
		return change.Report{}, err
	}
	t, err := parseTemplates(templatesDir)
	if err != nil {
		return change.Report{}, err
	}
	was, err := build(t, oldFile, old, nil)
	if err != nil {
		return change.Report{}, err
	}
	now, err := build(t, newFile, new, was.Record)
	if err != nil {
		return change.Report{}, err
	}
	r, err := change.Compare(was, now, locale.Default)
	if err != nil {
		return change.Report{}, err
	}
	// The redline's first page is in the documents' language.
	page := r
	if tag := locale.Get(new.Language).Tag; tag != locale.Default && (out.MOU != "" || out.CodeOfPractice != "") {
		if page, err = change.Compare(was, now, tag); err != nil {
			return r, err
		}
	}
	var files []output.File
	for _, w := range wanted {
		if w.path == "" {
			continue
		}
		for i, q := range []*questionnaire.Questionnaire{old, new} {
			if !q.Writes(w.kind.Name) {
				return r, fmt.Errorf("%s: no redline of the %s: its documents list leaves it out",
					[]string{oldFile, newFile}[i], strings.ToLower(w.kind.Title(locale.Get(locale.Default))))
			}
		}
		data, err := redlineFile(was, now, newFile, page, w.kind, w.format, themeOrDefault(out.Theme))
		if err != nil {
			return r, err
		}
		files = append(files, output.File{Name: w.path, Data: data})
	}
	for _, f := range files {
		if err := output.WriteFile(f.Name, f.Data); err != nil {
			return r, err
		}
	}
	return r, nil
}

// redlineFile draws the redline of the document of the given kind from
// the version was to the version now, in format f and theme th, after a
// first page that says r, in the documents' language.
func redlineFile(was, now *agreement.Version, newFile string, r change.Report, kind document.Kind, f format, th theme.Theme) ([]byte, error) {
	logos, err := logos(newFile, now.File)
	if err != nil {
		return nil, err
	}
	oldTree := layout.Parse(was.Document(kind).Markdown)
	newTree, doc, err := newJob(now, *now.Document(kind), logos)
	if err != nil {
		return nil, err
	}
	redline.Mark(oldTree, newTree)
	wasDoc := document.Layout(was.Shown, kind, was.Reference, nil)
	doc.Was = &wasDoc
	var items []string
	for _, c := range r.Changes {
		items = append(items, c.Description)
	}
	said := func(name string, data any) string {
		out, e := now.Say("", name, data)
		err = cmp.Or(err, e)
		return out
	}
	paragraphs := []string{
		said("redline-intro", struct{ Title, Issued, Was string }{doc.Title, doc.Issued, wasDoc.Issued}),
		said("redline-verdict", r.Verdict),
	}
	if len(items) > 0 {
		paragraphs = append(paragraphs, said("redline-changes", nil))
	}
	redline.Prepend(newTree, said("redline-title", doc), paragraphs, items)
	if err != nil {
		return nil, err
	}
	if err := checkSigningTags(newTree, doc); err != nil {
		return nil, err
	}

	renderer, err := f.renderer(Options{Theme: th})
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = renderer.Render(&buf, newTree, doc)
	return buf.Bytes(), err
}

// documentTree is q's document of the given kind as generate writes it,
// with no earlier version to compare with.
func documentTree(t *document.Templates, q *questionnaire.Questionnaire, kind document.Kind, logos []layout.Logo) (*layout.Tree, layout.Document, error) {
	v, err := build(t, "", q, nil)
	if err != nil {
		return nil, layout.Document{}, err
	}
	d := v.Document(kind)
	if d == nil {
		return nil, layout.Document{}, fmt.Errorf("no %s in this partnership's documents", strings.ToLower(document.Title(q, kind)))
	}
	return newJob(v, *d, logos)
}

// themeOrDefault is th, or the built-in theme for the zero Theme.
func themeOrDefault(th theme.Theme) theme.Theme {
	if th == (theme.Theme{}) {
		return theme.Default()
	}
	return th
}
