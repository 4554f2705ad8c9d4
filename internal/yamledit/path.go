package yamledit

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// A segment is one step of a path: a mapping key, or a list index.
type segment struct {
	key   string
	index int // -1 for a key
}

// parsePath splits a path such as "partners[1].lead.email" into segments.
// A key that holds a dot or a bracket is written in double quotes:
// `wording.replace."general.insurance"`.
func parsePath(path string) ([]segment, error) {
	bad := fmt.Errorf("yamledit: invalid path %q", path)
	var segs []segment
	parts, ok := splitPath(path)
	if !ok {
		return nil, bad
	}
	for i, part := range parts {
		key, rest := part, ""
		if strings.HasPrefix(part, `"`) {
			end := strings.IndexByte(part[1:], '"') + 1
			key, rest = part[1:end], part[end+1:]
			if key == "" || rest != "" && rest[0] != '[' {
				return nil, bad
			}
		} else if j := strings.IndexByte(part, '['); j >= 0 {
			key, rest = part[:j], part[j:]
		}
		if !strings.HasPrefix(part, `"`) && (strings.Contains(key, "]") || key == "" && (i > 0 || rest == "")) {
			return nil, bad
		}
		if key != "" {
			segs = append(segs, segment{key: key, index: -1})
		}
		for rest != "" {
			j := strings.IndexByte(rest, ']')
			if rest[0] != '[' || j < 2 || j > 10 {
				return nil, bad
			}
			n, err := strconv.Atoi(rest[1:j])
			if err != nil || n < 0 || rest[1] < '0' || rest[1] > '9' {
				return nil, bad
			}
			segs = append(segs, segment{index: n})
			rest = rest[j+1:]
		}
	}
	return segs, nil
}

// splitPath splits a path at the dots outside double quotes; it fails on
// a quote left open.
func splitPath(path string) ([]string, bool) {
	var parts []string
	quoted, start := false, 0
	for i := 0; i < len(path); i++ {
		switch {
		case path[i] == '"':
			quoted = !quoted
		case path[i] == '.' && !quoted:
			parts = append(parts, path[start:i])
			start = i + 1
		}
	}
	return append(parts, path[start:]), !quoted
}

// formatPath writes segs back as a path.
func formatPath(segs []segment) string {
	var b strings.Builder
	for i, s := range segs {
		switch {
		case s.index >= 0:
			fmt.Fprintf(&b, "[%d]", s.index)
		case i > 0:
			b.WriteString("." + pathKey(s.key))
		default:
			b.WriteString(pathKey(s.key))
		}
	}
	return b.String()
}

// pathKey is key as a path writes it: in double quotes if it holds a
// dot or a bracket.
func pathKey(key string) string {
	if strings.ContainsAny(key, ".[]") {
		return `"` + key + `"`
	}
	return key
}

// A location is where a path leads in a tree.
type location struct {
	parent  *yaml.Node   // the mapping or list that holds the value, or would hold it
	index   int          // where the value is in parent.Content; -1 if not there
	value   *yaml.Node   // the value as written (perhaps an alias); nil if missing
	aliased bool         // the way to the value passed through an alias or merge key
	via     []*yaml.Node // the collections passed on the way, after any copies
}

// A mode says how locate treats aliases and merge keys.
type mode int

const (
	merges mode = 1 << iota // find the last key through merge keys too
	copies                  // replace aliases and merged values on the way by copies

	plan = mode(0) // find where to edit the source
	read = merges  // find what a reader sees
)

// locate finds the value at segs in the document node doc. It is not an
// error for the last key to be missing; location.value is then nil.
//
// Aliases and merge keys are followed on the way. With copies, each one
// followed is replaced in the tree by a copy of what it stands for, so
// that changing the value does not change the anchored original too; a
// merged value becomes an explicit key of the mapping it was merged into.
func locate(doc *yaml.Node, segs []segment, m mode) (location, error) {
	top := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	if len(doc.Content) > 0 {
		top = doc.Content[0]
	} else if m&copies != 0 {
		doc.Content = []*yaml.Node{top} // an empty file reads as an empty mapping
	}
	l := location{parent: doc, value: top}
	for i, s := range segs {
		cur := l.value
		if cur.Kind == yaml.AliasNode {
			l.aliased = true
			cur = resolve(cur)
			if m&copies != 0 {
				cur = copyNode(cur)
				l.parent.Content[l.index] = cur
			}
		}
		l.via = append(l.via, cur)
		here, path := formatPath(segs[:i]), formatPath(segs)
		if s.index >= 0 {
			if cur.Kind != yaml.SequenceNode {
				return l, fmt.Errorf("yamledit: %s: %s is %s, not a list", path, name(here), describe(cur))
			}
			if s.index >= len(cur.Content) {
				return l, fmt.Errorf("yamledit: %s: index %d out of range: %s has %d items", path, s.index, here, len(cur.Content))
			}
			l = location{parent: cur, index: s.index, value: cur.Content[s.index], aliased: l.aliased, via: l.via}
			continue
		}
		if cur.Kind != yaml.MappingNode {
			return l, fmt.Errorf("yamledit: %s: %s is %s, not a mapping", path, name(here), describe(cur))
		}
		last := i == len(segs)-1
		l = location{parent: cur, index: keyIndex(cur, s.key), aliased: l.aliased, via: l.via}
		if l.index >= 0 {
			l.value = cur.Content[l.index]
			continue
		}
		v := merged(cur, s.key)
		if v == nil || last && m&merges == 0 {
			if last {
				return l, nil
			}
			return l, fmt.Errorf("yamledit: %s: %s %w", path, formatPath(segs[:i+1]), ErrNotFound)
		}
		l.aliased, l.value = true, v
		if m&copies != 0 {
			l.value = copyNode(v)
			cur.Content = append(cur.Content, keyNode(s.key), l.value)
			l.index = len(cur.Content) - 1
		}
	}
	return l, nil
}

// name names the value at path in error messages.
func name(path string) string {
	if path == "" {
		return "the document"
	}
	return path
}

// keyIndex returns the index in m.Content of the value of key, or -1.
func keyIndex(m *yaml.Node, key string) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if k.Kind == yaml.ScalarNode && k.Tag != "!!merge" && k.Value == key {
			return i + 1
		}
	}
	return -1
}

// merged returns the value the merge keys ("<<") of m give key, or nil.
// As in the questionnaire loader, earlier merges win over later ones.
func merged(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Tag != "!!merge" {
			continue
		}
		src := resolve(m.Content[i+1])
		if src.Kind != yaml.MappingNode {
			continue
		}
		if j := keyIndex(src, key); j >= 0 {
			return src.Content[j]
		}
		if v := merged(src, key); v != nil {
			return v
		}
	}
	return nil
}
