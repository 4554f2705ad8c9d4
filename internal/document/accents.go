package document

import "strings"

// accentFolder maps the accented letters common in British, Irish and
// Welsh names to plain ones, so "Ysgol Bro Ŵyn" gives "ysgol-bro-wyn".
var accentFolder = strings.NewReplacer(
	"á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a", "å", "a", "ā", "a",
	"é", "e", "è", "e", "ê", "e", "ë", "e", "ē", "e",
	"í", "i", "ì", "i", "î", "i", "ï", "i", "ī", "i",
	"ó", "o", "ò", "o", "ô", "o", "ö", "o", "õ", "o", "ø", "o", "ō", "o",
	"ú", "u", "ù", "u", "û", "u", "ü", "u", "ū", "u",
	"ý", "y", "ÿ", "y", "ŷ", "y", "ŵ", "w", "ñ", "n", "ç", "c",
	"Á", "a", "À", "a", "Â", "a", "Ä", "a", "É", "e", "È", "e", "Ê", "e", "Ë", "e",
	"Í", "i", "Î", "i", "Ï", "i", "Ó", "o", "Ô", "o", "Ö", "o", "Ø", "o",
	"Ú", "u", "Û", "u", "Ü", "u", "Ŷ", "y", "Ŵ", "w", "Ñ", "n", "Ç", "c",
	"ß", "ss", "æ", "ae", "Æ", "ae", "œ", "oe", "Œ", "oe", "&", " and ",
)

func foldAccents(s string) string { return accentFolder.Replace(s) }
