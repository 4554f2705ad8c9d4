package questionnaire

import "strings"

// signingTag reports whether s holds a signing-service text tag: text
// between double braces, as in DocuSeal's {{Sig;type=signature;role=A}}
// and Documenso's {{signature, r1}}. A signing service that reads the
// PDF's text would turn such an answer into a signing field wherever it
// is printed, so an answer could forge a signature place.
func signingTag(s string) bool {
	open := strings.Index(s, "{{")
	return open >= 0 && strings.Contains(s[open+2:], "}}")
}

// checkSigningTag refuses an answer holding a signing-service tag.
func (d *decoder) checkSigningTag(path, s string) {
	if signingTag(s) {
		d.add(d.pos[path], path, "text between double braces {{…}} is read by signing services (DocuSeal, Documenso) as a signing-field tag; remove the braces")
	}
}

// Stages of a document: a draft for discussion, or final, for signature.
const (
	StageDraft = "draft"
	StageFinal = "final"
)

// DocumentStage is the stage the documents are printed at: the stage the
// questionnaire gives; else final once any signature is recorded, since
// the partners have then moved past discussing a draft; else a draft.
func (q *Questionnaire) DocumentStage() string {
	switch {
	case q.Stage != "":
		return q.Stage
	case len(q.Signatures) > 0:
		return StageFinal
	}
	return StageDraft
}

// Counterparts reports whether each partner signs its own copy of the
// signature page ("signing: counterparts") rather than all signing one.
func (q *Questionnaire) Counterparts() bool { return q.Signing == "counterparts" }
