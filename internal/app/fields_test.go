package app_test

import (
	"testing"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/pdftest"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/theme"
	"github.com/partnership-tools/mou/templates"
)

// checkSigningFields checks a sample's PDF with qpdf: sound, with a
// signature field and a date field named after each partner on the page
// of that partner's signature block.
func checkSigningFields(t *testing.T, q *questionnaire.Questionnaire, name string, data []byte, pages []string) {
	t.Helper()
	pdftest.Check(t, data)
	fields := map[string]pdftest.Field{}
	for _, fl := range pdftest.Fields(t, data) {
		fields[fl.Name] = fl
	}
	if len(fields) != 2*len(q.Partners) {
		t.Errorf("%s: %d fields, want 2 for each of %d partners", name, len(fields), len(q.Partners))
	}
	for _, p := range q.Partners {
		page := pageWith(pages, "Name: "+flatten(string(p.Signatory.Name))) + 1
		for field, typ := range map[string]string{"signature." + p.ID: "/Sig", "date." + p.ID: "/Tx"} {
			fl, ok := fields[field]
			switch {
			case !ok:
				t.Errorf("%s: no field %s", name, field)
			case fl.Type != typ || fl.Page != page:
				t.Errorf("%s: %s is a %s field on page %d, want %s on page %d", name, field, fl.Type, fl.Page, typ, page)
			}
		}
	}
}

// TestSerifSamples checks every sample's PDFs in the serif family as
// TestSamplePDFs does in the default one: sound, with their signing fields.
func TestSerifSamples(t *testing.T) {
	serif := theme.Default()
	serif.Font = theme.Serif
	g, err := app.New(app.Options{Templates: templates.FS, Theme: serif})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range samples(t) {
		q := loadSample(t, path)
		res, err := g.Generate("", q, []string{"pdf"}, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range documents(res) {
			pdftest.Valid(t, f.Data)
			checkSigningFields(t, q, f.Name, f.Data, pdftest.Pages(t, f.Data))
		}
	}
}
