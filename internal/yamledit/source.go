package yamledit

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// An edit replaces src[start:end] with text.
type edit struct {
	start, end int
	text       string
}

// apply returns a copy of src with the edits made, which must not
// overlap.
func apply(src []byte, edits []edit) []byte {
	edits = slices.Clone(edits)
	slices.SortFunc(edits, func(a, b edit) int { return b.start - a.start })
	out := bytes.Clone(src)
	for _, e := range edits {
		out = slices.Concat(out[:e.start], []byte(e.text), out[e.end:])
	}
	return out
}

// planSet returns the source edits that make the value at l read as value,
// and whether they can be made in place.
func (d *Doc) planSet(l location, key, value string) ([]edit, bool) {
	p := l.parent
	if l.aliased {
		return nil, false
	}
	flow := p.Style&yaml.FlowStyle != 0
	if l.index < 0 {
		if flow {
			return nil, false
		}
		ind := max(p.Column-1, 0)
		line := strings.Repeat(" ", ind) + renderKey(key) + ": " + d.renderValue(value, ind) + d.eol
		return []edit{d.insertAfter(p, line)}, true
	}
	v := p.Content[l.index]
	if start, end, ok := d.scalarSpan(v); ok {
		return []edit{{start, end, render(value, flow)}}, true
	}
	if isNull(v) && v.Value == "" && p.Kind == yaml.MappingNode && !flow {
		// "key:" with nothing after it, perhaps but a comment.
		if at, ok := d.afterColon(p.Content[l.index-1]); ok {
			return []edit{{at, at, " " + render(value, false)}}, true
		}
	}
	return nil, false
}

// renderValue is value as Set writes it as the value of a new key: a
// long text (SetText) of more than one line as a literal block, its lines
// indented under the key.
func (d *Doc) renderValue(value string, indent int) string {
	if d.long && strings.Contains(strings.TrimSuffix(value, "\n"), "\n") {
		if text, ok := blockText(value, yaml.LiteralStyle, indent+2, d.eol); ok {
			return strings.TrimSuffix(text, d.eol)
		}
	}
	return render(value, false)
}

// planAppend returns the source edits that add an item to the list at l,
// and whether they can be made in place. lines writes the item with "-"
// in column dash and any keys in column keys (both counted from 0).
func (d *Doc) planAppend(l location, key string, lines func(dash, keys int) string) ([]edit, bool) {
	p := l.parent
	if l.aliased || p.Style&yaml.FlowStyle != 0 {
		return nil, false
	}
	if l.value == nil {
		if len(d.root.Content) == 0 || p == d.root.Content[0] {
			text := renderKey(key) + ":" + d.eol + lines(2, 4)
			return []edit{d.atEnd(text)}, true
		}
		ind := p.Column - 1
		text := strings.Repeat(" ", ind) + renderKey(key) + ":" + d.eol + lines(ind+2, ind+4)
		return []edit{d.insertAfter(p, text)}, true
	}
	v := l.value
	if v.Kind == yaml.SequenceNode && v.Style&yaml.FlowStyle == 0 && len(v.Content) > 0 {
		// Follow the layout of the first item: "- " in the column of
		// the list, and keys in the column of its first key.
		dash := v.Column - 1
		keys := dash + 2
		if first := v.Content[0]; first.Line == v.Line && first.Column-1 > dash {
			keys = first.Column - 1
		}
		return []edit{d.insertAfter(v, lines(dash, keys))}, true
	}
	if p.Kind != yaml.MappingNode {
		return nil, false
	}
	// An empty list, "key: []", or no value, "key:" or "key: ~", becomes
	// a block list under the key.
	k := p.Content[l.index-1]
	colon, end, ok := d.emptySpan(k, v, yaml.SequenceNode)
	if !ok {
		return nil, false
	}
	ind := k.Column - 1
	return []edit{
		{colon, end, ""},
		d.atLine(k.Line+1, lines(ind+2, ind+4)),
	}, true
}

// planUnderEmpty returns the source edits that give the empty value at l
// ("key:", "key: ~" or "key: {}", perhaps with a comment after it or on
// the lines below) its first key, as a block mapping under its own key,
// and whether they can be made in place.
func (d *Doc) planUnderEmpty(l location, key, value string) ([]edit, bool) {
	p, v := l.parent, l.value
	if l.aliased || v == nil || p.Kind != yaml.MappingNode || p.Style&yaml.FlowStyle != 0 {
		return nil, false
	}
	k := p.Content[l.index-1]
	colon, end, ok := d.emptySpan(k, v, yaml.MappingNode)
	if !ok {
		return nil, false
	}
	line := strings.Repeat(" ", k.Column+1) + renderKey(key) + ": " + render(value, false) + d.eol
	return []edit{{colon, end, ""}, d.atLine(k.Line+1, line)}, true
}

