package document

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// unsplittable spells out the letters that Unicode does not write as a
// plain letter and a mark, so that taking the marks off leaves them as
// they were: the Polish ł, the Danish ø, the German ß and others. The
// ampersand is read as a word.
var unsplittable = strings.NewReplacer(
	"ł", "l", "Ł", "L", "ø", "o", "Ø", "O", "đ", "d", "Đ", "D",
	"ð", "d", "Ð", "D", "ħ", "h", "Ħ", "H", "ı", "i",
	"ß", "ss", "ẞ", "SS", "æ", "ae", "Æ", "AE", "œ", "oe", "Œ", "OE",
	"þ", "th", "Þ", "TH", "&", " and ",
)

// foldAccents takes the accents off the letters of s, so that "Ysgol Bro
// Ŵyn" gives "Ysgol Bro Wyn" and "Szkoła Łódź" gives "Szkola Lodz". Each
// letter is split into its base letter and marks (Unicode canonical
// decomposition) and the marks are dropped; the letters that do not split
// are spelt out from a table. Letters of other scripts keep their base
// letters, without marks.
func foldAccents(s string) string {
	s = norm.NFD.String(unsplittable.Replace(s))
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, s)
}
