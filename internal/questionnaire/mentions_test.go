package questionnaire

import (
	"strings"
	"testing"
)

// TestMentions finds the free-text answers that name a partner, and none
// of the partner's own entry or the records.
func TestMentions(t *testing.T) {
	q := &Questionnaire{
		Partners: []Partner{{ID: "mill", Name: "Millbrook Academy"}},
		Aims:     []Text{"Share teaching.", "Millbrook Academy hosts the network."},
		History:  []Amendment{{Change: "Millbrook Academy joined"}},
	}
	q.DataProtection.Controllers = "Millbrook administers the shared drive."
	q.CodeOfPractice.Protocols = []Clause{{Title: "Drive", Text: "Ask the Academy."}}
	tests := []struct {
		words []string
		want  []string
	}{
		{[]string{"Millbrook Academy"}, []string{"aims[1]"}},
		{[]string{"Millbrook Academy", "Millbrook", "the Academy"}, []string{"aims[1]", "data_protection.controllers", "code_of_practice.protocols[0].text"}},
		{[]string{"mill"}, nil},
		{[]string{""}, nil},
	}
	for _, tc := range tests {
		if got := q.Mentions(tc.words...); strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("Mentions(%q) = %q, want %q", tc.words, got, tc.want)
		}
	}
}
