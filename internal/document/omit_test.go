package document_test

import (
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/templates"
)

// refersTo lists, for the ids other wording refers to, the phrases that
// must not remain once that id is left out.
var refersTo = map[string][]string{
	"aims":            {"these aims", "its aims", "its targets"},
	"aims.aims":       {"these aims", "its aims"},
	"aims.objectives": {"its targets", "aims and targets"},
	"roles":           {"these roles"},
	"roles.leads":     {"these roles"},
	"dissolution":     {"under “Dissolution”", "as set out under"},
	"contacts":        {"this list", "the contact list"},
	"contacts.list":   {"this list", "the contact list"},
}

// TestOmitLeavesNoDanglingReference leaves out each standard clause and
// section in turn, with both documents and with each alone, and checks
// that no remaining text refers to what was left out: the phrases in
// refersTo, a section's title in quotes, and, in a code of practice
// written alone, the memorandum's Schedule 1.
func TestOmitLeavesNoDanglingReference(t *testing.T) {
	tmpl := parse(t)
	known := map[string]bool{}
	for _, c := range document.StandardClauses(templates.Current) {
		known[c.ID] = true
		if c.ID == "parties" {
			continue // it cannot be left out
		}
		for _, documents := range []string{"", "documents: [" + c.Document + "]\n"} {
			t.Run(c.ID+"/"+strings.TrimSpace(documents), func(t *testing.T) {
				// With no end date, the term runs until the partnership is dissolved.
				q := current(t, "school-employer.yaml", "  omit: ["+c.ID+"]\n"+documents, "  end: 2028-08-31\n", "")
				not := refersTo[c.ID]
				if questionnaire.IsSection(c.ID) {
					not = append(not, "“"+c.Section+"”")
				}
				if !q.Writes("mou") {
					not = append(not, "Schedule 1", "memorandum")
				}
				for _, kind := range document.KindsFor(q) {
					b, err := tmpl.Markdown(q, kind, "")
					if err != nil {
						t.Fatal(err)
					}
					md := string(b)
					for _, phrase := range not {
						if i := strings.Index(md, phrase); i >= 0 {
							t.Errorf("the %s still says %q: …%s…", kind.Name, phrase, md[max(0, i-80):min(len(md), i+80)])
						}
					}
					if kind == document.MOU {
						checkNumbering(t, md)
					}
				}
			})
		}
	}
	for id := range refersTo {
		if !known[id] {
			t.Errorf("refersTo names %q, which is not a clause or section id", id)
		}
	}
}
