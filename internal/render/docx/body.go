package docx

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/layout"
)

// keepMark stands where a paragraph in a keep-together range asks to stay
// with the next; when the range closes, the last one is dropped so that
// the range does not also hold on to what follows.
const keepMark = "\x00keep\x00"

// body writes word/document.xml's body and gathers what other parts need:
// hyperlinks, images and ordered lists.
type body struct {
	r   *Renderer
	src []byte
	doc layout.Document
	out bytes.Buffer

	links []string // hyperlink targets, rIdLink1…
	media []media  // logos
	lists []int    // the start of each ordered list, numbering ids 2…

	changes int    // tracked changes so far, for their ids
	date    string // the tracked changes' date

	shift         int  // heading levels dropped so the body's top level is Heading 1
	written       bool // a block has been written
	breakBefore   bool // the next paragraph starts a page
	titlePage     bool // the document opens with a title page
	title         bool // inside the title page
	titleHeadings int
	signatures    int // signature blocks so far
	inSignature   bool
	keepNext      bool // the next paragraph keeps with the one after it
	keeps         int  // depth of keep-together ranges
	keepStart     int  // where the outermost range began in out
	list          []listLevel
	quote         int
	openLink      string       // the hyperlink the runs are inside, if any
	openChange    ast.NodeKind // the tracked change they are inside, if any
	err           error

	outline   outline    // the sections and clauses Word numbers
	skip      string     // what is left of a typed number to leave out
	skipSpace bool       // and whether a space follows it
	bookmarks int        // bookmarks so far, for their ids
	contents  []ast.Node // the headings a contents page lists, if any
	fields    bool       // the text holds fields Word should update on opening
	comment   []byte     // the summary's paragraphs, as a comment, if any
	commented bool       // the comment is anchored

	wordNumbered map[string]bool // the ids of the clauses and sections Word numbers
	autoNumber   bool            // the paragraph being written is numbered by Word
	markNumber   string          // the bookmark to put round the typed number ahead, if any
}

type listLevel struct {
	num int // numbering id
}

// listNum is the numbering id of the ordered list i, counting from 0.
func listNum(i int) int { return outlineNum + 1 + i }

// media is an image in the package.
type media struct {
	name, rel string
	data      []byte
	w, h      int // EMU
}

func newBody(r *Renderer, src []byte, doc layout.Document) *body {
	return &body{r: r, src: src, doc: doc, date: doc.Date.UTC().Format("2006-01-02T15:04:05Z"), wordNumbered: map[string]bool{}}
}

// document writes the whole tree.
func (b *body) document(root ast.Node) error {
	b.shift = topLevel(root) - 1
	f := root.FirstChild()
	if f != nil && f.Kind() == layout.KindSummary {
		f = f.NextSibling()
	}
	b.titlePage = f != nil && f.Kind() == layout.KindTitlePage
	if err := b.addLogos(); err != nil {
		return err
	}
	b.contents = b.sections(root)
	b.blocks(root)
	return b.err
}

// topLevel is the smallest heading level outside the title page.
func topLevel(root ast.Node) int {
	top := 6
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Kind() == layout.KindTitlePage || n.Kind() == layout.KindSummary {
			return ast.WalkSkipChildren, nil
		}
		if h, ok := n.(*ast.Heading); ok {
			top = min(top, h.Level)
		}
		return ast.WalkContinue, nil
	})
	return top
}

func (b *body) blocks(n ast.Node) {
	for c := n.FirstChild(); c != nil && b.err == nil; c = c.NextSibling() {
		b.block(c)
	}
}

// block writes one block node.
func (b *body) block(n ast.Node) {
	switch n := n.(type) {
	case *layout.TitlePage:
		b.title, b.titleHeadings = true, 0
		b.logoParagraph()
		b.blocks(n)
		b.draftNote()
		b.title = false
		b.breakBefore = true
		b.contentsPage()
	case *layout.Summary:
		b.summary(n)
	case *layout.PageBreak:
		b.breakBefore = b.written
	case *layout.AgreementEnd:
	case *layout.Keep:
		b.keep(func() { b.blocks(n) })
	case *layout.Signature:
		if p := n.PreviousSibling(); p != nil && p.Kind() == layout.KindSignature {
			// an empty paragraph between two partners' boxes, which Word
			// and LibreOffice would otherwise draw as one
			b.startP("SignatureGap", "", b.gapMark(n))
			b.endP()
		}
		b.signatures++
		b.inSignature = true
		b.keep(func() { b.blocks(n) })
		b.inSignature = false
	case *ast.Heading:
		b.heading(n)
	case *ast.Paragraph:
		b.clause(n)
	case *ast.TextBlock:
		b.paragraph(n, b.paraStyle(), "")
	case *ast.List:
		b.listBlock(n)
	case *ast.Blockquote:
		b.quote++
		b.blocks(n)
		b.quote--
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		b.code(n)
	case *ast.ThematicBreak:
		b.startP("Rule", "", "")
		b.endP()
	case *ast.HTMLBlock:
		b.html(n)
	case *layout.Table:
		b.table(n)
	default:
		if c := n.FirstChild(); c != nil && c.Type() == ast.TypeInline {
			b.paragraph(n, b.paraStyle(), "")
			return
		}
		b.blocks(n)
	}
}

