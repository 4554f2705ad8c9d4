package docx

import (
	"regexp"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/layout"
)

// TestDraftMarks: a draft's title page ends with the draft note, its
// running header carries the mark at the right margin, and its title page
// has a header of its own with the mark alone; a final document has
// none of these. Every part the package names is in it.
func TestDraftMarks(t *testing.T) {
	for _, draft := range []bool{true, false} {
		doc := testDoc
		if draft {
			doc.DraftMark, doc.DraftNote = "DRAFT", "Draft for discussion"
		}
		parts, _ := renderDoc(t, layout.Parse([]byte(testMD)), doc)
		body := parts["word/document.xml"]
		title, _, _ := strings.Cut(body, "<w:pageBreakBefore/>")
		checks := []struct {
			what, in, want string
		}{
			{"the title page's note", title, `<w:pStyle w:val="TitleText"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Draft for discussion</w:t></w:r></w:p>`},
			{"the running header's mark", parts["word/header1.xml"], `Hill &amp; Vale &lt;b&gt;&quot;Hub&quot;&lt;/b&gt;</w:t></w:r><w:r><w:tab/></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">DRAFT</w:t>`},
			{"the title page's header", parts["word/header2.xml"], `<w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">DRAFT</w:t></w:r>`},
			{"the reference to it", body, `<w:headerReference w:type="default" r:id="rIdHeader"/><w:headerReference w:type="first" r:id="rIdHeaderFirst"/><w:footerReference`},
			{"its relationship", parts["word/_rels/document.xml.rels"], `Id="rIdHeaderFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"`},
			{"its content type", parts["[Content_Types].xml"], `<Override PartName="/word/header2.xml"`},
		}
		for _, c := range checks {
			if got := strings.Contains(c.in, c.want); got != draft {
				t.Errorf("draft %v: %s present: %v", draft, c.what, got)
			}
		}
		if !draft && (strings.Contains(body, "Draft") || strings.Contains(parts["word/header1.xml"], "DRAFT")) {
			t.Error("a final document says it is a draft")
		}
		if _, ok := parts["word/header2.xml"]; ok != draft {
			t.Errorf("draft %v: header2.xml present: %v", draft, ok)
		}
		partsNamed(t, parts)
	}
}

// partsNamed fails if the content types or the document's relationships
// name a part the package does not hold.
func partsNamed(t *testing.T, parts map[string]string) {
	t.Helper()
	for _, m := range regexp.MustCompile(`PartName="/([^"]+)"`).FindAllStringSubmatch(parts["[Content_Types].xml"], -1) {
		if _, ok := parts[m[1]]; !ok {
			t.Errorf("[Content_Types].xml names %s, which is not in the package", m[1])
		}
	}
	for _, m := range regexp.MustCompile(`Target="([^"]+)"( TargetMode)?`).FindAllStringSubmatch(parts["word/_rels/document.xml.rels"], -1) {
		if _, ok := parts["word/"+m[1]]; !ok && m[2] == "" {
			t.Errorf("document.xml.rels names %s, which is not in the package", m[1])
		}
	}
}
