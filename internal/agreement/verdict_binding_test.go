package agreement_test

import (
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/agreement"
)

// TestJoinBindingVerdict: when a partner joins a legally binding
// agreement, the verdict says every existing partner signs the joining
// agreement; otherwise, and when no one joins, no other partner signs.
func TestJoinBindingVerdict(t *testing.T) {
	const everyone = "Every existing partner signs the joining agreement too, as the agreement is legally binding; send version 2"
	prev := &agreement.Record{Version: 1, Reference: "AAAA-BBBB"}
	same := &agreement.Record{Version: 2, Reference: "AAAA-BBBB"}
	for _, tc := range []struct {
		name         string
		binding      bool
		joined, left []string
		want, refuse string
	}{
		{"binding, one joins", true, []string{"Hillside"}, nil, everyone, "No other partner signs"},
		{"not binding, one joins", false, []string{"Hillside"}, nil, "No other partner signs; send version 2", everyone},
		{"binding, one leaves", true, nil, []string{"Millbrook"}, "No other partner signs; send version 2", everyone},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := agreement.Compare(prev, same)
			v.AllAgree, v.Joined, v.Left = tc.binding && len(tc.joined) > 0, tc.joined, tc.left
			got := say(t, v, memorandum)
			if !strings.Contains(got, tc.want) || strings.Contains(got, tc.refuse) {
				t.Errorf("the verdict\n%s\nshould say %q and not %q", got, tc.want, tc.refuse)
			}
		})
	}
}
