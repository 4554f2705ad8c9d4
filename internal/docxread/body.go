package docxread

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// decoder reads an XML part token by token, refusing nesting deeper
// than MaxDepth.
type decoder struct {
	*xml.Decoder
	depth int
}

func newDecoder(data []byte) *decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	return &decoder{Decoder: d}
}

// next returns the next token, or io.EOF at the end.
func (d *decoder) next() (xml.Token, error) {
	tok, err := d.Token()
	if err != nil {
		if err == io.EOF && d.depth != 0 {
			return nil, errors.New("the XML ends inside an element")
		}
		return nil, err
	}
	switch tok.(type) {
	case xml.StartElement:
		d.depth++
		if d.depth > MaxDepth {
			return nil, fmt.Errorf("elements are nested more than %d deep", MaxDepth)
		}
	case xml.EndElement:
		d.depth--
	}
	return tok, nil
}

// tokens calls f with each token of an XML part and the depth it stands
// at, until the end or an error.
func tokens(data []byte, f func(tok xml.Token, depth int)) error {
	x := newDecoder(data)
	for {
		tok, err := x.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		f(tok, x.depth)
	}
}

// attr returns the value of the attribute with the local name name.
func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// paragraph is a paragraph being read.
type paragraph struct {
	Block
	markDeleted bool   // its mark is deleted: it joins the paragraph after it
	text        []byte // Text as it is read, appended to run by run
}

// container is where paragraphs go: the body, or a table cell.
type container struct {
	paras []paragraph
	rows  [][][]Block // for a table
	row   [][]Block
	// rowDeleted is set while reading a row whose deletion is pending.
	rowDeleted bool
}

// field is a field being read: its instruction, whether its result has
// started, and where in the paragraph its result starts.
type field struct {
	instr  strings.Builder
	result bool
	start  int // in the paragraph's text; -1 before any
	para   *paragraph
}

// notePara notes, at the end of a paragraph or a field, what a field
// means for the paragraph: a paragraph of a table of contents, or a
// cross-reference in it.
func (r *reader) notePara(f *field) {
	if r.para == nil || !f.result {
		return
	}
	instr := strings.Fields(f.instr.String())
	switch {
	case len(instr) > 0 && instr[0] == "TOC":
		r.para.Contents = true
	case len(instr) > 1 && instr[0] == "REF" && f.para == r.para && f.start >= 0:
		r.para.Refs = append(r.para.Refs, Ref{Start: f.start, End: len(r.para.text), Target: instr[1]})
		f.start = -1
	}
}

// endField notes what a field that ends means for the paragraph.
func (r *reader) endField(f *field) { r.notePara(f) }

// reader holds the state of reading word/document.xml.
type reader struct {
	doc    *Document
	styles map[string]string
	notes  map[string]Comment // comment texts by id

	stack   []*container // the body, then any tables being read
	para    *paragraph   // the paragraph being read, if any
	pending []string     // bookmarks that start between paragraphs

	inPPr, inRPr int      // depth inside paragraph and run properties
	inTrPr       int      // depth inside a table row's properties
	changes      []string // the tracked changes the runs are inside: "ins", "del", "moveFrom", "moveTo"
	change       int      // the index in doc.Changes of the change being read, or -1
	changeText   []byte   // the text of that change read so far
	fields       []*field
	// all is the body's text as it is read, every paragraph's one after
	// the other; each comment's anchor is the stretch of it between its
	// start and its end (-1 while open), so that a file of many comments
	// open at once costs no more to read than one.
	all      []byte
	anchors  map[string]*[2]int
	order    []string // comment ids in the order their anchors start
	blockOf  map[string]int
	inText   bool // inside w:t or w:delText
	inInstr  bool
	skip     int  // depth inside an element whose content is not text of the body
	inRun    bool // inside w:r
	bold     bool // the run is bold
	boldOpen bool // every run of the paragraph so far has been bold
	err      error
}

