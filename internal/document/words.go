package document

import (
	"strconv"
	"strings"

	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/internal/mdtext"
	"github.com/partnership-tools/mou/internal/questionnaire"
)

// funcs are the functions templates may call, with the words of one
// language. None reads files, runs commands or returns unescaped answers.
func funcs(pack *locale.Pack) map[string]any {
	word := func(key string) func(string) string {
		return func(w string) string { return pack.Word(key, w) }
	}
	return map[string]any{
		"typeWords":  word("type"),
		"levelWords": word("level"),
		"modelWords": word("model"),
		"kindWord":   word("kind"),
		"cycleWords": word("cycle"),
		"keyWord":    word("key"),
		"itemWord":   word("item"),
		"date":       func(d questionnaire.Date) string { return pack.Date(d.Time()) },
		"period":     func(p questionnaire.Period) string { return pack.Period(p.N, p.Unit) },
		"list":       func(items []mdtext.Text) string { return pack.List(escapeAll(items)) },
		"words":      pack.List, // plain strings, for the plain-text templates
		"lower":      strings.ToLower,
		"quote":      strconv.Quote,
		"escape":     mdtext.Escape,
		"upper":      strings.ToUpper,
		"sentence":   sentence,
		"add":        func(a, b int) int { return a + b },
		"upperFirst": upperFirst,
	}
}

// escapeAll returns the answers escaped.
func escapeAll(items []mdtext.Text) []string {
	out := make([]string, len(items))
	for i, t := range items {
		out[i] = t.String()
	}
	return out
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
