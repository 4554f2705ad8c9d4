package questionnaire

import (
	"strings"
	"testing"

	"github.com/partnership-tools/mou/templates"
)

// TestOwnWords: from edition 2026.3 a partnership names things in its
// own words (titles, the defined term for the parties, section headings,
// its schedules' numbering), each checked as the name it is; an earlier
// edition, whose signed text never changes, takes the suggested titles
// only and is told how to move on.
func TestOwnWords(t *testing.T) {
	const open = "wording:\n  edition: \"2026.3\"\n"
	upgrade := `needs edition 2026.3 of the wording or later; name edition: "` + templates.Current + `" under wording ("mou wording upgrade" does it and shows what changes)`
	tests := []struct {
		name, wording string
		want          []string // every problem, as printed
	}{
		{"own titles and term", open + "  title: Partnership Service Level Agreement\n  code_title: The inGenious Code\n  parties_term: the Parties\n" +
			"  headings:\n    status: Status of this Agreement\n    general: Boilerplate\n  schedule_numbering: Annex A\n", nil},
		{"a term made of names", open + "  parties_term: the Council and the Academy\n", nil},
		{"a suggested title on an earlier edition", "wording:\n  edition: \"2026.2\"\n  title: Service Level Agreement\n  code_title: Code of Conduct\n", nil},
		{"own words on an earlier edition", "wording:\n  edition: \"2026.2\"\n  title: Partnership Service Level Agreement\n  parties_term: the Parties\n  headings:\n    status: Status\n  schedule_numbering: Annex A\n",
			[]string{
				`f.yaml:89:10: wording.title: a title of your own (not one of: Memorandum of Understanding, Partnership Agreement, Service Level Agreement) ` + upgrade,
				`f.yaml:90:17: wording.parties_term: a defined term for the parties ` + upgrade,
				`f.yaml:92:5: wording.headings: renaming headings ` + upgrade,
				`f.yaml:93:23: wording.schedule_numbering: numbering your own schedules ` + upgrade,
			}},
		{"names on one line, short, with words", open + "  title: |\n    Service Level\n    Agreement\n  code_title: \"" + strings.Repeat("Code ", 20) + "\"\n  parties_term: \"2 + 2\"\n",
			[]string{
				`f.yaml:89:10: wording.title: is a title, so it must be one line; write it on one line (a ">" or "|" block makes several)`,
				`f.yaml:92:15: wording.code_title: is 99 characters long; a title may be at most 80`,
				`f.yaml:93:17: wording.parties_term: "2 + 2" has no letter in it; a defined term is words`,
			}},
		// A term in quotation marks would get a second pair; one that
		// names a partner would call it and all the parties alike.
		{"a term in quotation marks", open + "  parties_term: “the Parties”\n",
			[]string{`f.yaml:89:17: wording.parties_term: "“the Parties”" is in quotation marks; write the term without them: the list of parties puts them round it where it defines it`}},
		{"a term that is a partner's name", open + "  parties_term: the  alpha school\n",
			[]string{`f.yaml:89:17: wording.parties_term: "the  alpha school" is the name of partners[0], so the text would call that partner and all the parties alike; choose another term, such as "the Parties"`}},
		{"a possessive term", open + "  parties_term: the Schools'\n", nil},
		{"headings by section id", open + "  omit: [dissolution]\n  headings:\n    misson: Purpose of agreement\n    general.insurance: Cover\n    dissolution: Ending\n    status: \"\"\n",
			[]string{
				`f.yaml:91:5: wording.headings.misson: unknown section id "misson" (did you mean "mission"?); "mou clauses" lists them`,
				`f.yaml:92:5: wording.headings.general.insurance: "general.insurance" is a clause, which has no heading; rename its section, "general"`,
				`f.yaml:93:5: wording.headings.dissolution: "dissolution" is left out by wording.omit, so it has no heading to rename`,
				`f.yaml:94:5: wording.headings.status: is empty; give a heading, or leave the key out`,
			}},
		{"own numbers and lists", open + "  insert:\n    - after: general.insurance\n      text: \"2.1 In this Agreement, words mean what they say.\"\n" +
			"    - after: general\n      title: Charges\n      text: |\n        - hall hire\n        - caretaker\n" +
			"    - after: general.insurance\n      text: \"1. first\"\n" +
			"    - after: general.insurance\n      title: Costs\n      text: |\n        | Item | Cost |\n        | --- | --- |\n" +
			"  replace:\n    general.confidentiality: |\n      3.4 - not a list once the number goes\n",
			[]string{
				`f.yaml:91:13: warning: wording.insert[0].text: starts with a number of its own, "2.1", which the documents leave out: mou numbers each clause itself`,
				`f.yaml:94:13: wording.insert[1].text: starts with a list or a table, so the clause's number would stand on a line of its own: begin with a sentence that introduces it`,
				`f.yaml:98:13: wording.insert[2].text: starts with a list or a table, so the clause's number would stand on a line of its own: begin with a sentence that introduces it, or give the clause a title`,
				// Without its number, the text starts with a list.
				`f.yaml:105:5: warning: wording.replace.general.confidentiality: starts with a number of its own, "3.4", which the documents leave out: mou numbers each clause itself`,
				`f.yaml:105:5: wording.replace.general.confidentiality: starts with a list or a table, so the clause's number would stand on a line of its own: begin with a sentence that introduces it`,
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantProblems(t, readMinimal(t)+tc.wording, tc.want)
		})
	}
	t.Run("a term that is a partner's short name", func(t *testing.T) {
		src := strings.Replace(readMinimal(t), "    name: Beta College\n", "    name: Beta College\n    short_name: the College\n", 1)
		wantProblems(t, src+open+"  parties_term: The College\n", []string{
			`f.yaml:90:17: wording.parties_term: "The College" is the short name of partners[1], so the text would call that partner and all the parties alike; choose another term, such as "the Parties"`,
		})
	})
}
