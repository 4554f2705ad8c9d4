package app_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/sampletest"
)

// TestJoinSignersNote: join tells who signs the joining agreement, which
// in a legally binding agreement is every existing partner as well.
func TestJoinSignersNote(t *testing.T) {
	for _, tc := range []struct{ sample, want string }{
		{"hub-and-spoke.yaml", "Hillside Primary School signs the joining agreement of version 2, and Severnside High School signs it too, to accept it for the partnership; the other partners do not sign again."},
		{"model-partnership-contract.yaml", "Hillside Primary School and every existing partner sign the joining agreement of version 2, as the agreement is legally binding."},
	} {
		t.Run(tc.sample, func(t *testing.T) {
			file := copied(t, filepath.Join(sampletest.Dir, tc.sample))
			res, err := app.Join{Partner: "hillside", Name: "Hillside Primary School", Kind: "school", Lead: "Grace Obi",
				Title: "Deputy Headteacher", Email: "g.obi@hillside.example.org", Position: "Headteacher", Effective: "2027-09-01", DryRun: true}.Record(file)
			if err != nil {
				t.Fatal(err)
			}
			var notes []string
			for _, n := range res.Notes {
				notes = append(notes, n.String())
			}
			if !strings.Contains(strings.Join(notes, "\n"), tc.want) {
				t.Errorf("the notes do not say %q:\n%s", tc.want, strings.Join(notes, "\n"))
			}
		})
	}
}

// TestJoinWarnsOfABodyThatCannotContract: joining a binding agreement
// under the name of a school, which cannot make a contract, gets the
// warning validate gives, by the field the name came from; a body that
// can contract, or a memorandum that binds nobody, gets none.
func TestJoinWarnsOfABodyThatCannotContract(t *testing.T) {
	const warning = "does not look like a body that can make a contract"
	for _, tc := range []struct {
		sample, name string
		warns        bool
	}{
		{"model-partnership-contract.yaml", "Hillside Primary School", true},
		{"model-partnership-contract.yaml", "Hillside Academy Trust", false},
		{"hub-and-spoke.yaml", "Hillside Primary School", false},
	} {
		file := copied(t, filepath.Join(sampletest.Dir, tc.sample))
		res, err := app.Join{Partner: "hillside", Name: tc.name, Kind: "school", Lead: "Grace Obi",
			Title: "Deputy Headteacher", Email: "g.obi@hillside.example.org", Position: "Headteacher", Effective: "2027-09-01", DryRun: true}.Record(file)
		if err != nil {
			t.Fatal(err)
		}
		var said string
		for _, n := range res.Notes {
			if strings.Contains(n.String(), warning) {
				said = n.Describe(func(f app.Field) string { return "--" + string(f) })
			}
		}
		if tc.warns != (said != "") {
			t.Errorf("%s, %s: warned %q, want a warning: %v", tc.sample, tc.name, said, tc.warns)
		}
		if tc.warns && !strings.HasPrefix(said, "--name: \""+tc.name+"\" "+warning) {
			t.Errorf("the warning is %q", said)
		}
	}
}
