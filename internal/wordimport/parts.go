// Package wordimport compares a Word file mou wrote with the same file
// edited by someone. The file is cut into parts at the bookmarks mou puts
// round every clause, section and schedule with an id, and at headings
// without one (the signatures, the schedules of contacts and changes);
// parts are matched by id, and what changed in each is worked out block
// by block: a clause reworded, removed, or put in after another; a new
// section; a changed cell of a table. It also finds which answers a
// changed sentence prints, from the same part written with every answer
// replaced by a marker (see Answers).
//
// It knows the Word file as docxread reads it and nothing of the
// questionnaire: mou import turns what it finds into changes to the file.
package wordimport

import (
	"slices"
	"strings"

	"github.com/partnership-tools/mou/internal/docxread"
)

// Kind is what sort of block a Block is.
type Kind uint8

// The kinds of block.
const (
	Para     Kind = iota // a paragraph
	Heading              // a section's heading
	Clause               // a numbered clause's first paragraph
	Bullet               // an item of a bulleted list
	Numbered             // an item of a numbered list
	Table                // a table
)

// Block is a paragraph or a table of a part.
type Block struct {
	Kind Kind
	// Text is the paragraph's text, spaces folded, with each
	// cross-reference to a bookmark of mou's as its id, "[[general]]".
	Text string
	// Title is a clause's title, its bold start without the full stop,
	// and Text then what follows it.
	Title string
	// Rows are a table's cells, each as Text is.
	Rows [][]string
}

// Part is a clause, section or schedule, or a part without an id.
type Part struct {
	// ID is the clause, section or schedule id, "" for none.
	ID string
	// Label is, for a part without an id, its heading ("Signatures"),
	// or "" for what comes before the first: the title page.
	Label  string
	Blocks []Block
	// Clauses are the clauses without an id after the part's blocks:
	// numbered clauses mou writes without ids, and those put in by hand.
	Clauses [][]Block
	// Start is the index, among the Word file's blocks, of the part's
	// first.
	Start int
}

// Key is how a part is matched: its id, or its label.
func (p Part) Key() string {
	if p.ID != "" {
		return p.ID
	}
	return "\x00" + p.Label
}

// Parts cuts a Word file into parts; ids gives the clause id of each of
// mou's bookmarks, by name. A table of contents is left out, since Word
// writes it afresh.
func Parts(d *docxread.Document, ids map[string]string) []Part {
	parts := []Part{{}}
	for at, b := range d.Blocks {
		if b.Contents || strings.EqualFold(b.Style, "TOC Heading") {
			continue
		}
		// Parts whose paragraphs were deleted whole are left empty, as are
		// those after the first of a paragraph that joins several.
		for _, name := range b.Gone {
			if id, ok := ids[name]; ok {
				parts = append(parts, Part{ID: id, Start: at})
			}
		}
		var marks []string
		for _, name := range b.Bookmarks {
			if id, ok := ids[name]; ok {
				marks = append(marks, id)
			}
		}
		blk := block(b, ids)
		last := &parts[len(parts)-1]
		switch {
		case len(marks) > 0:
			parts = append(parts, Part{ID: marks[0], Blocks: []Block{blk}, Start: at})
			for _, id := range marks[1:] {
				parts = append(parts, Part{ID: id, Start: at})
			}
		case blk.Kind == Heading:
			parts = append(parts, Part{Label: blk.Text, Blocks: []Block{blk}, Start: at})
		case blk.Kind == Clause && (last.ID != "" || last.Label != ""):
			last.Clauses = append(last.Clauses, []Block{blk})
		case len(last.Clauses) > 0:
			c := &last.Clauses[len(last.Clauses)-1]
			*c = append(*c, blk)
		default:
			last.Blocks = append(last.Blocks, blk)
		}
	}
	return parts
}

// Twice lists, in order, the names of mou's bookmarks that the Word
// file holds more than once. Word keeps a bookmark's name to one place,
// but a file written by another program or by hand may not, and Parts
// would then take the last place as the clause and the others as gone.
func Twice(d *docxread.Document, ids map[string]string) []string {
	seen := map[string]int{}
	var out []string
	for _, b := range d.Blocks {
		for _, name := range slices.Concat(b.Gone, b.Bookmarks) {
			if _, ok := ids[name]; !ok {
				continue
			}
			if seen[name]++; seen[name] == 2 {
				out = append(out, name)
			}
		}
	}
	return out
}

// block turns a paragraph or table the Word file holds into a Block.
func block(b docxread.Block, ids map[string]string) Block {
	if b.IsTable() {
		out := Block{Kind: Table, Rows: [][]string{}}
		for _, row := range b.Table {
			var cells []string
			for _, cell := range row {
				var texts []string
				for _, p := range cell {
					if t := text(p, ids); t != "" {
						texts = append(texts, t)
					}
				}
				cells = append(cells, strings.Join(texts, " "))
			}
			out.Rows = append(out.Rows, cells)
		}
		return out
	}
	out := Block{Kind: kindOf(b), Text: text(b, ids)}
	if out.Kind == Clause && b.Bold > 0 {
		title := fold(b.Text[:b.Bold])
		if t := strings.TrimSuffix(title, "."); t != title && t != "" {
			out.Title = t
			out.Text = strings.TrimSpace(strings.TrimPrefix(out.Text, title))
		}
	}
	return out
}

// kindOf says what a paragraph is by its style.
func kindOf(b docxread.Block) Kind {
	name := strings.ToLower(b.Style)
	switch {
	case name == "heading 1" || b.StyleID == "Heading1":
		return Heading
	case name == "clause":
		return Clause
	case name == "list bullet":
		return Bullet
	case name == "list number":
		return Numbered
	}
	return Para
}

// text is a paragraph's text with spaces folded and cross-references to
// mou's bookmarks written as their ids.
func text(b docxread.Block, ids map[string]string) string {
	var s strings.Builder
	at := 0
	for _, r := range b.Refs {
		// References come in order; one inside another is left as it shows.
		if id, ok := ids[r.Target]; ok && r.Start >= at && r.End <= len(b.Text) {
			s.WriteString(b.Text[at:r.Start])
			s.WriteString("[[" + id + "]]")
			at = r.End
		}
	}
	s.WriteString(b.Text[at:])
	return fold(s.String())
}

// fold folds runs of white space to one space and trims the ends.
func fold(s string) string { return strings.Join(strings.Fields(s), " ") }

// Equal reports whether two lists of blocks read the same.
func Equal(a, b []Block) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].equal(b[i]) {
			return false
		}
	}
	return true
}

func (b Block) equal(c Block) bool {
	if b.Kind != c.Kind || b.Text != c.Text || b.Title != c.Title || len(b.Rows) != len(c.Rows) {
		return false
	}
	for i := range b.Rows {
		if strings.Join(b.Rows[i], "\x1f") != strings.Join(c.Rows[i], "\x1f") {
			return false
		}
	}
	return true
}
