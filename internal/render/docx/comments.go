package docx

import (
	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/layout"
)

// summary writes a layout.Summary as a comment by mou on the first
// paragraph after it (the title), not as text: accepting or rejecting
// every change then leaves one version's text alone, and Word's review
// pane shows the summary beside it.
func (b *body) summary(n *layout.Summary) {
	b.comment = b.part(func() {
		for c := n.FirstChild(); c != nil && b.err == nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Heading:
				b.startP("", "", "")
				b.inlines(c, runStyle{bold: true})
				b.endP()
			case *layout.PageBreak:
			default:
				b.block(c)
			}
		}
	})
	b.keepNext = false
}

// commentStart anchors the comment at the paragraph being written, if it
// is waiting for one, and returns what ends the anchor.
func (b *body) commentStart() string {
	if b.comment == nil || b.commented {
		return ""
	}
	b.commented = true
	b.out.WriteString(`<w:commentRangeStart w:id="0"/>`)
	return `<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>`
}

// comments is word/comments.xml.
func (b *body) comments() []byte {
	return []byte(xmlHeader + `<w:comments ` + namespaces + `><w:comment w:id="0" w:author="mou" w:initials="mou" w:date="` + b.date + `">` +
		string(b.comment) + `</w:comment></w:comments>`)
}
