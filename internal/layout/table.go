package layout

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// mou reads GitHub's pipe tables itself: goldmark's extension package,
// which has them too, compiles its link-finding patterns in every
// process that links it, whether or not a document holds a table.
//
// A table is a paragraph whose lines from some point on are a header
// row, a delimiter row of dashes and colons with as many cells, and body
// rows up to the end of the paragraph; the lines before the header stay
// a paragraph.

// The kinds of a table's nodes.
var (
	KindTable     = ast.NewNodeKind("Table")
	KindTableRow  = ast.NewNodeKind("TableRow")
	KindTableCell = ast.NewNodeKind("TableCell")
)

// Alignment is how a column's cells are aligned, from the colons of the
// delimiter row.
type Alignment int

const (
	AlignNone   Alignment = iota // ---
	AlignLeft                    // :--
	AlignCentre                  // :-:
	AlignRight                   // --:
)

// Table holds its rows: the header row first, then the body rows.
type Table struct {
	ast.BaseBlock
	Alignments []Alignment // one for each column
}

// TableRow holds one cell for each column: a body row with fewer cells
// than the header is filled up with empty ones, and one with more loses
// the rest.
type TableRow struct {
	ast.BaseBlock
	Header bool
}

// TableCell holds a cell's inline content.
type TableCell struct {
	ast.BaseBlock
	Alignment Alignment
}

func (n *Table) Kind() ast.NodeKind     { return KindTable }
func (n *TableRow) Kind() ast.NodeKind  { return KindTableRow }
func (n *TableCell) Kind() ast.NodeKind { return KindTableCell }

func (n *Table) Dump(src []byte, level int)     { ast.DumpHelper(n, src, level, nil, nil) }
func (n *TableRow) Dump(src []byte, level int)  { ast.DumpHelper(n, src, level, nil, nil) }
func (n *TableCell) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// maxFilledCells bounds the empty cells a document's tables may be filled
// up with. Without it a few kilobytes of one-word rows under a header
// thousands of cells wide would ask for millions of cells; cmark-gfm, which
// GitHub uses, bounds them too. No real table comes near it.
const maxFilledCells = 1 << 16

// filledCellsKey holds, in the parser's context, how many more empty
// cells the document's tables may be filled up with.
var filledCellsKey = parser.NewContextKey()

// tables is the paragraph step that finds a table in a paragraph.
type tables struct{}

func (tables) Transform(p *ast.Paragraph, reader text.Reader, pc parser.Context) {
	source := reader.Source()
	lines := p.Lines()
	// Only the first line that reads as a delimiter row counts: if the
	// line above it has another number of cells, there is no table.
	for i := 1; i < lines.Len(); i++ {
		delimiter := lines.At(i)
		alignments := delimiterRow(delimiter.Value(source))
		if alignments == nil {
			continue
		}
		header, _ := tableRow(lines.At(i-1), alignments, true, source)
		if header.ChildCount() != len(alignments) {
			return
		}
		table := &Table{Alignments: alignments}
		table.SetPos(p.Pos())
		table.AppendChild(table, header)
		left := pc.ComputeIfAbsent(filledCellsKey, func() any { return maxFilledCells }).(int)
		j := i + 1
		for ; j < lines.Len(); j++ {
			row, filled := tableRow(lines.At(j), alignments, false, source)
			if filled > left {
				break // the table ends; its other lines stay a paragraph
			}
			left -= filled
			table.AppendChild(table, row)
		}
		pc.Set(filledCellsKey, left)
		parent := p.Parent()
		parent.InsertAfter(parent, p, table)
		if j < lines.Len() {
			rest := ast.NewParagraph()
			rest.Lines().AppendAll(lines.Sliced(j, lines.Len()))
			parent.InsertAfter(parent, table, rest)
		}
		lines.SetSliced(0, i-1)
		if lines.Len() == 0 {
			parent.RemoveChild(parent, p)
			return
		}
		last := lines.At(i - 2)
		last.Stop-- // the paragraph's last line loses its line end
		lines.Set(i-2, last)
		return
	}
}

