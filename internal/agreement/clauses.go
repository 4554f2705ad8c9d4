package agreement

import (
	"regexp"
	"strings"

	"github.com/partnership-tools/mou/internal/document"
)

// clauseStart matches the start of a numbered clause, "**4.2**", at the
// start of a line.
var clauseStart = regexp.MustCompile(`(?m)^\*\*(\d+\.\d+)\*\*`)

// ChangedClauses lists, in the words of the new text, the clauses whose
// text differs between two renderings of an agreement: "3.2" for a
// numbered clause, the section's heading for its unnumbered opening (a
// title page, a list of parties) and "3.4, removed" for a clause that is
// gone. Sections are matched by title and clauses by their place in the
// section, so numbers that shift because of an earlier change do not
// count as changes themselves.
func ChangedClauses(old, new []document.Section) []string {
	oldByTitle := map[string][]clause{}
	for _, s := range old {
		oldByTitle[title(s.Heading)] = clausesOf(s)
	}
	var out []string
	for _, s := range new {
		out = append(out, diffClauses(oldByTitle[title(s.Heading)], clausesOf(s))...)
		delete(oldByTitle, title(s.Heading))
	}
	for _, s := range old {
		if _, gone := oldByTitle[title(s.Heading)]; gone {
			out = append(out, s.Heading+", removed")
		}
	}
	return out
}

// diffClauses names the clauses of now that are not in was, and those of
// was that are gone, matching them by text in order (a longest common
// subsequence), so that a clause put in or taken out does not make every
// clause after it count as changed.
func diffClauses(was, now []clause) []string {
	// common[i][j] is the length of the longest common subsequence of
	// was[i:] and now[j:].
	common := make([][]int, len(was)+1)
	for i := range common {
		common[i] = make([]int, len(now)+1)
	}
	for i := len(was) - 1; i >= 0; i-- {
		for j := len(now) - 1; j >= 0; j-- {
			if was[i].text == now[j].text {
				common[i][j] = common[i+1][j+1] + 1
			} else {
				common[i][j] = max(common[i+1][j], common[i][j+1])
			}
		}
	}
	// Between two matches, the clauses of now are changed or new, and any
	// of was beyond their number are gone.
	var changed, removed []string
	i, j := 0, 0
	for i < len(was) || j < len(now) {
		if i < len(was) && j < len(now) && was[i].text == now[j].text {
			i, j = i+1, j+1
			continue
		}
		i0, j0 := i, j
		for (i < len(was) || j < len(now)) && !(i < len(was) && j < len(now) && was[i].text == now[j].text) {
			if j < len(now) && (i == len(was) || common[i][j+1] >= common[i+1][j]) {
				changed = append(changed, now[j].name)
				j++
			} else {
				i++
			}
		}
		for k := i0 + (j - j0); k < i; k++ {
			if was[k].text != "" {
				removed = append(removed, was[k].name+", removed")
			}
		}
	}
	return append(changed, removed...)
}

// clause is one numbered clause, or a section's opening text.
type clause struct{ name, text string }

// clausesOf splits a section into its opening and its numbered clauses,
// each text without its number.
func clausesOf(s document.Section) []clause {
	text := strings.TrimPrefix(s.Text, "## "+s.Heading)
	locs := clauseStart.FindAllStringSubmatchIndex(text, -1)
	out := []clause{{name: s.Heading}}
	start := 0
	for _, loc := range locs {
		out[len(out)-1].text = strings.TrimSpace(text[start:loc[0]])
		out = append(out, clause{name: text[loc[2]:loc[3]]})
		start = loc[1]
	}
	out[len(out)-1].text = strings.TrimSpace(text[start:])
	return out
}
