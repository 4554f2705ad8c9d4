package app_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/output"
	"github.com/partnership-tools/mou/internal/pdftest"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/render/pdf"
	"github.com/partnership-tools/mou/internal/theme"
	"github.com/partnership-tools/mou/templates"
)

func newGenerator(t testing.TB) *app.Generator {
	t.Helper()
	g, err := app.New(app.Options{Templates: templates.FS, Theme: theme.Default()})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func loadSample(t testing.TB, path string) *questionnaire.Questionnaire {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	q, problems := questionnaire.Load(path, data, questionnaire.Options{Unprintable: pdf.Unprintable, Dir: filepath.Dir(path)})
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	return q
}

func samples(t testing.TB) []string {
	paths, _ := filepath.Glob("../../samples/*.yaml")
	if len(paths) < 4 {
		t.Fatalf("found %d samples, want at least 4", len(paths))
	}
	return paths
}

// TestSamplePDFs checks the real PDFs of every sample: valid, a sensible
// number of pages, the key content present, and each signatory's name on
// the same page as the signature line they sign on.
func TestSamplePDFs(t *testing.T) {
	g := newGenerator(t)
	for _, path := range samples(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			q := loadSample(t, path)
			res, err := g.Generate("", q, []string{"pdf"}, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if want := len(document.KindsFor(q)); len(documents(res)) != want {
				t.Fatalf("%d files, want %d: the documents the questionnaire asks for", len(documents(res)), want)
			}
			for _, f := range documents(res) {
				n := pdftest.Valid(t, f.Data)
				if n < 3 || n > 30 {
					t.Errorf("%s: %d pages", f.Name, n)
				}
				pages := pdftest.Pages(t, f.Data)
				if len(pages) != n {
					t.Fatalf("%s: pdftotext found %d pages, pdfcpu %d", f.Name, len(pages), n)
				}
				all := flatten(strings.Join(pages, "\n"))
				for _, want := range []string{
					flatten(string(q.Partnership.Name)),
					"Version " + itoa(q.Version) + " · " + q.Date.String(),
					"Agreement ref. " + res.Record.Reference,
					"Page 2 of " + itoa(n),
				} {
					if !strings.Contains(all, want) {
						t.Errorf("%s: text does not contain %q", f.Name, want)
					}
				}
				status := "not legally binding"
				switch {
				case q.Wording.Binding() && q.OwnWords():
					status = "intend this Agreement to be legally binding" // a defined term from 2026.3
				case q.Wording.Binding():
					status = "intend this agreement to be legally binding"
				}
				if strings.Contains(f.Name, "-mou-") && !strings.Contains(all, status) {
					t.Errorf("%s: no statement that the MOU is %s", f.Name, status)
				}
				for _, p := range q.Partners {
					// blocks may stand two to a row, their lines side by
					// side, so each is found by its signatory's name
					page := pageWith(pages, "Name: "+flatten(string(p.Signatory.Name)))
					heading := "for and on behalf of"
					if strings.Contains(f.Name, "code-of-practice") {
						heading = "Endorsed for"
					}
					if page < 0 {
						t.Errorf("%s: no signature block for %s", f.Name, p.Name)
						continue
					}
					text := flatten(pages[page])
					for _, want := range []string{heading, "Signed:", "Date:"} {
						if !strings.Contains(text, want) {
							t.Errorf("%s: %q is not on page %d with %s's signature block", f.Name, want, page+1, p.Name)
						}
					}
				}
				checkSigningFields(t, q, f.Name, f.Data, pages)
			}
		})
	}
}

var spaces = regexp.MustCompile(`\s+`)

// flatten folds runs of white space, so text wrapped across lines matches.
func flatten(s string) string { return spaces.ReplaceAllString(s, " ") }

func pageWith(pages []string, s string) int {
	for i, p := range pages {
		if strings.Contains(flatten(p), s) {
			return i
		}
	}
	return -1
}

func itoa(n int) string { return strconv.Itoa(n) }

// documents are the files generated, without the version record.
func documents(res app.Result) []output.File {
	var out []output.File
	for _, f := range res.Files {
		if !strings.HasSuffix(f.Name, ".json") {
			out = append(out, f)
		}
	}
	return out
}

