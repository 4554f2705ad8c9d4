package app

import (
	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/templates"
)

// Clause is one standard section or clause, as "mou clauses" lists it.
type Clause struct {
	document.StandardClause
	// Omitted and Replaced say what the questionnaire chose, when one
	// was given.
	Omitted, Replaced bool
}

// Clauses lists the standard sections and clauses of the current edition
// of the wording or, given a questionnaire file, of its edition, with
// each clause's text as it reads for that partnership (templatesDir as
// given to generate).
func Clauses(file, templatesDir string) (edition string, out []Clause, err error) {
	if file == "" {
		for _, c := range document.StandardClauses(templates.Current) {
			out = append(out, Clause{StandardClause: c})
		}
		return templates.Current, out, nil
	}
	q, _, err := LoadValid(file)
	if err != nil {
		return "", nil, err
	}
	t, err := parseTemplates(templatesDir)
	if err != nil {
		return "", nil, err
	}
	return clausesOf(q, t)
}

// Clauses lists the standard sections and clauses of q's edition of the
// wording, marked as q chooses, as the function Clauses does for a file,
// in the generator's templates. When q is not valid, each clause's text
// is left as the edition writes it, with each answer shown as its key in
// brackets.
func (g *Generator) Clauses(q *questionnaire.Questionnaire, valid bool) (edition string, out []Clause, err error) {
	if !valid {
		return clausesOf(q, nil)
	}
	return clausesOf(q, g.templates)
}

// clausesOf lists the standard clauses of q's edition in the documents q
// has, each with its text
// for q in the templates t, or as the edition writes it for a nil t.
func clausesOf(q *questionnaire.Questionnaire, t *document.Templates) (edition string, out []Clause, err error) {
	edition = q.Wording.Edition
	if edition == "" {
		edition = templates.Unstated
	}
	for _, c := range document.StandardClauses(edition) {
		if !q.Writes(c.Document) {
			continue // a document this partnership does not have
		}
		if c.Text != "" && t != nil {
			if c.Text, err = t.ClauseText(q, c.ID); err != nil {
				return "", nil, err
			}
		}
		// A section renamed by the partnership is listed by its name.
		if h, ok := q.Wording.Headings[questionnaire.SectionOf(c.ID)]; ok {
			c.Section = string(h)
		}
		_, replaced := q.Wording.Replace[c.ID]
		out = append(out, Clause{StandardClause: c, Omitted: q.Wording.Omitted(c.ID), Replaced: replaced})
	}
	return edition, out, nil
}
