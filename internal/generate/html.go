package generate

import (
	"bytes"
	"fmt"
	"html"
	"regexp"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
)

// markdownToHTML turns our Markdown into HTML. Raw HTML is let through
// because the only raw HTML is the templates' own: every answer is
// escaped, so a user's "<script>" arrives as text.
var markdownToHTML = goldmark.New(
	goldmark.WithExtensions(extension.Table),
	goldmark.WithRendererOptions(gmhtml.WithUnsafe()),
)

// hintHTML is the HTML that stands for each layout hint.
var hintHTML = map[string]string{
	"title":         `<header class="title-page">`,
	"end-title":     `</header>`,
	"pagebreak":     `<div class="page-break"></div>`,
	"keep":          `<div class="keep">`,
	"end-keep":      `</div>`,
	"signature":     `<section class="signature">`,
	"end-signature": `</section>`,
	"end-agreement": ``,
}

var hintLine = regexp.MustCompile(`(?m)^<!-- mou:([a-z-]+) -->$`)

// renderHTML writes a standalone web page for a document, with a
// stylesheet for screen and print.
func (g *Generator) renderHTML(j job) ([]byte, error) {
	md := hintLine.ReplaceAllFunc(j.markdown, func(m []byte) []byte {
		return []byte(hintHTML[string(hintLine.FindSubmatch(m)[1])])
	})
	var body bytes.Buffer
	if err := markdownToHTML.Convert(md, &body); err != nil {
		return nil, err
	}
	q := j.q
	footer := fmt.Sprintf("Version %d · %s", q.Version, q.Date)
	if j.reference != "" {
		footer += " · Agreement ref. " + j.reference
	}
	var page bytes.Buffer
	fmt.Fprintf(&page, `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="mou">
<title>%s: %s</title>
<style>
%s</style>
</head>
<body>
<main>
%s</main>
<footer>%s</footer>
</body>
</html>
`, html.EscapeString(string(q.Partnership.Name)), html.EscapeString(j.kind.Title), stylesheet, body.Bytes(), html.EscapeString(footer))
	return page.Bytes(), nil
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
