package signing

import (
	"slices"

	"github.com/partnership-tools/mou/internal/questionnaire"
)

// Facts are what the plan needs beyond the questionnaire, each worked out
// once elsewhere: the fingerprints of the texts signed, and what the
// verdict against the previous version decided.
type Facts struct {
	// Reference is the agreement reference, "" where none is known.
	Reference string
	// CodeReference is the fingerprint of a code of practice endorsed
	// beside the memorandum, "" where none is known.
	CodeReference string
	// Changed reports that the agreement text changed since the previous
	// version: a partner joining then signs it with the others, and no
	// joining agreement is written.
	Changed bool
	// Notice reports that a notice of change goes out with this version.
	// NoticeFrom is the partner whose people changed, which sends it
	// when no other partner is named to.
	Notice     bool
	NoticeFrom string
}

// New works out the signing plan of q's version, q as its file holds it
// (partners that have left included); q must have passed validation.
func New(q *questionnaire.Questionnaire, f Facts) Plan {
	current := q.Current().Partners
	var joining, existing, leaving []string
	for _, p := range current {
		if Joining(q, p) && !f.Changed {
			joining = append(joining, p.ID)
		} else {
			existing = append(existing, p.ID)
		}
	}
	for _, p := range q.Partners {
		if !p.Left.IsZero() && p.Left == q.Date {
			leaving = append(leaving, p.ID)
		}
	}

	var docs []Document
	agreement := MOU
	if !q.Writes(MOU) {
		agreement = CodeOfPractice
	}
	if q.Writes(MOU) {
		d := Document{Kind: MOU, Reference: f.Reference}
		for _, p := range current {
			if slices.Contains(joining, p.ID) {
				d.Blocks = append(d.Blocks, Block{Partner: p.ID, Role: Joins})
			} else {
				d.Blocks = append(d.Blocks, Block{Partner: p.ID, Role: Signs, Must: true})
			}
		}
		docs = append(docs, d)
	}
	if q.Writes(CodeOfPractice) {
		d := Document{Kind: CodeOfPractice, Reference: f.CodeReference}
		role := Endorses
		if agreement == CodeOfPractice {
			d.Reference, role = f.Reference, Signs
		}
		for _, p := range current {
			d.Blocks = append(d.Blocks, Block{Partner: p.ID, Role: role, Must: true})
		}
		docs = append(docs, d)
	}
	if f.Notice {
		docs = append(docs, sentBy(NoticeOfChange, Sends, sender(q, f.NoticeFrom)))
	}
	if len(joining) > 0 {
		d := Document{Kind: JoiningAgreement}
		if len(existing) > 0 {
			d.From = sender(q, existing[0])
		}
		for _, id := range joining {
			d.Blocks = append(d.Blocks, Block{Partner: id, Role: Signs, Must: true})
		}
		if q.Wording.Binding() {
			// Adding a party to a contract varies it: every party agrees.
			for _, id := range existing {
				d.Blocks = append(d.Blocks, Block{Partner: id, Role: Agrees, Must: true})
			}
		} else if d.From != "" {
			d.Blocks = append(d.Blocks, Block{Partner: d.From, Role: Accepts, Must: true})
		}
		docs = append(docs, d)
	}
	if len(leaving) > 0 {
		// A notice of withdrawal is the leaving partner's own, unless
		// another partner was named to send it.
		from := leaving[0]
		if h := entry(q); h != nil && h.From != "" {
			from = h.From
		}
		d := sentBy(NoticeOfWithdrawal, Sends, from)
		if shortNotice(q, leaving) {
			// Notice shorter than the agreement's takes effect early
			// only with every other partner's agreement, given by
			// signing it; the sender's own signature gives its own.
			for _, p := range current {
				if p.ID == from {
					d.Blocks[0].Must = true
					continue
				}
				d.Blocks = append(d.Blocks, Block{Partner: p.ID, Role: Agrees, Must: true})
			}
		}
		docs = append(docs, d)
	}
	chair := q.Partnership.LeadPartner
	if q.Partner(chair) == nil || q.Partner(chair).HasLeft(q.Date) {
		chair = ""
		if len(current) > 0 {
			chair = current[0].ID
		}
	}
	docs = append(docs, sentBy(ReviewRecord, Records, chair))

	p := Plan{Version: q.Version, Documents: docs}
	for i := range p.Documents {
		d := &p.Documents[i]
		for j := range d.Blocks {
			d.Blocks[j].Signature = covering(q, d, d.Blocks[j])
		}
	}
	return p
}

// Joining reports whether p joins with q's version, by signing a joining
// agreement unless the agreement text changes in the same version.
func Joining(q *questionnaire.Questionnaire, p questionnaire.Partner) bool {
	return !p.Joined.IsZero() && p.Joined == q.Date
}

// shortNotice reports whether any of the partners leaving, by id, gave
// notice shorter than the agreement's notice period.
func shortNotice(q *questionnaire.Questionnaire, leaving []string) bool {
	for _, id := range leaving {
		for _, p := range q.Partners {
			if p.ID == id && q.ShortNotice(p) {
				return true
			}
		}
	}
	return false
}

// sentBy is a document with one block, the sender's; none when there is
// no sender.
func sentBy(kind string, role Role, from string) Document {
	d := Document{Kind: kind, From: from}
	if from != "" {
		d.Blocks = []Block{{Partner: from, Role: role}}
	}
	return d
}

// entry returns the amendment record's entry for q's version, or nil.
func entry(q *questionnaire.Questionnaire) *questionnaire.Amendment {
	for i, h := range q.History {
		if h.Version == q.Version {
			return &q.History[i]
		}
	}
	return nil
}

// sender is the partner that sends this version's notices and accepts a
// newcomer: the one named with --from in the amendment record, else the
// lead partner, else the partner with the given id, else the first
// partner; whichever comes first of those still in the partnership, for
// a partner that has left speaks for it no longer.
func sender(q *questionnaire.Questionnaire, otherwise string) string {
	var from string
	if h := entry(q); h != nil {
		from = h.From
	}
	for _, id := range []string{from, q.Partnership.LeadPartner, otherwise} {
		if p := q.Partner(id); p != nil && !p.HasLeft(q.Date) {
			return id
		}
	}
	if current := q.Current().Partners; len(current) > 0 {
		return current[0].ID
	}
	return otherwise
}

// covering returns the latest recorded signature that covers block b of
// document d, or nil. A signature names its document, or names none and
// is then the partner's signature of the agreement in that version: of
// the memorandum, or of its joining agreement for a partner that joins.
// It covers a block of its own version, or of a later one whose
// document has the reference it signed.
func covering(q *questionnaire.Questionnaire, d *Document, b Block) *questionnaire.Signature {
	var found *questionnaire.Signature
	for i, s := range q.Signatures {
		if s.Partner != b.Partner || s.Version > q.Version {
			continue
		}
		if s.Document != d.Kind && (s.Document != "" || b.Role != Signs) {
			continue
		}
		same := s.Version == q.Version && (s.Reference == "" || d.Reference == "" || s.Reference == d.Reference)
		carried := d.Reference != "" && s.Reference == d.Reference
		if (same || carried) && (found == nil || s.Version > found.Version) {
			found = &q.Signatures[i]
		}
	}
	return found
}
