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
func TestJoiningAgreementBinding(t *testing.T) {
	tmpl := parse(t)
	for _, tc := range []struct {
		name, wording string
		want, refuse  []string
	}{
		{"binding", "  status: binding\n  title: Partnership Agreement\n",
			[]string{"only with the written agreement of every existing partner: each of them gives it by signing below."},
			[]string{"do not sign it again", "Accepted for the partnership by"}},
		{"not binding", "",
			[]string{"so the partners who signed it do not sign it again.", "Accepted for the partnership by"},
			[]string{"Agreed by", "every existing partner"}},
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
			text := string(md)
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
