package questionnaire

import "strings"

// Limits on the work "did you mean" may do, so that a file of long or
// many unknown words is still checked in a moment.
const (
	maxSuggestBytes = 64         // longer words get no suggestion
	maxCandidates   = 100        // words compared with each unknown one
	suggestBudget   = 20_000_000 // letter pairs compared in one file
)

// synonyms are words people write for an allowed answer that are too far
// from it to be caught as a typing slip. Each is offered only when its
// answer is allowed in the field.
var synonyms = map[string]string{
	"yearly":              "annually",
	"annual":              "annually",
	"every-year":          "annually",
	"once-a-year":         "annually",
	"every-term":          "termly",
	"each-term":           "termly",
	"once-a-term":         "termly",
	"biannually":          "twice-yearly",
	"biannual":            "twice-yearly",
	"twice-a-year":        "twice-yearly",
	"half-yearly":         "twice-yearly",
	"six-monthly":         "twice-yearly",
	"every-six-months":    "twice-yearly",
	"biennially":          "every-two-years",
	"biennial":            "every-two-years",
	"company":             "employer",
	"business":            "employer",
	"academy":             "school",
	"sixth-form":          "college",
	"sixth-form-college":  "college",
	"fe-college":          "college",
	"council":             "local-authority",
	"la":                  "local-authority",
	"lea":                 "local-authority",
	"mat":                 "trust",
	"multi-academy-trust": "trust",
}

// suggest returns the candidate closest to word, or "" if none is close
// enough to be a likely typing slip, or the file has used up its budget.
func (d *decoder) suggest(word string, candidates []string) string {
	if len(word) > maxSuggestBytes {
		return ""
	}
	best, bestDist := "", len(word)/3+2
	for i, c := range candidates {
		if i == maxCandidates {
			break
		}
		// Words whose lengths differ by bestDist are at least that far apart.
		if len(c) > maxSuggestBytes || abs(len(c)-len(word)) >= bestDist {
			continue
		}
		if d.suggestLeft -= len(word) * len(c); d.suggestLeft < 0 {
			return ""
		}
		if n := editDistance(word, c); n < bestDist {
			best, bestDist = c, n
		}
	}
	return best
}

// suggestAnswer is suggest for an answer that must be one of allowed:
// a synonym first, then a typing slip.
func (d *decoder) suggestAnswer(answer string, allowed []string) string {
	w := strings.ToLower(strings.TrimSpace(answer))
	if s, ok := synonyms[strings.NewReplacer(" ", "-", "_", "-").Replace(w)]; ok {
		for _, a := range allowed {
			if a == s {
				return s
			}
		}
	}
	return d.suggest(w, allowed)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// editDistance is the Levenshtein distance between a and b, counting
// one swap of neighbouring letters as a single edit.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