// TestDeterministic generates every sample twice and compares the bytes.
func TestDeterministic(t *testing.T) {
	g := newGenerator(t)
	for _, path := range samples(t) {
		q := loadSample(t, path)
		a, err := g.Generate("", q, []string{"md", "pdf"}, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		b, err := newGenerator(t).Generate("", loadSample(t, path), []string{"md", "pdf"}, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i := range a.Files {
			if a.Files[i].Name != b.Files[i].Name || !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
				t.Errorf("%s: two runs differ", a.Files[i].Name)
			}
		}
	}
}

// TestFileNames checks the names and order of what is written.
func TestFileNames(t *testing.T) {
	q := loadSample(t, "../../samples/school-employer.yaml")
	q.Version = 3
	res, err := newGenerator(t).Generate("", q, []string{"md", "pdf"}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range res.Files {
		names = append(names, f.Name)
	}
	want := "riverside-hartwell-engineering-futures-mou-v3.md riverside-hartwell-engineering-futures-mou-v3.pdf " +
		"riverside-hartwell-engineering-futures-code-of-practice-v3.md riverside-hartwell-engineering-futures-code-of-practice-v3.pdf " +
		"riverside-hartwell-engineering-futures-record-v3.json"
	if strings.Join(names, " ") != want {
		t.Errorf("files %v", names)
	}
	if !bytes.Contains(res.Files[0].Data, []byte("Agreement ref. "+res.Record.Reference)) {
		t.Error("the MOU's title page does not carry the agreement reference")
	}
}

func TestParseFormats(t *testing.T) {
	for in, want := range map[string]string{"md,pdf": "md pdf", "PDF": "pdf", " md , ": "md", "docx,md": "docx md"} {
		got, err := app.ParseFormats(in)
		if err != nil || strings.Join(got, " ") != want {
			t.Errorf("ParseFormats(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "odt", "md,rtf"} {
		if _, err := app.ParseFormats(in); err == nil {
			t.Errorf("ParseFormats(%q) accepted", in)
		}
	}
}

// TestESign checks that --esign puts the service's tags in the text of
// every signature and endorsement page, one pair per partner.
func TestESign(t *testing.T) {
	g, err := app.New(app.Options{Templates: templates.FS, Theme: theme.Default(), ESign: pdf.ESignDocuSeal})
	if err != nil {
		t.Fatal(err)
	}
	q := loadSample(t, "../../samples/school-employer.yaml")
	res, err := g.Generate("", q, []string{"pdf"}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range documents(res) {
		text := pdftest.Text(t, f.Data)
		for i, p := range q.Partners {
			for tag, typ := range map[string]string{"Signature": "signature", "Date": "datenow"} {
				want := fmt.Sprintf("{{%s %d;type=%s;role=%s;", tag, i+1, typ, p.Name)
				if strings.Count(text, want) != 1 {
					t.Errorf("%s: %q appears %d times, want once", f.Name, want, strings.Count(text, want))
				}
			}
		}
	}
	if _, err := app.New(app.Options{Templates: templates.FS, Theme: theme.Default(), ESign: "adobe"}); err == nil {
		t.Error("an unknown service was accepted")
	}
}

// TestHTML checks the web page: answers are text, layout hints become
// elements, and there is one signature section per partner.
func TestHTML(t *testing.T) {
	q := loadSample(t, "../../internal/document/testdata/hostile.yaml")
	res, err := newGenerator(t).Generate("", q, []string{"html"}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(documents(res)) != 2 || !strings.HasSuffix(res.Files[0].Name, "-mou-v1.html") {
		t.Fatalf("%d files, first %s", len(res.Files), res.Files[0].Name)
	}
	page := string(res.Files[0].Data)
	for _, want := range []string{
		`<html lang="en-GB">`,
		"St Mary's &lt;b&gt;#1&lt;/b&gt; | *Stars* [x](y)",
		"# Heading? ~~no~~ `code` &amp;amp; &lt;!-- mou:pagebreak --&gt;",
		`<header class="title-page">`,
		`<div class="page-break"></div>`,
		"@media print",
		"Agreement ref. " + res.Record.Reference,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page does not contain %q", want)
		}
	}
	if n := strings.Count(page, `<section class="signature">`); n != len(q.Partners) {
		t.Errorf("%d signature sections, want %d", n, len(q.Partners))
	}
	if strings.Contains(page, "<!-- mou:") || strings.Contains(page, "<b>") {
		t.Error("a hint or an answer's markup leaked into the page")
	}
}

// TestTitleOfFile: the document a file holds is named by the words after
// the partnership's slug, whatever words of a document's name the slug
// holds itself ("Peer Review Partnership", "The MOU Group").
func TestTitleOfFile(t *testing.T) {
	for name, want := range map[string]string{
		"peer-review-partnership-mou-v1.pdf":             "Memorandum of Understanding",
		"peer-review-partnership-code-of-practice-v2.md": "Code of Practice",
		"the-mou-group-notice-of-change-v2.pdf":          "Notice of Change to Key Contacts",
		"mou-review-group-review-2027-07-15.html":        "Review Record",
		"riverside-joining-agreement-hillside-v3.md":     "Joining Agreement",
		"riverside-record-v2.json":                       "",
		"riverside.ics":                                  "",
	} {
		if got := app.TitleOfFile(nil, name); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}