// body reads word/document.xml into d.
func (d *Document) body(data []byte, styles map[string]string, notes map[string]Comment) error {
	r := &reader{doc: d, styles: styles, notes: notes, stack: []*container{{}}, change: -1, anchors: map[string]*[2]int{}, blockOf: map[string]int{}}
	err := tokens(data, func(tok xml.Token, _ int) {
		if r.err != nil {
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			r.start(t)
		case xml.EndElement:
			r.end(t)
		case xml.CharData:
			r.text(string(t))
		}
	})
	if err == nil {
		err = r.err
	}
	if err != nil {
		return err
	}
	if len(r.stack) != 1 {
		return errors.New("a table is not closed")
	}
	var at []int
	d.Blocks, at = accepted(r.stack[0].paras)
	place := func(raw int) int {
		if raw < len(at) {
			return at[raw]
		}
		return len(d.Blocks)
	}
	for i := range d.Changes {
		d.Changes[i].Block = place(d.Changes[i].Block)
	}
	all := string(r.all)
	for _, id := range r.order {
		c := r.notes[id]
		c.Anchor = anchorText(all, r.anchors[id])
		c.Block = place(r.blockOf[id])
		d.Comments = append(d.Comments, c)
	}
	return nil
}

// blockIndex is the index in the body of the block being read.
func (r *reader) blockIndex() int { return len(r.stack[0].paras) }

func (r *reader) start(e xml.StartElement) {
	name := e.Name.Local
	if r.skip > 0 {
		r.skip++
		return
	}
	switch name {
	case "Fallback", "drawing", "pict", "object", "footnoteReference", "endnoteReference":
		// What a drawing or a text box holds is not the body's text.
		r.skip = 1
	case "tbl":
		r.stack = append(r.stack, &container{})
	case "tr":
		top := r.stack[len(r.stack)-1]
		top.row, top.rowDeleted = nil, false
	case "tc":
		top := r.stack[len(r.stack)-1]
		top.row = append(top.row, nil)
		r.stack = append(r.stack, &container{}) // the cell's paragraphs
	case "p":
		r.para = &paragraph{}
		r.para.Bookmarks, r.pending = r.pending, nil
		r.boldOpen = true
	case "r":
		r.inRun, r.bold = true, false
	case "b":
		if r.inRun && r.inRPr > 0 {
			v := attr(e, "val")
			r.bold = v == "" || v == "1" || v == "true" || v == "on"
		}
	case "pPr":
		r.inPPr++
	case "rPr":
		r.inRPr++
	case "trPr":
		r.inTrPr++
	case "pStyle":
		if r.para != nil && r.inPPr > 0 {
			r.para.StyleID = attr(e, "val")
			r.para.Style = r.styles[r.para.StyleID]
		}
	case "numId":
		if r.para != nil && r.inPPr > 0 {
			on := attr(e, "val") != "0"
			r.para.Numbered = &on
		}
	case "ins", "del", "moveFrom", "moveTo":
		switch {
		case r.inPPr > 0 && r.inRPr > 0 && r.para != nil:
			// the paragraph mark's change
			if name == "del" || name == "moveFrom" {
				r.para.markDeleted = true
			}
			r.doc.Changes = append(r.doc.Changes, Change{Kind: kindOf(name), Author: attr(e, "author"), Date: attr(e, "date"), Block: r.blockIndex()})
		case r.inTrPr > 0:
			if name == "del" {
				r.stack[len(r.stack)-1].rowDeleted = true
			}
			r.doc.Changes = append(r.doc.Changes, Change{Kind: kindOf(name) + " of a table row", Author: attr(e, "author"), Date: attr(e, "date"), Block: r.blockIndex()})
		case r.inPPr == 0 && r.inRPr == 0:
			r.changes = append(r.changes, name)
			r.endChange()
			r.doc.Changes = append(r.doc.Changes, Change{Kind: kindOf(name), Author: attr(e, "author"), Date: attr(e, "date"), Block: r.blockIndex()})
			r.change = len(r.doc.Changes) - 1
		}
	case "bookmarkStart":
		if n := attr(e, "name"); n != "" {
			if r.para != nil {
				r.para.Bookmarks = append(r.para.Bookmarks, n)
			} else {
				r.pending = append(r.pending, n)
			}
		}
	case "commentRangeStart":
		id := attr(e, "id")
		if _, ok := r.anchors[id]; !ok {
			r.anchors[id] = &[2]int{len(r.all), -1}
			r.order = append(r.order, id)
			r.blockOf[id] = r.blockIndex()
		}
	case "commentRangeEnd":
		if a := r.anchors[attr(e, "id")]; a != nil && a[1] < 0 {
			a[1] = len(r.all)
		}
	case "commentReference":
		// a comment with no range is on the point where it stands
		if id := attr(e, "id"); r.anchors[id] == nil {
			r.anchors[id] = &[2]int{len(r.all), len(r.all)}
			r.order = append(r.order, id)
			r.blockOf[id] = r.blockIndex()
		}
	case "fldChar":
		switch attr(e, "fldCharType") {
		case "begin":
			r.openField(&field{start: -1})
		case "separate":
			if n := len(r.fields); n > 0 {
				r.fields[n-1].result = true
			}
		case "end":
			if n := len(r.fields); n > 0 {
				r.endField(r.fields[n-1])
				r.fields = r.fields[:n-1]
			}
		}
	case "fldSimple":
		f := &field{result: true, start: -1}
		f.instr.WriteString(attr(e, "instr"))
		r.openField(f)
	case "instrText", "delInstrText":
		r.inInstr = true
	case "t", "delText":
		r.inText = true
	case "tab", "cr":
		if r.inPPr == 0 && r.inRPr == 0 {
			r.add(" ")
		}
	case "br":
		if t := attr(e, "type"); t != "page" && t != "column" {
			r.add(" ")
		}
	case "noBreakHyphen":
		r.add("-")
	}
}

