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
		{"headings by section id", open + "  omit: [dissolution]\n  headings:\n    misson: Purpose of agreement\n    general.insurance: Cover\n    dissolution: Ending\n    status: \"\"\n",
			[]string{
				`f.yaml:91:5: wording.headings.misson: unknown section id "misson" (did you mean "mission"?); "mou clauses" lists them`,
				`f.yaml:92:5: wording.headings.general.insurance: "general.insurance" is a clause, which has no heading; rename its section, "general"`,
				`f.yaml:93:5: wording.headings.dissolution: "dissolution" is left out by wording.omit, so it has no heading to rename`,
				`f.yaml:94:5: wording.headings.status: is empty; give a heading, or leave the key out`,
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantProblems(t, readMinimal(t)+tc.wording, tc.want)
		})
	}
}
