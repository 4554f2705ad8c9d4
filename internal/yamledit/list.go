package yamledit

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Remove removes the item at path, such as "partners[2]", from its list.
//
// In a block list the item's lines go, from its "- " to its last line,
// comments inside it too; comments and blank lines above it stay. A list
// left with no items is written "[]". A flow list on one line is written
// again without the item. Otherwise the whole document is re-encoded (see
// Reformatted).
func (d *Doc) Remove(path string) error {
	segs, err := parsePath(path)
	if err != nil {
		return err
	}
	if segs[len(segs)-1].index < 0 {
		return fmt.Errorf("yamledit: %s: Remove takes an item from a list; use Delete for a key", path)
	}
	l, err := locate(d.root, segs, plan)
	if err != nil {
		return err
	}
	edits, ok := d.planRemove(l)
	want, wl, err := d.target(segs, copies)
	if err != nil {
		return err
	}
	wl.parent.Content = slices.Delete(wl.parent.Content, wl.index, wl.index+1)
	if len(wl.parent.Content) == 0 {
		wl.parent.Style |= yaml.FlowStyle // "[]"
	}
	return d.commit(path, edits, ok, want)
}

// planRemove returns the source edits that take the item at l out of its
// list, and whether they can be made in place.
func (d *Doc) planRemove(l location) ([]edit, bool) {
	seq := l.parent
	if l.aliased || seq.Kind != yaml.SequenceNode {
		return nil, false
	}
	if seq.Style&yaml.FlowStyle != 0 {
		items := make([]string, 0, len(seq.Content)-1)
		for i, c := range seq.Content {
			if i == l.index {
				continue
			}
			s, e, ok := d.scalarSpan(c)
			if !ok {
				return nil, false
			}
			items = append(items, string(d.src[s:e]))
		}
		return d.planFlowList(seq, items)
	}
	item := seq.Content[l.index]
	first := item.Line
	if d.dashColumn(first) != seq.Column-1 || item.Anchor != "" {
		return nil, false // the "- " is not on the item's first line
	}
	last := d.lastNodeLine(item, seq.Column-1)
	if item.Kind == yaml.MappingNode || item.Kind == yaml.SequenceNode {
		last = d.lastLine(item)
	}
	if l.index+1 < len(seq.Content) && seq.Content[l.index+1].Line <= last {
		return nil, false
	}
	start := d.starts[first-1]
	end := len(d.src)
	if last < len(d.starts) {
		end = d.starts[last]
	}
	edits := []edit{{start, end, ""}}
	if len(seq.Content) == 1 {
		// The list's key gets "[]", so that the list is still a list.
		key := d.keyOf(seq)
		if key == nil {
			return nil, false
		}
		at, ok := d.afterColon(key)
		if !ok {
			return nil, false
		}
		edits = append(edits, edit{at, at, " []"})
	}
	return edits, true
}

// dashColumn returns the column (from 0) of the "-" that starts line l,
// or -1 when the line does not start with one.
func (d *Doc) dashColumn(l int) int {
	line := d.line(l)
	t := strings.TrimLeft(line, " ")
	if t != "-" && !strings.HasPrefix(t, "- ") {
		return -1
	}
	return len(line) - len(t)
}

// keyOf returns the key node whose value is n, or nil.
func (d *Doc) keyOf(n *yaml.Node) *yaml.Node {
	var find func(p *yaml.Node) *yaml.Node
	find = func(p *yaml.Node) *yaml.Node {
		for i, c := range p.Content {
			if c == n && p.Kind == yaml.MappingNode && i%2 == 1 {
				return p.Content[i-1]
			}
			if k := find(c); k != nil {
				return k
			}
		}
		return nil
	}
	return find(d.root)
}

// planFlowList returns the edit that writes the flow list seq, which
// must be on one line, again with the given items (as written).
func (d *Doc) planFlowList(seq *yaml.Node, items []string) ([]edit, bool) {
	start, ok := d.offset(seq.Line, seq.Column)
	if !ok || d.src[start] != '[' {
		return nil, false
	}
	end := strings.IndexByte(d.line(seq.Line)[seq.Column-1:], ']')
	if end < 0 {
		return nil, false
	}
	// The first "]" on the line ends the list only if no item holds one.
	for _, c := range seq.Content {
		if strings.Contains(c.Value, "]") {
			return nil, false
		}
	}
	return []edit{{start, start + end + 1, "[" + strings.Join(items, ", ") + "]"}}, true
}

