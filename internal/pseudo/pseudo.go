// Package pseudo makes a pseudo-locale for tests: a language built from
// British English by marking and lengthening every string of ours (the
// locale pack's and every text of the templates), so that a document
// written in it shows at a glance, and a test proves, which of its words
// came from the pack and templates and which from anywhere else. It is
// used by tests only.
//
// Our words come out as ‹Ŝíĝñéď ƒóŕ··›: each run of words between
// punctuation is put between ‹ and ›, every ASCII letter is swapped for
// one no English word has, and a · is added for every three letters, as
// translations run longer than English. The user's answers are marked
// with the letters alone (see [Answer]), so that they too hold no ASCII
// letter and still contain one another where they did: the one thing an
// ASCII word in a document can then be is a leak of our English from
// somewhere the pseudo-locale did not reach.
package pseudo

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Tag is the pseudo-locale's language tag: "en-XA", the region code
// reserved for private use that Android uses for its accented English.
const Tag = "en-XA"

// The marks around each run of our words. Both are in every font the PDF
// embeds, as every letter of letters is.
const (
	Open  = "‹"
	Close = "›"
	pad   = "·"
)

// letters maps each ASCII letter to a letter outside ASCII.
var letters = func() map[rune]string {
	const lower = "áβçďéƒĝĥíĵķĺмñóþφŕšţúνŵχýž"
	const upper = "ÁΒÇĎÉ₣ĜĤÍĴĶĹΜÑÓÞΦŔŠŢÚ√ŴΧÝŽ"
	m := map[rune]string{}
	for i, r := range []rune(lower) {
		m['a'+rune(i)] = string(r)
	}
	for i, r := range []rune(upper) {
		m['A'+rune(i)] = string(r)
	}
	return m
}()

// Answer marks a user's answer: its ASCII letters swapped, nothing else.
func Answer(s string) string {
	var b strings.Builder
	for _, r := range s {
		if l, ok := letters[r]; ok {
			b.WriteString(l)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Text marks every run of words in s, a text of ours: a run is letters
// joined by single spaces, apostrophes or hyphens, and ends at any other
// character. Layout hints (<!-- mou:… -->) and placeholders ({date}) are
// left as they are.
func Text(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "<!--"):
			end := strings.Index(s[i:], "-->")
			if end < 0 {
				end = len(s) - i - 3
			}
			b.WriteString(s[i : i+end+3])
			i += end + 3
		case s[i] == '{':
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				b.WriteString(s[i:])
				return b.String()
			}
			b.WriteString(s[i : i+end+1])
			i += end + 1
		case isLetter(s[i]):
			n := runLength(s[i:])
			b.WriteString(Run(s[i : i+n]))
			i += n
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			b.WriteRune(r)
			i += n
		}
	}
	return b.String()
}

// Run marks one run of words.
func Run(run string) string {
	n := 0
	for i := 0; i < len(run); i++ {
		if isLetter(run[i]) {
			n++
		}
	}
	return Open + Answer(run) + strings.Repeat(pad, (n+2)/3) + Close
}

// runLength is the length of the run of words at the start of s, which
// starts with a letter.
func runLength(s string) int {
	end := 0
	for i := 0; i < len(s); {
		switch {
		case isLetter(s[i]):
			i++
			end = i
		case isJoiner(s[i:]) > 0:
			j := i + isJoiner(s[i:])
			if j >= len(s) || !isLetter(s[j]) {
				return end
			}
			i = j
		default:
			return end
		}
	}
	return end
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isJoiner is the length of the joiner of words at the start of s: a
// space, an apostrophe (straight or curly) or a hyphen; 0 for none.
func isJoiner(s string) int {
	switch {
	case s[0] == ' ' || s[0] == '\'' || s[0] == '-':
		return 1
	case strings.HasPrefix(s, "’"):
		return len("’")
	}
	return 0
}

// Template marks the words of a template's source: every text between its
// actions, and every string in an action that is words rather than a
// name (one with a capital letter or a space, as a section's title or a
// signature block's lead-in has). Actions and comments are otherwise left
// as they are, so the template does what it did.
func Template(src string) string {
	var b strings.Builder
	for {
		start := strings.Index(src, "{{")
		if start < 0 {
			b.WriteString(Text(src))
			return b.String()
		}
		b.WriteString(Text(src[:start]))
		end := actionEnd(src, start)
		b.WriteString(action(src[start:end]))
		src = src[end:]
	}
}

// actionEnd is the index just after the action starting at start: its
// closing braces, outside any string and comment.
func actionEnd(src string, start int) int {
	for i := start + 2; i < len(src); i++ {
		switch {
		case strings.HasPrefix(src[i:], "/*"):
			if j := strings.Index(src[i:], "*/"); j >= 0 {
				i += j + 1
			}
		case src[i] == '"' || src[i] == '`' || src[i] == '\'':
			i = stringEnd(src, i) - 1
		case strings.HasPrefix(src[i:], "}}"):
			return i + 2
		}
	}
	return len(src)
}

// stringEnd is the index just after the quoted string at i.
func stringEnd(src string, i int) int {
	quote := src[i]
	for j := i + 1; j < len(src); j++ {
		switch {
		case src[j] == '\\' && quote != '`':
			j++
		case src[j] == quote:
			return j + 1
		}
	}
	return len(src)
}

// action marks the strings in one action that are words.
func action(a string) string {
	if strings.Contains(a, "/*") {
		return a // a comment
	}
	var b strings.Builder
	for i := 0; i < len(a); {
		if a[i] != '"' {
			b.WriteByte(a[i])
			i++
			continue
		}
		end := stringEnd(a, i)
		lit := a[i:end]
		if s, err := strconv.Unquote(lit); err == nil && strings.ContainsAny(s, " ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			lit = strconv.Quote(Text(s))
		}
		b.WriteString(lit)
		i = end
	}
	return b.String()
}
