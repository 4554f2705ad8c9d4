package document_test

import (
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/signing"
)

// TestLifeDocumentsUseTheDefinedTerm: where the agreement defines its own
// term for the parties ("the Parties", "the Members"), the notice of
// change, the joining agreement, the notice of withdrawal and the review
// record use it too, as a solicitor would: "no Party needs to sign
// again", "the Members who remain", never "partner" beside it.
func TestLifeDocumentsUseTheDefinedTerm(t *testing.T) {
	tmpl := parse(t)
	for _, tc := range []struct {
		sample string
		want   []string
	}{
		{"partnership-sla.yaml", []string{"so no Party needs to sign it again.", "lists it among the Parties and is sent",
			"stands for the Parties who remain", "How the Parties planned to hear from learners", "a new version that every Party signs"}},
		{"northfield-volunteers-code.yaml", []string{"so no Member needs to sign it again.", "lists it among the Members and is sent",
			"stands for the Members who remain", "a new version that every Member signs"}},
	} {
		t.Run(tc.sample, func(t *testing.T) {
			q := load(t, "../../samples/"+tc.sample)
			q.Version, q.Date = 2, q.Date.AddDays(60)
			newcomer, leaver := q.Partners[0], q.Partners[1]
			newcomer.ID, newcomer.Joined = "newcomer", q.Date
			leaver.Left = q.Date
			qp := *q
			qp.Partners = append(append([]questionnaire.Partner(nil), q.Partners...), newcomer)
			qp.Partners[1] = leaver
			plan := signing.New(&qp, signing.Facts{Reference: "ABCD-EFGH"})
			var all strings.Builder
			for _, kind := range []document.Kind{document.NoticeOfChange, document.JoiningAgreement, document.NoticeOfWithdrawal, document.ReviewRecord} {
				life := &document.Life{Members: []questionnaire.Partner{newcomer}, Date: q.Date}
				if kind == document.NoticeOfWithdrawal {
					life.Members = []questionnaire.Partner{leaver}
				}
				in := document.Input{Reference: "ABCD-EFGH", Plan: plan, Life: life}
				if kind == document.NoticeOfChange {
					in.Notice = &document.Notice{PreviousVersion: 1}
				}
				w, err := tmpl.Write(q, kind, in)
				if err != nil {
					t.Fatal(err)
				}
				md := strings.Join(strings.Fields(string(w.Markdown)), " ")
				for _, m := range partnerWord.FindAllStringIndex(md, -1) {
					t.Errorf("the %s says %q", kind.Name, md[max(0, m[0]-40):min(len(md), m[1]+40)])
				}
				all.WriteString(md + "\n")
			}
			for _, w := range tc.want {
				if !strings.Contains(all.String(), w) {
					t.Errorf("no document says %q:\n%s", w, all.String())
				}
			}
		})
	}
}
