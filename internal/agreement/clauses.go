package agreement

import (
	"regexp"
	"strings"
	"sync"

	"github.com/partnership-tools/mou/internal/document"
)

// clauseStart matches the start of a numbered clause, "**4.2**", at the
// start of a line.
var clauseStart = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^\*\*(\d+\.\d+)\*\*`) })

// ChangedClauses lists, in the words of the new text, the clauses whose
// text differs between two renderings of an agreement: "3.2" for a
// numbered clause, the section's heading for its unnumbered opening (a
// title page, a list of parties) and "3.4, removed" for a clause that is
// gone. Sections are matched by title and clauses by their place in the
// section, so numbers that shift because of an earlier change do not
// count as changes themselves.
func ChangedClauses(old, new []document.Section) []string {
	var out []string
	for _, c := range ClauseChanges(old, new) {
		out = append(out, c.Name)
	}
	return out
}

// ClauseChange is one clause whose text differs between two renderings
// of an agreement, with its Markdown before and after ("" for a clause
// that is new, or gone).
type ClauseChange struct {
	Name     string // as ChangedClauses names it
	Was, Now string
}

// ClauseChanges is ChangedClauses with the text of each clause.
func ClauseChanges(old, new []document.Section) []ClauseChange {
	oldByTitle := map[string][]clause{}
	for _, s := range old {
		oldByTitle[title(s.Heading)] = clausesOf(s)
	}
	var out []ClauseChange
	for _, s := range new {
		out = append(out, diffClauses(oldByTitle[title(s.Heading)], clausesOf(s))...)
		delete(oldByTitle, title(s.Heading))
	}
	for _, s := range old {
		if _, gone := oldByTitle[title(s.Heading)]; gone {
			out = append(out, ClauseChange{Name: s.Heading + ", removed", Was: s.Text})
		}
	}
	return out
}

// diffClauses names the clauses of now that are not in was, and those of
// was that are gone, matching them by text in order (a longest common
// subsequence), so that a clause put in or taken out does not make every
// clause after it count as changed. A changed clause is paired with the
// clause of was in its place, where there is one.
func diffClauses(was, now []clause) []ClauseChange {
	common := commonLengths(len(was), len(now), func(i, j int) bool { return was[i].text == now[j].text })
	// Between two matches, the clauses of now are changed or new, and any
	// of was beyond their number are gone.
	var changed, removed []ClauseChange
	i, j := 0, 0
	for i < len(was) || j < len(now) {
		if i < len(was) && j < len(now) && was[i].text == now[j].text {
			i, j = i+1, j+1
			continue
		}
		i0, j0 := i, j
		for (i < len(was) || j < len(now)) && !(i < len(was) && j < len(now) && was[i].text == now[j].text) {
			if j < len(now) && (i == len(was) || common[i][j+1] >= common[i+1][j]) {
				changed = append(changed, ClauseChange{Name: now[j].name, Now: now[j].text})
				j++
			} else {
				i++
			}
		}
		for k := range j - j0 {
			if i0+k < i {
				changed[len(changed)-(j-j0)+k].Was = was[i0+k].text
			}
		}
		for k := i0 + (j - j0); k < i; k++ {
			if was[k].text != "" {
				removed = append(removed, ClauseChange{Name: was[k].name + ", removed", Was: was[k].text})
			}
		}
	}
	return append(changed, removed...)
}

// commonLengths compares two sequences of n and m items, of which same
// says whether item i of the first and item j of the second are alike:
// common[i][j] is the length of the longest common subsequence of the
// first's items from i and the second's from j.
func commonLengths(n, m int, same func(i, j int) bool) [][]int {
	common := make([][]int, n+1)
	for i := range common {
		common[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if same(i, j) {
				common[i][j] = common[i+1][j+1] + 1
			} else {
				common[i][j] = max(common[i+1][j], common[i][j+1])
			}
		}
	}
	return common
}

// clause is one numbered clause, or a section's opening text.
type clause struct{ name, text string }

// clausesOf splits a section into its opening and its numbered clauses,
// each text without its number.
func clausesOf(s document.Section) []clause {
	text := strings.TrimPrefix(s.Text, "## "+s.Heading)
	locs := clauseStart().FindAllStringSubmatchIndex(text, -1)
	out := []clause{{name: s.Heading}}
	// A schedule's own numbers are its own: "Schedule 1, 3.1".
	prefix := ""
	if label, _, ok := scheduleHeading(s.Heading); ok {
		prefix = label + ", "
	}
	start := 0
	for _, loc := range locs {
		out[len(out)-1].text = strings.TrimSpace(text[start:loc[0]])
		out = append(out, clause{name: prefix + text[loc[2]:loc[3]]})
		start = loc[1]
	}
	out[len(out)-1].text = strings.TrimSpace(text[start:])
	return out
}
