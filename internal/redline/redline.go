// Package redline marks, in the new version of a document, what changed
// from the old one: clause by clause, and word by word within a changed
// clause, as the layout tree's Insert and Delete nodes, which the PDF
// draws underlined and struck through and the Word file writes as
// tracked changes.
//
// The units compared are headings, paragraphs, list items and table rows,
// matched by their text with clause numbers left out, so that a clause
// which only moved down a number when another was added is not marked.
// The title page is compared with the old title page alone, so that its
// version, date, reference and parties are marked as the body is, and
// rejecting every change gives the old version whole.
package redline

import (
	"regexp"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/layout"
)

// unitKind is what sort of block a unit is.
type unitKind uint8

const (
	kindPara unitKind = iota
	kindHeading
	kindItem
	kindRow
)

// unit is one block that is compared as a whole.
type unit struct {
	kind  unitKind
	title bool     // on the title page
	level int      // a heading's level
	node  ast.Node // the Heading, Paragraph or TextBlock, or the table row
	cells [][]token
	key   string
	sig   ast.Node // the signature block the unit is in, if any
	// whose is the text of the first block of the signature block the
	// unit is in ("Signed for and on behalf of Millbrook Academy"): the
	// units of one partner's block are compared with that block's alone.
	whose string
}

// Mark marks in new the changes from old and returns how many units it
// marked. Both trees are the same kind of document; new is changed in
// place and old is left alone.
func Mark(old, new *layout.Tree) int {
	ou, nu := units(old), units(new)
	marked := 0
	for _, title := range []bool{true, false} {
		marked += mark(new.Root, part(ou, title), part(nu, title))
	}
	return marked
}

// part is the units on the title page, or the others.
func part(us []unit, title bool) []unit {
	var out []unit
	for _, u := range us {
		if u.title == title {
			out = append(out, u)
		}
	}
	return out
}

// mark marks in the tree under root the changes from the units ou to nu.
func mark(root ast.Node, ou, nu []unit) int {
	m := &marker{root: root, kept: map[string]bool{}}
	for _, u := range nu {
		if u.sig != nil {
			m.kept[u.whose] = true
		}
	}
	oi, ni := 0, 0
	for _, p := range append(align(ou, nu), [2]int{len(ou), len(nu)}) {
		var next spot
		if p[1] < len(nu) {
			next = spot{nu[p[1]].node, nu[p[1]].kind}
		}
		m.gap(ou[oi:p[0]], nu[ni:p[1]], next)
		if p[1] < len(nu) {
			m.prev = next
		}
		oi, ni = p[0]+1, p[1]+1
	}
	return m.marked
}

// units lists a tree's units in document order; a summary is not part
// of the text.
func units(t *layout.Tree) []unit {
	var out []unit
	_ = ast.Walk(t.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var u unit
		switch n := n.(type) {
		case *layout.Summary:
			return ast.WalkSkipChildren, nil
		case *ast.Heading:
			u = unit{kind: kindHeading, level: n.Level}
		case *ast.Paragraph, *ast.TextBlock:
			u = unit{kind: kindPara}
			if n.Parent() != nil && n.Parent().Kind() == ast.KindListItem && n.PreviousSibling() == nil {
				u.kind = kindItem
			}
		case *layout.TableRow:
			u = unit{kind: kindRow}
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				u.cells = append(u.cells, tokens(c, t.Source))
			}
		default:
			return ast.WalkContinue, nil
		}
		u.node = n
		for p := n.Parent(); p != nil; p = p.Parent() {
			switch p.Kind() {
			case layout.KindSignature:
				u.sig = p
				if first := p.FirstChild(); first != nil {
					u.whose = plain(tokens(first, t.Source))
				}
			case layout.KindTitlePage:
				u.title = true
			}
		}
		if u.cells == nil {
			u.cells = [][]token{tokens(n, t.Source)}
		}
		u.key = u.whose + "\x1e" + key(u)
		out = append(out, u)
		return ast.WalkSkipChildren, nil
	})
	return out
}

// clauseNumber is a number that starts a heading or clause: "4.", "4.2".
var clauseNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d+(\.\d+)*\.?$`) })

// numbered splits a heading's or paragraph's tokens into its clause
// number, with the space after it, and the rest.
func numbered(ts []token) (number, rest []token) {
	if len(ts) >= 2 && clauseNumber().MatchString(ts[0].text) && strings.TrimSpace(ts[1].text) == "" {
		return ts[:2], ts[2:]
	}
	return nil, ts
}

// plain is the text of tokens.
func plain(ts []token) string {
	var b strings.Builder
	for _, t := range ts {
		b.WriteString(t.text)
	}
	return b.String()
}

// key is what two units must share to count as the same.
func key(u unit) string {
	var b strings.Builder
	b.WriteByte(byte('0' + u.kind))
	b.WriteByte(byte('0' + u.level))
	for _, cell := range u.cells {
		if u.kind != kindRow {
			_, cell = numbered(cell)
		}
		b.WriteString("\x1f")
		for _, t := range cell {
			b.WriteString(t.key())
		}
	}
	return b.String()
}
