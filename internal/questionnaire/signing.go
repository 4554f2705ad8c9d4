package questionnaire

import "github.com/partnership-tools/mou/internal/signingtag"

// checkSigningTag refuses an answer that could make a signing-service
// text tag ({{…}}): two braces together, even with spaces or characters
// that cannot be seen between them, or a brace at either end, which
// beside the text printed next to the answer could make two together.
// A signing service that reads the PDF's text would turn such a tag into
// a signing field wherever it is printed, so an answer could forge a
// signature place.
func (d *decoder) checkSigningTag(path, s string) {
	if _, ok := signingtag.Find(s); ok {
		d.add(d.pos[path], path, "two braces together ({{ or }}) are read by signing services (DocuSeal, Documenso) as part of a signing-field tag, even with spaces or characters that cannot be seen between them; remove a brace")
		return
	}
	start, end := signingtag.Edge(s)
	if start {
		d.add(d.pos[path], path, "starts with a brace, which beside the text printed before it could make two braces together, read by signing services (DocuSeal, Documenso) as a signing-field tag; remove the brace or put a word before it")
	}
	if end {
		d.add(d.pos[path], path, "ends with a brace, which beside the text printed after it could make two braces together, read by signing services (DocuSeal, Documenso) as a signing-field tag; remove the brace or put a word after it")
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
