package document_test

import (
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/sampletest"
)

// TestAlterationJoiningLeaving: on the current edition the alteration
// section says how a partner joins and leaves without the others signing
// again; the partnership's own answer on joining takes the place of the
// standard sentence rather than sitting beside it; edition 2026.1 is
// unchanged.
func TestAlterationJoiningLeaving(t *testing.T) {
	const (
		rule    = "Any other change is made by a new version of this memorandum, signed by every partner and recorded in Schedule 2.\n\n"
		joining = "A new partner joins by signing a joining agreement, by which it accepts this memorandum from the day it joins."
		leaving = "A partner leaves by written notice of withdrawal, as set out in section 15. Neither a partner joining nor one leaving needs the other partners to sign this memorandum again"
		answer  = "  joining: A school may join if the board agrees.\n"
	)
	tmpl := parse(t)
	for _, tc := range []struct {
		name, wording string
		edits         []string
		want, not     []string
	}{
		{"standard", "", nil, []string{rule + "**14.3** " + joining + "\n\n**14.4** " + leaving}, []string{"New partners:"}},
		{"the answer replaces the standard joining sentence", "", []string{"alteration:\n", "alteration:\n" + answer},
			[]string{rule + "**14.3** New partners: A school may join if the board agrees.\n\n**14.4** " + leaving}, []string{joining}},
		{"no dissolution section to point to", "  omit: [dissolution]\n", nil,
			[]string{"**14.4** A partner leaves by written notice of withdrawal. Neither"}, []string{"Dissolution"}},
		{"the leaving clause replaced", "  replace:\n    alteration.leaving: Nobody leaves.\n", nil,
			[]string{"**14.3** " + joining + "\n\n**14.4** Nobody leaves.\n\n## 15. Dissolution"}, []string{leaving}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := current(t, "school-employer.yaml", tc.wording, tc.edits...)
			md, err := tmpl.Markdown(q, document.MOU, "")
			if err != nil {
				t.Fatal(err)
			}
			says(t, string(document.StripHints(md)), tc.want, tc.not)
			checkNumbering(t, string(document.StripHints(md)))
		})
	}

	// A binding agreement: adding a party varies the contract, so every
	// existing partner agrees in writing; one leaving, it goes on between
	// the others, however many there are, and ends when one would be left.
	bound := "  status: binding\n  title: Partnership Agreement\n"
	noAnswer := []string{"  joining: After a term as an observer", "  # joining: After a term as an observer"}
	const bindingJoin = "A new partner may join only with the written agreement of every existing partner, given by each of them signing the joining agreement"
	for _, tc := range []struct {
		name, sample, wording string
		edits                 []string
		want, not             []string
	}{
		{"binding, two partners", "school-employer.yaml", bound, nil,
			[]string{bindingJoin, "A partner leaves by written notice of withdrawal, as set out in section 15, and this Agreement then continues between the others, who need not sign it again: the new version that records the change is not an alteration of what they signed. If only one partner would remain, the notice ends this Agreement instead."},
			[]string{joining, "Neither a partner joining", "only two partners"}},
		{"binding, two partners, no dissolution section", "school-employer.yaml", bound + "  omit: [dissolution]\n", nil,
			[]string{"A partner leaves by written notice of withdrawal, and this Agreement then continues"}, []string{"Dissolution"}},
		{"binding, five partners", "hub-and-spoke.yaml", bound, noAnswer,
			[]string{bindingJoin, "as set out in section 15, and this Agreement then continues between the others, who need not sign it again"},
			[]string{joining, "Neither a partner joining", "only two partners"}},
		{"not binding, five partners", "hub-and-spoke.yaml", "", noAnswer,
			[]string{joining, leaving}, []string{bindingJoin, "only two partners"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			md, err := tmpl.Markdown(current(t, tc.sample, tc.wording, tc.edits...), document.MOU, "")
			if err != nil {
				t.Fatal(err)
			}
			says(t, string(md), tc.want, tc.not)
		})
	}

	// Edition 2026.1 is frozen: no word of it changes.
	q := sampletest.Load(t, "school-employer.yaml", "alteration:\n", "alteration:\n"+answer)
	md, err := tmpl.Markdown(q, document.MOU, "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "New partners: A school may join if the board agrees.\n\n**14.3** A change to the people named in Schedule 1") || strings.Contains(string(md), "A partner leaves by written notice") {
		t.Errorf("edition 2026.1's alteration section changed:\n%s", md)
	}
}

// says fails unless the MOU md contains every string of want and none of not.
func says(t *testing.T, md string, want, not []string) {
	t.Helper()
	md = string(document.StripHints([]byte(md))) // the text as it reads
	for _, w := range want {
		if !strings.Contains(md, w) {
			t.Errorf("the MOU does not contain %q", w)
		}
	}
	for _, w := range not {
		if strings.Contains(md, w) {
			t.Errorf("the MOU contains %q", w)
		}
	}
}
