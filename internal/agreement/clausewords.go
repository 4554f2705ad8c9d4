package agreement

import (
	"regexp"
	"strings"
	"sync"
)

// wordContext is how many unchanged words Words keeps either side of a
// change.
const wordContext = 4

// maxWordPairs bounds the work of comparing two clauses word by word.
const maxWordPairs = 1 << 22

// Words says what changes in the clause, word by word, for a person to
// read: the words taken out in [-…-] and those put in {+…+}, with a few
// unchanged words either side and "…" for the rest, the Markdown's
// escapes and bold marks taken away.
func (c ClauseChange) Words() string {
	was, now := strings.Fields(readable(c.Was)), strings.Fields(readable(c.Now))
	if len(was)*len(now) > maxWordPairs {
		return "[-" + strings.Join(was, " ") + "-] {+" + strings.Join(now, " ") + "+}"
	}
	type op struct {
		kind byte // '=', '-', '+'
		word string
	}
	common := commonLengths(len(was), len(now), func(i, j int) bool { return was[i] == now[j] })
	var ops []op
	for i, j := 0, 0; i < len(was) || j < len(now); {
		switch {
		case i < len(was) && j < len(now) && was[i] == now[j]:
			ops = append(ops, op{'=', was[i]})
			i, j = i+1, j+1
		case j < len(now) && (i == len(was) || common[i][j+1] >= common[i+1][j]):
			ops = append(ops, op{'+', now[j]})
			j++
		default:
			ops = append(ops, op{'-', was[i]})
			i++
		}
	}
	// One unchanged word between two changes reads better as part of
	// them: "[-as it stands.-] {+from the day it joins.+}".
	for k := 1; k+1 < len(ops); k++ {
		if ops[k].kind == '=' && ops[k-1].kind != '=' && ops[k+1].kind != '=' {
			ops = append(ops[:k], append([]op{{'-', ops[k].word}, {'+', ops[k].word}}, ops[k+1:]...)...)
			k++
		}
	}
	var out []string
	for k := 0; k < len(ops); {
		if ops[k].kind == '=' {
			// A run of unchanged words: keep a few next to each change.
			end := k
			for end < len(ops) && ops[end].kind == '=' {
				end++
			}
			run := make([]string, 0, end-k)
			for _, o := range ops[k:end] {
				run = append(run, o.word)
			}
			keepBefore, keepAfter := wordContext, wordContext
			if k == 0 {
				keepBefore = 0
			}
			if end == len(ops) {
				keepAfter = 0
			}
			if len(run) > keepBefore+keepAfter {
				run = append(append(append([]string(nil), run[:keepBefore]...), "…"), run[len(run)-keepAfter:]...)
			}
			out = append(out, run...)
			k = end
			continue
		}
		// A change: the words taken out, then those put in.
		var gone, added []string
		for ; k < len(ops) && ops[k].kind != '='; k++ {
			if ops[k].kind == '-' {
				gone = append(gone, ops[k].word)
			} else {
				added = append(added, ops[k].word)
			}
		}
		if len(gone) > 0 {
			out = append(out, "[-"+strings.Join(gone, " ")+"-]")
		}
		if len(added) > 0 {
			out = append(out, "{+"+strings.Join(added, " ")+"+}")
		}
	}
	return strings.Join(out, " ")
}

// markdownEscape matches a backslash escape and a bold mark; layoutHint
// a layout hint.
var (
	markdownEscape = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\\([!-/:-@\[-` + "`" + `{-~])|\*\*`) })
	layoutHint     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<!-- mou:[^>]*-->`) })
)

// readable is Markdown as a person reads it: escapes undone, bold marks
// and layout hints taken away.
func readable(md string) string {
	md = layoutHint().ReplaceAllString(md, " ")
	return markdownEscape().ReplaceAllString(md, "$1")
}
