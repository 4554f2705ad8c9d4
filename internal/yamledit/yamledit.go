// Package yamledit changes values in a hand-written YAML file without
// disturbing the rest of it: comments, blank lines, key order, quoting and
// indentation all stay as the author left them.
//
// Each edit is made to the source text, at the position yaml.v3 reports for
// the node concerned, and the result is parsed again to check that it holds
// exactly what was intended. When an edit cannot be made that way (a block
// scalar, a value reached through an alias, a flow-style mapping), the whole
// document is re-encoded by yaml.v3 instead, and Reformatted reports it.
package yamledit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// ErrNotFound is wrapped by the errors that report a missing key on the
// way to the value to edit.
var ErrNotFound = errors.New("not found")

var bom = []byte("\uFEFF")

// Doc is a YAML document being edited in place.
//
// Edits are applied to the source as they are made, so there is never more
// than the current text and the tree parsed from it.
type Doc struct {
	src         []byte     // the text, without any byte order mark
	bom         bool       // whether the text began with a UTF-8 byte order mark
	eol         string     // line ending for new lines: "\n" or "\r\n"
	starts      []int      // byte offset at which each line of src starts
	root        *yaml.Node // document node parsed from src
	reformatted bool
	long        bool // the value being set is a long text (SetText)
}

// Parse reads src. It fails on invalid YAML or a file with more than one
// document.
func Parse(src []byte) (*Doc, error) {
	d := &Doc{eol: "\n"}
	if bytes.HasPrefix(src, bom) {
		d.bom = true
		src = src[len(bom):]
	}
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		d.eol = "\r\n"
	}
	src = bytes.Clone(src)
	root, err := parse(src)
	if err != nil {
		return nil, fmt.Errorf("yamledit: %w", err)
	}
	d.load(src, root)
	return d, nil
}

// parse returns the document node of src; a file with no document gives
// a document node with no content.
func parse(src []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err == io.EOF {
			return &yaml.Node{Kind: yaml.DocumentNode}, nil
		}
		return nil, err
	}
	var next yaml.Node
	switch err := dec.Decode(&next); err {
	case io.EOF:
		return &doc, nil
	case nil:
		return nil, errors.New("the file holds more than one YAML document")
	default:
		return nil, err
	}
}

