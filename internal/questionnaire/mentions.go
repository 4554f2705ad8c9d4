package questionnaire

import "strings"

// Mentions lists the paths of the free-text answers that contain any of
// words, such as a partner's name: answers only a person can reword when
// that partner leaves. The partners' own entries and the records kept
// beside the agreement (history, signatures, reviews) are not searched.
func (q *Questionnaire) Mentions(words ...string) []string {
	var out []string
	for _, a := range q.Answers() {
		if strings.HasPrefix(a.Path, "partners[") {
			continue
		}
		for _, w := range words {
			if w != "" && strings.Contains(a.Value, w) {
				out = append(out, a.Path)
				break
			}
		}
	}
	return out
}
