package pseudo

import (
	"regexp"
	"strings"
)

var (
	// notWords are the ASCII in a document that is not words of any
	// language: agreement references (which a PDF may break after the
	// hyphen, and a redline prints struck and added side by side, read
	// back as one run: "MMB2-JGXRW7XJ-HRF4"), the e-signature services'
	// text tags, and the paths of
	// answers that diff names, such as partners[0].lead.name: the
	// questionnaire's keys are the same in every language.
	notWords = regexp.MustCompile(`\b[0-9A-Z]{4}-\s*[0-9A-Z]{8}-\s*[0-9A-Z]{4}\b|\b[0-9A-Z]{4}-\s*[0-9A-Z]{4}\b|\{\{[^}]*\}\}|` +
		`\b[a-z][a-z_]*(\[\d+\])*(\.[a-z][a-z_]*(\[\d+\])*)+\b|\b[a-z][a-z_]*(\[\d+\])+`)
	asciiWord = regexp.MustCompile(`[A-Za-z]+`)
)

// Leaks returns each word of ASCII letters in text, a document's text in
// the pseudo-locale, with a little of the text around it: English that
// came from neither the pack nor the templates, since the answers are
// marked too.
func Leaks(text string) []string {
	text = notWords.ReplaceAllString(text, " ")
	var out []string
	for _, loc := range asciiWord.FindAllStringIndex(text, -1) {
		from, to := max(loc[0]-30, 0), min(loc[1]+30, len(text))
		for from > 0 && !isRuneStart(text[from]) {
			from--
		}
		for to < len(text) && !isRuneStart(text[to]) {
			to++
		}
		out = append(out, text[loc[0]:loc[1]]+" in …"+strings.Join(strings.Fields(text[from:to]), " ")+"…")
	}
	return out
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