// load makes src, whose parsed form is root, the current text.
func (d *Doc) load(src []byte, root *yaml.Node) {
	d.src, d.root = src, root
	d.starts = d.starts[:0]
	for i := 0; i < len(src); {
		d.starts = append(d.starts, i)
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
}

// Bytes returns the edited source.
func (d *Doc) Bytes() []byte {
	var out []byte
	if d.bom {
		out = append(out, bom...)
	}
	return append(out, d.src...)
}

// Reformatted reports whether some edit could not be made in place, so
// that the whole document was re-encoded by yaml.v3: comments are kept,
// but the layout is normalised to a 2-space indent.
func (d *Doc) Reformatted() bool { return d.reformatted }

// Get returns the text of the scalar at path and whether it exists.
//
// A path is a dot-separated list of keys, each perhaps followed by 0-based
// list indexes: "version", "partners[1].lead.email". Aliases and merge
// keys are followed. A null value ("key:" or "key: ~") reads as "".
func (d *Doc) Get(path string) (string, bool) {
	segs, err := parsePath(path)
	if err != nil {
		return "", false
	}
	l, err := locate(d.root, segs, read)
	if err != nil || l.value == nil {
		return "", false
	}
	n := resolve(l.value)
	if n.Kind != yaml.ScalarNode {
		return "", false
	}
	return text(n), true
}

// Set makes the scalar at path read back as value.
//
// An existing value on one line, plain or quoted, has only its own
// characters replaced; a comment after it stays. This holds inside flow
// collections too. A missing key is added as a line "key: value" after
// the last entry of its parent, which must be an existing mapping; so is a
// key the mapping has only through a merge key ("<<"), which the new line
// overrides. A key whose parent is written empty ("key:" or "key: {}",
// perhaps with a comment) turns the parent into a block mapping holding
// it. The value is written plain when that reads back as the same text,
// and double-quoted otherwise.
//
// A block scalar, a value that spans lines, an alias, a value reached
// through an alias, or a new key in a flow mapping cannot be edited in
// place; the whole document is then re-encoded (see Reformatted). SetText
// edits block scalars in place.
func (d *Doc) Set(path, value string) error {
	segs, err := parsePath(path)
	if err != nil {
		return err
	}
	if !utf8.ValidString(value) {
		return fmt.Errorf("yamledit: %s: the value is not valid UTF-8", path)
	}
	key := segs[len(segs)-1].key
	if done, err := d.setUnderEmpty(path, segs, key, value); done || err != nil {
		return err
	}
	l, err := locate(d.root, segs, read)
	if err != nil {
		return err
	}
	if l.value != nil {
		if n := resolve(l.value); n.Kind != yaml.ScalarNode {
			return fmt.Errorf("yamledit: %s: is %s; Set needs a single value", path, describe(n))
		}
	}
	if l, err = locate(d.root, segs, plan); err != nil {
		return err
	}
	edits, ok := d.planSet(l, key, value)
	want, wl, err := d.target(segs, copies)
	if err != nil {
		return err
	}
	if wl.value != nil {
		wl.via = append(wl.via, wl.value)
	}
	if unshare(want, wl.via) {
		ok = false // the aliases must be written out in full
	}
	setNode(wl, key, value)
	return d.commit(path, edits, ok, want)
}

// setUnderEmpty makes the change Set does when the parent of the key is
// written empty ("wording:", perhaps with a comment, or "wording: {}"),
// in place: the empty value becomes a block mapping holding the key. It
// reports whether it made the change.
func (d *Doc) setUnderEmpty(path string, segs []segment, key, value string) (bool, error) {
	if len(segs) < 2 || segs[len(segs)-1].index >= 0 {
		return false, nil
	}
	l, err := locate(d.root, segs[:len(segs)-1], plan)
	if err != nil {
		return false, nil // Set reports it
	}
	edits, ok := d.planUnderEmpty(l, key, value)
	if !ok {
		return false, nil
	}
	want, wl, err := d.target(segs[:len(segs)-1], copies)
	if err != nil {
		return false, err
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	m.Content = []*yaml.Node{keyNode(key), scalarNode(value, m)}
	wl.parent.Content[wl.index] = m
	return true, d.commit(path, edits, true, want)
}

// unshare replaces every alias of the nodes in via by a copy of what it
// stands for, so that changing them changes nothing else in the file: a
// trust's chief executive anchored as one academy's signatory and aliased
// as another's stays the other's when the first changes. It reports
// whether it replaced any.
func unshare(root *yaml.Node, via []*yaml.Node) bool {
	shared := map[*yaml.Node]bool{}
	for _, n := range via {
		if n.Anchor != "" {
			shared[n] = true
		}
	}
	if len(shared) == 0 {
		return false
	}
	replaced := false
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		for i, c := range n.Content {
			if c.Kind == yaml.AliasNode && shared[c.Alias] {
				n.Content[i] = copyNode(c.Alias)
				replaced = true
				continue
			}
			walk(c)
		}
	}
	walk(root)
	return replaced
}

// Append adds an item to the block sequence at path. The item is a mapping
// given as ordered key/value pairs of scalar text.
//
// The item follows the layout of the list's existing items. A list that is
// empty ("key: []" or "key:") becomes a block sequence indented two spaces
// from its key. A missing key is added with the new list: at the end of
// the file for a top-level key, otherwise at the end of its parent.
func (d *Doc) Append(path string, item [][2]string) error {
	segs, err := parsePath(path)
	if err != nil {
		return err
	}
	if len(item) == 0 {
		return fmt.Errorf("yamledit: %s: the item to append is empty", path)
	}
	for _, kv := range item {
		if kv[0] == "" || !utf8.ValidString(kv[0]) || !utf8.ValidString(kv[1]) {
			return fmt.Errorf("yamledit: %s: the item has an empty key or text that is not valid UTF-8", path)
		}
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
	key := segs[len(segs)-1].key
	edits, ok := d.planAppend(l, key, func(dash, keys int) string { return d.item(item, dash, keys) })
	want, wl, err := d.target(segs, copies|merges)
	if err != nil {
		return err
	}
	appendNode(wl, key, item)
	return d.commit(path, edits, ok, want)
}

// target parses the current text afresh and locates path in it, ready for
// the tree to be changed into the one an edit should produce.
func (d *Doc) target(segs []segment, m mode) (*yaml.Node, location, error) {
	want, err := parse(d.src)
	if err != nil {
		return nil, location{}, err
	}
	l, err := locate(want, segs, m)
	return want, l, err
}

// commit makes the change whose intended result is the tree want. If ok,
// it first tries the source edits; otherwise, or if they do not give
// want, it re-encodes want.
func (d *Doc) commit(path string, edits []edit, ok bool, want *yaml.Node) error {
	if ok {
		src := apply(d.src, edits)
		if root, err := parse(src); err == nil && same(root, want) {
			d.load(src, root)
			return nil
		}
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	err := enc.Encode(want)
	if err == nil {
		err = enc.Close()
	}
	src := buf.Bytes()
	if d.eol != "\n" {
		src = bytes.ReplaceAll(src, []byte("\n"), []byte(d.eol))
	}
	var root *yaml.Node
	if err == nil {
		root, err = parse(src)
	}
	if err != nil || !same(root, want) {
		return fmt.Errorf("yamledit: %s: cannot make the change without disturbing the rest of the file", path)
	}
	d.load(src, root)
	d.reformatted = true
	return nil
}

// setNode changes the tree at l so that it holds value.
func setNode(l location, key, value string) {
	if l.index < 0 {
		l.parent.Content = append(l.parent.Content, keyNode(key), scalarNode(value, l.parent))
		return
	}
	old := l.parent.Content[l.index]
	n := scalarNode(value, l.parent)
	n.HeadComment, n.LineComment, n.FootComment = old.HeadComment, old.LineComment, old.FootComment
	if old.Kind == yaml.ScalarNode {
		// Change the node itself, keeping its anchor (its aliases were
		// unshared first).
		n.Anchor = old.Anchor
		*old = *n
		return
	}
	l.parent.Content[l.index] = n
}

// appendNode changes the tree at l so that its list ends with item.
func appendNode(l location, key string, item [][2]string) {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, kv := range item {
		m.Content = append(m.Content, keyNode(kv[0]), scalarNode(kv[1], m))
	}
	if l.value == nil {
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{m}}
		l.parent.Content = append(l.parent.Content, keyNode(key), seq)
		return
	}
	seq := l.parent.Content[l.index]
	if seq.Kind == yaml.AliasNode {
		seq = copyNode(resolve(seq))
		l.parent.Content[l.index] = seq
	}
	if seq.Kind == yaml.ScalarNode {
		seq.Kind, seq.Tag, seq.Value = yaml.SequenceNode, "!!seq", ""
	}
	seq.Style = 0 // a flow list that is re-encoded becomes a block list
	seq.Content = append(seq.Content, m)
}

// scalarNode returns a node holding value in the style Set writes it in
// parent.
func scalarNode(value string, parent *yaml.Node) *yaml.Node {
	if isPlain(value, parent.Style&yaml.FlowStyle != 0) {
		return &yaml.Node{Kind: yaml.ScalarNode, Value: value}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle, Value: value}
}

func keyNode(key string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}
	if !isPlainKey(key) {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// same reports whether two trees hold the same data, as this package and
// the questionnaire loader read it: scalars are compared as text, and
// layout, style and comments are ignored.
func same(a, b *yaml.Node) bool {
	if a.Kind != b.Kind || a.Anchor != b.Anchor || len(a.Content) != len(b.Content) {
		return false
	}
	switch a.Kind {
	case yaml.ScalarNode:
		return text(a) == text(b) && (a.Tag == "!!merge") == (b.Tag == "!!merge")
	case yaml.AliasNode:
		return a.Value == b.Value
	}
	for i := range a.Content {
		if !same(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}

// text returns the text of a scalar; null reads as "".
func text(n *yaml.Node) string {
	if isNull(n) {
		return ""
	}
	return n.Value
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// resolve follows n if it is an alias.
func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// copyNode returns a deep copy of n without its anchors, so that the copy
// does not redefine them; aliases within it still refer to the originals.
func copyNode(n *yaml.Node) *yaml.Node {
	c := *n
	c.Anchor = ""
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, child := range n.Content {
		c.Content[i] = copyNode(child)
	}
	return &c
}

// describe names the kind of n for error messages.
func describe(n *yaml.Node) string {
	switch {
	case n.Kind == yaml.MappingNode:
		return "a mapping"
	case n.Kind == yaml.SequenceNode:
		return "a list"
	case isNull(n):
		return "empty"
	}
	return "a single value"
}
