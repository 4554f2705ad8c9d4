// Package html writes a document as a standalone web page, with a
// stylesheet for screen and print, from the same layout tree as the PDF.
//
// Raw HTML in the tree is never passed through: answers are escaped in
// the Markdown, and mou's own blocks arrive as layout nodes, which this
// package writes as elements of its own.
package html

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/theme"
)

// Options say what kind of page to write. The zero value is the full
// page, in the built-in theme.
type Options struct {
	// Public leaves out what a school website must not publish: the
	// contacts schedule and everything else after the signed text, the
	// signature blocks, and any paragraph, list item or table row naming
	// one of the document's People. The document's Signed lines, if any,
	// stand in place of the signature blocks; without them the
	// signatures section goes too.
	Public bool
	// Fragment writes the content only, without <html>, <head> or the
	// stylesheet, to paste into a website's editor.
	Fragment bool
	// Theme is the page's look: its paper for printing, its type and
	// colours. The zero Theme is theme.Default().
	Theme theme.Theme
}

// Renderer writes layout trees as web pages. It is safe for concurrent
// use.
type Renderer struct {
	o   Options
	css string // the stylesheet, for a full page
}

// New returns a Renderer writing pages as o says, or an error if its
// theme is unusable.
func New(o Options) (*Renderer, error) {
	if o.Theme == (theme.Theme{}) {
		o.Theme = theme.Default()
	}
	if err := o.Theme.Check(); err != nil {
		return nil, fmt.Errorf("html: theme: %w", err)
	}
	return &Renderer{o: o, css: stylesheet(o.Theme)}, nil
}

// Render writes the page for tree and doc to w.
func (r *Renderer) Render(w io.Writer, tree *layout.Tree, doc layout.Document) error {
	o := r.o
	var main bytes.Buffer
	p := page{doc: doc, signed: doc.Signed}
	if o.Public {
		p.hide, p.signedAt = hidden(tree, doc)
	}
	if f := tree.Root.FirstChild(); f == nil || f.Kind() != layout.KindTitlePage {
		main.WriteString(draftNote(doc)) // no title page to put it on
	}
	if err := renderer.NewRenderer(renderer.WithNodeRenderers(util.Prioritized(p, 100))).Render(&main, tree.Source, tree.Root); err != nil {
		return err
	}
	footer := doc.Issued
	if doc.ReferenceLabel != "" {
		footer += " · " + doc.ReferenceLabel
	}
	if o.Fragment {
		_, err := fmt.Fprintf(w, "<article class=\"mou\" lang=\"%s\">\n%s<p class=\"issued\">%s</p>\n</article>\n",
			html.EscapeString(doc.Language), main.Bytes(), html.EscapeString(footer))
		return err
	}
	_, err := fmt.Fprintf(w, `<!DOCTYPE html>
<html lang="%s">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="mou">
<title>%s</title>
<style>
%s%s</style>
</head>
<body>
<main>
%s</main>
<footer>%s</footer>
</body>
</html>
`, html.EscapeString(doc.Language), html.EscapeString(doc.FullTitle()), r.css, printRules(doc, o.Theme), main.Bytes(), html.EscapeString(footer))
	return err
}

// page renders a tree's blocks: goldmark's HTML renderer for CommonMark
// and tables, with mou's blocks added, each node's function wrapped to
// skip the hidden nodes.
type page struct {
	doc      layout.Document
	hide     map[ast.Node]bool
	signed   []string
	signedAt ast.Node // hidden, and replaced by the signed lines
}

// recorder keeps the functions a node renderer registers.
type recorder map[ast.NodeKind]renderer.NodeRendererFunc

func (r recorder) Register(kind ast.NodeKind, f renderer.NodeRendererFunc) { r[kind] = f }

func (p page) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	rec := recorder{}
	gmhtml.NewRenderer().RegisterFuncs(rec)
	tables{}.RegisterFuncs(rec)
	blocks{p.doc}.RegisterFuncs(rec)
	for kind, f := range rec {
		reg.Register(kind, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
			if p.hide[n] {
				if entering && n == p.signedAt {
					writeSigned(w, p.signed)
				}
				return ast.WalkSkipChildren, nil
			}
			return f(w, src, n, entering)
		})
	}
}

// blocks writes mou's layout nodes.
type blocks struct{ doc layout.Document }

func (b blocks) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(layout.KindTitlePage, wrap(`<header class="title-page">`+logos(b.doc.Logos), draftNote(b.doc)+`</header>`))
	reg.Register(layout.KindSignature, wrap(`<section class="signature">`, `</section>`))
	reg.Register(layout.KindKeep, wrap(`<div class="keep">`, `</div>`))
	reg.Register(layout.KindPageBreak, wrap(`<div class="page-break"></div>`, ``))
	reg.Register(layout.KindAgreementEnd, wrap(``, ``))
	reg.Register(layout.KindReference, wrap(``, ``)) // the number it holds
	reg.Register(layout.KindSummary, wrap(``, ``))
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

// draftNote is the note that says a draft is one, "" once the text is
// final.
func draftNote(doc layout.Document) string {
	if doc.DraftNote == "" {
		return ""
	}
	return `<p class="draft-note">` + html.EscapeString(doc.DraftNote) + "</p>\n"
}