// kindOf names a kind of tracked change.
func kindOf(element string) string {
	switch element {
	case "ins":
		return "insertion"
	case "del":
		return "deletion"
	}
	return "moved text"
}

func (r *reader) end(e xml.EndElement) {
	name := e.Name.Local
	if r.skip > 0 {
		r.skip--
		return
	}
	switch name {
	case "r":
		r.inRun = false
	case "p":
		if r.para == nil {
			return
		}
		for _, f := range r.fields {
			r.notePara(f)
		}
		r.para.Text, r.para.text = string(r.para.text), nil
		top := r.stack[len(r.stack)-1]
		top.paras = append(top.paras, *r.para)
		r.para = nil
	case "pPr":
		r.inPPr--
	case "rPr":
		r.inRPr--
	case "trPr":
		r.inTrPr--
	case "ins", "del", "moveFrom", "moveTo":
		if r.inPPr == 0 && r.inRPr == 0 && r.inTrPr == 0 && len(r.changes) > 0 {
			r.changes = r.changes[:len(r.changes)-1]
			r.endChange()
		}
	case "fldSimple":
		if n := len(r.fields); n > 0 {
			r.endField(r.fields[n-1])
			r.fields = r.fields[:n-1]
		}
	case "instrText", "delInstrText":
		r.inInstr = false
	case "t", "delText":
		r.inText = false
	case "tc":
		cell := r.stack[len(r.stack)-1]
		r.stack = r.stack[:len(r.stack)-1]
		top := r.stack[len(r.stack)-1]
		top.row[len(top.row)-1], _ = accepted(cell.paras)
	case "tr":
		top := r.stack[len(r.stack)-1]
		if !top.rowDeleted {
			top.rows = append(top.rows, top.row)
		}
		top.row = nil
	case "tbl":
		t := r.stack[len(r.stack)-1]
		r.stack = r.stack[:len(r.stack)-1]
		top := r.stack[len(r.stack)-1]
		rows := t.rows
		if rows == nil {
			rows = [][][]Block{}
		}
		top.paras = append(top.paras, paragraph{Block: Block{Table: rows, Bookmarks: r.pending}})
		r.pending = nil
	}
}

