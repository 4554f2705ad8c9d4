package docx

import (
	"bytes"
	"strings"
)

// The last paragraph of a Word document cannot go: Word and LibreOffice
// keep its mark when a change that deletes it is accepted, or one that
// inserts it is rejected, which leaves an empty paragraph at the end (in
// a redline whose last signature block is a partner's that left or
// joined). So where the last paragraph's mark is inserted or deleted,
// the change moves to the mark of the last paragraph before it that
// does not have it: accepting or rejecting it then joins that paragraph
// to the empty last one, and nothing is left over.

// markSpan is where the properties of a body paragraph's mark are in
// the XML, and the change they record: "ins", "del" or "".
type markSpan struct {
	start, end int // the <w:rPr>…</w:rPr> before </w:pPr>, or an empty span there
	change     string
}

// paragraphMarks lists the marks of the paragraphs of body that are not
// in a table, in order.
func paragraphMarks(body []byte) []markSpan {
	var out []markSpan
	tables := 0
	for i := 0; i < len(body); {
		next := bytes.IndexByte(body[i:], '<')
		if next < 0 {
			break
		}
		i += next
		switch {
		case bytes.HasPrefix(body[i:], []byte("<w:tbl>")):
			tables++
		case bytes.HasPrefix(body[i:], []byte("</w:tbl>")):
			tables--
		case bytes.HasPrefix(body[i:], []byte("<w:p><w:pPr>")) && tables == 0:
			end := bytes.Index(body[i:], []byte("</w:pPr>"))
			if end < 0 {
				return out
			}
			end += i
			m := markSpan{start: end, end: end}
			if bytes.HasSuffix(body[i:end], []byte("</w:rPr>")) {
				m.start = bytes.LastIndex(body[i:end], []byte("<w:rPr>")) + i
			}
			rPr := string(body[m.start:m.end])
			ins, del := strings.Contains(rPr, "<w:ins "), strings.Contains(rPr, "<w:del ")
			switch {
			case ins && !del:
				m.change = "ins"
			case del && !ins:
				m.change = "del"
			case ins && del:
				m.change = "both"
			}
			out = append(out, m)
			i = end
			continue
		}
		i++
	}
	return out
}

// keepLastMark moves the change of the last paragraph's mark, as the
// package comment above says, and returns the body.
func (b *body) keepLastMark(body []byte) []byte {
	// Most documents end in a paragraph with no change: nothing to do.
	at := bytes.LastIndex(body, []byte("<w:p><w:pPr>"))
	end := bytes.Index(body[max(at, 0):], []byte("</w:pPr>"))
	if at < 0 || end < 0 || !bytes.Contains(body[at:at+end], []byte("<w:ins ")) && !bytes.Contains(body[at:at+end], []byte("<w:del ")) {
		return body
	}
	marks := paragraphMarks(body)
	if len(marks) < 2 {
		return body
	}
	last := marks[len(marks)-1]
	if last.change != "ins" && last.change != "del" || bytes.Contains(body[last.end:], []byte("<w:tbl>")) {
		return body
	}
	for j := len(marks) - 2; j >= 0; j-- {
		m := marks[j]
		if m.change == last.change || m.change == "both" {
			continue
		}
		if bytes.Contains(body[m.end:last.start], []byte("<w:tbl>")) {
			return body // a table between cannot be joined across
		}
		tag := b.changeTag(last.change, true)
		rPr := "<w:rPr>" + tag + "</w:rPr>"
		if m.change != "" {
			// the other change first, as the schema orders them
			old := string(body[m.start+len("<w:rPr>") : m.end-len("</w:rPr>")])
			if last.change == "ins" {
				rPr = "<w:rPr>" + tag + old + "</w:rPr>"
			} else {
				rPr = "<w:rPr>" + old + tag + "</w:rPr>"
			}
		}
		var out []byte
		out = append(out, body[:m.start]...)
		out = append(out, rPr...)
		out = append(out, body[m.end:last.start]...)
		out = append(out, body[last.end:]...)
		return out
	}
	return body
}
