package document_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/signing"
)

var reviewQuestion = regexp.MustCompile(`(?m)^### (\d+)\. (.*)$`)

// TestReviewRecordAsksWhatTheAgreementHas: the review record asks only
// the questions the reviewed document gives it something to ask about,
// numbered as they are asked, and never prints an empty answer where the
// file has none: a code of practice on its own has no aims, objectives,
// measures or oversight body, and is asked how well it is followed
// instead; after the last review date there is no next one to print.
func TestReviewRecordAsksWhatTheAgreementHas(t *testing.T) {
	tmpl := parse(t)
	for _, tc := range []struct {
		sample, day  string
		questions    []string
		want, refuse []string
	}{
		{"school-employer.yaml", "2027-07-08",
			[]string{"Has the partnership met its aims?", "Has it met its targets?", "What the learners say", "Strategy for the coming year", "What will change"},
			[]string{"Held by: the Partnership steering group.", "Evidence from the measures agreed (Attendance at each activity", "Next review: 6 July 2028."},
			[]string{"How well is the code followed?"}},
		{"school-employer.yaml", "2028-07-06", nil,
			[]string{`Next review: \_\_\_\_`},
			[]string{"Next review: ."}},
		{"northfield-volunteers-code.yaml", "2027-07-01",
			[]string{"How well is the code followed?", "What the learners say", "Strategy for the coming year", "What will change"},
			[]string{"Held by: the Members.", `What the Volunteer Programme Manager at Northfield Education Business Partnership found in monitoring it: \_`},
			[]string{"the .", "()", "aims", "targets", "| No. |", "Next review: ."}},
	} {
		t.Run(tc.sample+" "+tc.day, func(t *testing.T) {
			q := load(t, "../../samples/"+tc.sample)
			day, err := questionnaire.ParseDate(tc.day)
			if err != nil {
				t.Fatal(err)
			}
			w, err := tmpl.Write(q, document.ReviewRecord, document.Input{Reference: "ABCD-EFGH",
				Plan: signing.New(q, signing.Facts{Reference: "ABCD-EFGH"}), Life: &document.Life{Date: day}})
			if err != nil {
				t.Fatal(err)
			}
			md := string(w.Markdown)
			if tc.questions != nil {
				var got []string
				for i, m := range reviewQuestion.FindAllStringSubmatch(md, -1) {
					if m[1] != strconv.Itoa(i+1) {
						t.Errorf("question %q is number %s, want %d", m[2], m[1], i+1)
					}
					got = append(got, m[2])
				}
				if strings.Join(got, "|") != strings.Join(tc.questions, "|") {
					t.Errorf("the questions are\n%q\nwant\n%q", got, tc.questions)
				}
			}
			for _, s := range tc.want {
				if !strings.Contains(md, s) {
					t.Errorf("the review record does not say %q:\n%s", s, md)
				}
			}
			for _, s := range tc.refuse {
				if strings.Contains(md, s) {
					t.Errorf("the review record says %q:\n%s", s, md)
				}
			}
		})
	}
}
