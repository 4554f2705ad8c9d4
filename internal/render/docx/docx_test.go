package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/theme"
)

var testDoc = layout.Document{
	Title: "Memorandum of Understanding", Partnership: `Hill & Vale <b>"Hub"</b>`,
	Parties: []string{"A & B School", "C College"}, Version: 2, Issued: "Version 2 · 1 September 2026",
	Date: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), Reference: "7K2M-Q9XD", ReferenceLabel: "Agreement ref. 7K2M-Q9XD",
	Language: "en-GB", PagePattern: "Page {page} of {pages}",
}

const testMD = `<!-- mou:title -->

# Hill \& Vale \<b\>

## Memorandum of Understanding

<!-- mou:end-title -->

## 1. Parties

**1.1** Between *us* and [them](https://example.org/a?b=1&c=2).

- one
- two

3. three
4. four

| Objective | By |
| --- | --- |
| Read more | 2027 |

<!-- mou:signature -->

**Signed for A**

Signed: \_\_\_\_\_\_

<!-- mou:end-signature -->

<!-- mou:signature -->

**Signed for C**

<!-- mou:end-signature -->
`

// render writes tree and returns the package's parts by name.
func render(t *testing.T, tree *layout.Tree) (map[string]string, []byte) {
	t.Helper()
	return renderDoc(t, tree, testDoc)
}

// renderDoc is render for the document doc.
func renderDoc(t *testing.T, tree *layout.Tree, doc layout.Document) (map[string]string, []byte) {
	t.Helper()
	return renderThemed(t, theme.Default(), tree, doc)
}

// renderThemed is renderDoc in the theme th.
func renderThemed(t *testing.T, th theme.Theme, tree *layout.Tree, doc layout.Document) (map[string]string, []byte) {
	t.Helper()
	r, err := New(th)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.Render(&buf, tree, doc); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range z.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		parts[f.Name] = string(data)
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			d := xml.NewDecoder(bytes.NewReader(data))
			for {
				if _, err := d.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
				}
			}
		}
	}
	return parts, buf.Bytes()
}

func TestRender(t *testing.T) {
	parts, first := render(t, layout.Parse([]byte(testMD)))
	if _, again := render(t, layout.Parse([]byte(testMD))); !bytes.Equal(first, again) {
		t.Error("the same tree gave different bytes")
	}
	doc := parts["word/document.xml"]
	for _, want := range []string{
		`<w:pStyle w:val="Title"/>`, `<w:pStyle w:val="Subtitle"/>`, `<w:pStyle w:val="Heading1"/>`,
		`<w:pStyle w:val="ListBullet"/>`, `<w:pStyle w:val="ListNumber"/>`,
		`<w:tblHeader/>`, `<w:cantSplit/>`, `<w:titlePg/>`,
		`Hill &amp; Vale &lt;b&gt;`, `<w:hyperlink r:id="rIdLink1">`,
		`<w:keepNext/><w:keepLines/>`, `w:space="5"`, `w:space="4"`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	// the last paragraph of each signature block does not keep with the next
	if n := strings.Count(doc, `<w:pStyle w:val="SignatureBlock"/><w:keepNext/>`); n != 1 {
		t.Errorf("%d signature paragraphs keep with the next, want 1", n)
	}
	if !strings.Contains(parts["word/numbering.xml"], `<w:startOverride w:val="3"/>`) {
		t.Error("the ordered list does not start at 3")
	}
	if !strings.Contains(parts["word/_rels/document.xml.rels"], `Target="https://example.org/a?b=1&amp;c=2" TargetMode="External"`) {
		t.Error("the hyperlink's target is missing")
	}
	ftr := parts["word/footer1.xml"]
	for _, want := range []string{`Page </w:t>`, `<w:fldSimple w:instr=" PAGE ">`, ` of </w:t>`, `<w:fldSimple w:instr=" NUMPAGES ">`, `Agreement ref. 7K2M-Q9XD`} {
		if !strings.Contains(ftr, want) {
			t.Errorf("footer lacks %s", want)
		}
	}
	core := parts["docProps/core.xml"]
	for _, want := range []string{`<dc:title>Hill &amp; Vale &lt;b&gt;&quot;Hub&quot;&lt;/b&gt;: Memorandum of Understanding</dc:title>`,
		`<dc:creator>A &amp; B School; C College</dc:creator>`, `<dc:language>en-GB</dc:language>`, `2026-09-01T00:00:00Z`} {
		if !strings.Contains(core, want) {
			t.Errorf("core.xml lacks %s", want)
		}
	}
	if !strings.Contains(parts["word/styles.xml"], `<w:lang w:val="en-GB"`) {
		t.Error("styles.xml does not set the language")
	}
}

// TestTrackedChanges checks that Insert and Delete nodes become w:ins and
// w:del by mou on the document's date, with deleted text as w:delText, and
// that a paragraph wholly inserted has its mark inserted too.
func TestTrackedChanges(t *testing.T) {
	tree := layout.Parse([]byte("Keep this.\n\nNew.\n\nEnd.\n"))
	p1 := tree.Root.FirstChild()
	del := &layout.Delete{}
	s := ast.NewString([]byte("old & gone"))
	s.SetRaw(true)
	del.AppendChild(del, s)
	p1.AppendChild(p1, del)
	p2 := p1.NextSibling()
	ins := &layout.Insert{}
	for c := p2.FirstChild(); c != nil; c = p2.FirstChild() {
		p2.RemoveChild(p2, c)
		ins.AppendChild(ins, c)
	}
	p2.AppendChild(p2, ins)
	parts, _ := render(t, tree)
	doc := parts["word/document.xml"]
	for _, want := range []string{
		`<w:del w:id="1" w:author="mou" w:date="2026-09-01T00:00:00Z"><w:r><w:delText xml:space="preserve">old &amp; gone</w:delText></w:r></w:del>`,
		`<w:rPr><w:ins w:id="2" w:author="mou" w:date="2026-09-01T00:00:00Z"/></w:rPr></w:pPr><w:ins w:id="3" w:author="mou"`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s\n%s", want, doc)
		}
	}
}

