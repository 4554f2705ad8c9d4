package agreement

import (
	"slices"
	"strings"

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

// WithdrawalWords says what the withdrawal of the partners named takes
// them out of: "Millbrook Academy's withdrawal removes it from sections
// 1 (Parties) and 6 (Roles and leads)"; "" when sections is empty.
func WithdrawalWords(names, sections []string) string {
	if len(sections) == 0 || len(names) == 0 {
		return ""
	}
	if len(names) == 1 {
		return names[0] + "'s withdrawal removes it from " + SectionWords(sections)
	}
	list := strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	return "the withdrawal of " + list + " removes them from " + SectionWords(sections)
}

// NotSigning says that the partners leaving do not sign: "it does not
// sign" for one, "they do not sign" for several.
func NotSigning(leavers []string) string {
	if len(leavers) == 1 {
		return "it does not sign"
	}
	return "they do not sign"
}
