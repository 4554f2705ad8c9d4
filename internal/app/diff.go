package app

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/partnership-tools/mou/internal/change"
	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/internal/output"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/redline"
	"github.com/partnership-tools/mou/internal/render/docx"
	"github.com/partnership-tools/mou/internal/render/pdf"
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
// for none.
type Redlines struct {
	MOU, CodeOfPractice string
}

// DiffRedlines is Diff that also writes the redlines out names, of the
// memorandum and of the code of practice. Nothing is written unless every
// redline asked for can be drawn.
func DiffRedlines(oldFile, newFile, templatesDir string, out Redlines) (change.Report, error) {
	wanted := []struct {
		kind document.Kind
		path string
	}{{document.MOU, out.MOU}, {document.CodeOfPractice, out.CodeOfPractice}}
	for _, w := range wanted {
		if ext := strings.ToLower(filepath.Ext(w.path)); w.path != "" && ext != ".pdf" && ext != ".docx" {
			return change.Report{}, fmt.Errorf("%s: a redline is written as a .pdf or a .docx file", w.path)
		}
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
	r, err := change.Compare(t, old, new, shown)
	if err != nil {
		return r, err
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
		data, err := redlineFile(t, old, new, newFile, r, w.kind, strings.ToLower(filepath.Ext(w.path)))
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
// old to new.
func redlineFile(t *document.Templates, old, new *questionnaire.Questionnaire, newFile string, r change.Report, kind document.Kind, ext string) ([]byte, error) {
	logos, err := logos(newFile, new)
	if err != nil {
		return nil, err
	}
	oldTree, was, err := documentTree(t, old, kind, nil)
	if err != nil {
		return nil, err
	}
	newTree, doc, err := documentTree(t, new, kind, logos)
	if err != nil {
		return nil, err
	}
	redline.Mark(oldTree, newTree)
	doc.Was = &was
	var items []string
	for _, c := range r.Changes {
		items = append(items, c.Description)
	}
	paragraphs := []string{
		fmt.Sprintf("This is the %s (%s), with every change from the previous version (%s) marked: added words are underlined and removed words struck through. Clauses that did not change are printed as they stand.",
			strings.ToLower(doc.Title), doc.Issued, was.Issued),
		"Verdict: " + r.Verdict + ".",
	}
	if len(items) > 0 {
		paragraphs = append(paragraphs, "What changed:")
	}
	redline.Prepend(newTree, "Redline: "+doc.Title, paragraphs, items)

	var buf bytes.Buffer
	if ext == ".docx" {
		d, err := docx.New(DocxTheme(pdf.DefaultTheme()))
		if err != nil {
			return nil, err
		}
		err = d.Render(&buf, newTree, doc)
		return buf.Bytes(), err
	}
	p, err := pdf.New(pdf.DefaultTheme(), "")
	if err != nil {
		return nil, err
	}
	err = p.Render(&buf, newTree, doc)
	return buf.Bytes(), err
}

// documentTree is q's document of the given kind as generate writes it.
func documentTree(t *document.Templates, q *questionnaire.Questionnaire, kind document.Kind, logos []layout.Logo) (*layout.Tree, layout.Document, error) {
	q, a, err := prepare(t, q)
	if err != nil {
		return nil, layout.Document{}, err
	}
	md, err := t.Markdown(q, kind, a.Reference)
	if err != nil {
		return nil, layout.Document{}, err
	}
	return layout.Parse(md), document.Layout(q, kind, a.Reference, logos), nil
}
