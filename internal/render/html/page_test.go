package html_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/render/html"
	"github.com/partnership-tools/mou/templates"
)

const sample = "../../../samples/school-employer.yaml"

// pages generates the sample's web pages with o into a new folder and
// returns their paths: the MOU first, then the code of practice.
func pages(t *testing.T, o app.Options) []string {
	t.Helper()
	theme, _ := app.LoadTheme("")
	if o.Theme.Paper != "" {
		theme.Paper = o.Theme.Paper
	}
	o.Theme, o.Templates = theme, templates.FS
	g, err := app.New(o)
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	b := &app.Batch{Generator: g, Formats: []string{"html"}, OutDir: out}
	if r := b.Run(sample); r.Err != nil {
		t.Fatal(r.Err)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*.html"))
	if len(files) != 2 {
		t.Fatalf("%d pages, want 2", len(files))
	}
	return []string{files[1], files[0]} // the MOU, then the code of practice
}

func read(t *testing.T, path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestPublicPage checks what a public page holds and leaves out.
func TestPublicPage(t *testing.T) {
	people := []string{"Jane Smith", "j.smith@riverside.example.org", "education@hartwell.example.org", "Signed:", "Schedule 1: Key contacts", "Schedule 2: Amendment record"}
	full := pages(t, app.Options{})
	public := pages(t, app.Options{Public: true})
	for i, kind := range []string{"MOU", "code of practice"} {
		f, p := read(t, full[i]), read(t, public[i])
		for _, s := range people {
			if strings.Contains(p, s) {
				t.Errorf("the public %s holds %q", kind, s)
			}
		}
		for _, s := range []string{`<img src="data:image/png;base64,`, `<img src="data:image/jpeg;base64,`, "Riverside Academy"} {
			if !strings.Contains(p, s) {
				t.Errorf("the public %s lacks %q", kind, s)
			}
		}
		if !strings.Contains(f, "Signed:") && !strings.Contains(f, "Endorsed") {
			t.Errorf("the full %s lost its signature blocks", kind)
		}
	}
	if !strings.Contains(read(t, public[0]), "Mission") {
		t.Error("the public MOU lost its text")
	}
}

// TestPrintRules checks the paper size and page numbers in the print
// stylesheet, and that a fragment is the content alone.
func TestPrintRules(t *testing.T) {
	a4 := read(t, pages(t, app.Options{})[0])
	if !strings.Contains(a4, "@page { size: A4;") || !strings.Contains(a4, `@bottom-center { content: "Page " counter(page) " of " counter(pages);`) {
		t.Error("the A4 page lacks its size or page numbers")
	}
	o := app.Options{}
	o.Theme.Paper = "Letter"
	if p := read(t, pages(t, o)[0]); !strings.Contains(p, "@page { size: letter;") {
		t.Error("--paper letter does not reach the print stylesheet")
	}
	frag := read(t, pages(t, app.Options{Fragment: true, Public: true})[0])
	if strings.Contains(frag, "<html") || strings.Contains(frag, "<head>") || strings.Contains(frag, "<style") || !strings.HasPrefix(frag, `<article class="mou" lang="en-GB">`) {
		t.Errorf("the fragment is more than the content:\n%.300s", frag)
	}
}

// TestSignedLines puts the "signed on" lines where signatures are
// recorded, in place of the blocks, and leaves the section out otherwise.
func TestSignedLines(t *testing.T) {
	md := "## 1. Aims\n\nTo learn.\n\n## 2. Signatures\n\nSigned for each partner.\n\n<!-- mou:signature -->\n\nSigned: ____\n\nName: Jane Smith\n\n<!-- mou:end-signature -->\n\n<!-- mou:signature -->\n\nSigned: ____\n\n<!-- mou:end-signature -->\n\n<!-- mou:end-agreement -->\n\n## Schedule 1\n\nJane\n"
	tree := layout.Parse([]byte(md))
	tests := []struct {
		name    string
		signed  []string
		want    []string
		wantNot []string
	}{
		{"none recorded", nil, []string{"To learn."}, []string{"Signatures", "Signed", "Jane", "Schedule"}},
		{"recorded", []string{"Signed for Riverside Academy on 1 September 2026", "Signed for Hartwell & Co on 2 September 2026"},
			[]string{"2. Signatures", "<li>Signed for Riverside Academy on 1 September 2026</li>\n<li>Signed for Hartwell &amp; Co on 2 September 2026</li>"},
			[]string{"Signed for each partner", "Signed: ", "Jane", "Schedule"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			r, err := html.New(html.Options{Public: true, Fragment: true})
			if err != nil {
				t.Fatal(err)
			}
			if err := r.Render(&buf, tree, layout.Document{Language: "en-GB", Signed: tc.signed}); err != nil {
				t.Fatal(err)
			}
			got := buf.String()
			for _, s := range tc.want {
				if !strings.Contains(got, s) {
					t.Errorf("lacks %q:\n%s", s, got)
				}
			}
			for _, s := range tc.wantNot {
				if strings.Contains(got, s) {
					t.Errorf("holds %q:\n%s", s, got)
				}
			}
			if strings.Count(got, "<ul class=\"signed\">") > 1 {
				t.Error("the signed lines are written more than once")
			}
		})
	}
}

// TestCheckers runs html-validate and axe-core (in jsdom) on every kind
// of page: both must find nothing. They come from the npm registry; set
// MOU_HTML_TOOLS to a folder where they are installed (.ci/run does).
func TestCheckers(t *testing.T) {
	tools := os.Getenv("MOU_HTML_TOOLS")
	if tools == "" {
		t.Skip("MOU_HTML_TOOLS is not set: install html-validate, axe-core and jsdom with npm in a folder and name it there (.ci/run does)")
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not installed")
	}
	var files []string
	letter := app.Options{Public: true}
	letter.Theme.Paper = "Letter"
	for _, o := range []app.Options{{}, {Public: true}, letter} {
		files = append(files, pages(t, o)...)
	}
	// A fragment is checked as a website would show it: inside a page.
	host := t.TempDir()
	for i, f := range pages(t, app.Options{Public: true, Fragment: true}) {
		page := `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>School website</title></head><body><main>` + read(t, f) + "</main></body></html>\n"
		path := filepath.Join(host, []string{"mou.html", "code.html"}[i])
		os.WriteFile(path, []byte(page), 0o644)
		files = append(files, path)
	}
	validate := exec.Command(filepath.Join(tools, "node_modules", ".bin", "html-validate"), files...)
	if out, err := validate.CombinedOutput(); err != nil {
		t.Errorf("html-validate: %v\n%s", err, out)
	}
	axe, _ := filepath.Abs("testdata/axe.js")
	run := exec.Command("node", append([]string{axe}, files...)...)
	run.Env = append(os.Environ(), "NODE_PATH="+filepath.Join(tools, "node_modules"))
	out, err := run.Output()
	if err != nil {
		t.Errorf("axe-core: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "0 violations in 8 files") {
		t.Errorf("axe-core did not check every page:\n%s", out)
	}
}
