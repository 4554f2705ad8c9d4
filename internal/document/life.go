package document

import (
	"slices"

	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/signing"
)

// The documents of a partnership's life after signing.
var (
	// JoiningAgreement binds a partner that joins to the signed MOU.
	JoiningAgreement = Kind{signing.JoiningAgreement, "joining.md.tmpl"}
	// NoticeOfWithdrawal is a partner's notice that it leaves.
	NoticeOfWithdrawal = Kind{signing.NoticeOfWithdrawal, "withdrawal.md.tmpl"}
	// ReviewRecord is the record of a review meeting.
	ReviewRecord = Kind{signing.ReviewRecord, "review.md.tmpl"}
)

// Life is what the joining agreement, the notice of withdrawal and the
// review record need beyond the questionnaire.
type Life struct {
	// Members are the partners joining or leaving in this version.
	Members []questionnaire.Partner
	// Date is the review's date, for a review record.
	Date questionnaire.Date
	// Changed reports that the agreement text changed in this version,
	// so the partners who remain sign it again.
	Changed bool
	// Given is, for a notice of withdrawal, the day the notice was
	// given, which dates it; zero when not recorded.
	Given questionnaire.Date
	// Signed is, for a notice of withdrawal, the reference of the
	// agreement the leaving partners were party to, which is not this
	// version's when its text changed; "" when it is not known.
	Signed string
}

// From is the partner that sends this document, as the version's signing
// plan names it, or nil for none.
func (v *View) From() *questionnaire.Partner {
	if d := v.plan.Document(v.kind.Name); d != nil {
		return v.AnyPartner(d.From)
	}
	return nil
}

// Must lists, by id, the partners that must sign the version's document
// of the given kind in the given role (any role for ""), as the signing
// plan says: what a notice or an agreement says of who signs.
func (v *View) Must(kind, role string) []string { return v.plan.Must(kind, signing.Role(role)) }

// Existing returns the partners of this version other than those given:
// the ones who signed before a partner joined.
func (v *View) Existing(except []questionnaire.Partner) []questionnaire.Partner {
	var others []questionnaire.Partner
	for _, p := range v.Partners {
		if !slices.ContainsFunc(except, func(e questionnaire.Partner) bool { return e.ID == p.ID }) {
			others = append(others, p)
		}
	}
	return others
}

// Others lists Existing in words.
func (v *View) Others(except []questionnaire.Partner) string {
	var names []string
	for _, p := range v.Existing(except) {
		names = append(names, p.Name.String())
	}
	return v.pack.List(names)
}

// NextReview returns the first review date after day, or the zero Date.
func (v *View) NextReview(day questionnaire.Date) questionnaire.Date {
	var next questionnaire.Date
	for _, d := range v.Monitoring.ReviewDates {
		if d.After(day) && (next.IsZero() || d.Before(next)) {
			next = d
		}
	}
	return next
}
