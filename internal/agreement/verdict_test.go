package agreement

import (
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/document"
)

// TestVerdictNamesTheDocuments: the verdict speaks of the document the
// partnership has, not of a memorandum it does not have.
func TestVerdictNamesTheDocuments(t *testing.T) {
	prev := &Record{Version: 1, Reference: "AAAA-BBBB", Contacts: []Contact{{Partner: "a", Kind: "lead", Name: "A"}}}
	moved := &Record{Version: 2, Reference: "AAAA-BBBB", Contacts: []Contact{{Partner: "a", Kind: "lead", Name: "B"}}}
	same := &Record{Version: 2, Reference: "AAAA-BBBB", Contacts: prev.Contacts}
	code := document.Names{Agreement: "code of conduct", Short: "code of conduct", Contacts: "the key contacts section of the code of conduct"}
	title := document.Names{Agreement: "partnership agreement", Short: "partnership agreement", Contacts: "Schedule 1"}
	tests := []struct {
		name         string
		cur          *Record
		names        document.Names
		joined, left []string
		want, refuse []string
	}{
		{"contacts, memorandum", moved, document.Names{}, nil, nil, []string{"Send the notice of change and Schedule 1 to all partners"}, nil},
		{"contacts, code alone", moved, code, nil, nil, []string{"Send the notice of change to all partners"}, []string{"Schedule", "memorandum"}},
		{"joins, memorandum", same, document.Names{}, []string{"X"}, nil,
			[]string{"binds it to the signed memorandum; send it version 2 of the memorandum with it", "send version 2 and its Schedule 1"}, nil},
		{"joins, own title", same, title, []string{"X"}, nil,
			[]string{"binds it to the signed partnership agreement; send it version 2 of the partnership agreement with it"}, []string{"memorandum"}},
		{"leaves, code alone", same, code, nil, []string{"X"},
			[]string{"send version 2 of the code of conduct to all partners"}, []string{"Schedule", "memorandum"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := Compare(prev, tc.cur)
			v.Names, v.Joined, v.Left = tc.names, tc.joined, tc.left
			got := v.String()
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
	prev := &Record{Version: 1, Reference: "AAAA-BBBB"}
	same := &Record{Version: 2, Reference: "AAAA-BBBB"}
	changed := &Record{Version: 2, Reference: "CCCC-DDDD"}
	sections := []string{"Title page", "1. Parties", "6. Roles and leads"}
	tests := []struct {
		name      string
		cur       *Record
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
			v := Compare(prev, tc.cur)
			v.Left, v.Withdrawn = tc.left, tc.withdrawn
			if got := v.String(); !strings.Contains(got, tc.want) {
				t.Errorf("the verdict\n%s\ndoes not say\n%s", got, tc.want)
			}
		})
	}
}
