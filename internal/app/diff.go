package app

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/partnership-tools/mou/internal/change"
	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/layout"
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
	ext := strings.ToLower(filepath.Ext(out))
	if out != "" && ext != ".pdf" && ext != ".docx" {
		return change.Report{}, fmt.Errorf("%s: a redline is written as a .pdf or a .docx file", out)
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
	r, err := change.Compare(t, old, new)
	if err != nil || out == "" {
		return r, err
	}
	data, err := redlineFile(t, old, new, newFile, r, ext)
	if err != nil {
		return r, err
	}
	return r, output.WriteFile(out, data)
}

// redlineFile draws the redline of the memorandum from old to new.
func redlineFile(t *document.Templates, old, new *questionnaire.Questionnaire, newFile string, r change.Report, ext string) ([]byte, error) {
	logos, err := logos(newFile, new)
	if err != nil {
		return nil, err
	}
	oldTree, was, err := mouDocument(t, old, nil)
	if err != nil {
		return nil, err
	}
	newTree, doc, err := mouDocument(t, new, logos)
	if err != nil {
		return nil, err
	}
	redline.Mark(oldTree, newTree)
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

// mouDocument is q's memorandum as generate writes it.
func mouDocument(t *document.Templates, q *questionnaire.Questionnaire, logos []layout.Logo) (*layout.Tree, layout.Document, error) {
	q, a, err := prepare(t, q)
	if err != nil {
		return nil, layout.Document{}, err
	}
	md, err := t.Markdown(q, document.MOU, a.Reference)
	if err != nil {
		return nil, layout.Document{}, err
	}
	return layout.Parse(md), document.Layout(q, document.MOU, a.Reference, logos), nil
}
