package document_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/templates"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func load(t testing.TB, path string) *questionnaire.Questionnaire {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	q, problems := questionnaire.Load(path, data, questionnaire.Options{})
	if err := problems.Err(); err != nil {
		t.Fatalf("%s is not valid:\n%v", path, err)
	}
	return q
}

func parse(t testing.TB) *document.Templates {
	t.Helper()
	tmpl, err := document.ParseTemplates(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	return tmpl
}

// TestGolden checks the Markdown of every sample against testdata/golden.
// Run "go test ./internal/document -update" to accept new output.
func TestGolden(t *testing.T) {
	samples, _ := filepath.Glob("../../samples/*.yaml")
	if len(samples) < 4 {
		t.Fatalf("found %d samples, want at least 4", len(samples))
	}
	tmpl := parse(t)
	for _, path := range samples {
		q := load(t, path)
		for _, kind := range document.KindsFor(q) {
			name := strings.TrimSuffix(filepath.Base(path), ".yaml") + "-" + kind.Name + ".md"
			t.Run(name, func(t *testing.T) {
				got, err := tmpl.Markdown(q, kind, "")
				if err != nil {
					t.Fatal(err)
				}
				golden := filepath.Join("testdata", "golden", name)
				if *update {
					os.MkdirAll(filepath.Dir(golden), 0o755)
					if err := os.WriteFile(golden, got, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from %s; run with -update if the change is intended\n%s", name, golden, firstDiff(got, want))
				}
			})
		}
	}
}

func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n  got:  " + gl + "\n  want: " + wl
		}
	}
	return ""
}

// TestAnswersAreText renders the Markdown of a questionnaire full of
// Markdown and HTML look-alikes and checks that a CommonMark renderer
// shows every answer exactly as typed.
func TestAnswersAreText(t *testing.T) {
	q := load(t, filepath.Join("testdata", "hostile.yaml"))
	tmpl := parse(t)
	want := []string{
		"St Mary's <b>#1</b> | *Stars* [x](y)",
		"# Heading? ~~no~~ `code` &amp; <!-- mou:pagebreak -->",
		"1. Not a list",
		"- Not a bullet either",
		`> Not a quote; 50% \ back_slash_`,
		"Ann *Able* | Jones",
		"Day | with pipes | and <i>tags</i>",
		"Head of Year <9>",
		"First paragraph with [a link](http://example.org).",
		"# Second paragraph, not a heading ---",
	}
	gm := goldmark.New(goldmark.WithExtensions(extension.Table))
	for _, edition := range templates.Editions {
		q := *q
		q.Wording.Edition = edition
		for _, kind := range document.Kinds {
			md, err := tmpl.Markdown(&q, kind, "")
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			if err := gm.Convert(md, &out); err != nil {
				t.Fatal(err)
			}
			got := out.String()
			for _, w := range want {
				inMOU := !strings.Contains(w, "paragraph")
				inCode := !strings.HasPrefix(w, "1.") && !strings.HasPrefix(w, "-") && !strings.HasPrefix(w, ">") && !strings.HasPrefix(w, "Day")
				if (kind == document.MOU && !inMOU) || (kind == document.CodeOfPractice && !inCode) {
					continue
				}
				if !strings.Contains(got, htmlEscaper.Replace(w)) {
					t.Errorf("%s, edition %s: answer %q does not appear literally in the rendered HTML", kind.Name, edition, w)
				}
			}
			// A real page break comment is a layout hint; the one in the name must not become one.
			if n := strings.Count(string(md), "\n<!-- mou:pagebreak -->\n"); kind == document.MOU && n != 1 {
				t.Errorf("%s: %d page-break hints, want exactly the template's one", kind.Name, n)
			}
		}
	}
}

// htmlEscaper escapes text as goldmark's HTML renderer does.
var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Riverside–Hartwell Engineering Futures", "riverside-hartwell-engineering-futures"},
		{"Ysgol Gymraeg Bro Ŵyn & Friends", "ysgol-gymraeg-bro-wyn-and-friends"},
		{"../../x", "x"},
		{`a/b\c`, "a-b-c"},
		{"CON", "con"},
		{"😀😀", "partnership"},
		{strings.Repeat("long ", 30), strings.TrimRight(strings.Repeat("long-", 12), "-")},
	}
	for _, tc := range tests {
		if got := document.Slug(tc.in); got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
