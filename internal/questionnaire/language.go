package questionnaire

import (
	"strings"

	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/templates"
)

// Languages lists the languages the documents can be written in: those
// with a locale pack and templates.
func Languages() []string {
	var out []string
	for _, tag := range templates.Languages() {
		if locale.Get(tag) != nil {
			out = append(out, tag)
		}
	}
	return out
}

// checkLanguage refuses a language with no templates for the file's
// edition of the wording, which would print its words around another
// language's text. A language that is not known at all is the enum
// check's to report.
func checkLanguage(d *decoder, q *Questionnaire) {
	tag, edition := q.Language, q.Wording.Edition
	if edition == "" {
		edition = templates.Unstated
	}
	if tag == "" || locale.Get(tag) == nil || !templates.IsEdition(edition) || templates.HasEdition(tag, edition) {
		return
	}
	has := templates.LanguageEditions(tag)
	msg := "the documents in %s are written only with edition %s of the wording, and this file is on %s"
	if len(has) > 1 {
		msg = "the documents in %s are written only with editions %s of the wording, and this file is on %s"
	}
	if len(has) > 0 && has[len(has)-1] == templates.Current {
		msg += ": \"mou wording upgrade\" moves it to " + templates.Current + " and shows what changes"
	}
	d.add(d.at("language"), "language", msg+"; or remove language: to write the documents in %s", tag, strings.Join(has, ", "), edition, templates.Default)
}
