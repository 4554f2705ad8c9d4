package status

import (
	"strings"

	"github.com/partnership-tools/mou/internal/questionnaire"
)

// Unsigned names the current partners (those that have not left) that
// have not signed the agreement with reference ref on any version. A
// signature recorded without a reference counts for its own version only.
func Unsigned(q *questionnaire.Questionnaire, ref string) []string {
	var out []string
	for _, p := range q.Current().Partners {
		signed := false
		for _, g := range q.Signatures {
			signed = signed || g.Partner == p.ID && (g.Reference == ref || g.Reference == "" && g.Version == q.Version)
		}
		if !signed {
			out = append(out, oneLine(string(p.Name)))
		}
	}
	return out
}

// list joins names in English: "A", "A and B", "A, B and C".
func list(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
