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

// parseKeyPath is parsePath for a path that must end in a key, such as
// one a new key is added at; it also returns that key.
func parseKeyPath(path string) ([]segment, string, error) {
	segs, err := parsePath(path)
	if err != nil {
		return nil, "", err
	}
	key := segs[len(segs)-1].key
	if key == "" {
		return nil, "", fmt.Errorf("yamledit: %s: does not end in a key", path)
	}
	return segs, key, nil
}

// parsePath splits a path such as "partners[1].lead.email" into segments.
// A key holding a dot or a bracket is written quoted in brackets:
// `wording.replace["general.insurance"]`.
func parsePath(path string) ([]segment, error) {
	bad := fmt.Errorf("yamledit: invalid path %q", path)
	var segs []segment
	rest := path
	for first := true; ; first = false {
		key := first // a plain key may come next
		if !first {
			// After a segment: the end, a dot and a key, or brackets.
			switch {
			case rest == "":
				return segs, nil
			case rest[0] == '.':
				rest, key = rest[1:], true
			case rest[0] != '[':
				return nil, bad
			}
		}
		switch {
		case rest == "":
			return nil, bad
		case key && (rest[0] != '[' || !first):
			end := strings.IndexAny(rest, ".[]\"")
			if end < 0 {
				end = len(rest)
			}
			if end == 0 {
				return nil, bad
			}
			segs = append(segs, segment{key: rest[:end], index: -1})
			rest = rest[end:]
		}
		for rest != "" && rest[0] == '[' {
			if strings.HasPrefix(rest, `["`) {
				j := strings.IndexByte(rest[2:], '"')
				if j < 1 || !strings.HasPrefix(rest[2+j:], `"]`) {
					return nil, bad
				}
				segs = append(segs, segment{key: rest[2 : 2+j], index: -1})
				rest = rest[2+j+2:]
				continue
			}
			j := strings.IndexByte(rest, ']')
			if j < 0 {
				return nil, bad
			}
			inside := rest[1:j]
			n, err := strconv.Atoi(inside)
			if err != nil || n < 0 || j < 2 || j > 10 || inside[0] < '0' || inside[0] > '9' {
				return nil, bad
			}
			segs = append(segs, segment{index: n})
			rest = rest[j+1:]
		}
	}
}

// formatPath writes segs back as a path.
func formatPath(segs []segment) string {
	var b strings.Builder
	for i, s := range segs {
		switch {
		case s.index >= 0:
			fmt.Fprintf(&b, "[%d]", s.index)
		case strings.ContainsAny(s.key, ".[]"):
			b.WriteString(`["` + s.key + `"]`)
		case i > 0:
			b.WriteString("." + s.key)
		default:
			b.WriteString(s.key)
		}
	}
	return b.String()
}

// QuoteKey writes key as one step of a path: as it is, or quoted in
// brackets when it holds a dot or a bracket. Join it to the path before
// it without a dot when quoted; Key does both.
func QuoteKey(key string) string { return formatPath([]segment{{key: key, index: -1}}) }

// Key returns the path of key within the mapping at path:
// Key("wording.replace", "general.insurance") is
// `wording.replace["general.insurance"]`.
func Key(path, key string) string {
	q := QuoteKey(key)
	if strings.HasPrefix(q, "[") {
		return path + q
	}
	return path + "." + q
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
