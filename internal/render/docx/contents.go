package docx

import (
	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/layout"
)

// contentsMin is the fewest sections a document with a title page has
// for a contents page after it.
const contentsMin = 6

// sections lists the top-level headings a contents page lists: none
// without a title page, a contents title, or contentsMin of them.
func (b *body) sections(root ast.Node) []ast.Node {
	if !b.titlePage || b.doc.ContentsTitle == "" {
		return nil
	}
	var out []ast.Node
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch {
		case !entering:
		case n.Kind() == layout.KindTitlePage || n.Kind() == layout.KindSummary:
			return ast.WalkSkipChildren, nil
		case n.Kind() == ast.KindHeading:
			if n.(*ast.Heading).Level-b.shift == 1 {
				out = append(out, n)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if len(out) < contentsMin {
		return nil
	}
	return out
}

// contentsPage writes the contents page: its title, then a TOC field
// listing the sections, which Word fills in with their page numbers when
// it updates the fields on opening the file. Until then it shows each
// section's heading, as LibreOffice does.
func (b *body) contentsPage() {
	if len(b.contents) == 0 {
		return
	}
	b.startP("TOCHeading", "", "")
	b.run(b.doc.ContentsTitle, runStyle{})
	b.endP()
	for i, h := range b.contents {
		b.startP("TOC1", "", b.markChange(h))
		if i == 0 {
			b.fields = true
			b.out.WriteString(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-1" \h \z </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`)
		}
		b.inlines(h, runStyle{})
		if i == len(b.contents)-1 {
			b.wrap(runStyle{})
			b.out.WriteString(`<w:r><w:fldChar w:fldCharType="end"/></w:r>`)
		}
		b.endP()
	}
	b.breakBefore = true
}
