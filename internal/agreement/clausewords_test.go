package agreement

import "testing"

func TestClauseChangeWords(t *testing.T) {
	for _, tc := range []struct{ was, now, want string }{
		{"The partners intend this agreement to be legally binding on each of them\\.", "The partners intend this Agreement to be legally binding on each of them\\.",
			"The partners intend this [-agreement-] {+Agreement+} to be legally binding …"},
		{"A new partner joins by signing a joining agreement, which binds it to **this memorandum** as it stands.",
			"A new partner joins by signing a joining agreement, which binds it to this memorandum from the day it joins.",
			"… it to this memorandum [-as it stands.-] {+from the day it joins.+}"},
		{"", "A clause of its own.", "{+A clause of its own.+}"},
		{"Gone <!-- mou:pagebreak --> now.", "", "[-Gone now.-]"},
	} {
		if got := (ClauseChange{Was: tc.was, Now: tc.now}).Words(); got != tc.want {
			t.Errorf("Words(%q → %q) =\n%q, want\n%q", tc.was, tc.now, got, tc.want)
		}
	}
}

// TestCommonLengths: the table the clause and word comparisons share
// holds the length of the longest common subsequence of every pair of
// tails.
func TestCommonLengths(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"abc", "", 0}, {"abc", "abc", 3}, {"abcbdab", "bdcaba", 4}, {"xyz", "abc", 0}, {"ab", "ba", 1}} {
		common := commonLengths(len(tc.a), len(tc.b), func(i, j int) bool { return tc.a[i] == tc.b[j] })
		if common[0][0] != tc.want {
			t.Errorf("%q, %q: %d in common, want %d", tc.a, tc.b, common[0][0], tc.want)
		}
		if len(common) != len(tc.a)+1 || len(common[len(tc.a)]) != len(tc.b)+1 || common[len(tc.a)][len(tc.b)] != 0 {
			t.Errorf("%q, %q: the table is not (n+1)×(m+1) with nothing in common past the ends", tc.a, tc.b)
		}
	}
}
