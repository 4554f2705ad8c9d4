package agreement_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/sampletest"
)

// TestMarkdownAsCmarkReadsIt reads every document of every sample with
// cmark, the CommonMark reference implementation, as a reader of the .md
// files other than our own goldmark: it must find the same words, and no
// link, image or raw HTML but our own layout hints. (Debian's cmark knows
// no tables, so a table is a paragraph of its rows to it: the words are
// compared without the pipes and rules.)
func TestMarkdownAsCmarkReadsIt(t *testing.T) {
	requireCmark(t)
	paths, _ := filepath.Glob(filepath.Join(sampletest.Dir, "*.yaml"))
	if len(paths) == 0 {
		t.Fatal("no samples")
	}
	for _, path := range paths {
		name := filepath.Base(path)
		v := sampletest.Model(t, sampletest.Load(t, name))
		for _, d := range v.Documents {
			t.Run(name+"/"+d.Kind.Name, func(t *testing.T) {
				got := cmark(t, d.Markdown)
				if want := words(layout.Parse(d.Markdown).Text()); words(got.text) != want {
					t.Errorf("cmark reads other words than goldmark:\ncmark:    %.300s\ngoldmark: %.300s", words(got.text), want)
				}
				if len(got.markup) > 0 {
					t.Errorf("cmark finds markup no answer or template may make: %q", got.markup)
				}
			})
		}
	}
}

// TestHostileNamesAsCmarkReadsThem: names and one-line answers full of
// Markdown and HTML come out as text to cmark too, character for
// character.
func TestHostileNamesAsCmarkReadsThem(t *testing.T) {
	requireCmark(t)
	// The reading finds markup where there is some.
	if got := cmark(t, []byte("A [link](x), <b>bold</b>\n\n<div>x</div>\n")); len(got.markup) != 4 {
		t.Fatalf("unescaped markup read as %q, want link, two inline HTML tags and an HTML block", got.markup)
	}
	hostile := []string{
		`Riverside # *Academy* | <b>Trust</b>`,
		"[St Mary's](https://evil.example) _C of E_ `Primary`",
		`<!-- mou:pagebreak --> ![logo](x.png) \* 1. &amp; &copy;`,
	}
	for _, h := range hostile {
		yamlName := `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(h) + `"`
		q := sampletest.Load(t, "school-employer.yaml", "    name: Riverside Academy", "    name: "+yamlName,
			"  name: Riverside–Hartwell Engineering Futures", "  name: "+yamlName)
		v := sampletest.Model(t, q)
		for _, d := range v.Documents {
			got := cmark(t, d.Markdown)
			if len(got.markup) > 0 {
				t.Errorf("%s: %q: cmark finds markup %q", d.Kind.Name, h, got.markup)
			}
			if !strings.Contains(got.text, h) {
				t.Errorf("%s: cmark does not read %q as written", d.Kind.Name, h)
			}
		}
	}
}

func requireCmark(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("cmark"); err != nil {
		t.Skip("cmark is not installed (apt-get install cmark); CI installs it")
	}
}

// reading is what cmark makes of a document: its text, and any markup
// other than emphasis, headings, lists and our own layout hints.
type reading struct {
	text   string
	markup []string
}

// hint is one of mou's layout hints, an HTML comment of its own: a block
// such as "<!-- mou:pagebreak -->", or inline after a clause number that
// refers to a clause, "<!-- mou:ref general.insurance -->".
var hint = regexp.MustCompile(`^<!-- mou:[a-z-]+( [^<>]*)? -->\n?$`)

func cmark(t *testing.T, md []byte) reading {
	t.Helper()
	cmd := exec.Command("cmark", "--to", "xml")
	cmd.Stdin = bytes.NewReader(md)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("cmark: %v", err)
	}
	var r reading
	var b strings.Builder
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = false
	var stack []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("reading cmark's XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			stack = append(stack, tok.Name.Local)
			switch tok.Name.Local {
			case "link", "image":
				r.markup = append(r.markup, tok.Name.Local)
			case "paragraph", "heading", "item", "block_quote", "code_block", "html_block":
				b.WriteString("\n")
			case "softbreak", "linebreak":
				b.WriteString(" ")
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 {
				continue
			}
			switch stack[len(stack)-1] {
			case "text", "code":
				b.Write(tok)
			case "html_block", "html_inline":
				if !hint.Match(tok) {
					r.markup = append(r.markup, stack[len(stack)-1]+" "+string(tok))
				}
			}
		}
	}
	r.text = b.String()
	return r
}

// words is text as a run of words, without the pipes and rules that make
// a table, so that a table read as a paragraph compares with one read as
// a table.
func words(text string) string {
	text = strings.ReplaceAll(text, "|", " ")
	var out []string
	for _, w := range strings.Fields(text) {
		if strings.Trim(w, "-:") == "" {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}
