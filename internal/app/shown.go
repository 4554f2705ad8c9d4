package app

import (
	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/questionnaire"
)

// prepare gives q as its documents show it (see shown) with its
// agreement, whose reference is that of the whole questionnaire, a
// partner that has left included. Generate and the redline both start
// here, so that a redline marks the documents generate writes.
func prepare(t *document.Templates, q *questionnaire.Questionnaire) (*questionnaire.Questionnaire, document.Agreement, error) {
	a, err := t.Agreement(q)
	if err != nil {
		return nil, document.Agreement{}, err
	}
	return shown(q), a, nil
}