// emptySpan returns where the empty value v of the key k is written: from
// just after the key's colon to the end of "~" or of "{}" or "[]" (an
// empty flow collection of the given kind), if it is on the key's line;
// end is the colon's offset for a value not written at all.
func (d *Doc) emptySpan(k, v *yaml.Node, kind yaml.Kind) (colon, end int, ok bool) {
	if colon, ok = d.afterColon(k); !ok || v.Anchor != "" {
		return 0, 0, false
	}
	switch {
	case isNull(v) && v.Value == "":
		return colon, colon, true
	case isNull(v):
		_, end, ok = d.scalarSpan(v)
	case v.Kind == kind && len(v.Content) == 0:
		end, ok = d.emptyFlowEnd(v)
	default:
		return 0, 0, false
	}
	return colon, end, ok && v.Line == k.Line
}

// item returns the lines of a list item that is a mapping, with "-" in
// column dash and the keys in column keys (both counted from 0).
func (d *Doc) item(item [][2]string, dash, keys int) string {
	var b strings.Builder
	for i, kv := range item {
		if i == 0 {
			b.WriteString(strings.Repeat(" ", dash) + "-" + strings.Repeat(" ", keys-dash-1))
		} else {
			b.WriteString(strings.Repeat(" ", keys))
		}
		b.WriteString(renderKey(kv[0]) + ": " + render(kv[1], false) + d.eol)
	}
	return b.String()
}

// insertAfter returns an edit that inserts text, whole lines, after the
// last line of the block collection n: after all its nested lines, but
// before any blank lines and comments that follow them.
func (d *Doc) insertAfter(n *yaml.Node, text string) edit {
	if n.Line == 0 {
		return d.atEnd(text) // the empty mapping of an empty file
	}
	return d.atLine(d.lastLine(n)+1, text)
}

// atLine returns an edit that inserts text at the start of line l
// (counted from 1), which may be one past the last line.
func (d *Doc) atLine(l int, text string) edit {
	if l <= len(d.starts) {
		at := d.starts[l-1]
		return edit{at, at, text}
	}
	if len(d.src) > 0 && d.src[len(d.src)-1] != '\n' {
		text = d.eol + text
	}
	return edit{len(d.src), len(d.src), text}
}

// atEnd returns an edit that adds text at the end of the file, after a
// blank line.
func (d *Doc) atEnd(text string) edit {
	if n := len(d.starts); n > 0 {
		if d.src[len(d.src)-1] != '\n' {
			text = d.eol + text
		}
		if strings.TrimSpace(d.line(n)) != "" {
			text = d.eol + text
		}
	}
	return edit{len(d.src), len(d.src), text}
}

// line returns line l (counted from 1) without its line ending.
func (d *Doc) line(l int) string {
	end := len(d.src)
	if l < len(d.starts) {
		end = d.starts[l]
	}
	s := string(d.src[d.starts[l-1]:end])
	s = strings.TrimSuffix(s, "\n")
	return strings.TrimSuffix(s, "\r")
}

// offset returns the byte offset of a line and column as yaml.v3 reports
// them: counted from 1, the column in characters.
func (d *Doc) offset(line, col int) (int, bool) {
	if line < 1 || line > len(d.starts) || col < 1 {
		return 0, false
	}
	i := d.starts[line-1]
	for ; col > 1; col-- {
		if i >= len(d.src) || d.src[i] == '\n' {
			return 0, false
		}
		_, size := utf8.DecodeRune(d.src[i:])
		i += size
	}
	return i, true
}

// scalarSpan returns where the text of the scalar n is in the source,
// quotes included, if it is all on one line and plain or quoted, with no
// anchor or tag before it.
func (d *Doc) scalarSpan(n *yaml.Node) (start, end int, ok bool) {
	if n.Kind != yaml.ScalarNode || n.Anchor != "" || n.Style&(yaml.TaggedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return 0, 0, false
	}
	start, ok = d.offset(n.Line, n.Column)
	if !ok {
		return 0, 0, false
	}
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		end, ok = d.quotedEnd(start)
	} else {
		end = start + len(n.Value)
		ok = n.Value != "" && end <= len(d.src) && string(d.src[start:end]) == n.Value
	}
	if !ok || bytes.ContainsAny(d.src[start:end], "\r\n") {
		return 0, 0, false
	}
	return start, end, true
}

