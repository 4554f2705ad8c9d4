// Package mdtext makes user answers safe to print inside Markdown.
//
// An answer is text, never markup: a school called "St Mary's <b>#1</b>"
// must come out exactly so in every CommonMark renderer. Templates print
// answers as Text values, whose String method escapes them, so safety is
// the default and comparisons such as eq and len still see the raw answer.
package mdtext

import "strings"

// Text is a user's answer. Printed with fmt or text/template, it is escaped
// for use inside a Markdown paragraph, list item, heading or table cell.
type Text string

// String returns t escaped as a single line of Markdown.
func (t Text) String() string { return Escape(string(t)) }

// Paragraphs returns t escaped as Markdown paragraphs: blank lines in the
// answer separate paragraphs, other line breaks become spaces. Use it only
// where a block may stand (not in table cells or list items).
func (t Text) Paragraphs() string {
	var out []string
	for _, p := range splitParagraphs(string(t)) {
		out = append(out, Escape(p))
	}
	return strings.Join(out, "\n\n")
}

// IsZero reports whether the answer is empty or only white space.
func (t Text) IsZero() bool { return strings.TrimSpace(string(t)) == "" }

// Escape returns s as one line of Markdown that renders as s itself.
// Line breaks and tabs fold to single spaces and the ends are trimmed, so
// an answer can never start a new block. Characters that CommonMark (or
// GitHub's table and strikethrough extensions) may read as markup are
// backslash-escaped; ordinary punctuation such as apostrophes, commas and
// full stops is left alone so the Markdown stays easy to read. The result
// is safe at the start of a line as well as inside one.
func Escape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	space := false
	s = strings.TrimSpace(s) // all white space, so "**" around an answer still works
	for i, r := range s {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' || r == '\v' || r == '\f' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if needsEscape(r, s, i, b.Len()) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// needsEscape reports whether r, at byte i of s and written at byte out
// of the result, must be backslash-escaped.
func needsEscape(r rune, s string, i, out int) bool {
	switch r {
	case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '#':
		// Always markup somewhere: code, emphasis, links, HTML,
		// autolinks, block quotes, table cells, strikethrough, headings.
		return true
	case '&':
		// An entity or character reference: "&copy;" or "&#35;".
		return i+1 < len(s) && (s[i+1] == '#' || isASCIILetter(s[i+1]))
	case '-', '+', '=':
		// A list bullet, thematic break or heading underline, but only
		// at the start of a line.
		return out == 0
	case '.', ')':
		// "1." or "1)" starts an ordered list at the start of a line.
		digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
		return digits > 0 && digits <= 9 && i == digits
	}
	return false
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func splitParagraphs(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var paras []string
	var cur []string
	flush := func() {
		if p := strings.TrimSpace(strings.Join(cur, " ")); p != "" {
			paras = append(paras, p)
		}
		cur = cur[:0]
	}
	for _, line := range strings.Split(s, "\n") {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return paras
}
