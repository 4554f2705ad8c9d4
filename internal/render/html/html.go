// Package html writes a document as a standalone web page, with a
// stylesheet for screen and print, from the same layout tree as the PDF.
//
// Raw HTML in the tree is never passed through: answers are escaped in
// the Markdown, and mou's own blocks arrive as layout nodes, which this
// package writes as elements of its own.
package html

import (
	"bytes"
	"fmt"
	"html"
	"io"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/partnership-tools/mou/internal/layout"
)

// body renders a tree's blocks as HTML: goldmark's HTML renderer for
// CommonMark and tables, with mou's blocks added.
var body = renderer.NewRenderer(renderer.WithNodeRenderers(
	util.Prioritized(gmhtml.NewRenderer(), 1000),
	util.Prioritized(extension.NewTableHTMLRenderer(), 500),
	util.Prioritized(blocks{}, 100),
))

// blocks writes mou's layout nodes.
type blocks struct{}

func (blocks) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(layout.KindTitlePage, wrap(`<header class="title-page">`, `</header>`))
	reg.Register(layout.KindSignature, wrap(`<section class="signature">`, `</section>`))
	reg.Register(layout.KindKeep, wrap(`<div class="keep">`, `</div>`))
	reg.Register(layout.KindPageBreak, wrap(`<div class="page-break"></div>`, ``))
	reg.Register(layout.KindAgreementEnd, wrap(``, ``))
}

// wrap writes open before a node's children and close after them.
func wrap(open, close string) renderer.NodeRendererFunc {
	return func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		tag := close
		if entering {
			tag = open
		}
		if tag != "" {
			_, _ = w.WriteString(tag + "\n")
		}
		return ast.WalkContinue, nil
	}
}

// Render writes the page for tree and doc to w.
func Render(w io.Writer, tree *layout.Tree, doc layout.Document) error {
	var main bytes.Buffer
	if err := body.Render(&main, tree.Source, tree.Root); err != nil {
		return err
	}
	footer := doc.Issued
	if doc.ReferenceLabel != "" {
		footer += " · " + doc.ReferenceLabel
	}
	_, err := fmt.Fprintf(w, `<!DOCTYPE html>
<html lang="%s">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="mou">
<title>%s</title>
<style>
%s</style>
</head>
<body>
<main>
%s</main>
<footer>%s</footer>
</body>
</html>
`, html.EscapeString(doc.Language), html.EscapeString(doc.FullTitle()), stylesheet, main.Bytes(), html.EscapeString(footer))
	return err
}

// stylesheet is the page's look on screen and on paper, close to the PDF's.
const stylesheet = `body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #22262e; margin: 0; background: #fff; }
main, footer { max-width: 46rem; margin: 0 auto; padding: 0 1.25rem; }
h1, h2, h3 { color: #1b365d; line-height: 1.25; }
h2 { margin-top: 2.2rem; border-bottom: 1px solid #b8c0cc; padding-bottom: .2rem; }
a { color: #1f5fa8; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: .45rem .5rem; border-bottom: 1px solid #b8c0cc; }
th { background: #e3e9f2; }
tbody tr:nth-child(even) { background: #f6f8fb; }
.title-page { text-align: center; padding: 4rem 0 3rem; }
.title-page h1 { font-size: 2.4rem; margin-bottom: .5rem; }
.title-page h2 { border: 0; margin-top: 0; }
.signature { border: 1px solid #8a99b0; border-top: 3px solid #1b365d; padding: .5rem 1rem; margin: 1.25rem 0; }
.signature p { margin: .6rem 0; }
footer { color: #5f6773; font-size: .85rem; border-top: 1px solid #b8c0cc; margin-top: 3rem; padding-top: .75rem; padding-bottom: 2rem; }
@media print {
  @page { size: A4; margin: 22mm; }
  body { font-size: 10.5pt; }
  main, footer { max-width: none; padding: 0; }
  .title-page { page-break-after: always; padding-top: 30%; }
  .page-break { page-break-before: always; }
  .signature, .keep, tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
`