// quotedEnd returns the offset just after the quoted scalar that starts at
// offset start.
func (d *Doc) quotedEnd(start int) (int, bool) {
	src := d.src
	if start >= len(src) || src[start] != '"' && src[start] != '\'' {
		return 0, false
	}
	q := src[start]
	for i := start + 1; i < len(src); i++ {
		switch {
		case q == '"' && src[i] == '\\':
			i++ // skip the escaped character
		case src[i] != q:
		case q == '\'' && i+1 < len(src) && src[i+1] == '\'':
			i++ // '' stands for '
		default:
			return i + 1, true
		}
	}
	return 0, false
}

// afterColon returns the offset just after the ":" that follows the key k
// on its line.
func (d *Doc) afterColon(k *yaml.Node) (int, bool) {
	_, i, ok := d.scalarSpan(k)
	if !ok {
		return 0, false
	}
	for i < len(d.src) && (d.src[i] == ' ' || d.src[i] == '\t') {
		i++
	}
	if i >= len(d.src) || d.src[i] != ':' {
		return 0, false
	}
	return i + 1, true
}

// emptyFlowEnd returns the offset just after the empty flow list "[]"
// or mapping "{}" that n stands for, if it is on one line.
func (d *Doc) emptyFlowEnd(n *yaml.Node) (int, bool) {
	open, close := byte('['), byte(']')
	if n.Kind == yaml.MappingNode {
		open, close = '{', '}'
	}
	i, ok := d.offset(n.Line, n.Column)
	if !ok || d.src[i] != open {
		return 0, false
	}
	for i++; i < len(d.src) && (d.src[i] == ' ' || d.src[i] == '\t'); i++ {
	}
	if i >= len(d.src) || d.src[i] != close {
		return 0, false
	}
	return i + 1, true
}

// lastLine returns the last line that holds part of the block collection
// n, whose entries start in column n.Column. Comments and blank lines
// after the last entry are not counted, unless they are inside a block
// scalar.
func (d *Doc) lastLine(n *yaml.Node) int {
	indent := n.Column - 1
	last := d.lastNodeLine(n, indent)
	// Lines indented further than the entries carry on the last entry:
	// the continuation of a plain scalar or flow collection, say, or a
	// note about it that follows it directly (such as one on an optional
	// key it does not have), which what comes after must not split off.
	blank := false
	for l := last + 1; l <= len(d.starts); l++ {
		s := d.line(l)
		t := strings.TrimLeft(s, " \t")
		deeper := len(s)-len(strings.TrimLeft(s, " ")) > indent
		switch {
		case t == "":
			blank = true
			continue
		case t[0] == '#':
			if deeper && !blank {
				last = l
			}
			continue
		case !deeper:
			return last
		}
		last = l
	}
	return last
}

// lastNodeLine returns the last line on which the node n, or a node below
// it, starts or ends; indent is the indentation of the collection holding
// n.
func (d *Doc) lastNodeLine(n *yaml.Node, indent int) int {
	last := n.Line
	switch {
	case n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode:
		for _, c := range n.Content {
			last = max(last, d.lastNodeLine(c, n.Column-1))
		}
	case n.Kind != yaml.ScalarNode:
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		last = d.blockEnd(n, indent)
	case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		start, ok := d.offset(n.Line, n.Column)
		if !ok {
			break
		}
		if end, ok := d.quotedEnd(start); ok {
			last = n.Line + bytes.Count(d.src[start:end], []byte("\n"))
		}
	}
	return last
}

// blockEnd returns the last non-blank line of the body of the block scalar
// n, held in a collection indented by indent.
func (d *Doc) blockEnd(n *yaml.Node, indent int) int {
	last, body := n.Line, -1
	for l := n.Line + 1; l <= len(d.starts); l++ {
		s := d.line(l)
		if strings.TrimLeft(s, " \t") == "" {
			continue
		}
		ind := len(s) - len(strings.TrimLeft(s, " "))
		if body < 0 {
			body = ind
		}
		if ind <= indent || ind < body {
			break
		}
		last = l
	}
	return last
}
