package agreement

import (
	"slices"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/questionnaire"
)

// A partner that leaves does so by a notice of withdrawal: the signed
// agreement, whose reference keeps every partner that signed it, stands
// for the others, so its fingerprints do not count the leaver's removal
// as a change. The documents as printed do drop the leaver, and a
// redline strikes it out; the verdict names those sections too, as what
// the withdrawal removes rather than what the partners sign again.

// Withdrawn lists the sections of the signed text, as printed, that
// partners' withdrawal changes beyond changed (the sections whose signed
// text changed): before and after are the questionnaire as its
// documents show it before and after the partners left.
func Withdrawn(t *document.Templates, before, after *questionnaire.Questionnaire, changed []string) ([]string, error) {
	b, err := t.Agreement(before)
	if err != nil {
		return nil, err
	}
	a, err := t.Agreement(after)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, s := range ChangedSections(Fingerprints(b.Sections), Fingerprints(a.Sections)) {
		if !slices.Contains(changed, s) {
			out = append(out, s)
		}
	}
	return out, nil
}
