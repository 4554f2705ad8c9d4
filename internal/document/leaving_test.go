package document_test

import (
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/mdtext"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/signing"
	"github.com/partnership-tools/mou/templates"
)

// clauseText returns the text of the clause id in md, as it reads, or ""
// when md has none.
func clauseText(md, id string) string {
	_, after, ok := strings.Cut(md, "<!-- mou:id "+id+" -->\n\n")
	if !ok {
		return ""
	}
	text, _, _ := strings.Cut(after, "\n\n")
	return string(document.StripHints([]byte(text)))
}

// TestLeavingClauseReadsTheSameWhoeverJoins: the text the partners sign
// leaves out a partner that joins later, so the clause on leaving must
// read the same in the version a partner joins as in the one they
// signed; otherwise the printed agreement changes under their signatures
// while its reference and the joining agreement say it does not. With two
// signatories the clause used to say "As there are only two Parties…", and
// the version with a third said something else. A memorandum that is not
// legally binding never says the joining agreement binds the newcomer.
func TestLeavingClauseReadsTheSameWhoeverJoins(t *testing.T) {
	tmpl := parse(t)
	for _, tc := range []struct {
		sample  string
		upgrade bool // to the current edition; the first sample is on it
		want    string
	}{
		{"partnership-sla.yaml", false, "A Party leaves by written notice of withdrawal, as set out in section 15, and this Agreement then continues between the others, who need not sign it again: the new version that records the change is not an alteration of what they signed. If only one Party would remain, the notice ends this Agreement instead."},
		{"school-employer.yaml", true, "If only one partner would remain, the notice ends this memorandum instead."},
	} {
		t.Run(tc.sample, func(t *testing.T) {
			q := load(t, "../../samples/"+tc.sample)
			if tc.upgrade {
				q = current(t, tc.sample, "")
			}
			signed, err := tmpl.Markdown(q, document.MOU, "")
			if err != nil {
				t.Fatal(err)
			}
			joined := *q
			newcomer := q.Partners[1]
			newcomer.ID, newcomer.Name, newcomer.ShortName, newcomer.Joined = "newcomer", mdtext.Text("Newcomer Academy Trust"), "", q.Date.AddDays(60)
			joined.Partners = append(append([]questionnaire.Partner(nil), q.Partners...), newcomer)
			joined.Version, joined.Date = q.Version+1, newcomer.Joined
			later, err := tmpl.Markdown(&joined, document.MOU, "")
			if err != nil {
				t.Fatal(err)
			}
			before, after := clauseText(string(signed), "alteration.leaving"), clauseText(string(later), "alteration.leaving")
			if before == "" || before != after {
				t.Errorf("the clause on leaving reads, as signed:\n%s\nand once a partner joins:\n%s", before, after)
			}
			if !strings.Contains(before, tc.want) {
				t.Errorf("the clause on leaving does not say %q:\n%s", tc.want, before)
			}
			// A memorandum that is not legally binding never says that
			// anything binds the partner that joins.
			if text := string(later); strings.Contains(text, "not legally binding") && strings.Contains(text, "binds") {
				t.Errorf("a memorandum that is not legally binding says \"binds\":\n%s", text)
			}
		})
	}
}

// TestDissolutionIsReferredToByNumber: edition 2026.3 lets a partnership
// rename its sections, so a clause that pointed to “Dissolution” by its
// heading pointed to nothing once it was called “Termination”; it now
// names the section by its number, which follows the section wherever it
// is. The notice of withdrawal, a document of its own, names the section
// by the heading the agreement gives it. "mou clauses" shows the
// reference as a partnership writes one.
func TestDissolutionIsReferredToByNumber(t *testing.T) {
	tmpl := parse(t)
	q := current(t, "school-employer.yaml", "  headings:\n    dissolution: Termination\n", "  end: 2028-08-31\n", "")
	md, err := tmpl.Markdown(q, document.MOU, "")
	if err != nil {
		t.Fatal(err)
	}
	says(t, string(md), []string{"## 15. Termination",
		"**13.1** This memorandum takes effect on 1 September 2026 and continues until it is ended as set out in section 15.",
		"**14.4** A partner leaves by written notice of withdrawal, as set out in section 15. Neither"}, []string{"Dissolution"})

	leaver := q.Partners[1]
	leaver.Left = q.Date.AddDays(120)
	w, err := tmpl.Write(q, document.NoticeOfWithdrawal, document.Input{Reference: "ABCD-EFGH",
		Plan: signing.New(q, signing.Facts{Reference: "ABCD-EFGH"}), Life: &document.Life{Members: []questionnaire.Partner{leaver}}})
	if err != nil {
		t.Fatal(err)
	}
	if notice := string(w.Markdown); !strings.Contains(notice, "The memorandum's arrangements under “Termination” for shared resources") || strings.Contains(notice, "Dissolution") {
		t.Errorf("the notice of withdrawal does not name the section by its heading:\n%s", notice)
	}

	for _, c := range document.StandardClauses(templates.Current) {
		if strings.Contains(c.Text, "<!--") {
			t.Errorf("mou clauses shows %s as %q", c.ID, c.Text)
		}
		if c.ID == "alteration.leaving" && !strings.Contains(c.Text, "as set out in section [[dissolution]]") {
			t.Errorf("mou clauses shows %s as %q", c.ID, c.Text)
		}
	}
}
