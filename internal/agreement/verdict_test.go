package agreement_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/partnership-tools/mou/internal/agreement"
	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/sampletest"
	"github.com/partnership-tools/mou/templates"
)

var (
	parseOnce sync.Once
	parsed    *document.Templates
)

// say says the verdict v on the sample called name, in its language.
func say(t *testing.T, v agreement.Verdict, name string) string {
	t.Helper()
	parseOnce.Do(func() {
		var err error
		if parsed, err = document.ParseTemplates(templates.FS); err != nil {
			t.Fatal(err)
		}
	})
	out, err := v.Say(parsed, sampletest.Load(t, name), "")
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The samples whose documents the verdicts below speak of.
const (
	memorandum = "school-employer.yaml"            // a memorandum of understanding
	codeAlone  = "volunteer-code-of-conduct.yaml"  // a code of conduct, alone
	ownTitle   = "model-partnership-contract.yaml" // a partnership agreement
)

// TestVerdictNamesTheDocuments: the verdict speaks of the document the
// partnership has, not of a memorandum it does not have.
func TestVerdictNamesTheDocuments(t *testing.T) {
	prev := &agreement.Record{Version: 1, Reference: "AAAA-BBBB", Contacts: []agreement.Contact{{Partner: "a", Kind: "lead", Name: "A"}}}
	moved := &agreement.Record{Version: 2, Reference: "AAAA-BBBB", Contacts: []agreement.Contact{{Partner: "a", Kind: "lead", Name: "B"}}}
	same := &agreement.Record{Version: 2, Reference: "AAAA-BBBB", Contacts: prev.Contacts}
	const code, title = codeAlone, ownTitle
	tests := []struct {
		name         string
		cur          *agreement.Record
		sample       string
		joined, left []string
		want, refuse []string
	}{
		{"contacts, memorandum", moved, memorandum, nil, nil, []string{"Send the notice of change and Schedule 1 to all partners"}, nil},
		{"contacts, code alone", moved, code, nil, nil, []string{"Send the notice of change to all partners"}, []string{"Schedule", "memorandum"}},
		{"joins, memorandum", same, memorandum, []string{"X"}, nil,
			// A memorandum that is not legally binding is accepted, not binding.
			[]string{"by which it accepts the signed memorandum; send it version 2 of the memorandum with it", "send version 2 and its Schedule 1"}, []string{"binds"}},
		{"joins, own title (binding)", same, title, []string{"X"}, nil,
			[]string{"binds it to the signed partnership agreement; send it version 2 of the partnership agreement with it"}, []string{"memorandum"}},
		{"leaves, code alone", same, code, nil, []string{"X"},
			[]string{"send version 2 of the code of conduct to all partners"}, []string{"Schedule", "memorandum"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := agreement.Compare(prev, tc.cur)
			v.Joined, v.Left = tc.joined, tc.left
			got := say(t, v, tc.sample)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("the verdict does not say %q:\n%s", w, got)
				}
			}
			for _, r := range tc.refuse {
				if strings.Contains(got, r) {
					t.Errorf("the verdict says %q:\n%s", r, got)
				}
			}
		})
	}
}

// TestWithdrawalWords: the verdict names the sections a withdrawal takes
// partners out of, and says that they do not sign a new version.
func TestWithdrawalWords(t *testing.T) {
	prev := &agreement.Record{Version: 1, Reference: "AAAA-BBBB"}
	same := &agreement.Record{Version: 2, Reference: "AAAA-BBBB"}
	changed := &agreement.Record{Version: 2, Reference: "CCCC-DDDD"}
	sections := []string{"Title page", "1. Parties", "6. Roles and leads"}
	tests := []struct {
		name      string
		cur       *agreement.Record
		left      []string
		withdrawn []string
		want      string
	}{
		{"one leaves, the agreement stands", same, []string{"Millbrook Academy"}, sections,
			" Millbrook Academy's withdrawal removes it from the title page and sections 1 (Parties) and 6 (Roles and leads) by that notice. No other partner signs"},
		{"one leaves, the text changed", changed, []string{"Millbrook Academy"}, sections[1:2],
			" Millbrook Academy's withdrawal removes it from section 1 (Parties) by that notice; it does not sign version 2."},
		{"two leave", changed, []string{"A", "B"}, sections[1:],
			" The withdrawal of A and B removes them from sections 1 (Parties) and 6 (Roles and leads) by that notice; they do not sign version 2."},
		{"nothing removed", same, []string{"A"}, nil, "goes to every partner. No other partner signs"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := agreement.Compare(prev, tc.cur)
			v.Left, v.Withdrawn = tc.left, tc.withdrawn
			if got := say(t, v, memorandum); !strings.Contains(got, tc.want) {
				t.Errorf("the verdict\n%s\ndoes not say\n%s", got, tc.want)
			}
		})
	}
}
