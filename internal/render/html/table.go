package html

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/partnership-tools/mou/internal/layout"
)

// tables writes layout's tables as GitHub writes its pipe tables: a
// header row in <thead>, body rows in <tbody>, and each aligned cell
// with a text-align style. The table, not a row, opens and closes the
// <tbody>, so that a row a public page leaves out takes no tag with it.
type tables struct{}

func (tables) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(layout.KindTable, table)
	reg.Register(layout.KindTableRow, tableRow)
	reg.Register(layout.KindTableCell, tableCell)
}

func table(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	switch {
	case entering:
		_, _ = w.WriteString("<table>\n")
		if isBodyRow(n.FirstChild()) {
			_, _ = w.WriteString("<tbody>\n")
		}
	default:
		if isBodyRow(n.LastChild()) {
			_, _ = w.WriteString("</tbody>\n")
		}
		_, _ = w.WriteString("</table>\n")
	}
	return ast.WalkContinue, nil
}

// isBodyRow reports whether n is a table's body row.
func isBodyRow(n ast.Node) bool {
	row, ok := n.(*layout.TableRow)
	return ok && !row.Header
}

func tableRow(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	header := n.(*layout.TableRow).Header
	switch {
	case entering && header:
		_, _ = w.WriteString("<thead>\n<tr>\n")
	case entering:
		_, _ = w.WriteString("<tr>\n")
	case header:
		_, _ = w.WriteString("</tr>\n</thead>\n")
		if isBodyRow(n.NextSibling()) {
			_, _ = w.WriteString("<tbody>\n")
		}
	default:
		_, _ = w.WriteString("</tr>\n")
	}
	return ast.WalkContinue, nil
}

// cellAlignments are the text-align values of the alignments.
var cellAlignments = map[layout.Alignment]string{
	layout.AlignLeft:   "left",
	layout.AlignCentre: "center",
	layout.AlignRight:  "right",
}

func tableCell(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	tag := "td"
	if n.Parent().(*layout.TableRow).Header {
		tag = "th"
	}
	if !entering {
		_, _ = w.WriteString("</" + tag + ">\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<" + tag)
	if a, ok := cellAlignments[n.(*layout.TableCell).Alignment]; ok {
		_, _ = w.WriteString(` style="text-align:` + a + `"`)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}
