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
