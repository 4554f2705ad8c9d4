package app

import (
	"slices"
	"testing"

	"github.com/partnership-tools/mou/internal/agreement"
	"github.com/partnership-tools/mou/internal/questionnaire"
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
			s := agreement.Shown(q)
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

// TestJoinedIn: the version a partner joined in is told from the
// amendment record, and is 0 (not known) where the record has a gap.
func TestJoinedIn(t *testing.T) {
	day := func(s string) questionnaire.Date {
		d, err := questionnaire.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	entry := func(v int, d string) questionnaire.Amendment {
		return questionnaire.Amendment{Version: v, Date: day(d)}
	}
	tests := []struct {
		name    string
		version int
		date    string
		history []questionnaire.Amendment
		joined  string
		want    int
	}{
		{"there from the start", 3, "2027-09-01", []questionnaire.Amendment{entry(1, "2026-09-01"), entry(2, "2027-01-06"), entry(3, "2027-09-01")}, "", 0},
		{"joined in the current version", 3, "2027-09-01", []questionnaire.Amendment{entry(1, "2026-09-01"), entry(2, "2027-01-06"), entry(3, "2027-09-01")}, "2027-09-01", 3},
		{"joined in an earlier version", 4, "2028-08-31", []questionnaire.Amendment{entry(1, "2026-09-01"), entry(2, "2027-09-01"), entry(3, "2028-01-06"), entry(4, "2028-08-31")}, "2027-09-01", 2},
		{"current version not yet in the record", 3, "2027-09-01", []questionnaire.Amendment{entry(1, "2026-09-01"), entry(2, "2027-01-06")}, "2027-09-01", 3},
		{"no record", 3, "2027-09-01", nil, "2027-09-01", 0},
		{"a gap in the record", 4, "2028-08-31", []questionnaire.Amendment{entry(1, "2026-09-01"), entry(4, "2028-08-31")}, "2027-09-01", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q := &questionnaire.Questionnaire{Version: tc.version, Date: day(tc.date), History: tc.history}
			p := &questionnaire.Partner{}
			if tc.joined != "" {
				p.Joined = day(tc.joined)
			}
			if got := joinedIn(q, p); got != tc.want {
				t.Errorf("joined in version %d, want %d", got, tc.want)
			}
		})
	}
}
