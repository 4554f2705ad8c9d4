package document

import (
	"bytes"
	"crypto/sha256"
	"encoding/base32"

	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/internal/questionnaire"
)

// EndOfAgreement is the layout hint in the MOU template that ends the
// signed text; the schedules after it may be reissued without signatures.
const EndOfAgreement = "<!-- mou:end-agreement -->"

// OwnSchedules starts the partnership's own schedules, which come after
// mou's and are signed with the agreement. Layout drops it as it drops
// any hint it does not know.
const OwnSchedules = "<!-- mou:own-schedules -->"

// Agreement is the signed text of an MOU, with the people left out, so
// that a change of staff leaves it as it was.
type Agreement struct {
	Reference string    // "7K2M-Q9XD"
	Sections  []Section // in document order, the title page first
}

// Section is one numbered section of the agreement.
type Section struct {
	Heading string // "4. Aims and objectives"; TitlePage for the first
	Text    string
}

// Agreement renders the signed text of q's MOU (or, where q asks for no
// MOU, its code of practice) with everything a handover may change
// blanked: who holds each role, the signatories, the version, the date
// and the amendment record. Its reference changes only when what the
// partners agreed changes.
func (t *Templates) Agreement(q *questionnaire.Questionnaire) (Agreement, error) {
	signed := MOU
	if kinds := KindsFor(q); len(kinds) > 0 {
		signed = kinds[0]
	}
	return t.Fingerprint(q, signed)
}

// Fingerprint is Agreement for q's document of the given kind: for the
// code of practice beside a memorandum, the text its partners endorse,
// whose fingerprint says whether an endorsement still covers a later
// version.
func (t *Templates) Fingerprint(q *questionnaire.Questionnaire, kind Kind) (Agreement, error) {
	md, err := t.Markdown(withoutPeople(q), kind, "")
	if err != nil {
		return Agreement{}, err
	}
	md = StripHints(md)
	if i := bytes.Index(md, []byte(EndOfAgreement)); i >= 0 {
		// The partnership's own schedules, after the contacts and the
		// amendment record, are part of what is signed.
		own := bytes.Index(md, []byte(OwnSchedules))
		if own > i {
			md = append(md[:i:i], md[own:]...)
		} else {
			md = md[:i]
		}
	}
	sum := sha256.Sum256(md)
	ref := crockford.EncodeToString(sum[:5])
	return Agreement{Reference: ref[:4] + "-" + ref[4:], Sections: splitSections(md, locale.Get(q.Language))}, nil
}

// crockford is Douglas Crockford's base 32: no I, L, O or U, so a
// reference read aloud or typed by hand is hard to get wrong.
var crockford = base32.NewEncoding("0123456789ABCDEFGHJKMNPQRSTVWXYZ").WithPadding(base32.NoPadding)

// withoutPeople returns a copy of q with the people and the version
// details blanked; roles stay, because the agreement names them. The
// records kept beside the agreement (signatures, reviews) are blanked
// too, so recording one never changes the reference. The parties are
// those who signed the text: a partner that joined later is bound by its
// joining agreement and left out, and one that has left is kept as it was.
func withoutPeople(q *questionnaire.Questionnaire) *questionnaire.Questionnaire {
	c := *q
	c.Version, c.Date, c.History = 0, questionnaire.Date{}, nil
	c.Signatures, c.Reviews = nil, nil
	c.Partners = nil
	for _, p := range q.Partners {
		if !p.Joined.IsZero() {
			continue
		}
		p.Lead = questionnaire.Contact{Role: p.Lead.Role}
		if p.SafeguardingLead != nil {
			p.SafeguardingLead = &questionnaire.Contact{Role: p.SafeguardingLead.Role}
		}
		p.Signatory = questionnaire.Signatory{}
		p.Left = questionnaire.Date{}
		c.Partners = append(c.Partners, p)
	}
	return &c
}

// TitlePage is the heading the record gives the text before the first
// section: a key, in every language.
const TitlePage = "Title page"

// splitSections splits the signed text at the numbered sections'
// headings, "## 4. Aims", and the schedules', "## Schedule 3: Charges",
// "## Annex A: Charges", by the schedules' words in pack's language.
func splitSections(md []byte, pack *locale.Pack) []Section {
	heading := headingsOf(pack).section
	out := []Section{{Heading: TitlePage}}
	start := 0
	for at, line := range headingLines(md) {
		if m := heading.FindSubmatch(line); m != nil {
			out[len(out)-1].Text = string(md[start:at])
			out = append(out, Section{Heading: string(m[1])})
			start = at
		}
	}
	out[len(out)-1].Text = string(md[start:])
	return out
}
