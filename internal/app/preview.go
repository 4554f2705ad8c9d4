package app

import (
	"fmt"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/questionnaire"
)

// Preview draws one of the documents of a valid questionnaire, read from
// file, as a PDF in memory: kind is "mou" or "code-of-practice". It is
// the document generate would write for this version, without what
// comes from the previous version's record (the notice of change). It
// returns the file name generate would give it.
func (g *Generator) Preview(file string, q *questionnaire.Questionnaire, kind string) (name string, pdf []byte, err error) {
	var want *document.Kind
	for _, k := range document.KindsFor(q) {
		if k.Name == kind {
			want = &k
		}
	}
	if want == nil {
		return "", nil, fmt.Errorf("this partnership has no document %q", kind)
	}
	logos, err := logos(file, q)
	if err != nil {
		return "", nil, err
	}
	q, a, err := prepare(g.templates, q)
	if err != nil {
		return "", nil, err
	}
	md, err := g.templates.Markdown(q, *want, a.Reference)
	if err != nil {
		return "", nil, err
	}
	j := job{tree: layout.Parse(md), doc: document.Layout(q, *want, a.Reference, logos), people: people(q)}
	data, err := g.renderPDF(j)
	if err != nil {
		return "", nil, err
	}
	return FileName(document.Slug(string(q.Partnership.Name)), *want, q.Version, "pdf"), data, nil
}
