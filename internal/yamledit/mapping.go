package yamledit

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// AddMapping adds a missing key at path holding a mapping of the given
// ordered key/value pairs of scalar text, as block lines after the last
// entry of its parent, which must be an existing mapping. It is an error
// for the key to exist already: use Set on its values.
func (d *Doc) AddMapping(path string, pairs [][2]string) error {
	segs, key, err := parseKeyPath(path)
	if err != nil {
		return err
	}
	if len(pairs) == 0 {
		return fmt.Errorf("yamledit: %s: the mapping to add is empty", path)
	}
	for _, kv := range pairs {
		if kv[0] == "" || !utf8.ValidString(kv[0]) || !utf8.ValidString(kv[1]) {
			return fmt.Errorf("yamledit: %s: the mapping has an empty key or text that is not valid UTF-8", path)
		}
	}
	l, err := locate(d.root, segs, read)
	if err != nil {
		return err
	}
	if l.value != nil {
		return fmt.Errorf("yamledit: %s: already exists", path)
	}
	if l, err = locate(d.root, segs, plan); err != nil {
		return err
	}
	var edits []edit
	p := l.parent
	ok := !l.aliased && p.Kind == yaml.MappingNode && p.Style&yaml.FlowStyle == 0 && p.Line > 0
	if ok {
		ind := strings.Repeat(" ", p.Column-1)
		var b strings.Builder
		b.WriteString(ind + renderKey(key) + ":" + d.eol)
		for _, kv := range pairs {
			b.WriteString(ind + "  " + renderKey(kv[0]) + ": " + render(kv[1], false) + d.eol)
		}
		edits = []edit{d.insertAfter(p, b.String())}
	}
	want, wl, err := d.target(segs, copies)
	if err != nil {
		return err
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, kv := range pairs {
		m.Content = append(m.Content, keyNode(kv[0]), scalarNode(kv[1], m))
	}
	wl.parent.Content = append(wl.parent.Content, keyNode(key), m)
	return d.commit(path, edits, ok, want)
}

// Keys returns the keys of the mapping at path, in the file's order;
// none when there is no mapping there. Merge keys are not followed.
func (d *Doc) Keys(path string) []string {
	m := d.node(path, yaml.MappingNode)
	if m == nil {
		return nil
	}
	var keys []string
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := m.Content[i]; k.Kind == yaml.ScalarNode && k.Tag != "!!merge" {
			keys = append(keys, k.Value)
		}
	}
	return keys
}
