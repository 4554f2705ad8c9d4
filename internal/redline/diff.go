package redline

import (
	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/layout"
)

// lcs returns the index pairs of a longest common subsequence of a and b,
// in order: the common start and end are matched first, and the rest by
// dynamic programming, which is quick for the few units or words that
// differ between two versions.
func lcs(a, b []string) [][2]int {
	var out [][2]int
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		out = append(out, [2]int{pre, pre})
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	n, m := len(ma), len(mb)
	// l[i][j] is the length of an LCS of ma[i:] and mb[j:].
	l := make([][]int32, n+1)
	for i := range l {
		l[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if ma[i] == mb[j] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case ma[i] == mb[j]:
			out = append(out, [2]int{pre + i, pre + j})
			i++
			j++
		case l[i+1][j] >= l[i][j+1]:
			i++
		default:
			j++
		}
	}
	for k := 0; k < suf; k++ {
		out = append(out, [2]int{len(a) - suf + k, len(b) - suf + k})
	}
	return out
}

// align matches units of old and new by key.
func align(old, new []unit) [][2]int {
	return lcs(keys(old), keys(new))
}

func keys(us []unit) []string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = u.key
	}
	return out
}

// words diffs two token lists word by word.
func words(old, new []token) []edit {
	ka, kb := tokenKeys(old), tokenKeys(new)
	var out []edit
	i, j := 0, 0
	for _, p := range append(lcs(ka, kb), [2]int{len(old), len(new)}) {
		out = append(out, all(old[i:p[0]], remove)...)
		out = append(out, all(new[j:p[1]], insert)...)
		if p[0] < len(old) {
			out = append(out, edit{keep, new[p[1]]})
		}
		i, j = p[0]+1, p[1]+1
	}
	return tidy(out)
}

// tidy makes a word diff read well: a space kept between two changes
// joins them into one change, and within each change the removed words
// come before the inserted ones, so "Grace Adeyemi" → "Priya Shah" reads
// as one name struck through and one underlined, not word by word.
func tidy(edits []edit) []edit {
	for i := 1; i+1 < len(edits); i++ {
		if edits[i].op == keep && edits[i].space() && edits[i-1].op != keep && edits[i+1].op != keep {
			edits[i].op = remove
			edits = append(edits[:i+1], append([]edit{{insert, edits[i].token}}, edits[i+1:]...)...)
		}
	}
	out := make([]edit, 0, len(edits))
	for i := 0; i < len(edits); {
		if edits[i].op == keep {
			out = append(out, edits[i])
			i++
			continue
		}
		j := i
		for j < len(edits) && edits[j].op != keep {
			j++
		}
		for _, o := range []op{remove, insert} {
			for _, e := range edits[i:j] {
				if e.op == o {
					out = append(out, e)
				}
			}
		}
		i = j
	}
	return out
}

func tokenKeys(ts []token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.key()
	}
	return out
}

// similar says whether two units are close enough to show as one changed
// clause rather than one deleted and another inserted: at least half their
// words in common.
func similar(a, b unit) bool {
	if a.kind != b.kind || a.level != b.level || len(a.cells) != len(b.cells) || a.whose != b.whose {
		return false
	}
	if a.kind == kindRow {
		return true // a row of the same table, changed in place
	}
	ka, kb := tokenKeys(a.cells[0]), tokenKeys(b.cells[0])
	common := len(lcs(ka, kb))
	return 4*common >= len(ka)+len(kb)
}

// spot is a unit's block in the new tree.
type spot struct {
	node ast.Node
	kind unitKind
}

// marker walks the gaps between matched units and marks them.
type marker struct {
	root   ast.Node
	prev   spot // the last unit of the new tree walked past
	marked int
	// kept holds the signature blocks, by whose, that the new tree
	// still has: a line gone from one of them is struck where it stood
	kept map[string]bool
	// the old signature block whose units are being put back, and the
	// block made for them in the new tree
	oldSig, newSig ast.Node
}

// gap marks one stretch of units that did not match, before next (the
// next matched unit, or nothing at the end): each new unit is paired with
// the next similar old one and marked word by word; old units left over
// are put back in as deleted, each before the new units that follow it,
// and new units without a pair are marked as inserted.
func (m *marker) gap(old, new []unit, next spot) {
	pair := make([]int, len(new))
	k := 0
	for j, nu := range new {
		pair[j] = -1
		for i := k; i < len(old); i++ {
			if similar(old[i], nu) {
				pair[j], k = i, i+1
				break
			}
		}
	}
	oi := 0
	for j, nu := range new {
		here := spot{nu.node, nu.kind}
		// the old units before this new unit's pair, or the next pair
		upTo := len(old)
		for _, p := range pair[j:] {
			if p >= 0 {
				upTo = p
				break
			}
		}
		for ; oi < upTo; oi++ {
			m.deleted(old[oi], here)
		}
		if pair[j] >= 0 {
			m.changed(old[pair[j]], nu)
			oi = pair[j] + 1
		} else {
			m.inserted(nu)
		}
		m.prev = here
	}
	for ; oi < len(old); oi++ {
		m.deleted(old[oi], next)
	}
}