// text takes in character data: the text of a run, or a field's
// instruction.
func (r *reader) text(s string) {
	if r.skip > 0 {
		return
	}
	if r.inInstr {
		if n := len(r.fields); n > 0 {
			r.fields[n-1].instr.WriteString(s)
		}
		return
	}
	if r.inText {
		r.add(s)
	}
}

// add adds text to the paragraph being read, as it reads with every
// change accepted, and notes it in the change it belongs to and the
// comments whose anchors are open.
func (r *reader) add(s string) {
	if r.para == nil {
		return
	}
	for _, f := range r.fields {
		if !f.result {
			return // a field's instruction, not its result
		}
	}
	if r.change >= 0 {
		r.changeText = append(r.changeText, s...)
	}
	deleted := false
	for _, c := range r.changes {
		deleted = deleted || c == "del" || c == "moveFrom"
	}
	if deleted {
		return
	}
	if f := r.fields; len(f) > 0 && f[len(f)-1].start < 0 {
		f[len(f)-1].start, f[len(f)-1].para = len(r.para.text), r.para
	}
	if r.boldOpen && r.bold && r.para.Bold == len(r.para.text) {
		r.para.Bold += len(s)
	} else if strings.TrimSpace(s) != "" {
		r.boldOpen = false
	}
	r.para.text = append(r.para.text, s...)
	r.all = append(r.all, s...)
}

// endChange puts the text read into the change being read, which ends.
func (r *reader) endChange() {
	if r.change >= 0 {
		r.doc.Changes[r.change].Text += string(r.changeText)
	}
	r.change, r.changeText = -1, r.changeText[:0]
}

// openField starts a field, refusing more than MaxFields open at once:
// every piece of text is checked against each open field.
func (r *reader) openField(f *field) {
	if len(r.fields) >= MaxFields {
		r.err = fmt.Errorf("more than %d fields are open at once", MaxFields)
		return
	}
	r.fields = append(r.fields, f)
}

