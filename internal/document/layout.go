package document

import (
	"strings"

	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/internal/questionnaire"
)

// Layout is what every renderer prints around the text of q's document of
// the given kind, in q's language: title, parties, version and date,
// reference, page numbers and, except on the notice of change, logos.
func Layout(q *questionnaire.Questionnaire, kind Kind, reference string, logos []layout.Logo) layout.Document {
	pack := locale.Get(q.Language)
	title := titleOf(q, kind, pack)
	d := layout.Document{
		Title:          title,
		Partnership:    string(q.Partnership.Name),
		Version:        q.Version,
		Issued:         pack.IssuedLabel(q.Version, q.Date.Time()),
		Date:           q.Date.Time(),
		Reference:      reference,
		ReferenceLabel: pack.ReferenceLabel(reference),
		Language:       pack.Tag,
		// The document's own title leads, as chosen under wording.
		Keywords:      strings.ToLower(title) + "; " + pack.Keywords + "; " + pack.Word("keyword", q.Partnership.Model),
		PagePattern:   pack.PagePattern,
		ContentsTitle: pack.Contents,
	}
	for _, p := range q.Partners {
		d.Parties = append(d.Parties, string(p.Name))
	}
	if kind != NoticeOfChange {
		d.Logos = logos
		if q.DocumentStage() == questionnaire.StageDraft {
			d.DraftMark, d.DraftNote = pack.DraftMark, pack.DraftNote
		}
	}
	return d
}
