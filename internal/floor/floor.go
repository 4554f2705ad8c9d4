// Package floor is the yardstick for mou's speed: the least a program
// must do to lay out the same words as mou with fpdf, in the same fonts.
// It parses no Markdown and lays out no tables: each line of a
// document's Markdown is drawn as a paragraph with MultiCell, headings in
// bold, with "Page X of Y" in the footer. BenchmarkBareFPDF (in
// internal/app) runs it in-process; the command in ./barefpdf runs it as
// a process of its own, to set beside one "mou generate" process. It is
// never shipped.
package floor

import (
	"fmt"
	"io"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// Draw lays out markdown, line by line, as a PDF written to w.
func Draw(w io.Writer, markdown []byte) error {
	p := fpdf.New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes("go", "", goregular.TTF)
	p.AddUTF8FontFromBytes("go", "B", gobold.TTF)
	p.AliasNbPages("{nb}")
	p.SetFooterFunc(func() {
		p.SetY(-15)
		p.SetFont("go", "", 8)
		p.CellFormat(0, 10, fmt.Sprintf("Page %d of {nb}", p.PageNo()), "", 0, "C", false, 0, "")
	})
	p.AddPage()
	for _, line := range strings.Split(string(markdown), "\n") {
		switch {
		case strings.HasPrefix(line, "#"):
			p.SetFont("go", "B", 14)
			p.MultiCell(0, 7, strings.TrimLeft(line, "# "), "", "L", false)
		case line != "":
			p.SetFont("go", "", 10.5)
			p.MultiCell(0, 5, line, "", "L", false)
		}
	}
	return p.Output(w)
}
