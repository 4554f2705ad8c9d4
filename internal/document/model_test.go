package document_test

import (
	"testing"

	"github.com/partnership-tools/mou/internal/document"
)

// TestUniversityModelNamesThePartners: a university's partnership with a
// sixth-form college is not called a university–school partnership; one
// with a school still is.
func TestUniversityModelNamesThePartners(t *testing.T) {
	tmpl := parse(t)
	for _, tc := range []struct {
		name  string
		edits []string
		want  string
		not   []string
	}{
		{"with a school", nil, "It is a university–school partnership", []string{"university–college"}},
		{"with a college", []string{"    kind: school\n", "    kind: college\n", `    urn: "`, `    # urn: "`},
			"It is a university–college partnership", []string{"university–school"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			md, err := tmpl.Markdown(current(t, "university-school.yaml", "", tc.edits...), document.MOU, "")
			if err != nil {
				t.Fatal(err)
			}
			says(t, string(md), []string{tc.want}, tc.not)
		})
	}
}
