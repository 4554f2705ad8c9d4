package docx

import (
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/layout"
)

// paragraphs lists the paragraphs of document.xml, each as its style,
// whether it switches numbering off, and its text.
func paragraphs(doc string) []string {
	var out []string
	for _, p := range regexp.MustCompile(`<w:p>(.*?)</w:p>`).FindAllStringSubmatch(doc, -1) {
		style := ""
		if m := regexp.MustCompile(`<w:pStyle w:val="([^"]+)"/>`).FindStringSubmatch(p[1]); m != nil {
			style = m[1]
		}
		if strings.Contains(p[1], noNumbering) {
			style += "(unnumbered)"
		}
		var text strings.Builder
		for _, t := range regexp.MustCompile(`<w:t[^>]*>([^<]*)</w:t>`).FindAllStringSubmatch(p[1], -1) {
			text.WriteString(t[1])
		}
		out = append(out, style+": "+text.String())
	}
	return out
}

// TestWordNumbering: sections and clauses whose typed numbers are the
// ones Word would give take Word's numbering, without the typed number;
// any other number stays typed, and a heading without a number switches
// the numbering off.
func TestWordNumbering(t *testing.T) {
	md := "## 1. Parties\n\n**1.1** First.\n\n**1.2 Own title.** Second.\n\n**1.4** Out of order.\n\n" +
		"1.3 Not bold.\n\n- **1.3** In a list.\n\n**1.3**\n\n- a list after a bare number\n\n" +
		"## 3. Out of order\n\n## 2. Mission\n\n**2.1** Third.\n\n## Schedule 1: Contacts\n\n**2.2** Bold but after a schedule.\n"
	parts, _ := render(t, layout.Parse([]byte(md)))
	got := paragraphs(parts["word/document.xml"])
	want := []string{
		"Heading1: Parties",
		"Clause: First.",
		"Clause: Own title. Second.",
		": 1.4 Out of order.",
		": 1.3 Not bold.",
		"ListBullet: 1.3 In a list.",
		"Clause: ",
		"ListBullet: a list after a bare number",
		"Heading1(unnumbered): 3. Out of order",
		"Heading1: Mission",
		"Clause: Third.",
		"Heading1(unnumbered): Schedule 1: Contacts",
		"Clause: Bold but after a schedule.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	num := parts["word/numbering.xml"]
	for _, w := range []string{`<w:pStyle w:val="Heading1"/><w:suff w:val="space"/><w:lvlText w:val="%1."/>`, `<w:pStyle w:val="Clause"/><w:suff w:val="space"/><w:lvlText w:val="%1.%2"/>`} {
		if !strings.Contains(num, w) {
			t.Errorf("numbering.xml lacks %s", w)
		}
	}
	styles := parts["word/styles.xml"]
	for _, w := range []string{`w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:numPr><w:numId w:val="2"/></w:numPr>`,
		`w:styleId="Clause"><w:name w:val="Clause"/><w:basedOn w:val="Normal"/><w:next w:val="Clause"/><w:qFormat/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr>`} {
		if !strings.Contains(styles, w) {
			t.Errorf("styles.xml lacks %s", w)
		}
	}
}

// TestBookmarks: a block with an id is inside a bookmark named after it;
// a long id is shortened to a name Word takes, and stays distinct.
func TestBookmarks(t *testing.T) {
	md := "<!-- mou:id general -->\n\n## 1. General\n\n<!-- mou:id general.insurance -->\n\n**1.1** Cover.\n"
	parts, _ := render(t, layout.Parse([]byte(md)))
	doc := parts["word/document.xml"]
	for _, w := range []string{
		`<w:bookmarkStart w:id="1" w:name="mou_general"/><w:r><w:t xml:space="preserve">General</w:t></w:r><w:bookmarkEnd w:id="1"/></w:p>`,
		`<w:bookmarkStart w:id="2" w:name="mou_general_insurance"/><w:r><w:t xml:space="preserve">Cover.</w:t></w:r><w:bookmarkEnd w:id="2"/></w:p>`,
	} {
		if !strings.Contains(doc, w) {
			t.Errorf("document.xml lacks %s", w)
		}
	}
	long := "safeguarding.a-very-long-clause-name-indeed-and-more"
	a, b := BookmarkName(long), BookmarkName(long+"s")
	if len(a) > 40 || a == b || !regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`).MatchString(a) {
		t.Errorf("names %q and %q", a, b)
	}
	if got := BookmarkName("safeguarding.keeping-learners-safe"); got != "mou_safeguarding_keeping_learners_safe" {
		t.Errorf("got %q", got)
	}
}

// TestFieldsAndSettings: a cross-reference is a REF field to the
// bookmark, showing the number until Word updates it; a long document
// with a title page has a contents page holding a TOC field; the
// settings then ask Word to update the fields on opening, and a draft
// opens with tracked changes on. The custom properties name the
// document.
func TestFieldsAndSettings(t *testing.T) {
	var sections strings.Builder
	for i := 1; i <= 6; i++ {
		sections.WriteString("## " + string(rune('0'+i)) + ". Section\n\n")
	}
	md := "<!-- mou:title -->\n\n# T\n\n<!-- mou:end-title -->\n\n<!-- mou:id general -->\n\n" + sections.String() +
		"As 1<!-- mou:ref general --> and Schedule 3<!-- mou:ref charges --> say.\n\n<!-- mou:id charges -->\n\n## Schedule 3: Charges\n"
	doc := testDoc
	doc.ContentsTitle, doc.DraftMark, doc.DraftNote = "Contents", "DRAFT", "Draft for discussion"
	parts, _ := renderDoc(t, layout.Parse([]byte(md)), doc)
	body := parts["word/document.xml"]
	for _, w := range []string{
		`<w:instrText xml:space="preserve"> REF mou_general \n \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve">1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`,
		`<w:pStyle w:val="TOCHeading"/><w:pageBreakBefore/></w:pPr><w:r><w:t xml:space="preserve">Contents</w:t>`,
		`<w:pStyle w:val="TOC1"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-1" \h \z </w:instrText>`,
		`<w:t xml:space="preserve">Schedule 3: Charges</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Heading1"/><w:pageBreakBefore/>`,
		// Word numbers the section: the bookmark holds all of it, and the
		// reference asks for its number.
		`<w:bookmarkStart w:id="1" w:name="mou_general"/><w:r><w:t xml:space="preserve">Section</w:t></w:r><w:bookmarkEnd w:id="1"/>`,
		// The schedule's number is typed: the bookmark holds it alone, and
		// the reference shows what it holds.
		`<w:r><w:t xml:space="preserve">Schedule </w:t></w:r><w:bookmarkStart w:id="2" w:name="mou_charges"/><w:r><w:t xml:space="preserve">3</w:t></w:r><w:bookmarkEnd w:id="2"/><w:r><w:t xml:space="preserve">: Charges</w:t></w:r>`,
		`<w:instrText xml:space="preserve"> REF mou_charges \h </w:instrText>`,
	} {
		if !strings.Contains(body, w) {
			t.Errorf("document.xml lacks %s", w)
		}
	}
	if s := parts["word/settings.xml"]; !strings.Contains(s, `<w:trackRevisions/>`) || !strings.Contains(s, `<w:updateFields w:val="true"/>`) {
		t.Errorf("settings.xml: %s", s)
	}
	custom := parts["docProps/custom.xml"]
	for _, w := range []string{`name="mou.title"><vt:lpwstr>Memorandum of Understanding</vt:lpwstr>`, `name="mou.version"><vt:lpwstr>2</vt:lpwstr>`, `name="mou.reference"><vt:lpwstr>7K2M-Q9XD</vt:lpwstr>`} {
		if !strings.Contains(custom, w) {
			t.Errorf("custom.xml lacks %s", w)
		}
	}
	partsNamed(t, parts)

	// Final, short and without references: no contents, nothing to update, no tracking.
	parts, _ = render(t, layout.Parse([]byte("## 1. Only\n\nText.\n")))
	if s := parts["word/settings.xml"]; strings.Contains(s, "trackRevisions") || strings.Contains(s, "updateFields") {
		t.Errorf("settings.xml: %s", s)
	}
	if strings.Contains(parts["word/document.xml"], "TOC") {
		t.Error("a short document has a contents page")
	}
}

