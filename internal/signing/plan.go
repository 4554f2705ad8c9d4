// Package signing is the signing plan of one version of a partnership's
// agreement: for each document the version has, its signature blocks in
// the order they are printed, the partner each belongs to, whether the
// version needs that signature, and the recorded signature that covers
// it. The documents print their blocks from the plan, the PDF names its
// signing fields and e-signature roles after the owners it gives, and
// status and "mou signed" say from it who has yet to sign what, so none
// of them works these facts out again.
package signing

import (
	"slices"

	"github.com/partnership-tools/mou/internal/questionnaire"
)

// The documents a version can have, by the names their files carry.
const (
	MOU                = "mou"
	CodeOfPractice     = "code-of-practice"
	NoticeOfChange     = "notice-of-change"
	JoiningAgreement   = "joining-agreement"
	NoticeOfWithdrawal = "notice-of-withdrawal"
	ReviewRecord       = "review"
)

// Kinds are the documents a signature may be recorded on, in the order a
// version's documents are written.
var Kinds = []string{MOU, CodeOfPractice, NoticeOfChange, JoiningAgreement, NoticeOfWithdrawal, ReviewRecord}

// Role is what a signature block's owner does by signing it.
type Role string

const (
	// Signs: a party signs the agreement, or a partner that joins signs
	// its joining agreement.
	Signs Role = "signs"
	// Joins: in the memorandum, the block of a partner that joins with
	// this version by a joining agreement instead; it has no lines.
	Joins Role = "joins"
	// Endorses: a partner endorses the code of practice that sits beside
	// the memorandum.
	Endorses Role = "endorses"
	// Agrees: an existing partner agrees to a newcomer joining a legally
	// binding agreement, which adding a party varies.
	Agrees Role = "agrees"
	// Accepts: a partner accepts a newcomer for the partnership.
	Accepts Role = "accepts"
	// Sends: the partner that sends a notice signs it.
	Sends Role = "sends"
	// Records: the record of a review is signed for the partner that
	// chairs it.
	Records Role = "records"
)

// Block is one signature block.
type Block struct {
	Partner string // the id of the partner whose block it is
	Role    Role
	// Must reports that the version waits for this signature: the
	// agreement's, an endorsement, a joining agreement's. A notice or a
	// review record is signed by its sender as it goes out.
	Must bool
	// Signature is the recorded signature that covers the block, the
	// latest if several do; nil when none is recorded.
	Signature *questionnaire.Signature
}

// Document is one document of a version and its signature blocks.
type Document struct {
	Kind string // MOU, CodeOfPractice, ...
	// Reference is the fingerprint of the text its signatures commit to:
	// a signature on an earlier version with the same reference still
	// covers it. It is "" for a document signed for its version alone.
	Reference string
	// From is the partner that sends the document, by id: a notice's
	// sender, the partner that accepts a newcomer for the partnership,
	// the review's chair; "" for the agreement itself.
	From   string
	Blocks []Block
}

// Plan is the signing plan of one version.
type Plan struct {
	Version   int
	Documents []Document // in the order they are written
}

// Document returns the plan's document of the given kind, or nil when the
// version has none.
func (p Plan) Document(kind string) *Document {
	for i := range p.Documents {
		if p.Documents[i].Kind == kind {
			return &p.Documents[i]
		}
	}
	return nil
}

// Pending is a document with signatures still to come.
type Pending struct {
	Kind     string
	Partners []string // ids, in the order of the blocks
}

// Unsigned lists, document by document, the partners whose signatures
// the version still waits for.
func (p Plan) Unsigned() []Pending {
	var out []Pending
	for _, d := range p.Documents {
		var ids []string
		for _, b := range d.Blocks {
			if b.Must && b.Signature == nil {
				ids = append(ids, b.Partner)
			}
		}
		if len(ids) > 0 {
			out = append(out, Pending{d.Kind, ids})
		}
	}
	return out
}

// Needing lists the kinds of the documents that need any signature.
func (p Plan) Needing() []string {
	var out []string
	for _, d := range p.Documents {
		if slices.ContainsFunc(d.Blocks, func(b Block) bool { return b.Must }) {
			out = append(out, d.Kind)
		}
	}
	return out
}

// Must lists the partners that must sign the document of the given kind
// in the given role (in any role for ""), by id, in the order of its
// blocks; none when the version has no such document.
func (p Plan) Must(kind string, role Role) []string {
	var out []string
	if d := p.Document(kind); d != nil {
		for _, b := range d.Blocks {
			if b.Must && (role == "" || b.Role == role) {
				out = append(out, b.Partner)
			}
		}
	}
	return out
}

// Block returns the block of the partner with the given id in the
// document of the given kind, or nil.
func (p Plan) Block(kind, partner string) *Block {
	if d := p.Document(kind); d != nil {
		for i := range d.Blocks {
			if d.Blocks[i].Partner == partner {
				return &d.Blocks[i]
			}
		}
	}
	return nil
}

// Carried reports whether the block's signature was given on an earlier
// version, whose text it signed this one keeps: the document then prints
// that signature instead of empty lines.
func (b Block) Carried(version int) bool {
	return b.Signature != nil && b.Signature.Version < version
}
