package schema

// Help for editors, in the keywords that yaml-language-server (and VS
// Code's JSON language service, on which it is built) reads beyond
// draft-07: patternErrorMessage says in words what a pattern wants,
// enumDescriptions explains each allowed word as it is offered, and
// defaultSnippets offers a whole new item to fill in. Validators that do
// not know these keywords ignore them. format "email" is draft-07's own.

import (
	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/templates"
	"sync"
)

// languageDescriptions describes each language the documents can be
// written in, as its locale pack does.
func languageDescriptions() map[string]string {
	d := map[string]string{}
	for _, tag := range questionnaire.Languages() {
		d[tag] = locale.Get(tag).Description
	}
	return d
}

// editionDescriptions describes each edition of the wording, in the list
// package templates keeps.
func editionDescriptions() map[string]string {
	d := map[string]string{}
	for _, e := range templates.Editions {
		switch e {
		case templates.Unstated:
			d[e] = "The first edition: the wording of every partnership signed before editions were named."
		case templates.Current:
			d[e] = "The current edition, which mou init writes."
		default:
			d[e] = "An earlier edition, kept word for word for the partnerships that signed it."
		}
	}
	return d
}

// Messages shown instead of a pattern when an answer does not match it.
const (
	dateMessage    = "Use YYYY-MM-DD, such as 2026-09-01."
	periodMessage  = "Use a number and a unit (days, weeks, months or years), such as \"3 months\"; not terms, which differ in length."
	moneyMessage   = "Use an amount in pounds, such as 1500, 1500.50 or \"£1,500\"."
	presentMessage = "Write an answer here: a blank answer counts as missing."
	idMessage      = "Use a short word of lower-case letters, digits and hyphens, such as \"riverside\"."
	urnMessage     = "Use the school's six-digit unique reference number, in quotes, such as \"123456\"."
)

// idPattern is the form of an id, as "mou validate" checks it: a letter
// or digit, then up to 31 more letters, digits and hyphens.
const idPattern = `[a-z0-9][a-z0-9-]{0,31}`

// A textForm is the form of a text answer that has one, such as an id.
type textForm struct {
	pattern, message string
	// min and max bound the answer when it is written as a bare whole
	// number, which YAML reads as a number.
	min, max int
}

// textForms gives, by YAML path, the text answers with a form. The
// validator checks the same forms (check.go and ids.go in
// internal/questionnaire); TestPatternsAgreeWithDecoder compares them.
var textForms = sync.OnceValue(func() map[string]textForm {
	return map[string]textForm{
		"partnership.id":  {idPattern, idMessage, 0, maxInt},
		"partners[].id":   {idPattern, idMessage, 0, maxInt},
		"objectives[].id": {idPattern, idMessage, 0, maxInt},
		"partners[].urn":  {`\d{6}`, urnMessage, 100000, 999999},
	}
})

// enumDescriptions explains each allowed word, by YAML path, in the
// order of the words in the questionnaire's enum tags.
var enumDescriptions = sync.OnceValue(func() map[string]map[string]string {
	return map[string]map[string]string{
		"language":        languageDescriptions(),
		"wording.edition": editionDescriptions(),
		"wording.status": {
			"non-binding": "A statement of intent: the partners' commitments are not enforceable in law.",
			"binding":     "A contract: the text says so and is governed by the law of England and Wales.",
		},
		"wording.nation": {
			"england": "Names Keeping Children Safe in Education, the Department for Education's statutory guidance.",
			"wales":   "Names Keeping Learners Safe, the Welsh Government's statutory guidance.",
		},
		"wording.schedule_numbering": {
			"Schedule 1": "Your schedules are Schedule 1, Schedule 2 and so on; the contact list and the amendment record follow them.",
			"Schedule A": "Your schedules are Schedule A, Schedule B and so on; the contact list and the amendment record follow them.",
			"Annex 1":    "Your schedules are Annex 1, Annex 2 and so on; the contact list and the amendment record follow them.",
			"Annex A":    "Your schedules are Annex A, Annex B and so on; the contact list and the amendment record follow them.",
			"Appendix 1": "Your schedules are Appendix 1, Appendix 2 and so on; the contact list and the amendment record follow them.",
			"Appendix A": "Your schedules are Appendix A, Appendix B and so on; the contact list and the amendment record follow them.",
		},
		"documents[]": {
			"mou":              "The memorandum of understanding, for signature.",
			"code-of-practice": "The code of practice, endorsed by each partner.",
		},
		"partnership.type": {
			"formal":   "A written agreement with goals the partners sign up to; a signed MOU usually means formal.",
			"informal": "A shared purpose agreed by word, without binding commitments.",
		},
		"partnership.level": {
			"networking":    "The partners share ideas and information, and commit little else.",
			"coordination":  "The partners line up their own work towards one goal.",
			"cooperation":   "The partners commit staff, resources or premises to set programmes.",
			"collaboration": "A formal, lasting commitment to tackle large shared challenges, such as attainment.",
		},
		"partnership.model": {
			"bilateral":        "Two partners working together.",
			"hub-and-spoke":    "A lead school at the centre, working with a handful of others around it.",
			"broad-area":       "Several partners across an area, working as equals.",
			"formal-structure": "A sponsor, such as a trust, with partner schools under a formal structure.",
			"employer":         "A school and an employer, such as for careers or work experience.",
			"university":       "A school and a university, such as for outreach or widening participation.",
		},
		"partnership.review_cycle": {
			"termly":          "Reviewed every term, three times a year.",
			"twice-yearly":    "Reviewed twice a year.",
			"annually":        "Reviewed once a year.",
			"every-two-years": "Reviewed once every two years.",
		},
		"partners[].kind": {
			"school":          "A school: primary, secondary, special or all-through.",
			"college":         "A further education or sixth-form college.",
			"university":      "A university or other higher education provider.",
			"trust":           "A multi-academy trust.",
			"employer":        "A business or other employer.",
			"charity":         "A charity or voluntary organisation.",
			"local-authority": "A local council.",
			"other":           "Any other kind of organisation.",
		},
		"stage": {
			"draft": "A draft for discussion: every page is marked DRAFT.",
			"final": "The text the partners sign, without the draft marks.",
		},
		"signing": {
			"together":     "Every partner signs the same signature pages.",
			"counterparts": "Each partner signs its own signature page; the signed copies together form one agreement.",
		},
		"signatures[].document": {
			"mou":                  "The memorandum of understanding, or the agreement under the title the partnership chose.",
			"code-of-practice":     "The code of practice, endorsed beside the memorandum or signed as the only document.",
			"notice-of-change":     "The notice of change to key contacts, signed by the partner that sends it.",
			"joining-agreement":    "The joining agreement, signed by the partner joining and by those that accept or agree to it.",
			"notice-of-withdrawal": "The notice of withdrawal, signed by the partner that sends it.",
			"review":               "The record of a review meeting, signed for the partner that chairs it.",
		},
	}
})