// changed marks the words that differ between old and new.
func (m *marker) changed(old, new unit) {
	m.marked++
	for i, c := range inlineContainers(new) {
		var o, n, number []token
		if i < len(old.cells) {
			o = old.cells[i]
		}
		n = new.cells[i]
		if new.kind != kindRow {
			number, n = numbered(n)
			_, o = numbered(o)
		}
		nodes := build(append(all(number, keep), words(o, n)...))
		if len(n) == 0 && len(o) > 0 {
			// a cell emptied: its row stays, so the cell is not all deleted
			nodes = append(nodes, &layout.Insert{})
		}
		replace(c, nodes)
	}
}

// inserted marks all of a new unit as inserted.
func (m *marker) inserted(u unit) {
	m.marked++
	for i, c := range inlineContainers(u) {
		replace(c, whole(u.cells[i], insert))
	}
}

// whole is tokens all inserted or all removed; with no tokens, an empty
// Insert or Delete, so that an empty cell still says its row changed.
func whole(ts []token, o op) []ast.Node {
	if len(ts) > 0 {
		return build(all(ts, o))
	}
	if o == insert {
		return []ast.Node{&layout.Insert{}}
	}
	return []ast.Node{&layout.Delete{}}
}

// inlineContainers are the nodes whose children are a unit's inline
// content: the block itself, or a row's cells.
func inlineContainers(u unit) []ast.Node {
	if u.kind != kindRow {
		return []ast.Node{u.node}
	}
	var out []ast.Node
	for c := u.node.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, c)
	}
	return out
}

// deleted puts an old unit back into the new tree, struck through, after
// the last new unit walked past if it is of the same kind, else before
// next if that is, else as a block of its own.
func (m *marker) deleted(u unit, next spot) {
	m.marked++
	var n ast.Node
	switch u.kind {
	case kindHeading:
		n = ast.NewHeading(u.level)
	case kindRow:
		n = &layout.TableRow{}
		for _, cell := range u.cells {
			c := &layout.TableCell{}
			replace(c, whole(cell, remove))
			n.AppendChild(n, c)
		}
	case kindItem:
		n = ast.NewTextBlock()
	default:
		n = ast.NewParagraph()
	}
	if u.kind != kindRow {
		replace(n, whole(u.cells[0], remove))
	}
	// the node that stands beside units of its kind
	self := n
	if u.kind == kindItem {
		self = ast.NewListItem(2)
		self.AppendChild(self, n)
	}
	switch {
	case u.sig != nil && !m.kept[u.whose]:
		m.deletedSignature(u, self, next)
	case m.prev.node != nil && m.prev.kind == u.kind:
		s := sibling(m.prev)
		s.Parent().InsertAfter(s.Parent(), s, self)
	case next.node != nil && next.kind == u.kind:
		s := sibling(next)
		s.Parent().InsertBefore(s.Parent(), s, self)
	default:
		block := self
		switch u.kind {
		case kindRow:
			block = &layout.Table{}
			block.AppendChild(block, self)
		case kindItem:
			block = ast.NewList('-')
			block.(*ast.List).IsTight = true
			block.AppendChild(block, self)
		}
		switch {
		case m.prev.node != nil:
			a := anchor(m.prev.node)
			a.Parent().InsertAfter(a.Parent(), a, block)
		case next.node != nil:
			a := anchor(next.node)
			a.Parent().InsertBefore(a.Parent(), a, block)
		default:
			m.root.AppendChild(m.root, block)
		}
	}
	m.prev = spot{n, u.kind}
}

// deletedSignature puts a unit of a removed signature block back in a
// block of its own, so that a partner who left still has a box, struck
// through, and not lines in another partner's box.
func (m *marker) deletedSignature(u unit, self ast.Node, next spot) {
	if m.oldSig == u.sig && m.newSig != nil && m.newSig.Parent() != nil {
		m.newSig.AppendChild(m.newSig, self)
		return
	}
	sig := &layout.Signature{Struck: true} // struck out: no one signs it
	sig.AppendChild(sig, self)
	m.oldSig, m.newSig = u.sig, sig
	switch {
	case m.prev.node != nil:
		a := outside(anchor(m.prev.node))
		a.Parent().InsertAfter(a.Parent(), a, sig)
	case next.node != nil:
		a := outside(anchor(next.node))
		a.Parent().InsertBefore(a.Parent(), a, sig)
	default:
		m.root.AppendChild(m.root, sig)
	}
}

// outside is n, or the signature block that holds it.
func outside(n ast.Node) ast.Node {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == layout.KindSignature {
			n = p
		}
	}
	return n
}

// sibling is the node beside which units of s's kind stand: a list item's
// item, else the block itself.
func sibling(s spot) ast.Node {
	if s.kind == kindItem {
		return s.node.Parent()
	}
	return s.node
}

// anchor is the block holding n that stands among paragraphs: outside
// any list or table.
func anchor(n ast.Node) ast.Node {
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.Kind() {
		case ast.KindList, ast.KindListItem, layout.KindTable, layout.KindTableRow, layout.KindTableCell:
			n = p
		}
	}
	return n
}
