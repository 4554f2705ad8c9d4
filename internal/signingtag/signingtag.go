// Package signingtag finds text that a signing service could read as one
// of its text tags. DocuSeal ({{Sig;type=signature;role=A}}) and Documenso
// ({{signature, r1}}) turn any text between double braces in an uploaded
// PDF into a signing field, so a partner's answer must never put two
// braces together, alone or beside the text around it.
//
// The text is compared as a reader may see it: characters that cannot be
// seen are dropped, as LibreOffice drops a soft hyphen or a zero-width
// space when it converts a Word file; so are white space and the marks of
// a list or a table, which a text extractor may or may not keep; and
// compatibility forms (a full-width brace) count as what they look like.
package signingtag

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Seen returns s as a signing service may read it: in compatibility
// form, without invisible characters, white space, or the marks "-",
// "*" and "|" that start a list item or divide a table's cells.
func Seen(s string) string {
	s = norm.NFKC.String(s)
	return strings.Map(func(r rune) rune {
		if Invisible(r) || unicode.IsSpace(r) || r == '-' || r == '*' || r == '|' {
			return -1
		}
		return r
	}, s)
}

// Invisible reports whether r is a character that prints as nothing:
// a format character (category Cf: the soft hyphen, zero-width spaces and
// joiners, direction marks, the byte order mark), a variation selector,
// or another character Unicode says may be ignored when shown (the
// combining grapheme joiner, the Hangul fillers).
func Invisible(r rune) bool {
	if r < firstInvisible { // most text: no need to search the tables
		return false
	}
	return unicode.In(r, unicode.Cf, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point)
}

// firstInvisible is the first character Invisible reports, the soft
// hyphen.
const firstInvisible = '\u00ad'

// Find returns the first two braces together in s as it is seen, "{{" or
// "}}", with a little of the seen text around them, or ok false.
func Find(s string) (around string, ok bool) {
	seen := Seen(s)
	i := strings.Index(seen, "{{")
	if j := strings.Index(seen, "}}"); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i < 0 {
		return "", false
	}
	return strings.ToValidUTF8(seen[max(0, i-30):min(len(seen), i+32)], ""), true
}

// Edge reports whether s, as it is seen, starts or ends with a brace,
// which beside another text could make two braces together.
func Edge(s string) (start, end bool) {
	seen := Seen(s)
	if seen == "" {
		return false, false
	}
	return strings.ContainsRune("{}", rune(seen[0])), strings.ContainsRune("{}", rune(seen[len(seen)-1]))
}
