package change_test

import (
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/change"
	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/sampletest"
	"github.com/partnership-tools/mou/templates"
)

// TestCompareSigningKeys checks how diff reports the signing keys: a place
// of signing is a Schedule 1 change, like the signatory; the stage
// changes no text; counterparts change the signatures section.
func TestCompareSigningKeys(t *testing.T) {
	tmpl, err := document.ParseTemplates(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		edits  []string
		stands bool
		change string
	}{
		{"place", []string{"position: Managing Director", "position: Managing Director\n      place: Avonmouth"}, true,
			"Schedule 1: signatory for Hartwell Engineering Ltd: Tom Hartwell, Managing Director → Tom Hartwell, Managing Director, signing at Avonmouth (from 1 September 2026)"},
		{"stage", []string{"version: 1", "stage: final\nversion: 1"}, true, `Draft marks: stage: added "final"`},
		{"counterparts", []string{"version: 1", "signing: counterparts\nversion: 1"}, false, `Signatures: signing: added "counterparts"`},
	}
	base := sampletest.Load(t, "school-employer.yaml")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := change.Compare(tmpl, base, sampletest.Load(t, "school-employer.yaml", tc.edits...))
			if err != nil {
				t.Fatal(err)
			}
			if r.Stands != tc.stands {
				t.Errorf("stands = %v, want %v (%s)", r.Stands, tc.stands, r.Verdict)
			}
			if len(r.Changes) != 1 || r.Changes[0].Description != tc.change {
				var got []string
				for _, c := range r.Changes {
					got = append(got, c.Description)
				}
				t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), tc.change)
			}
		})
	}
}
