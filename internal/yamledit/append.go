package yamledit

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// AppendScalar adds value as the last item of the list of scalars at
// path, such as "wording.omit".
//
// A flow list on one line ("[a, b]") gains ", value" before its closing
// bracket; a block list gains a line "- value" after its last item, in
// the same column; an empty list ("key: []" or "key:") becomes
// "key: [value]"; a missing key is added as "key: [value]" after the last
// entry of its parent. Otherwise the whole document is re-encoded (see
// Reformatted).
func (d *Doc) AppendScalar(path, value string) error {
	segs, key, err := parseKeyPath(path)
	if err != nil {
		return err
	}
	if !utf8.ValidString(value) {
		return fmt.Errorf("yamledit: %s: the value is not valid UTF-8", path)
	}
	l, err := locate(d.root, segs, read)
	if err != nil {
		return err
	}
	if l.value != nil {
		if n := resolve(l.value); n.Kind != yaml.SequenceNode && !isNull(n) {
			return fmt.Errorf("yamledit: %s: is %s, not a list", path, describe(n))
		}
	}
	if l, err = locate(d.root, segs, plan); err != nil {
		return err
	}
	edits, ok := d.planAppendScalar(l, key, value)
	want, wl, err := d.target(segs, copies|merges)
	if err != nil {
		return err
	}
	item := scalarNode(value, &yaml.Node{Style: yaml.FlowStyle})
	if wl.value == nil {
		wl.parent.Content = append(wl.parent.Content, keyNode(key), &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{item}})
	} else {
		seq := wl.parent.Content[wl.index]
		if seq.Kind == yaml.AliasNode {
			seq = copyNode(resolve(seq))
			wl.parent.Content[wl.index] = seq
		}
		if seq.Kind == yaml.ScalarNode {
			seq.Kind, seq.Tag, seq.Value = yaml.SequenceNode, "!!seq", ""
		}
		seq.Content = append(seq.Content, item)
	}
	return d.commit(path, edits, ok, want)
}

// planAppendScalar returns the source edits that add value to the list
// at l, and whether they can be made in place.
func (d *Doc) planAppendScalar(l location, key, value string) ([]edit, bool) {
	p := l.parent
	if l.aliased || p.Kind != yaml.MappingNode || p.Style&yaml.FlowStyle != 0 {
		return nil, false
	}
	flowItem := render(value, true)
	if l.value == nil {
		line := renderKey(key) + ": [" + flowItem + "]" + d.eol
		if len(d.root.Content) == 0 || p == d.root.Content[0] {
			return []edit{d.atEnd(line)}, true
		}
		return []edit{d.insertAfter(p, strings.Repeat(" ", p.Column-1)+line)}, true
	}
	v, k := l.value, p.Content[l.index-1]
	switch {
	case v.Kind == yaml.SequenceNode && v.Style&yaml.FlowStyle != 0 && len(v.Content) > 0:
		_, end, ok := d.scalarSpan(v.Content[len(v.Content)-1])
		if !ok || v.Content[len(v.Content)-1].Line != v.Line {
			return nil, false
		}
		for end < len(d.src) && (d.src[end] == ' ' || d.src[end] == '\t') {
			end++
		}
		if end >= len(d.src) || d.src[end] != ']' {
			return nil, false
		}
		return []edit{{end, end, ", " + flowItem}}, true
	case v.Kind == yaml.SequenceNode && len(v.Content) > 0:
		last := v.Content[len(v.Content)-1]
		if last.Kind != yaml.ScalarNode {
			return nil, false
		}
		return []edit{d.insertAfter(v, strings.Repeat(" ", v.Column-1)+"- "+render(value, false)+d.eol)}, true
	}
	colon, end, ok := d.emptySpan(k, v, yaml.SequenceNode)
	if !ok {
		return nil, false
	}
	return []edit{{colon, end, " [" + flowItem + "]"}}, true
}