func TestNewRefusesBadThemes(t *testing.T) {
	for _, bad := range []func(*theme.Theme){
		func(th *theme.Theme) { th.Paper = "A5" },
		func(th *theme.Theme) { th.MarginTop = 5 },
		func(th *theme.Theme) { th.BodySize = 30 },
		func(th *theme.Theme) { th.Font = "comic" },
	} {
		th := theme.Default()
		bad(&th)
		if _, err := New(th); err == nil {
			t.Errorf("New(%+v) accepted", th)
		}
	}
}

// TestTheme: the Word file takes the theme's paper, font and
// justification as well as its margins, type size and colours.
func TestTheme(t *testing.T) {
	th := theme.Default()
	th.Paper, th.Font, th.Justify, th.Heading = "Letter", theme.Serif, true, theme.Colour{R: 0x80}
	parts, _ := renderThemed(t, th, layout.Parse([]byte("# Title\n\nA paragraph.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n")), testDoc)
	styles, doc := parts["word/styles.xml"], parts["word/document.xml"]
	for _, want := range []string{`w:ascii="Times New Roman"`, `w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="both"/>`, `<w:color w:val="800000"/>`} {
		if !strings.Contains(styles, want) {
			t.Errorf("styles.xml lacks %s", want)
		}
	}
	if want := `<w:pgSz w:w="12240" w:h="15840"/>`; !strings.Contains(doc, want) {
		t.Errorf("document.xml lacks %s, the Letter sheet", want)
	}
}

func TestBadLogo(t *testing.T) {
	r, _ := New(theme.Default())
	doc := testDoc
	doc.Logos = []layout.Logo{{Name: "logo.gif", Data: []byte("GIF89a")}}
	err := r.Render(io.Discard, layout.Parse([]byte(testMD)), doc)
	if err == nil || !strings.Contains(err.Error(), "logo.gif") {
		t.Errorf("got %v, want an error naming the logo", err)
	}
}

// FuzzRender checks that any Markdown gives a Word file whose parts are
// well-formed XML, or an error, never a panic.
func FuzzRender(f *testing.F) {
	for _, s := range []string{testMD, "# \x00\x01 <&>\n\n`code`\n\n    indented\n\n> quote\n", "<div>\n<!-- c -->\n</div>\n\n---\n\n1. a\n   - b\n     1. c\n"} {
		f.Add(s)
	}
	r, err := New(theme.Default())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, md string) {
		var buf bytes.Buffer
		if err := r.Render(&buf, layout.Parse([]byte(md)), testDoc); err != nil {
			return
		}
		z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range z.File {
			rc, _ := f.Open()
			d := xml.NewDecoder(rc)
			for {
				if _, err := d.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s: %v", f.Name, err)
				}
			}
			rc.Close()
		}
	})
}

// TestKeepWithNext: a paragraph that ends in a colon keeps with what
// follows it, as in the PDF; other paragraphs, and a colon last in the
// document, do not.
func TestKeepWithNext(t *testing.T) {
	tests := []struct {
		name, md string
		want     int // paragraphs with keepNext
	}{
		{"introduces a list", "The partners agree:\n\n- one\n- two\n", 1},
		{"introduces a table", "**4.2** The objectives are:\n\n| A | B |\n| --- | --- |\n| x | y |\n", 1},
		{"colon inside", "Time: 9 am, in the hall.\n\nNext.\n", 0},
		{"last in the document", "Ends with:\n", 0},
		// The heading (by its style), the line under it and the block
		// (whose paragraphs keep with each other but the last) stay on
		// one page.
		{"before a signature block", "## 9. Signatures\n\nSigned for each partner.\n\n<!-- mou:signature -->\n\n**A**\n\nSigned: \\_\\_\\_\n\nDate: \\_\n\n<!-- mou:end-signature -->\n", 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			parts, _ := render(t, layout.Parse([]byte(tc.md)))
			if got := strings.Count(parts["word/document.xml"], "<w:keepNext/>"); got != tc.want {
				t.Errorf("%d paragraphs keep with the next, want %d:\n%s", got, tc.want, parts["word/document.xml"])
			}
		})
	}
}