// anchorText is the text a comment is on, from all the body's text:
// trimmed, and cut to MaxAnchorBytes, since it is only ever quoted.
func anchorText(all string, at *[2]int) string {
	end := at[1]
	if end < 0 {
		end = len(all) // never closed: on the rest of the body
	}
	s := strings.TrimSpace(all[at[0]:end])
	if len(s) > MaxAnchorBytes {
		cut := MaxAnchorBytes
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	return s
}

// accepted is the paragraphs of a container as they read with every
// change accepted: a paragraph whose mark is deleted joins the one
// after it, and its bookmarks go with it. at gives, for each paragraph
// read, the index of the block it is in or before.
func accepted(paras []paragraph) (out []Block, at []int) {
	var carry *joined
	for _, p := range paras {
		at = append(at, len(out))
		if carry != nil && p.IsTable() {
			if !carry.blank {
				out = append(out, carry.block())
				at[len(at)-1]++
			} else {
				p.Gone = append(append(carry.Gone, carry.Bookmarks...), p.Gone...)
			}
			carry = nil
		}
		if p.IsTable() || carry == nil && !p.markDeleted {
			out = append(out, p.Block)
			continue
		}
		if carry == nil {
			carry = &joined{blank: true}
		}
		carry.join(p)
		if !p.markDeleted {
			out = append(out, carry.block())
			carry = nil
		}
	}
	if carry != nil {
		if carry.blank {
			carry.Gone, carry.Bookmarks = append(carry.Gone, carry.Bookmarks...), nil
		}
		out = append(out, carry.block())
	}
	return out, at
}

// joined is a paragraph whose mark is deleted, with those it has
// joined, as it joins the paragraph after it: each is appended in turn,
// so that a long run of them costs no more than their text.
type joined struct {
	Block        // the last paragraph's style; the text, bookmarks and references of all
	text  []byte // the text of all
	blank bool   // the text is only spaces, or none
	first bool   // a paragraph has been joined
}

// join puts p after the paragraphs joined so far. The bookmarks of a
// paragraph left empty are gone.
func (j *joined) join(p paragraph) {
	if !j.first {
		j.first = true
		j.Block = p.Block
		j.Gone, j.Bookmarks, j.Refs = slices.Clone(p.Gone), slices.Clone(p.Bookmarks), slices.Clone(p.Refs)
		j.text, j.blank = []byte(p.Text), strings.TrimSpace(p.Text) == ""
		return
	}
	j.Gone = append(j.Gone, p.Gone...)
	if j.blank {
		j.Gone, j.Bookmarks = append(j.Gone, j.Bookmarks...), nil
	}
	blank := strings.TrimSpace(p.Text) == ""
	if blank {
		j.Gone, p.Bookmarks = append(j.Gone, p.Bookmarks...), nil
	}
	for _, ref := range p.Refs {
		j.Refs = append(j.Refs, Ref{Start: ref.Start + len(j.text), End: ref.End + len(j.text), Target: ref.Target})
	}
	if j.Bold == len(j.text) {
		j.Bold += p.Bold
	}
	j.text = append(j.text, p.Text...)
	j.blank = j.blank && blank
	j.Bookmarks = append(j.Bookmarks, p.Bookmarks...)
	j.StyleID, j.Style, j.Numbered, j.Contents = p.StyleID, p.Style, p.Numbered, p.Contents
}

// block is the paragraph the joined ones make.
func (j *joined) block() Block {
	b := j.Block
	b.Text = string(j.text)
	return b
}

// styleNames reads the names of the styles by id from word/styles.xml.
func styleNames(data []byte) (map[string]string, error) {
	names := map[string]string{}
	id := ""
	err := tokens(data, func(tok xml.Token, _ int) {
		if e, ok := tok.(xml.StartElement); ok {
			switch e.Name.Local {
			case "style":
				id = attr(e, "styleId")
			case "name":
				if id != "" {
					names[id] = attr(e, "val")
				}
			}
		}
	})
	return names, err
}

// commentTexts reads the comments from word/comments.xml, by id.
func commentTexts(data []byte) (map[string]Comment, error) {
	out := map[string]Comment{}
	var id string
	var c Comment
	var text strings.Builder
	inText := false
	err := tokens(data, func(tok xml.Token, _ int) {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "comment":
				id = attr(t, "id")
				c = Comment{Author: attr(t, "author"), Date: attr(t, "date")}
				text.Reset()
			case "p":
				if text.Len() > 0 {
					text.WriteString("\n")
				}
			case "t":
				inText = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "comment":
				c.Text = strings.TrimSpace(text.String())
				out[id] = c
			case "t":
				inText = false
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			}
		}
	})
	return out, err
}

// customProperties reads docProps/custom.xml.
func (d *Document) customProperties(data []byte) error {
	name, at := "", 0
	return tokens(data, func(tok xml.Token, depth int) {
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "property" {
				name, at = attr(t, "name"), depth
			}
		case xml.EndElement:
			if depth < at {
				name = ""
			}
		case xml.CharData:
			if name != "" && depth == at+1 {
				d.Properties[name] += string(t)
			}
		}
	})
}

// coreProperties reads the date the file was last saved from
// docProps/core.xml.
func (d *Document) coreProperties(data []byte) error {
	in := false
	return tokens(data, func(tok xml.Token, _ int) {
		switch t := tok.(type) {
		case xml.StartElement:
			in = t.Name.Local == "modified"
		case xml.EndElement:
			in = false
		case xml.CharData:
			if in {
				d.Modified = parseTime(strings.TrimSpace(string(t)))
			}
		}
	})
}

// parseTime reads a W3C date and time, or gives zero.
func parseTime(s string) time.Time {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
		if v, err := time.Parse(layout, s); err == nil {
			return v
		}
	}
	return time.Time{}
}
