package yamledit

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Delete removes the key at path, with its single value, from its
// mapping. A key that is not there is left so; a value that is a list or
// a mapping is refused.
//
// A key written on a line of its own in a block mapping has that line
// removed, any comment on it too; comments above it stay. Otherwise the
// whole document is re-encoded (see Reformatted).
func (d *Doc) Delete(path string) error { return d.deleteKey(path, false) }

// DeleteGroup removes the key at path with the mapping or list it holds
// (or nothing, when it holds nothing), such as an optional group of
// answers no longer wanted. A key that is not there is left so; a single
// value is refused: use Delete.
//
// A key written on a line of its own in a block mapping, with its value
// in block lines below it, has those lines removed, comments among them
// too; comments above it stay. Otherwise the whole document is
// re-encoded (see Reformatted).
func (d *Doc) DeleteGroup(path string) error { return d.deleteKey(path, true) }

// deleteKey removes the key at path: a collection's key if group, else
// a single value's.
func (d *Doc) deleteKey(path string, group bool) error {
	segs, err := parsePath(path)
	if err != nil {
		return err
	}
	if segs[len(segs)-1].index >= 0 {
		return fmt.Errorf("yamledit: %s: Delete removes a key from a mapping, not an item from a list", path)
	}
	l, err := locate(d.root, segs, read)
	if err != nil {
		return err
	}
	if l.value == nil {
		return nil
	}
	switch n := resolve(l.value); {
	case group && n.Kind == yaml.ScalarNode && !isNull(n):
		return fmt.Errorf("yamledit: %s: is %s; DeleteGroup removes a mapping or a list", path, describe(n))
	case !group && n.Kind != yaml.ScalarNode:
		return fmt.Errorf("yamledit: %s: is %s; Delete removes a single value", path, describe(n))
	}
	if l, err = locate(d.root, segs, plan); err != nil {
		return err
	}
	edits, ok := d.planDelete(l)
	want, wl, err := d.target(segs, copies)
	if err != nil {
		return err
	}
	if wl.index >= 0 {
		wl.parent.Content = append(wl.parent.Content[:wl.index-1:wl.index-1], wl.parent.Content[wl.index+1:]...)
	}
	return d.commit(path, edits, ok, want)
}

// planDelete returns the source edit that removes the key at l and its
// value, and whether it can be made in place: the key and its one-line
// value must have their line to themselves, but for a comment.
func (d *Doc) planDelete(l location) ([]edit, bool) {
	p := l.parent
	if l.aliased || l.index < 1 || p.Kind != yaml.MappingNode || p.Style&yaml.FlowStyle != 0 {
		return nil, false
	}
	k, v := p.Content[l.index-1], p.Content[l.index]
	last := k.Line
	switch {
	case (v.Kind == yaml.MappingNode || v.Kind == yaml.SequenceNode) && v.Anchor != "":
		return nil, false
	case v.Kind == yaml.MappingNode || v.Kind == yaml.SequenceNode:
		if v.Style&yaml.FlowStyle != 0 && v.Line == k.Line {
			// "omit: [a, b]", perhaps carried on over lines indented
			// further than the key.
			last = d.continued(k.Line, k.Column-1)
			break
		}
		// A block collection below its key, to its last line.
		if v.Style&yaml.FlowStyle != 0 || v.Line <= k.Line || len(v.Content) == 0 {
			return nil, false
		}
		last = d.lastLine(v)
	case v.Line != k.Line && !(isNull(v) && v.Value == ""):
		return nil, false
	default:
		if _, _, ok := d.scalarSpan(v); !ok && !(isNull(v) && v.Value == "") {
			return nil, false
		}
	}
	if l.index+1 < len(p.Content) && p.Content[l.index+1].Line == k.Line {
		return nil, false // another key follows on the same line
	}
	line := d.line(k.Line)
	if strings.TrimSpace(line[:min(k.Column-1, len(line))]) != "" {
		return nil, false // "- key: value": the line starts a list item
	}
	if l.index+1 < len(p.Content) && p.Content[l.index+1].Line <= last {
		return nil, false // the next key is among the lines
	}
	start := d.starts[k.Line-1]
	end := len(d.src)
	if last < len(d.starts) {
		end = d.starts[last]
	}
	return []edit{{start, end, ""}}, true
}

// continued returns the last line that carries on line l: lines after it
// indented further than indent, but for blank lines and comments.
func (d *Doc) continued(l, indent int) int {
	last := l
	for n := l + 1; n <= len(d.starts); n++ {
		line := d.line(n)
		t := strings.TrimLeft(line, " \t")
		if t == "" || t[0] == '#' {
			continue
		}
		if len(line)-len(strings.TrimLeft(line, " ")) <= indent {
			break
		}
		last = n
	}
	return last
}
