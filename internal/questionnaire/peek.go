package questionnaire

import (
	"bytes"
	"slices"
	"strings"
)

// peekWording reads the edition of the wording and the language from a
// questionnaire's lines as "mou init" writes them, without decoding the
// YAML: a top-level "language:" and an "edition:" inside a top-level
// "wording:" block. It is a guess, made to start parsing templates
// early; YAML can say the same in other ways (flow style, anchors), and
// then it finds nothing or the wrong thing, and the decoded answers
// decide.
func peekWording(data []byte) (edition, language string) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	inWording := false
	childIndent := -1
	for len(data) > 0 {
		var line []byte
		line, data, _ = bytes.Cut(data, []byte("\n"))
		text := strings.TrimRight(string(line), " \t\r")
		body := strings.TrimLeft(text, " ")
		if body == "" || body[0] == '#' {
			continue
		}
		indent := len(text) - len(body)
		if indent == 0 {
			key, value, ok := strings.Cut(body, ":")
			inWording = ok && key == "wording" && plainValue(value) == ""
			childIndent = -1
			if ok && key == "language" {
				language = plainValue(value)
			}
			continue
		}
		if !inWording {
			continue
		}
		if childIndent < 0 {
			childIndent = indent
		}
		if key, value, ok := strings.Cut(body, ":"); ok && indent == childIndent && key == "edition" {
			edition = plainValue(value)
		}
	}
	return edition, language
}

// plainValue is a one-line scalar as written after a key's colon, less
// a comment and the quotes round it.
func plainValue(s string) string {
	if i := strings.Index(s, " #"); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		s = s[1 : len(s)-1]
	}
	return s
}

// peekLogos lists the logos a questionnaire's lines seem to name: the
// value of every "logo:" key, wherever it is. Like peekWording it is a
// guess, made to start checking the images early; the decoded answers
// decide which logos are checked.
func peekLogos(data []byte) []string {
	var logos []string
	for len(data) > 0 {
		var line []byte
		line, data, _ = bytes.Cut(data, []byte("\n"))
		body := strings.TrimLeft(string(line), " ")
		body = strings.TrimPrefix(body, "- ")
		if value, ok := strings.CutPrefix(body, "logo:"); ok {
			if logo := plainValue(strings.TrimRight(value, "\r")); logo != "" && !slices.Contains(logos, logo) {
				logos = append(logos, logo)
			}
		}
	}
	return logos
}
