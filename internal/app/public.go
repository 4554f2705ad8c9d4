package app

import (
	"strings"

	"github.com/partnership-tools/mou/internal/agreement"
	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/signing"
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

// signedLines says, for a public web page of the MOU, who signed it for
// each partner shown, and when: the signature the version's signing plan
// finds covering each block, on this version or on an earlier one of the
// same text.
func signedLines(v *agreement.Version) []string {
	pack := locale.Get(v.File.Language)
	var out []string
	if d := v.Plan.Document(signing.MOU); d != nil {
		for _, b := range d.Blocks {
			if s := b.Signature; s != nil {
				out = append(out, pack.SignedLine(oneLine(v.Name(b.Partner)), s.Date.Time(), oneLine(string(s.By))))
			}
		}
	}
	return out
}

// oneLine folds line breaks and runs of spaces, for a line of text.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
