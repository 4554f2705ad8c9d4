package document

import (
	"strings"

	"mou/internal/mdtext"
)

// Descriptions of the words the questionnaire uses, for the documents.
var (
	typeWords = map[string]string{
		"formal":   "a formal partnership: its goals are agreed and written down before the work begins",
		"informal": "an informal partnership: the partners share a purpose and agree how to work together, without commitments of staff or money beyond this memorandum",
	}
	levelWords = map[string]string{
		"networking":    "networking: sharing ideas, information and good practice",
		"coordination":  "coordination: the partners align their work towards shared goals for particular programmes or groups of pupils",
		"cooperation":   "cooperation: each partner commits its organisation, sharing resources, staff or premises for agreed programmes",
		"collaboration": "collaboration: a formal, lasting commitment to work together on significant shared challenges",
	}
	modelWords = map[string]string{
		"bilateral":        "a partnership between two institutions",
		"hub-and-spoke":    "a hub-and-spoke partnership: a small group of schools with one lead school",
		"broad-area":       "a broad-area partnership of equal partners",
		"formal-structure": "a partnership within a formal structure, in which a lead sponsor works with partner schools",
		"employer":         "a partnership between education and an employer",
		"university":       "a university–school partnership",
	}
	kindWords = map[string]string{
		"school":          "a school",
		"college":         "a college",
		"university":      "a university",
		"trust":           "a multi-academy trust",
		"employer":        "an employer",
		"charity":         "a charity",
		"local-authority": "a local authority",
		"other":           "an organisation",
	}
	cycleWords = map[string]string{
		"termly":          "every term",
		"twice-yearly":    "twice a year",
		"annually":        "once a year",
		"every-two-years": "every two years",
	}
)

// funcs are the functions templates may call. None reads files, runs
// commands or returns unescaped answers.
var funcs = map[string]any{
	"typeWords":  func(s string) string { return typeWords[s] },
	"levelWords": func(s string) string { return levelWords[s] },
	"modelWords": func(s string) string { return modelWords[s] },
	"kindWord":   func(s string) string { return kindWords[s] },
	"cycleWords": func(s string) string { return cycleWords[s] },
	"list":       listTexts,
	"escape":     mdtext.Escape,
	"upper":      strings.ToUpper,
	"sentence":   sentence,
	"add":        func(a, b int) int { return a + b },
}

// listTexts joins answers as English does, escaped: "A, B and C".
func listTexts(items []mdtext.Text) string {
	words := make([]string, len(items))
	for i, t := range items {
		words[i] = t.String()
	}
	return listWords(words)
}

// sentence returns an escaped answer ending with a full stop, so that
// answers written with or without one read the same in the documents.
func sentence(t mdtext.Text) string {
	raw := strings.TrimRight(strings.TrimSpace(string(t)), ")\"'”’»")
	if raw == "" {
		return t.String()
	}
	if strings.ContainsAny(raw[len(raw)-1:], ".!?") {
		return t.String()
	}
	return t.String() + `\.`
}