// TestLastParagraphMark: where the document's last paragraphs are
// inserted or deleted whole, the change to the last one's mark, which
// cannot go, moves to the mark of the last paragraph before them that
// stays, so that accepting or rejecting leaves no empty paragraph.
func TestLastParagraphMark(t *testing.T) {
	for _, kind := range []string{"ins", "del"} {
		tree := layout.Parse([]byte("Kept.\n\nGone one.\n\nGone two.\n"))
		for p := tree.Root.FirstChild().NextSibling(); p != nil; p = p.NextSibling() {
			var wrap ast.Node = &layout.Insert{}
			if kind == "del" {
				wrap = &layout.Delete{}
			}
			for c := p.FirstChild(); c != nil; c = p.FirstChild() {
				p.RemoveChild(p, c)
				wrap.AppendChild(wrap, c)
			}
			p.AppendChild(p, wrap)
		}
		parts, _ := render(t, tree)
		marks := regexp.MustCompile(`<w:p><w:pPr>(.*?)</w:pPr>`).FindAllStringSubmatch(parts["word/document.xml"], -1)
		var got []string
		for _, m := range marks {
			got = append(got, regexp.MustCompile(`<w:(ins|del) w:id`).FindString(m[1]))
		}
		want := []string{"<w:" + kind + " w:id", "<w:" + kind + " w:id", ""}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: marks %q, want %q", kind, got, want)
		}
	}
}
