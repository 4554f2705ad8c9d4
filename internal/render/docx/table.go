package docx

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"

	"github.com/partnership-tools/mou/internal/layout"
)

// table writes a GFM table in the table style: the header row repeats on
// every page, no row splits across pages, and the columns share the
// width by how much text they hold.
func (b *body) table(n *extast.Table) {
	var rows []ast.Node
	cols := len(n.Alignments)
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		rows = append(rows, r)
		cols = max(cols, r.ChildCount())
	}
	if len(rows) == 0 || cols == 0 {
		return
	}
	if b.breakBefore {
		// a table cannot start a page itself: an empty paragraph does
		b.startP("", "", "")
		b.endP()
	}
	widths := b.columnWidths(rows, cols)
	b.out.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="PartnershipTable"/><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(&b.out, `<w:gridCol w:w="%d"/>`, w)
	}
	b.out.WriteString("</w:tblGrid>")
	for _, r := range rows {
		_, header := r.(*extast.TableHeader)
		b.out.WriteString("<w:tr><w:trPr><w:cantSplit/>")
		if header {
			b.out.WriteString("<w:tblHeader/>")
		}
		cells := make([]ast.Node, 0, cols)
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, c)
		}
		switch layout.Change(cells...) {
		case layout.KindInsert:
			b.out.WriteString(b.changeTag("ins", true))
		case layout.KindDelete:
			b.out.WriteString(b.changeTag("del", true))
		}
		b.out.WriteString("</w:trPr>")
		for j := 0; j < cols; j++ {
			fmt.Fprintf(&b.out, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>`, widths[j])
			style := "TableText"
			if header {
				style = "TableHeading"
			}
			jc := "" // in the numbering's place, which cells never use
			if j < len(cells) {
				if tc, ok := cells[j].(*extast.TableCell); ok && tc.Alignment == extast.AlignRight {
					jc = `<w:jc w:val="right"/>`
				}
			}
			b.startP(style, jc, "")
			if j < len(cells) {
				b.inlines(cells[j], runStyle{bold: header})
			}
			b.endP()
			b.out.WriteString("</w:tc>")
		}
		b.out.WriteString("</w:tr>")
	}
	b.out.WriteString("</w:tbl>")
}

// columnWidths shares the text width between the columns: each gets a
// floor, and the rest goes by the length of its longest cell, so that a
// column of dates is narrow and a column of sentences wide.
func (b *body) columnWidths(rows []ast.Node, cols int) []int {
	longest := make([]int, cols)
	for _, r := range rows {
		j := 0
		for c := r.FirstChild(); c != nil && j < cols; c = c.NextSibling() {
			longest[j] = max(longest[j], min(len([]rune(plain(c, b.src))), 60))
			j++
		}
	}
	total := b.textWidth()
	floor := total / (cols * 3)
	sum := 0
	for _, l := range longest {
		sum += max(l, 4)
	}
	out := make([]int, cols)
	left := total
	for j := range out {
		out[j] = floor + (total-floor*cols)*max(longest[j], 4)/sum
		left -= out[j]
	}
	out[cols-1] += left
	return out
}

// plain is the text of n's inline content, for measuring.
func plain(n ast.Node, src []byte) string {
	var s []byte
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			s = append(s, c.Segment.Value(src)...)
		case *ast.String:
			s = append(s, c.Value...)
		}
		return ast.WalkContinue, nil
	})
	return string(s)
}