// paraStyle is the style of a body paragraph where the walk stands.
func (b *body) paraStyle() string {
	switch {
	case b.title:
		return "TitleText"
	case b.inSignature:
		return "SignatureBlock"
	case b.quote > 0:
		return "Quote"
	}
	return ""
}

// keep writes fn's blocks so that they stay on one page: every paragraph
// keeps with the next but the last.
func (b *body) keep(fn func()) {
	if b.keeps == 0 {
		b.keepStart = b.out.Len()
	}
	b.keeps++
	fn()
	b.keeps--
	if b.keeps > 0 {
		return
	}
	s := b.out.Bytes()[b.keepStart:]
	if i := bytes.LastIndex(s, []byte(keepMark)); i >= 0 {
		s = append(s[:i:i], s[i+len(keepMark):]...)
	}
	s = bytes.ReplaceAll(s, []byte(keepMark), []byte("<w:keepNext/>"))
	rest := append([]byte(nil), s...)
	b.out.Truncate(b.keepStart)
	b.out.Write(rest)
}

// startP opens a paragraph in style with its numbering and the run
// properties of its paragraph mark, writing the properties in the order
// the schema asks.
func (b *body) startP(style, numPr, rPr string) {
	b.out.WriteString("<w:p><w:pPr>")
	if style != "" {
		fmt.Fprintf(&b.out, `<w:pStyle w:val="%s"/>`, style)
	}
	if b.keeps > 0 {
		b.out.WriteString(keepMark + "<w:keepLines/>")
	} else if b.keepNext {
		b.out.WriteString("<w:keepNext/>")
	}
	b.keepNext = false
	if b.breakBefore {
		b.out.WriteString("<w:pageBreakBefore/>")
		b.breakBefore = false
	}
	b.out.WriteString(numPr)
	if b.inSignature {
		b.signatureBorder()
	}
	b.out.WriteString(rPr + "</w:pPr>")
	b.written = true
}

// signatureBorder draws the box round a signature block. Word joins the
// borders of neighbouring paragraphs whose borders are the same, so every
// other block's borders also stand one point further from the text.
func (b *body) signatureBorder() {
	space := 4 + b.signatures%2
	b.out.WriteString("<w:pBdr>")
	for _, side := range []string{"top", "left", "bottom", "right"} {
		size, colour := 4, b.r.theme.Muted
		if side == "top" {
			size, colour = 12, b.r.theme.Heading
		}
		fmt.Fprintf(&b.out, `<w:%s w:val="single" w:sz="%d" w:space="%d" w:color="%s"/>`, side, size, space, colour)
	}
	b.out.WriteString("</w:pBdr>")
}

// paragraph writes n's inline content as one paragraph, inside the
// bookmark of its id if it has one.
func (b *body) paragraph(n ast.Node, style, numPr string) {
	// A paragraph that introduces what follows ("The partners agree:")
	// stays on its page, as in the PDF, and so does the last before a
	// signature block, so that the Signatures heading and the words
	// under it never stand at the foot of a page without a block.
	next := n.NextSibling()
	b.keepNext = next != nil && (endsInColon(n, b.src) || next.Kind() == layout.KindSignature)
	b.startP(style, numPr, b.markChange(n))
	end := b.bookmarkStart(n)
	end += b.commentStart()
	b.inlines(n, runStyle{})
	b.wrap(runStyle{})
	b.out.WriteString(end)
	b.endP()
}

// clause writes a body paragraph: a numbered clause in the Clause style,
// numbered by Word, where it is one.
func (b *body) clause(n ast.Node) {
	style := b.paraStyle()
	if style == "" && n.Parent() != nil && n.Parent().Kind() != ast.KindListItem {
		text, bold := leading(n, b.src)
		if number, ok := b.outline.numberClause(text, bold, layout.Change(n) == layout.KindDelete); ok {
			style = "Clause"
			b.skipNumber(number)
		}
	}
	b.paragraph(n, style, "")
}

// markChange marks the paragraph mark as inserted or deleted when all of
// n's content is.
func (b *body) markChange(n ast.Node) string {
	switch layout.Change(n) {
	case layout.KindInsert:
		return "<w:rPr>" + b.changeTag("ins", true) + "</w:rPr>"
	case layout.KindDelete:
		return "<w:rPr>" + b.changeTag("del", true) + "</w:rPr>"
	}
	return ""
}

