package app

import (
	"slices"

	"github.com/partnership-tools/mou/internal/questionnaire"
)

// versions lists the versions the file knows of, with their dates: those
// in the amendment record and the current one.
func versions(q *questionnaire.Questionnaire) []questionnaire.Amendment {
	out := slices.Clone(q.History)
	if !hasVersion(q, q.Version) {
		out = append(out, questionnaire.Amendment{Version: q.Version, Date: q.Date})
	}
	slices.SortStableFunc(out, func(a, b questionnaire.Amendment) int { return a.Version - b.Version })
	return out
}

// versionOn is the version in force on day: the latest whose date is not
// after it, or 0 when every version is later.
func versionOn(q *questionnaire.Questionnaire, day questionnaire.Date) questionnaire.Amendment {
	var in questionnaire.Amendment
	for _, v := range versions(q) {
		if !day.Before(v.Date) {
			in = v
		}
	}
	return in
}

// joinedIn is the version that added p: the first dated on or after the
// day it joined, when the version before it is known too. It is 0 for a
// partner there from the start, or when the amendment record cannot tell.
func joinedIn(q *questionnaire.Questionnaire, p *questionnaire.Partner) int {
	if p.Joined.IsZero() {
		return 0
	}
	known := versions(q)
	for i, v := range known {
		if !v.Date.Before(p.Joined) {
			if i > 0 && known[i-1].Version == v.Version-1 {
				return v.Version
			}
			return 0
		}
	}
	return 0
}
