package layout

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// Unescape undoes backslash escapes and resolves entity and numeric character
// references in one pass, as CommonMark asks of text outside code. It agrees
// with util.UnescapePunctuations(util.ResolveEntityNames(
// util.ResolveNumericReferences(v))) except where one step would feed the
// next: an escaped ampersand (\&amp;) stays "&amp;", and a reference that
// resolves to a backslash (&#92;*) is not then taken as an escape.
func Unescape(v []byte) string {
	if !strings.ContainsAny(string(v), `\&`) {
		return string(v)
	}
	var b strings.Builder
	b.Grow(len(v))
	for i := 0; i < len(v); {
		c := v[i]
		if c == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]) {
			b.WriteByte(v[i+1])
			i += 2
			continue
		}
		if c == '&' {
			if s, n := reference(v[i:]); n > 0 {
				b.WriteString(s)
				i += n
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// reference resolves the entity or numeric character reference at the start
// of v, returning its text and length, or a length of 0 when there is none.
func reference(v []byte) (string, int) {
	end := 1
	for end < len(v) && end <= 33 && v[end] != ';' {
		end++
	}
	if end >= len(v) || v[end] != ';' || end < 2 {
		return "", 0
	}
	body := string(v[1:end])
	if body[0] != '#' {
		for _, r := range body {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
				return "", 0
			}
		}
		if e, ok := util.LookUpHTML5EntityByName(body); ok {
			return string(e.Characters), end + 1
		}
		return "", 0
	}
	digits, base, maxDigits := body[1:], 10, 7
	if digits != "" && (digits[0] == 'x' || digits[0] == 'X') {
		digits, base, maxDigits = digits[1:], 16, 6
	}
	if digits == "" || len(digits) > maxDigits {
		return "", 0
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil {
		return "", 0
	}
	r := util.ToValidRune(rune(min(n, utf8.MaxRune+1)))
	return string(r), end + 1
}
