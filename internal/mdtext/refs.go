package mdtext

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// refPattern matches a cross-reference in a long answer: a clause id
// between double square brackets, "[[general.insurance]]". An id is one
// or two words of lower-case letters, digits and hyphens, joined by a
// dot; anything else between the brackets is text.
var refPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\[\[([a-z][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)?)\]\]`) })

// RefHint is how Blocks writes a cross-reference to id; the document
// puts the clause's number straight before it.
func RefHint(id string) string { return "<!-- mou:ref " + id + " -->" }

// Refs lists the clause ids t refers to, in order, each once.
func (t Text) Refs() []string {
	var out []string
	for _, m := range refPattern().FindAllStringSubmatch(string(t), -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	return out
}

// escapeRefs is Escape, with each cross-reference written as its hint.
// The references stand aside as markers of a character no answer holds
// while the rest is escaped.
func escapeRefs(s string) string {
	refs := refPattern().FindAllStringSubmatch(s, -1)
	if refs == nil || strings.ContainsRune(s, 0) {
		return Escape(s)
	}
	n := 0
	marked := refPattern().ReplaceAllStringFunc(s, func(string) string {
		n++
		return "\x00" + strconv.Itoa(n-1) + "\x00"
	})
	out := Escape(marked)
	for i, m := range refs {
		out = strings.Replace(out, "\x00"+strconv.Itoa(i)+"\x00", RefHint(m[1]), 1)
	}
	return out
}
