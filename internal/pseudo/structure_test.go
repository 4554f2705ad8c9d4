package pseudo_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/pseudo"
	"github.com/partnership-tools/mou/internal/sampletest"
	"github.com/partnership-tools/mou/templates"
)

// TestMarkingKeepsTheStructure: the pseudo-locale changes words only.
// Every sample's memorandum and code of practice, on its own edition and
// on the open one, has the same Markdown structure (headings, paragraphs,
// lists, tables, emphasis, mou's layout blocks) in British English and in
// the pseudo-locale, so the test of its words proves something of every
// document as written.
func TestMarkingKeepsTheStructure(t *testing.T) {
	pseudo.Install()
	tmpl, err := document.ParseTemplates(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	samples, _ := filepath.Glob(filepath.Join(sampletest.Dir, "*.yaml"))
	for _, sample := range samples {
		for _, edition := range []string{"", templates.Current} {
			q := sampletest.Load(t, filepath.Base(sample))
			if edition != "" {
				q.Wording.Edition = edition
			}
			marked := *q
			marked.Language = pseudo.Tag
			for _, kind := range document.KindsFor(q) {
				en, err := tmpl.Markdown(q, kind, "ABCD-EFGH")
				if err != nil {
					t.Fatal(err)
				}
				xa, err := tmpl.Markdown(&marked, kind, "ABCD-EFGH")
				if err != nil {
					t.Fatal(err)
				}
				a, b := skeleton(en), skeleton(xa)
				if len(a) < 100 || !strings.Contains(string(xa), pseudo.Open) {
					t.Fatalf("%s, %s: %d nodes, marked %v: too little to compare", filepath.Base(sample), kind.Name, len(a), strings.Contains(string(xa), pseudo.Open))
				}
				if !slices.Equal(a, b) {
					i := 0
					for i < min(len(a), len(b)) && a[i] == b[i] {
						i++
					}
					t.Errorf("%s, %s, edition %q: the pseudo-locale's structure departs from English's at node %d:\n%s\nagainst\n%s",
						filepath.Base(sample), kind.Name, edition, i, strings.Join(a[i:min(i+5, len(a))], " "), strings.Join(b[i:min(i+5, len(b))], " "))
				}
			}
		}
	}
}

// skeleton lists the nodes of a document's Markdown but its runs of
// text, each with its depth.
func skeleton(md []byte) []string {
	var out []string
	depth := 0
	ast.Walk(layout.Parse(md).Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			depth--
			return ast.WalkContinue, nil
		}
		depth++
		switch n.Kind() {
		case ast.KindText, ast.KindString:
			return ast.WalkContinue, nil
		case ast.KindHeading:
			out = append(out, strings.Repeat(" ", depth)+"Heading"+strings.Repeat("#", n.(*ast.Heading).Level))
			return ast.WalkContinue, nil
		}
		out = append(out, strings.Repeat(" ", depth)+n.Kind().String())
		return ast.WalkContinue, nil
	})
	return out
}
