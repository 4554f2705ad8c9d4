package app

import (
	"strings"

	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/internal/questionnaire"
)

// people lists what names a person in q: every lead's, safeguarding
// lead's and signatory's name, email and phone, which a public web page
// leaves out.
func people(q *questionnaire.Questionnaire) []string {
	var out []string
	add := func(ts ...questionnaire.Text) {
		for _, t := range ts {
			if t != "" {
				out = append(out, string(t))
			}
		}
	}
	for _, p := range q.Partners {
		add(p.Lead.Name, p.Lead.Email, p.Lead.Phone, p.Signatory.Name)
		if c := p.SafeguardingLead; c != nil {
			add(c.Name, c.Email, c.Phone)
		}
	}
	return out
}

// signedLines says, for a public web page of the MOU, who signed the
// agreement with reference ref for each partner shown, and when: a
// signature on this version, or on an earlier one with the same
// reference. A signature recorded without a reference counts for its own
// version only, as in `mou status`.
func signedLines(q *questionnaire.Questionnaire, ref string) []string {
	pack := locale.Get(q.Language)
	var out []string
	for _, p := range q.Partners {
		var found *questionnaire.Signature
		for i, s := range q.Signatures {
			covers := ref != "" && s.Reference == ref || s.Reference == "" && s.Version == q.Version
			if s.Partner == p.ID && covers && s.Version <= q.Version && (found == nil || s.Version > found.Version) {
				found = &q.Signatures[i]
			}
		}
		if found != nil {
			out = append(out, pack.SignedLine(oneLine(string(p.Name)), found.Date.Time(), oneLine(string(found.By))))
		}
	}
	return out
}

// oneLine folds line breaks and runs of spaces, for a line of text.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
