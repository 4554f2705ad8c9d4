package document_test

import (
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/sampletest"
	"github.com/partnership-tools/mou/templates"
)

// TestShortNamesDefinedInTheCode: the code of practice, which has no list
// of parties, defines the partners' short names on its title page before
// its text uses them, whether it is written beside the MOU or alone; the
// MOU's title page, part of the signed text, stays as it was.
func TestShortNamesDefinedInTheCode(t *testing.T) {
	tmpl := parse(t)
	company := []string{"    name: Hartwell Engineering Ltd\n", "    name: Hartwell Engineering Ltd\n    short_name: the Company\n"}
	academy := []string{"    name: Riverside Academy\n", "    name: Riverside Academy\n    short_name: the Academy\n"}
	tests := []struct {
		name      string
		edits     []string
		documents string
		between   string // the code's title page
		short     []string
	}{
		{"both documents", append(company, academy...), "",
			"between Riverside Academy (“the Academy”) and Hartwell Engineering Ltd (“the Company”)", []string{"the Academy", "the Company"}},
		{"the code alone", append(company, academy...), "documents: [code-of-practice]\n",
			"between Riverside Academy (“the Academy”) and Hartwell Engineering Ltd (“the Company”)", []string{"the Academy", "the Company"}},
		{"one short name", company, "documents: [code-of-practice]\n",
			"between Riverside Academy and Hartwell Engineering Ltd (“the Company”)", []string{"the Company"}},
		{"none", nil, "", "between Riverside Academy and Hartwell Engineering Ltd\n", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := string(sampletest.Edit(t, "school-employer.yaml", tc.edits...)) + "\n" + tc.documents + "wording:\n  edition: \"" + templates.Current + "\"\n"
			q, problems := questionnaire.Load("s.yaml", []byte(src), questionnaire.Options{ClauseIDs: document.ClauseIDs})
			if err := problems.Err(); err != nil {
				t.Fatal(err)
			}
			b, err := tmpl.Markdown(q, document.CodeOfPractice, "")
			if err != nil {
				t.Fatal(err)
			}
			md := string(b)
			if !strings.Contains(md, tc.between) {
				t.Errorf("the code's title page does not say %q:\n%s", tc.between, md[:min(len(md), 300)])
			}
			for _, s := range tc.short {
				def := strings.Index(md, "(“"+s+"”)")
				used := strings.Index(strings.ToLower(md), strings.ToLower(s))
				if def < 0 || used != def+len("(“") {
					t.Errorf("the code uses %q before it defines it", s)
					continue
				}
				if !strings.Contains(md[def:], upperFirst(s)+" will:") {
					t.Errorf("the code's commitments do not use the short name %q", s)
				}
			}
			if !q.Writes("mou") {
				return
			}
			b, err = tmpl.Markdown(q, document.MOU, "")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), "\nbetween Riverside Academy and Hartwell Engineering Ltd\n") {
				t.Error("the MOU's title page changed: its list of parties defines the short names")
			}
		})
	}
}

func upperFirst(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
