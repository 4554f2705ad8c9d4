package document_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/sampletest"
	"github.com/partnership-tools/mou/internal/signing"
)

// TestOutline: the outline a document records as it is written is the
// document's own: every numbered section and clause the Markdown holds,
// in order, with the ids of the standard ones, none of what the wording
// leaves out, the partnership's own clauses without an id, and the
// schedules.
func TestOutline(t *testing.T) {
	tmpl := parse(t)
	q := current(t, "hub-and-spoke.yaml", "  omit: [dissolution, governance.disputes]\n  insert:\n    - {after: finance, title: Minibus, text: Only staff with a D1 licence drive it.}\n")
	w, err := tmpl.Write(q, document.MOU, document.Input{Reference: "AAAA-BBBB", Plan: signing.New(q, signing.Facts{})})
	if err != nil {
		t.Fatal(err)
	}
	o := w.Outline
	// The outline holds the Markdown's headings and clause numbers, in order.
	var headings, clauses []string
	for _, m := range regexp.MustCompile(`(?m)^## (\d+\. .*)$`).FindAllStringSubmatch(string(w.Markdown), -1) {
		headings = append(headings, m[1])
	}
	for _, m := range regexp.MustCompile(`(?m)^\*\*(\d+\.\d+)[ *]`).FindAllStringSubmatch(string(w.Markdown), -1) {
		clauses = append(clauses, m[1])
	}
	var gotHeadings, gotClauses []string
	for _, s := range o.Sections {
		gotHeadings = append(gotHeadings, strconv.Itoa(s.Number)+". "+s.Title)
		for _, c := range s.Clauses {
			gotClauses = append(gotClauses, c.Number)
		}
	}
	if strings.Join(gotHeadings, "|") != strings.Join(headings, "|") {
		t.Errorf("sections\n%q\nwant\n%q", gotHeadings, headings)
	}
	if strings.Join(gotClauses, "|") != strings.Join(clauses, "|") {
		t.Errorf("clauses\n%q\nwant\n%q", gotClauses, clauses)
	}
	for id, want := range map[string]bool{"parties": true, "governance": true, "governance.meetings": true, "governance.disputes": false,
		"dissolution": false, "dissolution.notice": false, "monitoring.review": true, "aims.objectives": true} {
		if o.Has(id) != want {
			t.Errorf("Has(%q) = %v, want %v", id, !want, want)
		}
	}
	var own []string
	for _, s := range o.Sections {
		if s.ID == "" {
			own = append(own, s.Title)
		}
	}
	if strings.Join(own, "|") != "Minibus|Signatures" {
		t.Errorf("sections without an id %q, want the partnership's own and the signatures", own)
	}
	if s := o.Schedule("Schedule 1"); s == nil || s.Title != "Key contacts" || o.Schedule("Schedule 2") == nil || o.Schedule("Schedule 3") != nil {
		t.Errorf("schedules %+v", o.Schedules)
	}

	// The first edition has no ids: it holds every clause it has.
	first := sampletest.Load(t, "hub-and-spoke.yaml")
	w, err = tmpl.Write(first, document.MOU, document.Input{Plan: signing.New(first, signing.Facts{})})
	if err != nil {
		t.Fatal(err)
	}
	if !w.Outline.Has("dissolution.notice") || len(w.Outline.Sections) < 10 {
		t.Errorf("the first edition's outline: %+v", w.Outline.Sections)
	}
}
