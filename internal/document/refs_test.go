package document_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/sampletest"
)

// TestIDHints: every standard section and clause, and every clause,
// section and schedule of the partnership's own, is marked with its id
// just before it; the hints are all the Markdown gains, and the
// agreement reference is taken without them.
func TestIDHints(t *testing.T) {
	tmpl := parse(t)
	q := current(t, "school-employer.yaml", "  replace:\n    general.insurance: Own cover.\n  insert:\n    - after: general.insurance\n      title: Minibus\n      text: Drivers hold a D1 licence.\n"+
		"    - after: mission\n      id: values\n      title: Values\n      text: We share.\n",
		top("clauses:\n  - title: Parking\n    text: Visitors park at the rear.\nschedules:\n  - title: Charges\n    text: None.\n")...)
	md, err := tmpl.Markdown(q, document.MOU, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"<!-- mou:id parties -->\n\n## 1. Parties",
		"<!-- mou:id values -->\n\n## 3. Values\n\n**3.1** We share.",
		"<!-- mou:id general.insurance -->\n\n**", // replaced, under its own id
		"<!-- mou:id insert.1 -->\n\n**",
		"<!-- mou:id clauses.1 -->\n\n## ",
		"<!-- mou:id schedules.1 -->\n\n## Schedule 1: Charges",
	} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the Markdown lacks %q", want)
		}
	}
	// Each hint is followed by the block it marks; the layout tree holds
	// the ids and no hint.
	tree := layout.Parse(md)
	ids := map[string]bool{}
	for c := tree.Root.FirstChild(); c != nil; c = c.NextSibling() {
		if id := layout.ID(c); id != "" {
			ids[id] = true
		}
	}
	for _, id := range regexp.MustCompile(`<!-- mou:id ([a-z0-9.-]+) -->`).FindAllStringSubmatch(string(md), -1) {
		if !ids[id[1]] {
			t.Errorf("no block has the id %s", id[1])
		}
	}
	if len(ids) < 40 {
		t.Errorf("only %d ids in the tree", len(ids))
	}
}

// top is the sample edit that adds keys at the top of a file.
func top(keys string) []string { return []string{"\nversion: 1\n", "\n" + keys + "version: 1\n"} }

// TestCrossReferences: a reference prints the number of what it names,
// before or after it in the text, and follows it when numbers move; a
// reference to a clause the document does not print is an error.
func TestCrossReferences(t *testing.T) {
	tmpl := parse(t)
	wording := "  insert:\n    - after: general.insurance\n      title: Claims\n      text: Claims follow [[general.insurance]], [[dissolution.notice]], section [[general]] and [[charges]].\n"
	schedules := top("schedules:\n  - id: charges\n    title: Charges\n    text: Payable under [[insert.1]].\n")
	q := current(t, "school-employer.yaml", wording, schedules...)
	md, err := tmpl.Markdown(q, document.MOU, "")
	if err != nil {
		t.Fatal(err)
	}
	text := string(document.StripHints(md))
	for _, want := range []string{
		"Claims follow 12.2, 15.1, section 12 and Schedule 1.",
		"Payable under 12.3.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the MOU lacks %q", want)
		}
	}
	if !strings.Contains(string(md), "12.2<!-- mou:ref general.insurance -->") {
		t.Error("the number is not marked as a reference")
	}
	ref, err := tmpl.Agreement(q)
	if err != nil {
		t.Fatal(err)
	}
	// A clause put in before them moves the numbers, and the text with them.
	moved := current(t, "school-employer.yaml", "  insert:\n    - after: general.health-and-safety\n      text: First aiders are named.\n"+strings.Replace(wording, "  insert:\n", "", 1), schedules...)
	md, err = tmpl.Markdown(moved, document.MOU, "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(document.StripHints(md)), "Claims follow 12.3, 15.1, section 12 and Schedule 1.") {
		t.Error("the references did not follow the clauses")
	}
	if again, _ := tmpl.Agreement(moved); again.Reference == ref.Reference {
		t.Error("new numbers in the text left the agreement reference as it was")
	}
	// A clause this partnership's answers leave out is not printed.
	absent := current(t, "school-employer.yaml", "  replace:\n    general.insurance: See [[governance.attendance]].\n")
	if _, err := tmpl.Markdown(absent, document.MOU, ""); err == nil || !strings.Contains(err.Error(), "[[governance.attendance]]") {
		t.Errorf("got %v, want an error naming the reference", err)
	}
}

// TestScheduleReferences: from edition 2026.3 a cross-reference to one
// of the partnership's own schedules prints its label as the schedules
// are numbered now, and the layout holds the number or letter as the
// reference, as Word updates it; edition 2026.2 prints the number alone,
// as it always did.
func TestScheduleReferences(t *testing.T) {
	tmpl := parse(t)
	sla := sampletest.Edit(t, "partnership-sla.yaml")
	for _, tc := range []struct{ numbering, want, ref string }{
		{"", "and Schedule 2 the Council", "2"},
		{"  schedule_numbering: Annex A\n", "and Annex B the Council", "B"},
		{"  schedule_numbering: Appendix 1\n", "and Appendix 2 the Council", "2"},
	} {
		src := strings.Replace(string(sla), "text: The Council may claim", "text: Under [[schedules.1]] and [[schedules.2]] the Council may claim", 1)
		q := onCurrent(t, []byte(src), "partnership-sla.yaml", tc.numbering)
		md, err := tmpl.Markdown(q, document.MOU, "")
		if err != nil {
			t.Fatal(err)
		}
		if text := string(document.StripHints(md)); !strings.Contains(text, tc.want) {
			t.Errorf("%q: the MOU lacks %q", tc.numbering, tc.want)
		}
		var refs []string
		tree := layout.Parse(md)
		_ = ast.Walk(tree.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if r, ok := n.(*layout.Reference); ok && entering && r.ID == "schedules.2" {
				refs = append(refs, string(r.FirstChild().(*ast.Text).Segment.Value(tree.Source)))
			}
			return ast.WalkContinue, nil
		})
		if len(refs) != 1 || refs[0] != tc.ref {
			t.Errorf("%q: the layout holds the references %q, want %q", tc.numbering, refs, tc.ref)
		}
	}
	old := sampletest.Load(t, "council-academy-sla.yaml", "text: The Council may claim", "text: Under Schedule [[schedules.2]] the Council may claim")
	md, err := tmpl.Markdown(old, document.MOU, "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(document.StripHints(md)), "Under Schedule 4 the Council may claim") {
		t.Error("edition 2026.2 no longer prints a schedule's number alone")
	}
}
