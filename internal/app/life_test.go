package app

import (
	"slices"
	"testing"

	"github.com/partnership-tools/mou/internal/sampletest"
)

// TestShownLeavesOutPartnersThatLeft: from the day a partner leaves, the
// documents no longer count it among those taking part in an activity,
// nor list what it gave or promised; the file itself keeps all of it.
func TestShownLeavesOutPartnersThatLeft(t *testing.T) {
	tests := []struct {
		name string
		left []string // ids that left on the version's date
		// What the documents show: the partners of activity 4 (Key Stage 3
		// moderation), and the partners that contribute and that commit to
		// the code (in the sample, every partner does both).
		ks3, stay []string
	}{
		{"nobody left", nil, []string{"severnside", "millbrook"}, []string{"severnside", "oakhurst", "st-aidans", "millbrook", "bro-wyn"}},
		{"one of two left", []string{"millbrook"}, []string{"severnside"}, []string{"severnside", "oakhurst", "st-aidans", "bro-wyn"}},
		{"both left", []string{"millbrook", "severnside"}, nil, []string{"oakhurst", "st-aidans", "bro-wyn"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q := sampletest.Load(t, "hub-and-spoke.yaml")
			for i := range q.Partners {
				if slices.Contains(tc.left, q.Partners[i].ID) {
					q.Partners[i].Left = q.Date
				}
			}
			before := slices.Clone(q.Activities[3].Partners)
			s := shown(q)
			var contributors, committed []string
			for _, c := range s.Finance.Contributions {
				contributors = append(contributors, c.Partner)
			}
			for _, c := range s.CodeOfPractice.Commitments {
				committed = append(committed, c.Partner)
			}
			if got := s.Activities[3].Partners; !slices.Equal(got, tc.ks3) {
				t.Errorf("activity partners %q, want %q", got, tc.ks3)
			}
			if !slices.Equal(contributors, tc.stay) || !slices.Equal(committed, tc.stay) {
				t.Errorf("contributions from %q and commitments by %q, want %q", contributors, committed, tc.stay)
			}
			if !slices.Equal(q.Activities[3].Partners, before) {
				t.Error("shown changed the questionnaire itself")
			}
			if got := len(s.Former); got != len(tc.left) {
				t.Errorf("%d former partners, want %d", got, len(tc.left))
			}
		})
	}
}
