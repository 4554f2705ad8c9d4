package status

import (
	"fmt"
	"strings"

	"github.com/partnership-tools/mou/internal/agreement"
	"github.com/partnership-tools/mou/internal/signing"
)

// Signing says, document by document, who has yet to sign what in the
// version v, as its signing plan has it; or, when nothing is waited
// for, that every partner has signed. Only a plan with every block of
// every document that needs signing signed gives that line.
func Signing(v *agreement.Version) []string {
	q := v.File
	var lines []string
	for _, p := range v.Plan.Unsigned() {
		names := make([]string, len(p.Partners))
		for i, id := range p.Partners {
			names[i] = oneLine(v.Name(id))
		}
		switch {
		case v.IsAgreement(p.Kind):
			lines = append(lines, fmt.Sprintf("Not yet signed agreement ref. %s (version %d): %s.", v.Reference, q.Version, list(names)))
		default:
			verb, each := "signed", "each"
			if p.Kind == signing.CodeOfPractice {
				verb = "endorsed"
			}
			if len(names) == 1 {
				each = "it"
			}
			lines = append(lines, fmt.Sprintf("Not yet %s the %s of version %d: %s; record %s with mou signed --document %s.",
				verb, strings.ToLower(v.Title(p.Kind)), q.Version, list(names), each, p.Kind))
		}
	}
	if len(lines) > 0 {
		return lines
	}
	var others []string
	for _, kind := range v.Plan.Needing() {
		if v.IsAgreement(kind) {
			continue
		}
		done := "signed"
		if kind == signing.CodeOfPractice {
			done = "endorsed"
		}
		others = append(others, fmt.Sprintf("the %s of version %d is %s", strings.ToLower(v.Title(kind)), q.Version, done))
	}
	if len(others) == 0 {
		return []string{fmt.Sprintf("Every partner has signed agreement ref. %s.", v.Reference)}
	}
	return []string{fmt.Sprintf("Every partner has signed agreement ref. %s; %s.", v.Reference, list(others))}
}

// list joins names in English: "A", "A and B", "A, B and C".
func list(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
