package serve

import (
	"regexp"
	"slices"
	"sync"

	"github.com/partnership-tools/mou/internal/questionnaire"
)

// answerPath matches an answer's place in the file as a problem's words
// may name it: "finance.money_changes_hands", "partners[1].lead".
var answerPath = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)+\b`) })

// question returns the question that asks the answer at path, or nil.
func (st *state) question(path string) *control {
	for _, blocks := range st.pages {
		if i := slices.IndexFunc(controls(blocks), func(c *control) bool { return c.Name == path }); i >= 0 {
			return controls(blocks)[i]
		}
	}
	return nil
}

// inWords names each answer a message names by its place in the file as
// the interview asks it: "finance.money_changes_hands is false" becomes
// "“Does money change hands between the partners?” is false". A place
// no question asks stays as it is, for a text editor.
func (st *state) inWords(msg string) string {
	return answerPath().ReplaceAllStringFunc(msg, func(path string) string {
		if c := st.question(path); c != nil {
			return "“" + c.Full + "”"
		}
		return path
	})
}

// problemsInWords is problems with their words as inWords gives them.
func (st *state) problemsInWords(problems questionnaire.Problems) questionnaire.Problems {
	out := slices.Clone(problems)
	for i := range out {
		out[i].Message = st.inWords(out[i].Message)
	}
	return out
}

// atQuestion is a problem about an answer that no field of a form gives,
// named as its question is and linking to it, or as the file has it
// when no question asks it.
func (st *state) atQuestion(p questionnaire.Problem) summaryLine {
	c := st.question(p.Path)
	if c == nil {
		return summaryLine{Message: p.String()}
	}
	title := ""
	for _, sc := range screens {
		if sc.Slug == c.Screen {
			title = sc.Title
		}
	}
	return summaryLine{Message: c.Full + " (" + title + "): " + st.inWords(p.Message), Href: "/part/" + c.Screen + "#" + c.ID}
}

// signedCommand matches the end of a note that says which command
// records a signature on a document other than the agreement.
var signedCommand = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`; record (each|it) with mou signed --document ([a-z-]+)\.$`)
})

// formWords says a note's command as the form the note is shown on: the
// form that records a signature, with its choice of document.
func formWords(note string, cs []*control) string {
	m := signedCommand().FindStringSubmatch(note)
	if m == nil {
		return note
	}
	document := m[2]
	for _, c := range cs {
		for _, o := range c.Options {
			if c.Name == "document" && o.Value == m[2] {
				document = "“" + o.Label + "”"
			}
		}
	}
	return note[:len(note)-len(m[0])] + "; record " + m[1] + " here, choosing " + document + " as the document signed."
}
