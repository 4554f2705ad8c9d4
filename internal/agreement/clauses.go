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
		was := oldByTitle[title(s.Heading)]
		now := clausesOf(s)
		for i, c := range now {
			if i >= len(was) || was[i].text != c.text {
				out = append(out, c.name)
			}
		}
		for i := len(now); i < len(was); i++ {
			out = append(out, was[i].name+", removed")
		}
		delete(oldByTitle, title(s.Heading))
	}
	for _, s := range old {
		if _, gone := oldByTitle[title(s.Heading)]; gone {
			out = append(out, s.Heading+", removed")
		}
	}
	return out
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
