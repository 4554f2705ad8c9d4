package agreement

import (
	"github.com/partnership-tools/mou/internal/questionnaire"
)

// Dates are the dates a version's agreement sets: those its text holds,
// and only those. A partnership whose wording leaves out the dissolution
// clauses has no last day to give notice; one whose text prints no
// review dates or objectives has none in force.
type Dates struct {
	// Start and End are the term; End is zero for a partnership that
	// runs until it is dissolved.
	Start, End questionnaire.Date
	// Notice is the notice period and NoticeBy the last day to give
	// notice so that it takes effect by the end of the term; both are
	// zero without a notice clause or an end.
	Notice   questionnaire.Period
	NoticeBy questionnaire.Date
	// Reviews are the review dates the text sets.
	Reviews []questionnaire.Date
	// Objectives are the objectives the text sets, by their place in the
	// questionnaire's list.
	Objectives []int
}

// dates reads the dates in force from the agreement as written.
func (v *Version) dates() Dates {
	q := v.File
	d := Dates{Start: q.Partnership.Start, End: q.End()}
	a := v.Agreement()
	if a == nil {
		return d
	}
	if a.Outline.Has("dissolution.notice") && !d.End.IsZero() && !q.Dissolution.NoticePeriod.IsZero() {
		d.Notice, d.NoticeBy = q.Dissolution.NoticePeriod, q.NoticeBy()
	}
	if a.Outline.Has("monitoring.review") {
		d.Reviews = q.Monitoring.ReviewDates
	}
	if a.Outline.Has("aims.objectives") {
		for i := range q.Objectives {
			d.Objectives = append(d.Objectives, i)
		}
	}
	return d
}
