package mdtext

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// Blocks returns t as Markdown in the small subset a user may write in a
// long answer (a clause, a protocol, a background, a schedule):
//
//   - paragraphs, separated by blank lines; other line breaks are spaces;
//   - bullet lists: lines starting "- " or "* ";
//   - numbered lists: lines starting "1. " or "1) ", numbered from the
//     first item's number;
//   - simple tables: a row of cells between "|" characters, a row of
//     dashes ("| --- | --- |"), then more rows;
//   - sub-clauses: a line starting with a number such as "1.1" or
//     "2.3.1" starts a paragraph of its own, number first;
//   - cross-references: a clause id in double square brackets,
//     "[[general.insurance]]", is written as the hint
//     "<!-- mou:ref general.insurance -->", for which the document puts
//     the clause's number (see [Refs]).
//
// A line that is not blank and follows a list item, without starting an
// item, a table or a sub-clause, continues that item. Everything else
// (emphasis, links, images, raw HTML, headings, layout hints, signing
// service tags) is text: it is escaped, as Escape does, and prints as
// typed.
func (t Text) Blocks() string { return t.blocks(false) }

// ClauseBlocks is Blocks for the text of a clause from edition 2026.3 of
// the wording on: the number a sub-clause starts with prints in bold, in
// the same weight as mou's own clause numbers.
func (t Text) ClauseBlocks() string { return t.blocks(true) }

// OwnNumber returns the clause number t starts with, as typed ("2.1"),
// and the text after it; number is "" when t starts with none.
func (t Text) OwnNumber() (number string, rest Text) {
	s := strings.TrimLeft(string(t), " \t\r\n")
	m := ownNumber().FindStringSubmatch(s)
	if m == nil || !subClause().MatchString(s) {
		return "", t
	}
	return m[1], Text(s[len(m[0]):])
}

func (t Text) blocks(boldNumbers bool) string {
	var out []string
	lines := strings.Split(strings.ReplaceAll(string(t), "\r\n", "\n"), "\n")
	for i := 0; i < len(lines); {
		line := strings.TrimSpace(lines[i])
		switch {
		case line == "":
			i++
		case isTableStart(lines, i):
			var block string
			block, i = table(lines, i)
			out = append(out, block)
		case listItem(line) != nil:
			var block string
			block, i = list(lines, i)
			out = append(out, block)
		default:
			// A paragraph, up to a blank line or the start of another block.
			para := []string{line}
			for i++; i < len(lines) && !startsBlock(lines, i); i++ {
				para = append(para, strings.TrimSpace(lines[i]))
			}
			text := strings.Join(para, " ")
			if m := ownNumber().FindStringSubmatch(text); boldNumbers && m != nil && subClause().MatchString(text) {
				out = append(out, "**"+m[1]+"** "+escapeRefs(text[len(m[0]):]))
				continue
			}
			out = append(out, escapeRefs(text))
		}
	}
	return strings.Join(out, "\n\n")
}

// StartsWithParagraph reports whether Markdown written by Blocks starts
// with a paragraph, so that a clause number may stand before it on the
// same line. An escaped paragraph never starts like a list or table.
func StartsWithParagraph(md string) bool {
	return !strings.HasPrefix(md, "- ") && !strings.HasPrefix(md, "|") && !orderedStart().MatchString(md)
}

var (
	bulletItem   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[-*] +(.*)$`) })
	orderedItem  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{1,6})[.)] +(.*)$`) })
	orderedStart = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{1,9}\. `) })
	subClause    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{1,3}(\.\d{1,3})+\.? +\S`) })
	ownNumber    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{1,3}(?:\.\d{1,3})+\.?) +`) })
	delimiterRow = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\|?( *:?-+:? *\|)+ *(:?-+:? *)?$`) })
)

// item is one list item: its kind ('-' or '1'), number and text.
type item struct {
	kind   byte
	number int
	text   string
}

func listItem(line string) *item {
	if m := bulletItem().FindStringSubmatch(line); m != nil {
		return &item{kind: '-', text: m[1]}
	}
	if m := orderedItem().FindStringSubmatch(line); m != nil {
		n, _ := strconv.Atoi(m[1])
		return &item{kind: '1', number: n, text: m[2]}
	}
	return nil
}

// startsBlock reports whether line i ends the paragraph before it.
func startsBlock(lines []string, i int) bool {
	line := strings.TrimSpace(lines[i])
	return line == "" || listItem(line) != nil || subClause().MatchString(line) || isTableStart(lines, i)
}

// list writes the list starting at line i: items of the first item's
// kind, each with the lines that continue it.
func list(lines []string, i int) (string, int) {
	first := listItem(strings.TrimSpace(lines[i]))
	var items []string
	for i < len(lines) {
		it := listItem(strings.TrimSpace(lines[i]))
		if it == nil || it.kind != first.kind {
			break
		}
		text := []string{it.text}
		for i++; i < len(lines); i++ {
			line := strings.TrimSpace(lines[i])
			if line == "" || listItem(line) != nil || subClause().MatchString(line) || isTableStart(lines, i) {
				break
			}
			text = append(text, line)
		}
		marker := "- "
		if first.kind == '1' {
			marker = strconv.Itoa(first.number+len(items)) + ". "
		}
		items = append(items, marker+itemText(strings.Join(text, " ")))
	}
	return strings.Join(items, "\n"), i
}

// itemText escapes a list item's text. An item that is empty or only
// white space would end the list early, so it holds a no-break space.
func itemText(s string) string {
	if e := escapeRefs(s); e != "" {
		return e
	}
	return "\u00a0"
}

// isTableStart reports whether a table starts at line i: a row of cells
// followed by a row of dashes with the same number of cells.
func isTableStart(lines []string, i int) bool {
	if i+1 >= len(lines) {
		return false
	}
	head, delim := strings.TrimSpace(lines[i]), strings.TrimSpace(lines[i+1])
	return strings.HasPrefix(head, "|") && strings.HasPrefix(delim, "|") && delimiterRow().MatchString(delim) &&
		len(cells(head)) == len(cells(delim))
}

// table writes the table starting at line i, every row with as many cells
// as the longest, so that a row with more cells than the header loses none
// of them (Markdown would drop the extra cells).
func table(lines []string, i int) (string, int) {
	body := [][]string{cells(strings.TrimSpace(lines[i]))}
	n := len(body[0])
	for i += 2; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if !strings.HasPrefix(line, "|") {
			break
		}
		body = append(body, cells(line))
		n = max(n, len(body[len(body)-1]))
	}
	rows := []string{row(body[0], n), "|" + strings.Repeat(" --- |", n)}
	for _, cs := range body[1:] {
		rows = append(rows, row(cs, n))
	}
	return strings.Join(rows, "\n"), i
}

// row writes cells as a table row of n cells, each escaped.
func row(cs []string, n int) string {
	var b strings.Builder
	b.WriteString("|")
	for j := 0; j < n; j++ {
		cell := ""
		if j < len(cs) {
			cell = cs[j]
		}
		b.WriteString(" " + escapeRefs(cell) + " |")
	}
	return b.String()
}

// cells splits a table row at each "|" not escaped with a backslash; an
// escaped one is part of the cell's text.
func cells(line string) []string {
	line = strings.TrimPrefix(line, "|")
	var out []string
	var cur strings.Builder
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == '\\' && i+1 < len(line) && line[i+1] == '|':
			cur.WriteByte('|')
			i++
		case line[i] == '|':
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(line[i])
		}
	}
	if last := strings.TrimSpace(cur.String()); last != "" {
		out = append(out, last)
	}
	return out
}