// SetList makes the list at path hold exactly values, as single lines of
// text, keeping its style: a flow list ("[Year 9, Year 10]") on one line
// is written again; in a block list each item that changes has its text
// replaced, items past the end are removed and new ones added after the
// last, so comments on the items that stay are kept. A missing or empty
// list is written as a block list under its key.
func (d *Doc) SetList(path string, values []string) error {
	segs, err := parsePath(path)
	if err != nil {
		return err
	}
	for _, v := range values {
		if !utf8.ValidString(v) {
			return fmt.Errorf("yamledit: %s: a value is not valid UTF-8", path)
		}
	}
	l, err := locate(d.root, segs, read)
	if err != nil {
		return err
	}
	var seq *yaml.Node
	if l.value != nil {
		seq = resolve(l.value)
		if seq.Kind != yaml.SequenceNode && !isNull(seq) {
			return fmt.Errorf("yamledit: %s: is %s, not a list", path, describe(seq))
		}
	}
	if seq == nil || seq.Kind != yaml.SequenceNode || len(seq.Content) == 0 {
		if len(values) == 0 {
			return nil
		}
		return d.newList(path, segs, values)
	}
	if seq.Style&yaml.FlowStyle != 0 && !l.aliased {
		items := make([]string, len(values))
		for i, v := range values {
			items[i] = render(v, true)
		}
		if edits, ok := d.planFlowList(seq, items); ok {
			want, wl, err := d.target(segs, copies)
			if err != nil {
				return err
			}
			setSeq(wl.parent.Content[wl.index], values)
			return d.commit(path, edits, true, want)
		}
	}
	n := len(seq.Content)
	for i := range min(n, len(values)) {
		if old, _ := d.Get(path + "[" + strconv.Itoa(i) + "]"); old != values[i] {
			if err := d.SetText(path+"["+strconv.Itoa(i)+"]", values[i]); err != nil {
				return err
			}
		}
	}
	for i := n - 1; i >= len(values); i-- {
		if err := d.Remove(path + "[" + strconv.Itoa(i) + "]"); err != nil {
			return err
		}
	}
	for _, v := range values[min(n, len(values)):] {
		if err := d.appendScalar(path, segs, v); err != nil {
			return err
		}
	}
	return nil
}

// setSeq makes the list node seq hold values.
func setSeq(seq *yaml.Node, values []string) {
	seq.Content = seq.Content[:0]
	for _, v := range values {
		seq.Content = append(seq.Content, scalarNode(v, seq))
	}
}

// newList writes the missing or empty list at path as a block list of
// values.
func (d *Doc) newList(path string, segs []segment, values []string) error {
	l, err := locate(d.root, segs, read)
	if err != nil {
		return err
	}
	edits, ok := d.planAppend(l, segs[len(segs)-1].key, func(dash, _ int) string {
		var b strings.Builder
		for _, v := range values {
			b.WriteString(strings.Repeat(" ", dash) + "- " + render(v, false) + d.eol)
		}
		return b.String()
	})
	want, wl, err := d.target(segs, copies|merges)
	if err != nil {
		return err
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	setSeq(seq, values)
	if wl.value == nil {
		wl.parent.Content = append(wl.parent.Content, keyNode(segs[len(segs)-1].key), seq)
	} else {
		wl.parent.Content[wl.index] = seq
	}
	return d.commit(path, edits, ok, want)
}

// appendScalar adds value as a new last item of the non-empty block list
// at path, in the layout of its items.
func (d *Doc) appendScalar(path string, segs []segment, value string) error {
	l, err := locate(d.root, segs, read)
	if err != nil {
		return err
	}
	seq := resolve(l.value)
	ok := !l.aliased && seq.Style&yaml.FlowStyle == 0 && len(seq.Content) > 0
	var edits []edit
	if ok {
		dash := seq.Column - 1
		edits = []edit{d.insertAfter(seq, strings.Repeat(" ", dash)+"- "+render(value, false)+d.eol)}
	}
	want, wl, err := d.target(segs, copies)
	if err != nil {
		return err
	}
	w := wl.parent.Content[wl.index]
	w.Content = append(w.Content, scalarNode(value, w))
	return d.commit(path, edits, ok, want)
}

// Len returns the number of items in the list at path, 0 when there is
// none.
func (d *Doc) Len(path string) int {
	seq := d.list(path)
	if seq == nil {
		return 0
	}
	return len(seq.Content)
}

// Strings returns the text of each single-value item of the list at
// path, in order; an item that is not a single value reads as "".
func (d *Doc) Strings(path string) []string {
	seq := d.list(path)
	if seq == nil {
		return nil
	}
	out := make([]string, len(seq.Content))
	for i, c := range seq.Content {
		if c = resolve(c); c.Kind == yaml.ScalarNode {
			out[i] = text(c)
		}
	}
	return out
}

// list returns the list node at path, or nil.
func (d *Doc) list(path string) *yaml.Node { return d.node(path, yaml.SequenceNode) }

// node returns the node of the given kind at path, as a reader sees it,
// or nil.
func (d *Doc) node(path string, kind yaml.Kind) *yaml.Node {
	segs, err := parsePath(path)
	if err != nil {
		return nil
	}
	l, err := locate(d.root, segs, read)
	if err != nil || l.value == nil {
		return nil
	}
	if n := resolve(l.value); n.Kind == kind {
		return n
	}
	return nil
}
