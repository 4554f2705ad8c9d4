package yamledit

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// render returns value written as a YAML scalar: plain when that reads
// back as the same text, otherwise double-quoted. Flow says whether it goes
// inside a flow collection ([...] or {...}).
func render(value string, flow bool) string {
	if isPlain(value, flow) {
		return value
	}
	return quote(value)
}

// renderKey returns key written as a mapping key.
func renderKey(key string) string {
	if isPlainKey(key) {
		return key
	}
	return quote(key)
}

// isPlain reports whether s, written without quotes as a mapping value,
// reads back as the text s. The test is made by parsing it, so that all
// YAML's rules (comments, indicators, null) are applied; text that merely
// looks like a date or boolean is fine, as it still reads as the same
// text. Text that reads as a number is plain only as a small whole number,
// such as a version: a URN or phone number written plain would be a number
// to other YAML readers, which drop a leading zero.
func isPlain(s string, flow bool) bool {
	if !simple(s) || (looksNumeric(s) && !smallWholeNumber().MatchString(s)) {
		return false
	}
	if flow {
		return plainIn("["+s+"]", s) && plainIn("{k: "+s+"}", s)
	}
	return plainIn("k: "+s, s)
}

// smallWholeNumber is a whole number of up to four digits, with no
// leading zero.
var smallWholeNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(0|[1-9][0-9]{0,3})$`) })

// looksNumeric reports whether YAML reads s, unquoted, as a number.
func looksNumeric(s string) bool {
	var n yaml.Node
	return yaml.Unmarshal([]byte(s), &n) == nil && len(n.Content) == 1 &&
		(n.Content[0].Tag == "!!int" || n.Content[0].Tag == "!!float")
}

// simple reports whether s could be a plain scalar at all: one line of
// printable text with no space at either end.
func simple(s string) bool {
	if s == "" || strings.TrimSpace(s) != s {
		return false
	}
	for _, r := range s {
		if !unicode.IsPrint(r) || r == '\uFEFF' {
			return false
		}
	}
	return true
}

// plainIn reports whether the one-entry collection src holds s as a plain,
// untagged, non-null scalar.
func plainIn(src, s string) bool {
	var doc yaml.Node
	if yaml.Unmarshal([]byte(src), &doc) != nil || len(doc.Content) != 1 {
		return false
	}
	c := doc.Content[0]
	if c.Kind == yaml.MappingNode && len(c.Content) == 2 && c.Content[0].Value == "k" {
		c = c.Content[1]
	} else if c.Kind == yaml.SequenceNode && len(c.Content) == 1 {
		c = c.Content[0]
	} else {
		return false
	}
	return c.Kind == yaml.ScalarNode && c.Style == 0 && c.Anchor == "" &&
		!isNull(c) && c.Tag != "!!merge" && c.Value == s
}

// isPlainKey reports whether key, written without quotes, reads back as a
// key with the text key.
func isPlainKey(key string) bool {
	if !simple(key) {
		return false
	}
	var doc yaml.Node
	if yaml.Unmarshal([]byte(key+": x"), &doc) != nil || len(doc.Content) != 1 {
		return false
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode || len(m.Content) != 2 {
		return false
	}
	k := m.Content[0]
	return k.Kind == yaml.ScalarNode && k.Style == 0 && k.Tag == "!!str" && k.Value == key
}

// quote returns s as a double-quoted YAML scalar. Characters that YAML
// cannot hold literally, or would read as a line break, are escaped; all
// others, including accented letters and dashes, are written as they are.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case printable(r):
			b.WriteRune(r)
		case r <= 0xFF:
			fmt.Fprintf(&b, `\x%02X`, r)
		case r <= 0xFFFF:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			fmt.Fprintf(&b, `\U%08X`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// printable reports whether r may appear literally inside a double-quoted
// scalar on one line.
func printable(r rune) bool {
	switch {
	case r == '\u2028' || r == '\u2029' || r == '\uFEFF':
		return false // line and paragraph separators, byte order mark
	case r >= 0x20 && r <= 0x7E:
		return true
	case r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD:
		return true
	}
	return r >= 0x10000 && r <= 0x10FFFF
}
