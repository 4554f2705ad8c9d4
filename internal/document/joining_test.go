package document_test

import (
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/signing"
)

// TestJoiningBindsFromTheJoiningDate: the joining agreement binds the
// newcomer from the day it joins, never as though it had been a partner
// from the start; in a binding agreement it takes on no liability that
// arose before then. Every edition's joining agreement says so: it is
// written afresh for each newcomer.
func TestJoiningBindsFromTheJoiningDate(t *testing.T) {
	tmpl := parse(t)
	for _, tc := range []struct {
		name, wording string
		want, not     []string
	}{
		{"memorandum", "", []string{"from 14 August 2026, the day it joins. It takes on no commitment that the partners made under the memorandum before that day."},
			[]string{"from the start", "liability"}},
		{"binding", "  status: binding\n  title: Partnership Agreement\n  parties_term: the Parties\n",
			[]string{"from 14 August 2026, the day it joins. Those terms bind it from that day only: it takes on no obligation or liability under the Partnership Agreement that arose before it joined, and gains no right that did, unless the Parties agree otherwise in writing."},
			[]string{"from the start"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := current(t, "hub-and-spoke.yaml", tc.wording)
			q.Version, q.Date = 2, q.Date.AddDays(30)
			newcomer := q.Partners[1]
			newcomer.Joined = q.Date
			qp := *q
			qp.Partners = append([]questionnaire.Partner(nil), q.Partners...)
			qp.Partners[1] = newcomer
			plan := signing.New(&qp, signing.Facts{Reference: "NEW2-REF0"})
			w, err := tmpl.Write(q, document.JoiningAgreement, document.Input{Reference: "NEW2-REF0", Plan: plan,
				Life: &document.Life{Members: []questionnaire.Partner{newcomer}, Signed: "OLD1-REF0", Date: q.Date}})
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Join(strings.Fields(string(w.Markdown)), " ")
			for _, s := range tc.want {
				if !strings.Contains(text, s) {
					t.Errorf("the joining agreement does not say %q:\n%s", s, text)
				}
			}
			if strings.Contains(tc.wording, "parties_term") && partnerWord.MatchString(text) {
				t.Errorf("the joining agreement says %q, not the term chosen", partnerWord.FindString(text))
			}
			for _, s := range tc.not {
				if strings.Contains(text, s) {
					t.Errorf("the joining agreement says %q", s)
				}
			}
		})
	}
}
