package docx

import (
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/layout"
)

// wholly makes all of n's inline content an insertion or a deletion.
func wholly(n ast.Node, kind ast.NodeKind) {
	var wrap ast.Node = &layout.Insert{}
	if kind == layout.KindDelete {
		wrap = &layout.Delete{}
	}
	for c := n.FirstChild(); c != nil; c = n.FirstChild() {
		n.RemoveChild(n, c)
		wrap.AppendChild(wrap, c)
	}
	n.AppendChild(n, wrap)
}

// TestRedlineAround: in a redline, the summary is a comment by mou on the
// title, not text; the footer, the running header, the title page's
// header and its draft note are marked where they changed from the old
// version; tracked changes are on.
func TestRedlineAround(t *testing.T) {
	tree := layout.Parse([]byte("<!-- mou:title -->\n\n# Hill\n\n<!-- mou:end-title -->\n\n## 1. Parties\n\nText.\n"))
	summary := &layout.Summary{}
	p := ast.NewParagraph()
	s := ast.NewString([]byte("Verdict: new signatures are needed."))
	s.SetRaw(true)
	p.AppendChild(p, s)
	summary.AppendChild(summary, p)
	summary.AppendChild(summary, &layout.PageBreak{})
	tree.Root.InsertBefore(tree.Root, tree.Root.FirstChild(), summary)
	doc := testDoc
	doc.DraftMark, doc.DraftNote = "DRAFT", "Draft for discussion"
	was := testDoc
	was.Issued, was.ReferenceLabel = "Version 1 · 1 May 2026", "Agreement ref. AAAA-BBBB"
	doc.Was = &was
	parts, _ := renderDoc(t, tree, doc)
	body := parts["word/document.xml"]
	for _, w := range []string{
		`<w:pStyle w:val="Title"/></w:pPr><w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">Hill</w:t>`,
		`<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>`,
		// the note is new: its paragraph is inserted whole
		`<w:pStyle w:val="TitleText"/><w:rPr><w:ins `,
		`<w:titlePg/>`,
	} {
		if !strings.Contains(body, w) {
			t.Errorf("document.xml lacks %s", w)
		}
	}
	if strings.Contains(body, "Verdict") {
		t.Error("the summary is in the text")
	}
	if c := parts["word/comments.xml"]; !strings.Contains(c, `<w:comment w:id="0" w:author="mou" w:initials="mou" w:date="2026-09-01T00:00:00Z">`) || !strings.Contains(c, "Verdict: new signatures are needed.") {
		t.Errorf("comments.xml: %s", c)
	}
	changed := regexp.MustCompile(`<w:(del|ins) [^>]*><w:r>(?:<w:rPr>.*?</w:rPr>)?<w:(?:t|delText) xml:space="preserve">([^<]*)</w:`)
	var footer []string
	for _, m := range changed.FindAllStringSubmatch(parts["word/footer1.xml"], -1) {
		footer = append(footer, m[1]+":"+m[2])
	}
	if want := "del:Version 1 · 1 May 2026 · |ins:Version 2 · 1 September 2026 · |del:Agreement ref. AAAA-BBBB|ins:Agreement ref. 7K2M-Q9XD"; strings.Join(footer, "|") != want {
		t.Errorf("footer changes %q, want %s", footer, want)
	}
	if h := parts["word/header1.xml"]; !strings.Contains(h, `<w:ins `) || !strings.Contains(h, "DRAFT") {
		t.Errorf("the header does not mark the draft mark as new: %s", h)
	}
	if !strings.Contains(parts["word/settings.xml"], "<w:trackRevisions/>") {
		t.Error("tracked changes are off")
	}
	partsNamed(t, parts)
}

// TestSignatureGaps: between partners' signature blocks stands one empty
// paragraph, in each version: a gap beside a block that leaves goes with
// it, one beside a block that joins comes with it.
func TestSignatureGaps(t *testing.T) {
	md := "<!-- mou:signature -->\n\nA\n\n<!-- mou:end-signature -->\n\n<!-- mou:signature -->\n\nB\n\n<!-- mou:end-signature -->\n\n" +
		"<!-- mou:signature -->\n\nC\n\n<!-- mou:end-signature -->\n\n<!-- mou:signature -->\n\nD\n\n<!-- mou:end-signature -->\n\nEnd.\n"
	tests := []struct {
		name  string
		kinds []ast.NodeKind // of blocks A to D
		want  string         // the marks of the three gaps
	}{
		{"none", []ast.NodeKind{0, 0, 0, 0}, "||"},
		{"one leaves", []ast.NodeKind{0, layout.KindDelete, 0, 0}, "del||"},
		{"the first leaves", []ast.NodeKind{layout.KindDelete, 0, 0, 0}, "del||"},
		{"the last joins", []ast.NodeKind{0, 0, 0, layout.KindInsert}, "||ins"},
		{"one leaves, one joins beside it", []ast.NodeKind{0, 0, layout.KindDelete, layout.KindInsert}, "|del|ins"},
		{"all but one leave", []ast.NodeKind{layout.KindDelete, layout.KindDelete, 0, layout.KindDelete}, "del|del|del"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tree := layout.Parse([]byte(md))
			i := 0
			for c := tree.Root.FirstChild(); c != nil; c = c.NextSibling() {
				if c.Kind() == layout.KindSignature {
					if tc.kinds[i] != 0 {
						wholly(c.FirstChild(), tc.kinds[i])
					}
					i++
				}
			}
			parts, _ := render(t, tree)
			var got []string
			for _, m := range regexp.MustCompile(`<w:pStyle w:val="SignatureGap"/>(.*?)</w:pPr>`).FindAllStringSubmatch(parts["word/document.xml"], -1) {
				got = append(got, strings.Join(regexp.MustCompile(`(ins|del) w:id`).FindAllString(m[1], -1), "+"))
			}
			if g := strings.ReplaceAll(strings.Join(got, "|"), " w:id", ""); g != tc.want {
				t.Errorf("gaps %q, want %q", g, tc.want)
			}
		})
	}
}
