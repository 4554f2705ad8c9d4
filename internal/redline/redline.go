// Package redline marks, in the new version of a document, what changed
// from the old one: clause by clause, and word by word within a changed
// clause, as the layout tree's Insert and Delete nodes, which the PDF
// draws underlined and struck through and the Word file writes as
// tracked changes.
//
// The units compared are headings, paragraphs, list items and table rows,
// matched by their text with clause numbers left out, so that a clause
// which only moved down a number when another was added is not marked.
// The title page is not compared: it always shows the new version, and
// the summary says what it replaces.
package redline

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"

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
	level int      // a heading's level
	node  ast.Node // the Heading, Paragraph or TextBlock, or the table row
	cells [][]token
	key   string
	sig   ast.Node // the signature block the unit is in, if any
}

// Mark marks in new the changes from old and returns how many units it
// marked. Both trees are the same kind of document; new is changed in
// place and old is left alone.
func Mark(old, new *layout.Tree) int {
	ou, nu := units(old), units(new)
	m := &marker{root: new.Root}
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

// units lists a tree's units in document order, outside the title page.
func units(t *layout.Tree) []unit {
	var out []unit
	_ = ast.Walk(t.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var u unit
		switch n := n.(type) {
		case *layout.TitlePage:
			return ast.WalkSkipChildren, nil
		case *ast.Heading:
			u = unit{kind: kindHeading, level: n.Level}
		case *ast.Paragraph, *ast.TextBlock:
			u = unit{kind: kindPara}
			if n.Parent() != nil && n.Parent().Kind() == ast.KindListItem && n.PreviousSibling() == nil {
				u.kind = kindItem
			}
		case *extast.TableRow, *extast.TableHeader:
			u = unit{kind: kindRow}
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				u.cells = append(u.cells, tokens(c, t.Source))
			}
		default:
			return ast.WalkContinue, nil
		}
		u.node = n
		for p := n.Parent(); p != nil; p = p.Parent() {
			if p.Kind() == layout.KindSignature {
				u.sig = p
			}
		}
		if u.cells == nil {
			u.cells = [][]token{tokens(n, t.Source)}
		}
		u.key = key(u)
		out = append(out, u)
		return ast.WalkSkipChildren, nil
	})
	return out
}

// clauseNumber is a number that starts a heading or clause: "4.", "4.2".
var clauseNumber = regexp.MustCompile(`^\d+(\.\d+)*\.?$`)

// numbered splits a heading's or paragraph's tokens into its clause
// number, with the space after it, and the rest.
func numbered(ts []token) (number, rest []token) {
	if len(ts) >= 2 && clauseNumber.MatchString(ts[0].text) && strings.TrimSpace(ts[1].text) == "" {
		return ts[:2], ts[2:]
	}
	return nil, ts
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
