package signing

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/partnership-tools/mou/internal/questionnaire"
)

var (
	day1 = questionnaire.NewDate(2026, time.September, 1)
	day2 = questionnaire.NewDate(2027, time.September, 1)
)

// hub is a partnership of three, led by the second, at version 2 of 1
// September 2027; edit changes it before the plan is made.
func hub(edit func(q *questionnaire.Questionnaire)) *questionnaire.Questionnaire {
	q := &questionnaire.Questionnaire{Version: 2, Date: day2}
	q.Partnership.LeadPartner = "lead"
	for _, id := range []string{"first", "lead", "third"} {
		q.Partners = append(q.Partners, questionnaire.Partner{ID: id, Name: questionnaire.Text(id)})
	}
	if edit != nil {
		edit(q)
	}
	return q
}

// describe writes a plan as "kind[ref] from: partner role must signed-version; …".
func describe(p Plan) string {
	var docs []string
	for _, d := range p.Documents {
		var blocks []string
		for _, b := range d.Blocks {
			s := b.Partner + " " + string(b.Role)
			if b.Must {
				s += " must"
			}
			if b.Signature != nil {
				s += fmt.Sprintf(" v%d", b.Signature.Version)
			}
			blocks = append(blocks, s)
		}
		head := d.Kind
		if d.From != "" {
			head += " from " + d.From
		}
		docs = append(docs, head+": "+strings.Join(blocks, ", "))
	}
	return strings.Join(docs, "\n")
}