// suggestionDescriptions explains each answer a field suggests (see
// questionnaire.Suggestions), by YAML path: any other answer is allowed.
var suggestionDescriptions = sync.OnceValue(func() map[string]map[string]string {
	return map[string]map[string]string{
		"wording.title": {
			"Memorandum of Understanding": "The usual title for a statement of how the partners will work together.",
			"Partnership Agreement":       "A title for an agreement the partners treat as a commitment.",
			"Service Level Agreement":     "A title for an agreement in which one partner provides a service to another.",
		},
		"wording.code_title": {
			"Code of Practice": "How the partners work together day to day.",
			"Code of Conduct":  "How the people taking part, such as volunteers, are expected to behave.",
		},
		"wording.parties_term": {
			"the partners": "The standard term, as the text says it when no other is chosen.",
			"the Parties":  "The term a contract usually uses, each of them a Party.",
		},
	}
})

// suggest offers the answers a field suggests, as examples (JSON
// Schema's own keyword) and as snippets that editors show with what each
// means. The answer is not limited to them.
func suggest(s *object, path string, words []string) {
	if len(words) == 0 {
		return
	}
	examples := make([]any, len(words))
	offers := make([]snippet, len(words))
	for i, w := range words {
		examples[i] = w
		offers[i] = snippet{Label: w, Description: suggestionDescriptions()[path][w], Body: w}
	}
	s.set("examples", examples).set("defaultSnippets", offers)
}

// noAnswer describes the empty answer an optional list of words allows.
const noAnswer = "No answer."

// snippet is one entry of defaultSnippets: an item an editor offers to
// insert whole. In the body, ${1:text} is the first place to fill in,
// with text in it until it is replaced; the Tab key moves to the next.
type snippet struct {
	Label       string `json:"label"`
	Description string `json:"description"`
	Body        any    `json:"body"`
}

// snippets gives, by YAML path, the new items an editor offers.
var snippets = sync.OnceValue(func() map[string][]snippet {
	return map[string][]snippet{
		"partners[]": {{
			Label:       "New partner",
			Description: "An institution in the partnership, with its lead and the person who signs for it.",
			Body: new(object).
				set("id", "${1:partner-id}").
				set("name", "${2:Full name of the institution}").
				set("kind", "${3:school}").
				set("lead", new(object).
					set("name", "${4:Name of the lead}").
					set("role", "${5:Role, such as Careers Leader}").
					set("email", "${6:partnerships@school.example.org}")).
				set("signatory", new(object).
					set("name", "${7:Name of the signatory}").
					set("position", "${8:Headteacher}")),
		}},
		"objectives[]": {{
			Label:       "New objective",
			Description: "A SMART objective: what, how it is measured, the target, the date and who owns it.",
			Body: new(object).
				set("id", "${1:objective-id}").
				set("objective", "${2:What will change, and for whom}").
				set("measure", "${3:The evidence that shows it happened}").
				set("target", "${4:The result that counts as success, with a number}").
				set("by", "${5:2027-07-16}").
				set("owner", "${6:partner-id}"),
		}},
		"activities[]": {{
			Label:       "New activity",
			Description: "A planned activity: what it is, who leads it and when it happens.",
			Body: new(object).
				set("title", "${1:Short name of the activity}").
				set("description", "${2:What happens, in a sentence or two}").
				set("lead", "${3:partner-id}").
				set("when", "${4:How often and when, such as weekly in the spring term}"),
		}},
	}
})
