package app_test

import (
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/theme"
	"github.com/partnership-tools/mou/templates"
)

// TestPublicPageSigned checks the "signed on" lines of the public web
// page: one for each partner whose signature covers this version's
// agreement reference, in the partners' order, dated in British style;
// none on the code of practice, and no signatures section at all when
// nobody has signed.
func TestPublicPageSigned(t *testing.T) {
	g, err := app.New(app.Options{Templates: templates.FS, Theme: theme.Default(), Public: true})
	if err != nil {
		t.Fatal(err)
	}
	base := loadSample(t, "../../samples/school-employer.yaml")
	base.Version = 2
	first, err := g.Generate("", base, []string{"md"}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ref := first.Record.Reference
	on := func(day int) questionnaire.Date { return questionnaire.NewDate(2026, 10, day) }
	riverside := "Signed for Riverside Academy on 3 October 2026 by Dr Amara Okafor"
	hartwell := "Signed for Hartwell Engineering Ltd on 5 October 2026 by Tom Hartwell"
	for _, tc := range []struct {
		name       string
		signatures []questionnaire.Signature
		want       []string // in this order
		not        []string
	}{
		{"none", nil, nil, []string{"Signed for", "Signatures</h2>"}},
		{"both on this version", []questionnaire.Signature{
			{Version: 2, Partner: "hartwell", By: "Tom Hartwell", Date: on(5), Reference: ref},
			{Version: 2, Partner: "riverside", By: "Dr Amara Okafor", Date: on(3), Reference: ref},
		}, []string{"Signatures</h2>", "<li>" + riverside + "</li>", "<li>" + hartwell + "</li>"}, nil},
		{"one on an earlier version of the same agreement", []questionnaire.Signature{
			{Version: 1, Partner: "riverside", By: "Dr Amara Okafor", Date: on(3), Reference: ref},
		}, []string{riverside}, []string{"Signed for Hartwell"}},
		{"another agreement's signature does not count", []questionnaire.Signature{
			{Version: 1, Partner: "riverside", By: "Dr Amara Okafor", Date: on(3), Reference: "AAAA-BBBB"},
			{Version: 2, Partner: "hartwell", By: "Tom\nHartwell", Date: on(5)},
		}, []string{hartwell}, []string{"Signed for Riverside"}},
		{"no reference counts for its own version only", []questionnaire.Signature{
			{Version: 1, Partner: "hartwell", By: "Tom Hartwell", Date: on(5)},
		}, nil, []string{"Signed for", "Signatures</h2>"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := *base
			q.Signatures = tc.signatures
			res, err := g.Generate("", &q, []string{"html"}, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if res.Record.Reference != ref {
				t.Fatalf("recording signatures changed the reference from %s to %s", ref, res.Record.Reference)
			}
			for _, f := range documents(res) {
				page := string(f.Data)
				if !strings.Contains(f.Name, "-mou-") {
					if strings.Contains(page, "Signed for") {
						t.Errorf("%s has signed lines; only the MOU is signed", f.Name)
					}
					continue
				}
				at := 0
				for _, w := range tc.want {
					i := strings.Index(page[at:], w)
					if i < 0 {
						t.Errorf("%s: no %q (in this place)", f.Name, w)
						continue
					}
					at += i
				}
				for _, n := range tc.not {
					if strings.Contains(page, n) {
						t.Errorf("%s has %q", f.Name, n)
					}
				}
			}
		})
	}
}
