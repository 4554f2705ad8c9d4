package docx

import (
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/theme"
	"github.com/partnership-tools/mou/internal/worktest"
)

// TestColumnWidthsWorkIsLinear checks that sharing out the width costs in
// proportion to the number of columns: 64 tables of 500 columns and 8 of
// 4,000 are as much work. Columns all too narrow for their longest word
// are the hard case: none has width to spare for the others.
func TestColumnWidthsWorkIsLinear(t *testing.T) {
	r, err := New(theme.Default())
	if err != nil {
		t.Fatal(err)
	}
	widths := func(cols, times int) time.Duration {
		md := strings.Repeat("|abcdefgh", cols) + "\n" + strings.Repeat("|-", cols) + "\n"
		tree := layout.Parse([]byte(md))
		table := tree.Root.FirstChild().(*layout.Table)
		rows := []ast.Node{table.FirstChild()}
		b := &body{r: r, src: tree.Source}
		got := 0
		cost := worktest.Measure(func() {
			for range times {
				got = len(b.columnWidths(rows, cols))
			}
		})
		if got != cols {
			t.Fatalf("%d widths for %d columns", got, cols)
		}
		return cost.CPU
	}
	narrow, wide := widths(500, 64), widths(4000, 8)
	if narrow == 0 {
		t.Skip("no processor time to be had on this system")
	}
	if wide > 4*narrow+10*time.Millisecond {
		t.Errorf("8 tables of 4,000 columns took %v, 64 of 500 took %v", wide, narrow)
	}
}

// TestCellAlignment: each cell is aligned as its column's colons say, as
// in the PDF and on the web page; the others are left as the style sets.
func TestCellAlignment(t *testing.T) {
	parts, _ := render(t, layout.Parse([]byte("| l | c | r | n |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n")))
	doc := parts["word/document.xml"]
	rows := strings.Split(doc, "<w:tr>")
	if len(rows) != 3 {
		t.Fatalf("%d rows, want 2:\n%s", len(rows)-1, doc)
	}
	want := []string{"", `<w:jc w:val="center"/>`, `<w:jc w:val="right"/>`, ""}
	for r, row := range rows[1:] {
		cells := strings.Split(row, "<w:tc>")[1:]
		if len(cells) != len(want) {
			t.Fatalf("row %d has %d cells, want %d", r, len(cells), len(want))
		}
		for j, cell := range cells {
			got := ""
			if i := strings.Index(cell, "<w:jc "); i >= 0 {
				got = cell[i : i+strings.Index(cell[i:], "/>")+2]
			}
			if got != want[j] {
				t.Errorf("row %d, column %d: alignment %q, want %q", r, j+1, got, want[j])
			}
		}
	}
}
