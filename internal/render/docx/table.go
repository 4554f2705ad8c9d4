package docx

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/layout"
)

// table writes a GFM table in the table style: the header row repeats on
// every page, no row splits across pages, and the columns share the
// width by how much text they hold.
func (b *body) table(n *layout.Table) {
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
		header := r.(*layout.TableRow).Header
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
				if tc, ok := cells[j].(*layout.TableCell); ok {
					jc = cellJustification[tc.Alignment]
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

// cellJustification is the paragraph alignment of a cell of each column
// alignment, where the style's is not right.
var cellJustification = map[layout.Alignment]string{
	layout.AlignCentre: `<w:jc w:val="center"/>`,
	layout.AlignRight:  `<w:jc w:val="right"/>`,
}

// columnWidths shares the text width between the columns: a column
// whose cells are all short, such as dates and phone numbers, gets room
// for its longest cell on one line; the others share what is left by the
// length of their longest cell, so that a column of sentences is wide.
func (b *body) columnWidths(rows []ast.Node, cols int) []int {
	const short = 16             // characters
	longest := make([]int, cols) // the longest cell
	word := make([]int, cols)    // the longest word
	for _, r := range rows {
		j := 0
		for c := r.FirstChild(); c != nil && j < cols; c = c.NextSibling() {
			text := plain(c, b.src)
			longest[j] = max(longest[j], min(len([]rune(text)), 60))
			for _, w := range strings.Fields(text) {
				word[j] = max(word[j], min(len([]rune(w)), short))
			}
			j++
		}
	}
	total := b.textWidth()
	charW := int(b.r.theme.BodySize * 0.9 * 0.62 * 20) // twips per character, generously
	pad := 300                                         // the cell's margins, and some
	out := make([]int, cols)
	rest, weight := total, 0
	for j, l := range longest {
		if l <= short {
			out[j] = max(l, 4)*charW + pad
			rest -= out[j]
		} else {
			weight += l
		}
	}
	floor := total / (cols * 3)
	if weight == 0 || rest < floor*cols {
		// no room to favour the short columns: share by length alone
		rest, weight = total, 0
		for j, l := range longest {
			out[j] = 0
			longest[j] = max(l, short+1)
			weight += longest[j]
		}
	}
	left := total
	for j, l := range longest {
		if l > short {
			out[j] = rest * l / weight
		}
		left -= out[j]
	}
	out[cols-1] += left
	// no column narrower than its longest word, where the others can spare
	// it, taken from the first columns that can: a column with nothing to
	// spare never gains any, so the search for one never goes back
	k := 0
	for j := range out {
		need := word[j]*charW + pad - out[j]
		for need > 0 && k < cols {
			spare := min(need, out[k]-(word[k]*charW+pad))
			if k == j || spare <= 0 {
				k++
				continue
			}
			out[k] -= spare
			out[j] += spare
			need -= spare
		}
	}
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
