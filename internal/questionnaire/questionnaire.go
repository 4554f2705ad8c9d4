package questionnaire

// End returns the last day of the partnership: its end date, the end of
// its term, or the zero Date when it runs until it is dissolved.
func (q *Questionnaire) End() Date {
	pm := q.Partnership
	switch {
	case !pm.End.IsZero():
		return pm.End
	case !pm.Term.IsZero() && !pm.Start.IsZero():
		return pm.Term.From(pm.Start)
	}
	return Date{}
}

// NoticeBy returns the last day on which notice to end the partnership
// can be given for it to take effect by the end of its term, or the zero
// Date when it has no end or no notice period. Every document, calendar
// and status report takes the date from here.
//
// Notice given on a day runs from the next, and a period of months ends on
// the corresponding day of the month (or that month's last day when it has
// none), so the last day is the end less the period: 31 May for three
// months before 31 August. The first edition of the wording printed the
// day after that (1 June), and a partnership signed with it keeps the
// date it signed.
func (q *Questionnaire) NoticeBy() Date {
	end := q.End()
	if end.IsZero() || q.Dissolution.NoticePeriod.IsZero() {
		return Date{}
	}
	if q.FirstEdition() {
		return q.Dissolution.NoticePeriod.firstEditionBefore(end)
	}
	return q.Dissolution.NoticePeriod.Before(end)
}

// TermWords describes the term: "1 September 2026 to 31 August 2028", or
// "from 1 September 2026" when it has no end.
func (q *Questionnaire) TermWords() string {
	if end := q.End(); !end.IsZero() {
		return q.Partnership.Start.String() + " to " + end.String()
	}
	return "from " + q.Partnership.Start.String()
}

// Partner returns the partner with the given id, or nil.
func (q *Questionnaire) Partner(id string) *Partner {
	for i := range q.Partners {
		if q.Partners[i].ID == id {
			return &q.Partners[i]
		}
	}
	return nil
}