// logos writes the partners' logos as images held in the page itself,
// so that the page needs no other files. They are decorative: the
// partners are named in words just below.
func logos(ls []layout.Logo) string {
	if len(ls) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n<div class=\"logos\">")
	for _, l := range ls {
		mime := "image/png"
		if bytes.HasPrefix(l.Data, []byte{0xff, 0xd8, 0xff}) {
			mime = "image/jpeg"
		}
		fmt.Fprintf(&b, `<img src="data:%s;base64,%s" alt="">`, mime, base64.StdEncoding.EncodeToString(l.Data))
	}
	b.WriteString("</div>")
	return b.String()
}

// fonts are the type a browser is asked for in each font family: faces
// every computer has, the system's own for sans-serif. short is for the
// page number and the draft mark.
var fonts = map[string]struct{ text, short string }{
	theme.Sans:  {`system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`, "system-ui, sans-serif"},
	theme.Serif: {`Georgia, "Times New Roman", serif`, "Georgia, serif"},
}

// stylesheet is the page's look on screen and on paper, close to the
// PDF's, in the theme's type and colours.
func stylesheet(t theme.Theme) string {
	justify := ""
	if t.Justify {
		justify = "main > p, main > ul > li, main > ol > li { text-align: justify; hyphens: auto; }\n"
	}
	return strings.NewReplacer(
		"$font", fonts[t.FontFamily()].text, "$size", fmt.Sprintf("%gpt", t.BodySize), "$justify\n", justify,
		"$text", t.Text.String(), "$heading", t.Heading.String(), "$muted", t.Muted.String(), "$link", t.Link.String(),
		"$rule", t.Rule.String(), "$thead", t.TableHeaderFill.String(), "$stripe", t.TableStripe.String(),
		"$signature", t.SignatureBorder.String(),
	).Replace(`body { font: 16px/1.55 $font; color: $text; margin: 0; background: #fff; }
main, footer { max-width: 46rem; margin: 0 auto; padding: 0 1.25rem; }
h1, h2, h3 { color: $heading; line-height: 1.25; }
h2 { margin-top: 2.2rem; border-bottom: 1px solid $rule; padding-bottom: .2rem; }
a { color: $link; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: .45rem .5rem; border-bottom: 1px solid $rule; }
th { background: $thead; }
tbody tr:nth-child(even) { background: $stripe; }
.title-page { text-align: center; padding: 4rem 0 3rem; }
.title-page h1 { font-size: 2.4rem; margin-bottom: .5rem; }
.title-page h2 { border: 0; margin-top: 0; }
.logos { display: flex; justify-content: center; align-items: center; gap: 2rem; margin-bottom: 2rem; }
.logos img { max-height: 5rem; max-width: 12rem; }
.draft-note { display: inline-block; font-weight: bold; color: $heading; border: 2px solid $heading; padding: .2rem .8rem; margin-top: 1.5rem; }
.signature { border: 1px solid $signature; border-top: 3px solid $heading; padding: .5rem 1rem; margin: 1.25rem 0; }
.signature p { margin: .6rem 0; }
$justify
footer { color: $muted; font-size: .85rem; border-top: 1px solid $rule; margin-top: 3rem; padding-top: .75rem; padding-bottom: 2rem; }
@media print {
  body { font-size: $size; }
  main, footer { max-width: none; padding: 0; }
  .title-page { page-break-after: always; padding-top: 30%; }
  .page-break { page-break-before: always; }
  .signature, .keep, tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
`)
}

// printRules gives the printed page's size and, in its bottom margin, the
// page number in the document's own words ("Page 2 of 8"); the title
// page has none, as in the PDF. A draft's mark is printed across every
// page.
func printRules(doc layout.Document, t theme.Theme) string {
	size := "A4"
	if strings.EqualFold(t.Paper, "letter") {
		size = "letter"
	}
	font := fonts[t.FontFamily()].short
	pattern := doc.PagePattern
	if pattern == "" {
		pattern = "{page} / {pages}"
	}
	var content []string
	for i, part := range strings.Split(strings.ReplaceAll(pattern, "{pages}", "\x00pages\x00"), "{page}") {
		if i > 0 {
			content = append(content, "counter(page)")
		}
		for j, p := range strings.Split(part, "\x00pages\x00") {
			if j > 0 {
				content = append(content, "counter(pages)")
			}
			if p != "" {
				content = append(content, cssString(p))
			}
		}
	}
	rules := fmt.Sprintf(`@page { size: %s; margin: 22mm 22mm 25mm; @bottom-center { content: %s; font: 9pt %s; color: %s; } }
@page :first { @bottom-center { content: none; } }
`, size, strings.Join(content, " "), font, t.Muted)
	if doc.DraftMark != "" {
		// Fixed in print, the mark is repeated on every page, behind the
		// text, light as in the PDF.
		rules += fmt.Sprintf(`@media print { body::before { content: %s; position: fixed; top: 42%%; left: 0; right: 0; text-align: center; font: bold 110pt %s; color: %s; z-index: -1; } }
`, cssString(doc.DraftMark), font, t.DraftMark)
	}
	return rules
}

// cssString quotes s as a CSS string.
func cssString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\a `, "<", `\3c `)
	return `"` + r.Replace(s) + `"`
}
