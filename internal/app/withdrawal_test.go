package app_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/sampletest"
)

// TestWithdrawalVerdict: diff and generate give one verdict, which names
// every section of the signed text the redline marks, either as changed
// (which every partner signs again) or as what a partner's withdrawal
// removes it from (which its notice covers), and says that the leaver
// does not sign.
func TestWithdrawalVerdict(t *testing.T) {
	tests := []struct {
		name       string
		leave      app.Leave
		stands     bool
		changed    string // the sections the signed text changed in
		withdrawal string // what the verdict says of the withdrawal
		signing    string // and of signing
	}{
		{"its work handed on", app.Leave{Partner: "millbrook", Effective: "2026-12-31", Given: "2026-09-01", ReassignTo: "oakhurst"}, false,
			"sections 4 (Aims and objectives) and 5 (Activities)",
			"Millbrook Academy's withdrawal removes it from the title page and sections 1 (Parties), 6 (Roles and leads), 9 (Finance) and 16 (Signatures) by ",
			"that notice; it does not sign version 2."},
		{"nothing to hand on", app.Leave{Partner: "st-aidans", Effective: "2026-12-31", Given: "2026-09-01"}, true, "",
			"St Aidan's Church of England Primary School's withdrawal removes it from the title page and sections 1 (Parties), 5 (Activities), 6 (Roles and leads), 9 (Finance) and 16 (Signatures) by ",
			"that notice. No other partner signs"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			old := filepath.Join(sampletest.Dir, "hub-and-spoke.yaml")
			new := copied(t, old)
			if _, err := tc.leave.Record(new); err != nil {
				t.Fatal(err)
			}
			docx := filepath.Join(t.TempDir(), "redline.docx")
			r, err := app.DiffRedline(old, new, "", docx)
			if err != nil {
				t.Fatal(err)
			}
			if r.Stands != tc.stands {
				t.Errorf("stands = %v, want %v", r.Stands, tc.stands)
			}
			if tc.changed != "" && !strings.Contains(r.Verdict, "changed since version 1 in "+tc.changed+" (") {
				t.Errorf("diff's verdict %q does not say it changed in %s", r.Verdict, tc.changed)
			}
			if want := tc.withdrawal + tc.signing; !strings.Contains(r.Verdict, want) {
				t.Errorf("diff's verdict:\n%s\ndoes not say:\n%s", r.Verdict, want)
			}
			named := append(slices.Clone(r.Sections), r.Withdrawn...)
			marked, _, _ := marked(t, docx)
			for _, s := range marked {
				if strings.HasPrefix(s, "Schedule 1:") || strings.HasPrefix(s, "Schedule 2:") {
					continue // the schedules reissued without signatures
				}
				if !slices.Contains(named, s) {
					t.Errorf("the redline marks %s, which the verdict does not name (it names %q)", s, named)
				}
			}

			g := newGenerator(t)
			first, err := g.Generate(old, loadSample(t, old), []string{"md"}, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			sameVerdict(t, g, new, first.Record, r.Verdict)
		})
	}
}
