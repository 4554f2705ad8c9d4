package docx

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/layout"
)

// runStyle is how a run of text looks and what it belongs to.
type runStyle struct {
	bold, italic, code bool
	link               string       // hyperlink target
	change             ast.NodeKind // layout.KindInsert or KindDelete, or 0
}

// inlines writes the runs of n's inline children in style st.
func (b *body) inlines(n ast.Node, st runStyle) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b.inline(c, st)
	}
}

func (b *body) inline(n ast.Node, st runStyle) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(b.src)
		if n.IsRaw() {
			b.run(string(v), st)
		} else {
			b.run(layout.Unescape(v), st)
		}
		switch {
		case n.HardLineBreak():
			b.wrap(st)
			b.out.WriteString("<w:r>" + b.rPr(st) + "<w:br/></w:r>")
		case n.SoftLineBreak():
			b.run(" ", st)
		}
	case *ast.String:
		if n.IsRaw() {
			b.run(string(n.Value), st)
		} else {
			b.run(layout.Unescape(n.Value), st)
		}
	case *ast.CodeSpan:
		cs := st
		cs.code = true
		b.raw(n, cs)
	case *ast.Emphasis:
		es := st
		es.bold = st.bold || n.Level >= 2
		es.italic = st.italic || n.Level == 1
		b.inlines(n, es)
	case *ast.Link:
		ls := st
		ls.link = layout.Unescape(n.Destination)
		b.inlines(n, ls)
	case *ast.AutoLink:
		url := string(n.URL(b.src))
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
			url = "mailto:" + url
		}
		ls := st
		ls.link = url
		b.run(string(n.Label(b.src)), ls)
	case *ast.Image:
		is := st
		is.italic = true
		b.inlines(n, is)
	case *ast.RawHTML:
		var s strings.Builder
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			s.Write(seg.Value(b.src))
		}
		if !strings.HasPrefix(s.String(), "<!--") {
			b.run(s.String(), st)
		}
	case *layout.Insert, *layout.Delete:
		cs := st
		cs.change = n.Kind()
		b.inlines(n, cs)
	case *layout.Reference:
		// The number of the clause, as a field Word keeps up to date.
		b.field(b.refInstr(n.ID), st, func() { b.inlines(n, st) })
	default:
		b.inlines(n, st)
	}
}

// raw writes the text of a code span's children as it stands.
func (b *body) raw(n ast.Node, st runStyle) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.run(string(c.Segment.Value(b.src)), st)
		case *ast.String:
			b.run(string(c.Value), st)
		default:
			b.raw(c, st)
		}
	}
}

// run writes s as one run in style st, inside the hyperlink and tracked
// change it belongs to.
func (b *body) run(s string, st runStyle) {
	s = b.skipped(cleanText(s))
	if b.markNumber != "" {
		s = b.number(s, st)
	}
	if s == "" {
		return
	}
	b.wrap(st)
	tag := "w:t"
	if st.change == layout.KindDelete {
		tag = "w:delText"
	}
	fmt.Fprintf(&b.out, `<w:r>%s<%s xml:space="preserve">%s</%s></w:r>`, b.rPr(st), tag, escape(s), tag)
}

// wrap opens and closes hyperlinks and tracked changes so that the next
// run sits inside the ones st asks for. A hyperlink holds tracked
// changes, never the other way round, as the schema asks.
func (b *body) wrap(st runStyle) {
	link := st.link
	if st.change != 0 && b.openLink != link {
		link = "" // a link that is changed is written as styled text
	}
	if link != b.openLink {
		b.closeChange()
		if b.openLink != "" {
			b.out.WriteString("</w:hyperlink>")
		}
		b.openLink = link
		if link != "" {
			b.links = append(b.links, link)
			fmt.Fprintf(&b.out, `<w:hyperlink r:id="rIdLink%d">`, len(b.links))
		}
	}
	if st.change != b.openChange {
		b.closeChange()
		switch st.change {
		case layout.KindInsert:
			b.out.WriteString(b.changeTag("ins", false))
		case layout.KindDelete:
			b.out.WriteString(b.changeTag("del", false))
		}
		b.openChange = st.change
	}
}

func (b *body) closeChange() {
	switch b.openChange {
	case layout.KindInsert:
		b.out.WriteString("</w:ins>")
	case layout.KindDelete:
		b.out.WriteString("</w:del>")
	}
	b.openChange = 0
}

// endP closes whatever the paragraph's runs are inside, and the paragraph.
func (b *body) endP() {
	b.wrap(runStyle{})
	b.out.WriteString("</w:p>")
	b.skip, b.skipSpace, b.autoNumber, b.markNumber = "", false, false, ""
}

// field writes a field with the instruction instr, result writing what
// it shows until Word updates it, in the runs of style st.
func (b *body) field(instr string, st runStyle, result func()) {
	b.fields = true
	char := func(kind string) {
		b.wrap(st)
		fmt.Fprintf(&b.out, `<w:r>%s<w:fldChar w:fldCharType="%s"/></w:r>`, b.rPr(st), kind)
	}
	char("begin")
	tag := "w:instrText"
	if st.change == layout.KindDelete {
		tag = "w:delInstrText"
	}
	fmt.Fprintf(&b.out, `<w:r>%s<%s xml:space="preserve">%s</%s></w:r>`, b.rPr(st), tag, escape(instr), tag)
	char("separate")
	result()
	char("end")
}

// rPr is the run properties of style st.
func (b *body) rPr(st runStyle) string {
	var s strings.Builder
	switch {
	case st.code:
		s.WriteString(`<w:rStyle w:val="CodeChar"/>`)
	case st.link != "":
		s.WriteString(`<w:rStyle w:val="Hyperlink"/>`)
	}
	if st.bold {
		s.WriteString("<w:b/>")
	}
	if st.italic {
		s.WriteString("<w:i/>")
	}
	if s.Len() == 0 {
		return ""
	}
	return "<w:rPr>" + s.String() + "</w:rPr>"
}

// cleanText folds tabs and line breaks to spaces and drops characters
// that XML 1.0 cannot hold.
func cleanText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v':
			return ' '
		case r < 0x20, r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
			return -1
		}
		return r
	}, s)
}

// escape escapes text for XML.
func escape(s string) string {
	return escaper.Replace(s)
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