// TestPlan: which documents a version has, whose blocks they hold in
// which order, and which the version waits for.
func TestPlan(t *testing.T) {
	const review = "review from lead: lead records"
	join := func(q *questionnaire.Questionnaire) {
		q.Partners = append(q.Partners, questionnaire.Partner{ID: "new", Name: "New", Joined: day2})
	}
	tests := []struct {
		name  string
		edit  func(q *questionnaire.Questionnaire)
		facts Facts
		want  []string
	}{
		{"memorandum and code", nil, Facts{}, []string{
			"mou: first signs must, lead signs must, third signs must",
			"code-of-practice: first endorses must, lead endorses must, third endorses must",
			review}},
		{"code of practice alone: it is the agreement", func(q *questionnaire.Questionnaire) { q.Documents = []string{"code-of-practice"} }, Facts{}, []string{
			"code-of-practice: first signs must, lead signs must, third signs must", review}},
		{"a join, not binding: the lead accepts", func(q *questionnaire.Questionnaire) { q.Documents = []string{"mou"}; join(q) }, Facts{}, []string{
			"mou: first signs must, lead signs must, third signs must, new joins",
			"joining-agreement from lead: new signs must, lead accepts must", review}},
		{"a join, binding: every existing partner agrees", func(q *questionnaire.Questionnaire) {
			q.Documents, q.Wording.Status = []string{"mou"}, "binding"
			join(q)
		}, Facts{}, []string{
			"mou: first signs must, lead signs must, third signs must, new joins",
			"joining-agreement from lead: new signs must, first agrees must, lead agrees must, third agrees must", review}},
		{"a join as the text changes: the newcomer signs the memorandum", func(q *questionnaire.Questionnaire) { q.Documents = []string{"mou"}; join(q) },
			Facts{Changed: true}, []string{"mou: first signs must, lead signs must, third signs must, new signs must", review}},
		{"a join sent by another partner", func(q *questionnaire.Questionnaire) {
			q.Documents = []string{"mou"}
			q.History = []questionnaire.Amendment{{Version: 2, From: "third"}}
			join(q)
		}, Facts{}, []string{
			"mou: first signs must, lead signs must, third signs must, new joins",
			"joining-agreement from third: new signs must, third accepts must", review}},
		{"a notice of change, sent by the lead", func(q *questionnaire.Questionnaire) { q.Documents = []string{"mou"} },
			Facts{Notice: true, NoticeFrom: "third"}, []string{"mou: first signs must, lead signs must, third signs must", "notice-of-change from lead: lead sends", review}},
		{"a notice of change without a lead: the partner whose people changed", func(q *questionnaire.Questionnaire) {
			q.Documents, q.Partnership.LeadPartner = []string{"mou"}, ""
		}, Facts{Notice: true, NoticeFrom: "third"}, []string{
			"mou: first signs must, lead signs must, third signs must", "notice-of-change from third: third sends", "review from first: first records"}},
		{"a partner leaves, no lead: the notice of change is not the leaver's", func(q *questionnaire.Questionnaire) {
			q.Documents, q.Partnership.LeadPartner, q.Partners[0].Left = []string{"mou"}, "", day2
			q.History = []questionnaire.Amendment{{Version: 2, From: "first"}}
		}, Facts{Notice: true, NoticeFrom: "first"}, []string{
			"mou: lead signs must, third signs must", "notice-of-change from lead: lead sends", "notice-of-withdrawal from first: first sends", "review from lead: lead records"}},
		{"a partner leaves: its own notice", func(q *questionnaire.Questionnaire) { q.Documents = []string{"mou"}; q.Partners[0].Left = day2 }, Facts{}, []string{
			"mou: lead signs must, third signs must", "notice-of-withdrawal from first: first sends", review}},
		{"a partner leaves, the lead sends the notice", func(q *questionnaire.Questionnaire) {
			q.Documents, q.Partners[2].Left = []string{"mou"}, day2
			q.History = []questionnaire.Amendment{{Version: 2, From: "lead"}}
		}, Facts{}, []string{"mou: first signs must, lead signs must", "notice-of-withdrawal from lead: lead sends", review}},
		{"a partner leaves on short notice: the others agree", func(q *questionnaire.Questionnaire) {
			leavesEarly(q, 0)
		}, Facts{}, []string{"mou: lead signs must, third signs must", "notice-of-withdrawal from first: first sends, lead agrees must, third agrees must", review}},
		{"short notice sent by the lead: its signature agrees", func(q *questionnaire.Questionnaire) {
			leavesEarly(q, 2)
			q.History = []questionnaire.Amendment{{Version: 2, From: "lead"}}
		}, Facts{}, []string{"mou: first signs must, lead signs must", "notice-of-withdrawal from lead: lead sends must, first agrees must", review}},
		{"full notice: the others do not sign", func(q *questionnaire.Questionnaire) {
			leavesEarly(q, 0)
			q.Partners[0].NoticeGiven = day1
		}, Facts{}, []string{"mou: lead signs must, third signs must", "notice-of-withdrawal from first: first sends", review}},
		{"short notice, but the partnership's own notice clause: mou cannot tell", func(q *questionnaire.Questionnaire) {
			leavesEarly(q, 0)
			q.Wording.Replace = map[string]questionnaire.Text{"dissolution.notice": "One full term."}
		}, Facts{}, []string{"mou: lead signs must, third signs must", "notice-of-withdrawal from first: first sends", review}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := describe(New(hub(tc.edit), tc.facts))
			if want := strings.Join(tc.want, "\n"); got != want {
				t.Errorf("plan:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestCovering: which recorded signature covers which block. A
// signature that names no document is the partner's signature of the
// agreement in its version, the memorandum or its joining agreement; it
// covers a later version whose text has the reference it signed. Other
// documents are covered by a signature naming them.
func TestCovering(t *testing.T) {
	sig := func(v int, partner, ref, doc string) questionnaire.Signature {
		return questionnaire.Signature{Version: v, Partner: partner, By: "X", Date: day1, Reference: ref, Document: doc}
	}
	facts := Facts{Reference: "REF1", CodeReference: "CODE"}
	tests := []struct {
		name string
		sigs []questionnaire.Signature
		join bool
		want []string
	}{
		{"earlier signatures of the same text carry", []questionnaire.Signature{sig(1, "first", "REF1", ""), sig(1, "lead", "OLD0", "")}, false, []string{
			"mou: first signs must v1, lead signs must, third signs must",
			"code-of-practice: first endorses must, lead endorses must, third endorses must"}},
		{"a signature on this version without a reference counts; one with another reference does not", []questionnaire.Signature{
			sig(2, "first", "", ""), sig(2, "lead", "OLD0", "")}, false, []string{
			"mou: first signs must v2, lead signs must, third signs must",
			"code-of-practice: first endorses must, lead endorses must, third endorses must"}},
		{"endorsements name the code, and carry by its own fingerprint", []questionnaire.Signature{
			sig(1, "first", "CODE", "code-of-practice"), sig(1, "lead", "OTHER", "code-of-practice"), sig(2, "third", "", "code-of-practice")}, false, []string{
			"mou: first signs must, lead signs must, third signs must",
			"code-of-practice: first endorses must v1, lead endorses must, third endorses must v2"}},
		{"the newcomer's signature is its joining agreement's; the others name it", []questionnaire.Signature{
			sig(2, "new", "REF1", ""), sig(2, "lead", "REF1", "joining-agreement"), sig(2, "first", "REF1", "")}, true, []string{
			"mou: first signs must v2, lead signs must, third signs must, new joins",
			"code-of-practice: first endorses must, lead endorses must, third endorses must, new endorses must",
			"joining-agreement from lead: new signs must v2, lead accepts must v2"}},
		{"a later version of another document does not count", []questionnaire.Signature{sig(3, "first", "REF1", "")}, false, []string{
			"mou: first signs must, lead signs must, third signs must",
			"code-of-practice: first endorses must, lead endorses must, third endorses must"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q := hub(func(q *questionnaire.Questionnaire) {
				q.Signatures = tc.sigs
				if tc.join {
					q.Partners = append(q.Partners, questionnaire.Partner{ID: "new", Name: "New", Joined: day2})
				}
			})
			p := New(q, facts)
			got := describe(p)
			want := strings.Join(append(tc.want, "review from lead: lead records"), "\n")
			if got != want {
				t.Errorf("plan:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestUnsigned: what the version waits for, document by document.
func TestUnsigned(t *testing.T) {
	q := hub(func(q *questionnaire.Questionnaire) {
		q.Documents = []string{"mou"}
		q.Wording.Status = "binding"
		q.Partners = append(q.Partners, questionnaire.Partner{ID: "new", Name: "New", Joined: day2})
		q.Signatures = []questionnaire.Signature{
			{Version: 1, Partner: "first", Reference: "REF1"}, {Version: 1, Partner: "lead", Reference: "REF1"}, {Version: 1, Partner: "third", Reference: "REF1"},
			{Version: 2, Partner: "new", Reference: "REF1"},
		}
	})
	p := New(q, Facts{Reference: "REF1"})
	want := []Pending{{JoiningAgreement, []string{"first", "lead", "third"}}}
	if got := p.Unsigned(); !slices.EqualFunc(got, want, func(a, b Pending) bool { return a.Kind == b.Kind && slices.Equal(a.Partners, b.Partners) }) {
		t.Errorf("Unsigned = %v, want %v", got, want)
	}
	if got := p.Needing(); !slices.Equal(got, []string{MOU, JoiningAgreement}) {
		t.Errorf("Needing = %v", got)
	}
}

// leavesEarly makes partner i leave on the version's date, three months
// after giving notice, under an agreement that asks for six.
func leavesEarly(q *questionnaire.Questionnaire, i int) {
	q.Documents = []string{"mou"}
	q.Dissolution.NoticePeriod = questionnaire.Period{N: 6, Unit: "month"}
	q.Partners[i].Left, q.Partners[i].NoticeGiven = day2, questionnaire.NewDate(2027, time.June, 1)
}

// TestMust: the partners that must sign a document, in the order of its
// blocks, in any role or in one: a newcomer to a binding agreement signs
// its joining agreement, and every existing partner agrees to it.
func TestMust(t *testing.T) {
	p := New(hub(func(q *questionnaire.Questionnaire) {
		q.Wording.Status = "binding"
		q.Partners = append(q.Partners, questionnaire.Partner{ID: "new", Name: "New", Joined: day2})
	}), Facts{Reference: "AAAA-BBBB"})
	for _, tc := range []struct {
		kind string
		role Role
		want string
	}{
		{JoiningAgreement, "", "new first lead third"},
		{JoiningAgreement, Signs, "new"},
		{JoiningAgreement, Agrees, "first lead third"},
		{MOU, "", "first lead third"},
		{NoticeOfChange, "", ""},
	} {
		if got := strings.Join(p.Must(tc.kind, tc.role), " "); got != tc.want {
			t.Errorf("Must(%s, %q) = %q, want %q", tc.kind, tc.role, got, tc.want)
		}
	}
}
