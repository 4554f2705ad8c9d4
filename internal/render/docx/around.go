package docx

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/partnership-tools/mou/internal/layout"
)

// What is printed around the text: the running header and footer, the
// title page's draft note. In a redline each is marked where it changed
// from the document it was (layout.Document.Was), so that rejecting every
// change gives the old version's header, footer and title page too.

// was is the document as it stood before a redline's changes: the
// document itself when it is not a redline.
func (b *body) was() layout.Document {
	if b.doc.Was != nil {
		return *b.doc.Was
	}
	return b.doc
}

// part writes fn's output apart from the body's and returns it.
func (b *body) part(fn func()) []byte {
	saved := b.out
	b.out = bytes.Buffer{}
	fn()
	out := b.out.Bytes()
	b.out = saved
	return out
}

// changed writes the runs of a text that was old and is now new, in
// style st: as it is where it did not change, else old deleted and new
// inserted.
func (b *body) changed(old, new string, st runStyle) {
	if old == new {
		b.run(new, st)
		return
	}
	del, ins := st, st
	del.change, ins.change = layout.KindDelete, layout.KindInsert
	b.run(old, del)
	b.run(new, ins)
}

// tab writes a tab that there was (before) and is (now).
func (b *body) tab(before, now bool) {
	st := runStyle{}
	switch {
	case !before && !now:
		return
	case !before:
		st.change = layout.KindInsert
	case !now:
		st.change = layout.KindDelete
	}
	b.wrap(st)
	b.out.WriteString("<w:r><w:tab/></w:r>")
}

// markWhole is the run properties of the mark of a paragraph that holds
// old and now new: inserted where it was empty, deleted where it is now.
func (b *body) markWhole(old, new string) string {
	switch {
	case old == "" && new != "":
		return "<w:rPr>" + b.changeTag("ins", true) + "</w:rPr>"
	case old != "" && new == "":
		return "<w:rPr>" + b.changeTag("del", true) + "</w:rPr>"
	}
	return ""
}

// draftNote writes the title page's draft note, if there is or was one.
func (b *body) draftNote() {
	old, note := b.was().DraftNote, b.doc.DraftNote
	if old == "" && note == "" {
		return
	}
	b.startP("TitleText", "", b.markWhole(old, note))
	b.changed(old, note, runStyle{bold: true})
	b.endP()
}

// firstHeader reports whether the title page has a header of its own:
// the draft mark on a draft, or on a redline where either version is one.
func (b *body) hasFirstHeader() bool { return b.doc.DraftMark != "" || b.was().DraftMark != "" }

// header is the running header: the partnership's name and, on a draft,
// the draft mark at the right margin.
func (b *body) header() []byte {
	old, now := b.was(), b.doc
	return b.part(func() {
		b.out.WriteString(xmlHeader + `<w:hdr ` + namespaces + `><w:p><w:pPr><w:pStyle w:val="Header"/>`)
		if b.hasFirstHeader() {
			fmt.Fprintf(&b.out, `<w:tabs><w:tab w:val="right" w:pos="%d"/></w:tabs>`, b.textWidth())
		}
		b.out.WriteString(`</w:pPr>`)
		b.changed(old.Partnership, now.Partnership, runStyle{})
		b.tab(old.DraftMark != "", now.DraftMark != "")
		b.changed(old.DraftMark, now.DraftMark, runStyle{bold: true})
		b.endP()
		b.out.WriteString(`</w:hdr>`)
	})
}

// firstHeader is the title page's header on a draft: the draft mark
// alone, at the right margin, without the rule under it.
func (b *body) firstHeader() []byte {
	return b.part(func() {
		b.out.WriteString(xmlHeader + `<w:hdr ` + namespaces + `><w:p><w:pPr><w:pStyle w:val="Header"/><w:pBdr><w:bottom w:val="nil"/></w:pBdr><w:jc w:val="right"/></w:pPr>`)
		b.changed(b.was().DraftMark, b.doc.DraftMark, runStyle{bold: true})
		b.endP()
		b.out.WriteString(`</w:hdr>`)
	})
}

// footer is "Version 2 · 1 September 2026 · Page X of Y" with the
// reference at the right, the page number and count as fields so that
// Word keeps them right however the text reflows.
func (b *body) footer() []byte {
	old, now := b.was(), b.doc
	issued := func(d layout.Document) string {
		if d.Issued == "" {
			return ""
		}
		return d.Issued + " · "
	}
	return b.part(func() {
		b.out.WriteString(xmlHeader + `<w:ftr ` + namespaces + `><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>`)
		b.changed(issued(old), issued(now), runStyle{})
		pattern := now.PagePattern
		if pattern == "" {
			pattern = "{page} / {pages}"
		}
		for pattern != "" {
			i := strings.IndexByte(pattern, '{')
			field := ""
			switch {
			case i < 0:
				i = len(pattern)
			case strings.HasPrefix(pattern[i:], "{page}"):
				field = "PAGE"
			case strings.HasPrefix(pattern[i:], "{pages}"):
				field = "NUMPAGES"
			default:
				i++
			}
			b.run(pattern[:i], runStyle{})
			pattern = pattern[i:]
			if field != "" {
				b.wrap(runStyle{})
				fmt.Fprintf(&b.out, `<w:fldSimple w:instr=" %s "><w:r><w:t>1</w:t></w:r></w:fldSimple>`, field)
				pattern = pattern[strings.IndexByte(pattern, '}')+1:]
			}
		}
		b.tab(old.ReferenceLabel != "", now.ReferenceLabel != "")
		b.changed(old.ReferenceLabel, now.ReferenceLabel, runStyle{})
		b.endP()
		b.out.WriteString(`</w:ftr>`)
	})
}
