package document_test

import (
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/mdtext"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/signing"
)

// TestLifeDocumentsNameTheDocuments: the joining agreement and the notice
// of withdrawal speak of the document the partnership has, under the
// title it chose, quote only clauses its wording keeps, and name the
// partnership without doubling "partnership".
func TestLifeDocumentsNameTheDocuments(t *testing.T) {
	tmpl := parse(t)
	const name = "  name: Severn Vale Teaching Hub\n"
	tests := []struct {
		name          string
		wording, rn   string // the wording: answers, and the partnership's name
		joining, left []string
		review        []string
		refuse        []string // in none of the documents
	}{
		{"memorandum", "", "",
			[]string{"becomes a partner in the Severn Vale Teaching Hub partnership on", "terms of the memorandum of understanding already signed",
				"Version 2 of the memorandum, dated", "recorded in Schedule 2 of version 2", "listed in Schedule 1", "The memorandum says of new partners: After a term"},
			[]string{"withdraws from the Severn Vale Teaching Hub partnership.", "no longer a party to the memorandum of understanding (Agreement ref. OLD1-REF0).",
				"its Schedule 1 no longer list", "**3.** The memorandum says of a partner leaving:", "**4.** The memorandum's arrangements under “Dissolution”"},
			[]string{"A change to the people in Schedule 1 is a handover; any other change to what the memorandum says"}, nil},
		{"own title, dissolution omitted", "  title: Partnership Agreement\n  omit: [dissolution]\n", "  name: Example Schools Partnership\n",
			[]string{"becomes a partner in the Example Schools Partnership on", "terms of the Partnership Agreement already signed",
				"Version 2 of the Partnership Agreement, dated", "The Partnership Agreement says of new partners:"},
			[]string{"withdraws from the Example Schools Partnership.", "no longer a party to the Partnership Agreement (Agreement ref. OLD1-REF0)."},
			[]string{"any other change to what the Partnership Agreement says"},
			[]string{"memorandum of understanding", "The memorandum", "the memorandum", "Dissolution", "says of a partner leaving", "Partnership partnership"}},
		{"joining clause omitted", "  omit: [alteration.joining]\n", "  name: The Bridgeford partnership\n",
			[]string{"becomes a partner in The Bridgeford partnership on"}, []string{"withdraws from The Bridgeford partnership."}, nil,
			[]string{"says of new partners", "the The"}},
		{"code of practice alone", "  code_title: Code of Conduct\ndocuments: [code-of-practice]\n", "",
			[]string{"terms of the code of conduct already signed", "Version 2 of the code of conduct, dated",
				"listed in the key contacts section of the code of conduct"},
			[]string{"no longer a party to the code of conduct (Agreement ref. OLD1-REF0).", "Version 2 of the code of conduct and its key contacts no longer list"},
			[]string{"A change to the people in the key contacts section of the code of conduct is a handover; any other change to what the code of conduct says"},
			[]string{"memorandum", "Schedule", "Dissolution", "says of"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var edits []string
			if tc.rn != "" {
				edits = []string{name, tc.rn}
			}
			q := current(t, "hub-and-spoke.yaml", tc.wording, edits...)
			q.Version, q.Date = 2, q.Date.AddDays(30)
			newcomer, leaver := q.Partners[1], q.Partners[3]
			newcomer.Joined, leaver.Left = q.Date, q.Date
			// The plan sees the newcomer join and the leaver leave; the
			// text is written as before, with both listed.
			qp := *q
			qp.Partners = append([]questionnaire.Partner(nil), q.Partners...)
			qp.Partners[1], qp.Partners[3] = newcomer, leaver
			plan := signing.New(&qp, signing.Facts{Reference: "NEW2-REF0"})
			docs := map[document.Kind][]string{document.JoiningAgreement: tc.joining, document.NoticeOfWithdrawal: tc.left, document.ReviewRecord: tc.review}
			for kind, want := range docs {
				life := document.Life{Members: []questionnaire.Partner{newcomer}, Signed: "OLD1-REF0", Date: q.Date}
				if kind == document.NoticeOfWithdrawal {
					life.Members = []questionnaire.Partner{leaver}
				}
				w, err := tmpl.Write(q, kind, document.Input{Reference: "NEW2-REF0", Plan: plan, Life: &life})
				if err != nil {
					t.Fatal(err)
				}
				md := w.Markdown
				text := strings.Join(strings.Fields(string(md)), " ")
				for _, w := range want {
					if !strings.Contains(text, w) {
						t.Errorf("the %s does not say %q:\n%s", kind.Name, w, md)
					}
				}
				for _, r := range tc.refuse {
					if strings.Contains(text, r) {
						t.Errorf("the %s says %q:\n%s", kind.Name, r, md)
					}
				}
			}
		})
	}
}

// TestNoticeSaysWhatChanged: a notice of change written because partners
// joined or left says so, instead of that only people changed.
func TestNoticeSaysWhatChanged(t *testing.T) {
	tmpl := parse(t)
	q := current(t, "school-employer.yaml", "")
	for _, tc := range []struct {
		joined, left []mdtext.Text
		want, refuse string
	}{
		{nil, nil, "Only the people who hold the partnership's roles have changed.", "key contacts."},
		{[]mdtext.Text{"Hillside & Co"}, nil, "Hillside & Co joins the partnership, so its people are added to the key contacts.", "Only the people"},
		{nil, []mdtext.Text{"A", "B"}, "A and B leave the partnership, so their people are taken off the key contacts.", "Only the people"},
		{[]mdtext.Text{"A"}, []mdtext.Text{"B"}, "A joins the partnership, so its people are added to the key contacts. B leaves the partnership, so its people are taken off the key contacts.", "Only the people"},
	} {
		w, err := tmpl.Write(q, document.NoticeOfChange, document.Input{Reference: "ABCD-EFGH", Notice: &document.Notice{PreviousVersion: 1, Joined: tc.joined, Left: tc.left}})
		if err != nil {
			t.Fatal(err)
		}
		md := w.Markdown
		text := strings.Join(strings.Fields(string(md)), " ")
		if !strings.Contains(text, tc.want) || strings.Contains(text, tc.refuse) {
			t.Errorf("joined %q, left %q: the notice does not say %q, or says %q:\n%s", tc.joined, tc.left, tc.want, tc.refuse, md)
		}
	}
}
