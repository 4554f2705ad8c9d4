package status

import (
	"fmt"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/sampletest"
)

// TestReviewsAndSignatures checks the lines about reviews held and
// signatures, which appear once the questionnaire records any.
func TestReviewsAndSignatures(t *testing.T) {
	const top = "date: 2026-09-01\n"
	tests := []struct {
		name  string
		add   string // after the top-level date
		today string
		want  []string // the lines about reviews and signatures
	}{
		{"none recorded, none due", "", "2027-07-20", nil},
		{"none recorded, a review date passed", "", "2027-09-01",
			[]string{"The review due on 8 July 2027 is not recorded as held: once it has met, record it with mou review."}},
		{"a review held near its date", "reviews:\n  - date: 2027-07-09\n", "2027-09-01",
			[]string{"1 review held, on 9 July 2027."}},
		{"a review date passed without one", "reviews:\n  - date: 2027-07-09\n", "2028-09-01",
			[]string{"1 review held, on 9 July 2027.", "The review due on 6 July 2028 is not recorded as held: once it has met, record it with mou review."}},
		{"a review held later is not counted yet", "reviews:\n  - date: 2027-07-09\n  - date: 2028-07-06\n", "2027-09-01",
			[]string{"1 review held, on 9 July 2027."}},
		{"one partner has signed", "signatures:\n  - {version: 1, partner: riverside, by: A, date: 2026-09-10, reference: BH7A-3R8E}\n", "2026-10-01",
			[]string{"Not yet signed agreement ref. BH7A-3R8E (version 1): Hartwell Engineering Ltd.", endorse("Riverside Academy and Hartwell Engineering Ltd")}},
		{"a signature of another agreement does not count", "signatures:\n  - {version: 1, partner: riverside, by: A, date: 2026-09-10, reference: OLD0-OLD0}\n", "2026-10-01",
			[]string{"Not yet signed agreement ref. BH7A-3R8E (version 1): Riverside Academy and Hartwell Engineering Ltd.", endorse("Riverside Academy and Hartwell Engineering Ltd")}},
		{"a signature without a reference counts for its version", "signatures:\n  - {version: 1, partner: riverside, by: A, date: 2026-09-10}\n  - {version: 1, partner: hartwell, by: B, date: 2026-09-11}\n", "2026-10-01",
			[]string{endorse("Riverside Academy and Hartwell Engineering Ltd")}},
		{"the agreement signed and the code endorsed", "signatures:\n  - {version: 1, partner: riverside, by: A, date: 2026-09-10}\n  - {version: 1, partner: hartwell, by: B, date: 2026-09-11}\n" +
			"  - {version: 1, partner: riverside, by: A, date: 2026-09-10, document: code-of-practice}\n  - {version: 1, partner: hartwell, by: B, date: 2026-09-11, document: code-of-practice}\n", "2026-10-01",
			[]string{"Every partner has signed agreement ref. BH7A-3R8E; the code of practice of version 1 is endorsed."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := sampletest.Load(t, "school-employer.yaml", top, top+tt.add)
			var got []string
			for _, it := range Check(sampletest.Model(t, q), date(t, tt.today)).Items {
				if it.Kind == Held || it.Kind == Signatures {
					got = append(got, it.Text)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// endorse is status's line for a code of practice not yet endorsed by
// the partners named.
func endorse(names string) string {
	return "Not yet endorsed the code of practice of version 1: " + names + "; record each with mou signed --document code-of-practice."
}

// TestMissedReviewsSince: with no review recorded, a partnership that
// came to mou later is not asked about review dates before its first
// issue; once one is recorded, every date from its start counts.
func TestMissedReviewsSince(t *testing.T) {
	const missed = "The review due on %s is not recorded as held: once it has met, record it with mou review."
	tests := []struct {
		name  string
		edits []string
		want  []string
	}{
		{"first issued before both", nil, []string{"8 July 2027", "6 July 2028"}},
		{"first issued between them", []string{"version: 1\ndate: 2026-09-01\n", "version: 1\ndate: 2027-08-01\n"}, []string{"6 July 2028"}},
		{"version 1 in the amendment record", []string{"version: 1\ndate: 2026-09-01\n",
			"version: 2\ndate: 2027-09-01\nhistory:\n  - {version: 1, date: 2027-08-01, change: First issue.}\n  - {version: 2, date: 2027-09-01, change: A handover.}\n"},
			[]string{"6 July 2028"}},
		{"a review recorded", []string{"version: 1\ndate: 2026-09-01\n", "version: 1\ndate: 2027-08-01\nreviews:\n  - date: 2027-12-01\n"},
			[]string{"8 July 2027", "6 July 2028"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := sampletest.Load(t, "school-employer.yaml", tt.edits...)
			var got, want []string
			for _, it := range Check(sampletest.Model(t, q), date(t, "2028-09-01")).Items {
				if it.Kind == Held && strings.HasPrefix(it.Text, "The review due") {
					got = append(got, it.Text)
				}
			}
			for _, d := range tt.want {
				want = append(want, fmt.Sprintf(missed, d))
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestActing checks the lines about acting cover ending.
func TestActing(t *testing.T) {
	q := sampletest.Load(t, "school-employer.yaml", "      position: Headteacher\n", "      position: Acting Headteacher\n      acting_until: 2027-03-31\n")
	tests := []struct {
		today   string
		want    string
		overdue bool
	}{
		{"2026-12-30", "", false}, // 91 days ahead
		{"2027-01-01", "Acting cover by Dr Amara Okafor as signatory for Riverside Academy ends on 31 March 2027, in 89 days: record who holds the role then with mou handover.", false},
		{"2027-04-02", "Acting cover by Dr Amara Okafor as signatory for Riverside Academy ended on 31 March 2027, 2 days ago: record who holds the role now with mou handover.", true},
	}
	for _, tt := range tests {
		var got string
		overdue := false
		for _, it := range Check(sampletest.Model(t, q), date(t, tt.today)).Items {
			if it.Kind == Acting {
				got, overdue = it.Text, it.Overdue
			}
		}
		if got != tt.want || overdue != tt.overdue {
			t.Errorf("on %s: %q (overdue %v), want %q (overdue %v)", tt.today, got, overdue, tt.want, tt.overdue)
		}
	}
}
