package document_test

import (
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/signing"
)

// TestJoiningAgreementBinding: adding a party to a binding agreement
// varies it, so the joining agreement says every existing partner agrees
// and has a signature block for each of them; a non-binding one is
// signed by the newcomer and accepted by the partner that sends it.
// Either binds the newcomer from the day it joins, never as though it had
// been a partner from the start: in a binding agreement it takes on no
// liability that arose before then.
func TestJoiningAgreementBinding(t *testing.T) {
	tmpl := parse(t)
	const joins = "(Agreement ref. NEW2-REF0), from 14 August 2026, the day it joins. "
	for _, tc := range []struct {
		name, wording string
		want, refuse  []string
	}{
		{"binding", "  status: binding\n  title: Partnership Agreement\n",
			[]string{"only with the written agreement of every existing partner: each of them gives it by signing below.",
				"agrees to be bound by the terms of the Partnership Agreement already signed by",
				joins + "Those terms bind it from that day only: it takes on no obligation or liability under the Partnership Agreement that arose before it joined, and gains no right that did, unless the partners agree otherwise in writing."},
			[]string{"do not sign it again", "Accepted for the partnership by", "from the start", "to work in the partnership on"}},
		{"binding, with a defined term", "  status: binding\n  title: Partnership Agreement\n  parties_term: the Parties\n",
			[]string{"becomes a Party in", "every existing Party: each of them", "unless the Parties agree otherwise in writing.", "The Partnership Agreement says of new Parties:"},
			[]string{"partner in", "existing partner", "the partners agree", "new partners"}},
		{"not binding", "",
			[]string{"so the partners who signed it do not sign it again.", "Accepted for the partnership by",
				joins + "It takes on no commitment that the partners made under the memorandum before that day."},
			[]string{"Agreed by", "every existing partner", "from the start", "liability", "bound by"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := current(t, "hub-and-spoke.yaml", tc.wording)
			q.Version, q.Date = 2, q.Date.AddDays(30)
			q.Partners[1].Joined = q.Date
			newcomer := q.Partners[1]
			w, err := tmpl.Write(q, document.JoiningAgreement, document.Input{Reference: "NEW2-REF0", Plan: signing.New(q, signing.Facts{Reference: "NEW2-REF0"}),
				Life: &document.Life{Members: []questionnaire.Partner{newcomer}}})
			if err != nil {
				t.Fatal(err)
			}
			md := w.Markdown
			text := strings.Join(strings.Fields(string(md)), " ")
			want := tc.want
			if tc.wording != "" {
				// Every partner but the newcomer signs to agree, once.
				for i, p := range q.Partners {
					heading := "**Agreed by " + p.Name.String() + "**"
					if n := strings.Count(text, heading); i == 1 && n != 0 || i != 1 && n != 1 {
						t.Errorf("%q appears %d times", heading, n)
					}
				}
				want = append(want, "**Signed for and on behalf of "+newcomer.Name.String()+"**")
			}
			for _, w := range want {
				if !strings.Contains(text, w) {
					t.Errorf("the joining agreement does not say %q:\n%s", w, md)
				}
			}
			for _, r := range tc.refuse {
				if strings.Contains(text, r) {
					t.Errorf("the joining agreement says %q:\n%s", r, md)
				}
			}
		})
	}
}
