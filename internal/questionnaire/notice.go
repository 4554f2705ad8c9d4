package questionnaire

// NoticeEnds is the last day of the notice partner p gave of its
// withdrawal, by the notice period the agreement sets: the earliest day
// the withdrawal can take effect without the other partners agreeing to
// shorter notice. It is the zero Date when that is not known: the notice
// was not dated, or the agreement sets no notice period of mou's wording
// (it has no memorandum, or its notice clause is left out or replaced by
// the partnership's own words).
func (q *Questionnaire) NoticeEnds(p Partner) Date {
	period := q.Dissolution.NoticePeriod
	_, replaced := q.Wording.Replace["dissolution.notice"]
	if p.NoticeGiven.IsZero() || period.IsZero() || !q.Writes("mou") || q.Wording.Omitted("dissolution.notice") || replaced {
		return Date{}
	}
	return period.From(p.NoticeGiven)
}

// ShortNotice reports whether partner p's withdrawal takes effect before
// its notice ends (see NoticeEnds), which the other partners must then
// agree to.
func (q *Questionnaire) ShortNotice(p Partner) bool {
	ends := q.NoticeEnds(p)
	return !ends.IsZero() && !p.Left.IsZero() && p.Left.Before(ends)
}