// changeTag opens (or, with empty true, writes empty) a tracked change.
func (b *body) changeTag(tag string, empty bool) string {
	b.changes++
	end := ">"
	if empty {
		end = "/>"
	}
	return fmt.Sprintf(`<w:%s w:id="%d" w:author="mou" w:date="%s"%s`, tag, b.changes, b.date, end)
}

// heading writes a heading: on the title page the title and subtitles,
// elsewhere Heading 1–3 by level below the body's top level.
func (b *body) heading(n *ast.Heading) {
	style := ""
	switch {
	case b.title:
		b.titleHeadings++
		style = "Title"
		if b.titleHeadings > 1 {
			style = "Subtitle"
		}
	default:
		level := min(max(n.Level-b.shift, 1), 3)
		style = fmt.Sprintf("Heading%d", level)
		if level == 1 {
			text, _ := leading(n, b.src)
			if number, ok := b.outline.numberHeading(text, layout.Change(n) == layout.KindDelete); ok {
				b.skipNumber(number)
			} else {
				b.paragraph(n, style, noNumbering)
				return
			}
		}
	}
	b.paragraph(n, style, "")
}

// listBlock writes a list's items as List Bullet or List Number paragraphs
// at their depth.
func (b *body) listBlock(n *ast.List) {
	num := 1
	if n.IsOrdered() {
		b.lists = append(b.lists, n.Start)
		num = listNum(len(b.lists) - 1)
	}
	b.list = append(b.list, listLevel{num: num})
	defer func() { b.list = b.list[:len(b.list)-1] }()
	style := "ListBullet"
	if n.IsOrdered() {
		style = "ListNumber"
	}
	for item := n.FirstChild(); item != nil && b.err == nil; item = item.NextSibling() {
		first := true
		for c := item.FirstChild(); c != nil && b.err == nil; c = c.NextSibling() {
			switch c.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				if first {
					numPr := fmt.Sprintf(`<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, min(len(b.list)-1, 2), num)
					b.paragraph(c, style, numPr)
				} else {
					b.paragraph(c, "ListContinue", "")
				}
			default:
				b.block(c)
			}
			first = false
		}
	}
}

// code writes a code block line by line in the code style.
func (b *body) code(n ast.Node) {
	lines := n.Lines()
	b.startP("Code", "", "")
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		if i > 0 {
			b.out.WriteString("<w:r><w:br/></w:r>")
		}
		b.run(strings.TrimRight(string(seg.Value(b.src)), "\r\n"), runStyle{})
	}
	b.endP()
}

// html writes an HTML block as the text it is, without its comments:
// only the templates' own hints are markup.
func (b *body) html(n *ast.HTMLBlock) {
	rest := strings.TrimSpace(layout.StripComments(layout.HTMLText(n, b.src)))
	if rest == "" {
		return
	}
	b.startP(b.paraStyle(), "", "")
	for i, ln := range strings.Split(rest, "\n") {
		if i > 0 {
			b.out.WriteString("<w:r><w:br/></w:r>")
		}
		b.run(strings.TrimRight(ln, "\r"), runStyle{})
	}
	b.endP()
}

// xml returns the whole of word/document.xml.
func (b *body) xml(r *Renderer) []byte {
	var out bytes.Buffer
	out.WriteString(xmlHeader + `<w:document ` + namespaces + `><w:body>`)
	out.Write(b.out.Bytes())
	t := r.theme
	titlePg := ""
	if b.titlePage {
		titlePg = "<w:titlePg/>"
	}
	refs := `<w:headerReference w:type="default" r:id="rIdHeader"/>`
	if b.hasFirstHeader() {
		// The title page has a header of its own, holding the mark alone.
		refs += `<w:headerReference w:type="first" r:id="rIdHeaderFirst"/>`
	}
	fmt.Fprintf(&out, `<w:sectPr>`+refs+`<w:footerReference w:type="default" r:id="rIdFooter"/>`+
		`<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>%s</w:sectPr>`,
		r.pageW, r.pageH, twips(t.MarginTop), twips(t.MarginRight), twips(t.MarginBottom), twips(t.MarginLeft),
		twips(t.MarginTop/2), twips(t.MarginBottom/2), titlePg)
	out.WriteString(`</w:body></w:document>`)
	return out.Bytes()
}

// textWidth is the width of the text column in twips.
func (b *body) textWidth() int {
	return b.r.pageW - twips(b.r.theme.MarginLeft) - twips(b.r.theme.MarginRight)
}

// endsInColon reports whether n's text ends with a colon.
func endsInColon(n ast.Node, src []byte) bool {
	last := n.LastChild()
	for last != nil && last.LastChild() != nil {
		last = last.LastChild()
	}
	t, ok := last.(*ast.Text)
	return ok && bytes.HasSuffix(bytes.TrimSpace(t.Segment.Value(src)), []byte(":"))
}
