package app

import (
	"fmt"

	"github.com/partnership-tools/mou/internal/document"
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
	v, err := build(g.templates, file, q, nil)
	if err != nil {
		return "", nil, err
	}
	d := v.Document(*want)
	if d == nil {
		return "", nil, fmt.Errorf("this partnership has no document %q", kind)
	}
	tree, doc, err := newJob(v, *d, logos)
	if err != nil {
		return "", nil, err
	}
	data, err := g.render("pdf", tree, doc)
	if err != nil {
		return "", nil, err
	}
	return FileName(document.Slug(string(v.Shown.Partnership.Name)), *want, v.File.Version, "pdf"), data, nil
}