// delimiterRow returns the alignments of a delimiter row ("| :-- | --: |"),
// or nil if line is not one.
func delimiterRow(line []byte) []Alignment {
	if w, _ := util.IndentWidth(line, 0); w > 3 {
		return nil
	}
	dashesOnly := true
	for _, b := range line {
		if b != '-' {
			dashesOnly = false
		}
		if !util.IsSpace(b) && b != '-' && b != '|' && b != ':' {
			return nil
		}
	}
	if dashesOnly {
		return nil // a thematic break or a heading's underline
	}
	cols := bytes.Split(line, []byte{'|'})
	if util.IsBlank(cols[0]) {
		cols = cols[1:]
	}
	if len(cols) > 0 && util.IsBlank(cols[len(cols)-1]) {
		cols = cols[:len(cols)-1]
	}
	var out []Alignment
	for _, col := range cols {
		a, ok := columnAlignment(col)
		if !ok {
			return nil
		}
		out = append(out, a)
	}
	return out
}

// columnAlignment reads one cell of a delimiter row: dashes, with a colon
// at either end or both, inside white space.
func columnAlignment(col []byte) (Alignment, bool) {
	col = bytes.Trim(col, " \t\n\f\r") // not \v, which a cell may not hold
	left := bytes.HasPrefix(col, []byte(":"))
	right := bytes.HasSuffix(col, []byte(":"))
	dashes := col
	if left {
		dashes = dashes[1:]
	}
	if right && len(dashes) > 0 {
		dashes = dashes[:len(dashes)-1]
	}
	if len(dashes) == 0 || len(bytes.Trim(dashes, "-")) != 0 {
		return 0, false
	}
	switch {
	case left && right:
		return AlignCentre, true
	case left:
		return AlignLeft, true
	case right:
		return AlignRight, true
	}
	return AlignNone, true
}

// tableRow splits a line into cells at each pipe not escaped with a
// backslash, leaving out a pipe at either end. A header row keeps every
// cell it has, so that a count that does not match can be seen; a body
// row has exactly one for each column; filled counts the empty cells it
// was filled up with.
func tableRow(seg text.Segment, alignments []Alignment, header bool, source []byte) (row *TableRow, filled int) {
	row = &TableRow{Header: header}
	row.SetPos(seg.Start)
	seg = seg.TrimLeftSpace(source)
	seg = seg.TrimRightSpace(source)
	line := seg.Value(source)
	start, end := 0, len(line)
	if end > 0 && line[0] == '|' {
		start++
	}
	if end > 0 && line[end-1] == '|' {
		end--
	}
	col := 0
	for start < end {
		if col >= len(alignments) && !header {
			return row, 0
		}
		stop := start
		for stop < end && (line[stop] != '|' || line[stop-1] == '\\') {
			stop++
		}
		cell := &TableCell{Alignment: AlignNone}
		if col < len(alignments) {
			cell.Alignment = alignments[col]
		}
		content := text.NewSegment(seg.Start+start, seg.Start+stop)
		content = content.TrimLeftSpace(source)
		content = content.TrimRightSpace(source)
		cell.Lines().Append(content)
		row.AppendChild(row, cell)
		start = stop + 1
		col++
	}
	for ; col < len(alignments); col++ {
		row.AppendChild(row, &TableCell{Alignment: AlignNone})
		filled++
	}
	return row, filled
}

// codePipes drops the backslash of each escaped pipe ("\|") in the code
// spans of n's table cells: the backslash is there to keep the pipe from
// ending the cell, and a code span would otherwise print it.
func codePipes(n ast.Node, source []byte) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c.Kind() != ast.KindCodeSpan || !inTableCell(c) {
			return ast.WalkContinue, nil
		}
		for t := c.FirstChild(); t != nil; {
			next := t.NextSibling()
			if text, ok := t.(*ast.Text); ok {
				splitEscapedPipes(c, text, source)
			}
			t = next
		}
		return ast.WalkSkipChildren, nil
	})
}

// inTableCell reports whether n stands in a table cell.
func inTableCell(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == KindTableCell {
			return true
		}
	}
	return false
}

// splitEscapedPipes replaces t, a text of code span c, with the texts on
// either side of each backslash that stands before a pipe.
func splitEscapedPipes(c ast.Node, t *ast.Text, source []byte) {
	seg := t.Segment
	var at ast.Node = t
	for i := seg.Start; i+1 < seg.Stop; i++ {
		if source[i] != '\\' || source[i+1] != '|' {
			continue
		}
		before := ast.NewRawTextSegment(seg.WithStop(i))
		seg = seg.WithStart(i + 1)
		after := ast.NewRawTextSegment(seg)
		c.InsertAfter(c, at, before)
		c.InsertAfter(c, before, after)
		c.RemoveChild(c, at)
		at = after
	}
}
