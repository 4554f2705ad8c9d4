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
	return q.NoticeRunsOut(p.NoticeGiven)
}

// NoticeRunsOut is the day notice of the agreement's notice period, given
// on the day given, runs out. Notice runs from the day after it is given,
// as NoticeBy counts it, so that notice given on the last day NoticeBy
// names runs out by the end of the term. The first edition of the
// wording, which printed the day after that as the last day, counted the
// notice from the day it was given, and a partnership signed with it
// keeps that count.
func (q *Questionnaire) NoticeRunsOut(given Date) Date {
	if q.FirstEdition() {
		return q.Dissolution.NoticePeriod.From(given)
	}
	return q.Dissolution.NoticePeriod.After(given)
}

// ShortNotice reports whether partner p's withdrawal takes effect before
// its notice ends (see NoticeEnds), which the other partners must then
// agree to.
func (q *Questionnaire) ShortNotice(p Partner) bool {
	ends := q.NoticeEnds(p)
	return !ends.IsZero() && !p.Left.IsZero() && p.Left.Before(ends)
}
