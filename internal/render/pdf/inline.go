package pdf

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/layout"
)

// textStyle is how a run of text is drawn.
type textStyle struct {
	face   face
	size   float64 // points
	colour Colour
	link   string // clickable destination, if any
	code   bool   // drawn on a shaded background
	mark   mark   // a redline's insertion or deletion
}

// mark is how a redline shows a change: insertions underlined, deletions
// struck through, each in a colour of its own.
type mark uint8

const (
	markNone mark = iota
	markInsert
	markDelete
)

// The colours of insertions and deletions in a redline.
var (
	insertColour = Colour{R: 0x0b, G: 0x5c, B: 0xad}
	deleteColour = Colour{R: 0xb0, G: 0x1e, B: 0x1e}
)

// drawMark underlines or strikes through a fragment w wide with its
// baseline at y, as its style's mark asks.
func drawMark(c canvas, x, y, w float64, st textStyle) {
	if st.mark == markNone {
		return
	}
	s := mm(st.size)
	ly := y + 0.15*s
	if st.mark == markDelete {
		ly = y - 0.3*s
	}
	c.SetDrawColour(st.colour)
	c.SetLineWidth(0.25)
	c.Line(x, ly, x+w, ly)
}

// runKind distinguishes text from forced line breaks and signature lines.
type runKind uint8

const (
	runText  runKind = iota
	runBreak         // a hard line break
	runField         // a run of underscores in a signature block: a line to sign on
)

// run is a piece of inline content in one style.
type run struct {
	kind  runKind
	text  string
	style textStyle
}

// inlines turns a block's inline children into runs, undoing Markdown
// escapes and entities the way CommonMark says and checking that every rune
// can be printed.
type inlines struct {
	src    []byte
	m      *fontMetrics
	link   Colour // colour of links
	fields bool   // split underscore runs off as signature lines
	runs   []run
	err    error
}

// collect appends the runs of n's children drawn in style st.
func (in *inlines) collect(n ast.Node, st textStyle) {
	for c := n.FirstChild(); c != nil && in.err == nil; c = c.NextSibling() {
		in.node(c, st)
	}
}

// node appends the runs of one inline node.
func (in *inlines) node(n ast.Node, st textStyle) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(in.src)
		if n.IsRaw() {
			in.text(string(v), st)
		} else {
			in.text(unescape(v), st)
		}
		switch {
		case n.HardLineBreak():
			in.runs = append(in.runs, run{kind: runBreak, style: st})
		case n.SoftLineBreak():
			in.text(" ", st)
		}
	case *ast.String:
		if n.IsRaw() {
			in.text(string(n.Value), st)
		} else {
			in.text(unescape(n.Value), st)
		}
	case *ast.CodeSpan:
		cs := st
		cs.face, cs.code = faceMono, true
		cs.size = st.size * 0.92
		in.collectRaw(n, cs)
	case *ast.Emphasis:
		es := st
		es.face = st.face.styled(st.face.bold() || n.Level >= 2, st.face.italic() || n.Level == 1)
		in.collect(n, es)
	case *ast.Link:
		ls := st
		ls.link, ls.colour = unescape(n.Destination), in.link
		in.collect(n, ls)
	case *ast.AutoLink:
		url := string(n.URL(in.src))
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
			url = "mailto:" + url
		}
		ls := st
		ls.link, ls.colour = url, in.link
		in.text(string(n.Label(in.src)), ls)
	case *ast.Image:
		is := st
		is.face = st.face.styled(st.face.bold(), true)
		in.collect(n, is)
	case *ast.RawHTML:
		var b bytes.Buffer
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			b.Write(seg.Value(in.src))
		}
		if !bytes.HasPrefix(b.Bytes(), []byte("<!--")) {
			in.text(b.String(), st)
		}
	case *layout.Insert:
		ms := st
		ms.mark, ms.colour = markInsert, insertColour
		in.collect(n, ms)
	case *layout.Delete:
		ms := st
		ms.mark, ms.colour = markDelete, deleteColour
		in.collect(n, ms)
	default:
		in.collect(n, st)
	}
}

// collectRaw appends the text of a code span's children as it stands.
func (in *inlines) collectRaw(n ast.Node, st textStyle) {
	for c := n.FirstChild(); c != nil && in.err == nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			in.text(string(c.Segment.Value(in.src)), st)
		case *ast.String:
			in.text(string(c.Value), st)
		default:
			in.collectRaw(c, st)
		}
	}
}

// text appends s in style st, folding tabs and line breaks to spaces and, in
// signature blocks, splitting off runs of three or more underscores.
func (in *inlines) text(s string, st textStyle) {
	if s == "" || in.err != nil {
		return
	}
	if err := in.m.checkPrintable(s); err != nil {
		in.err = err
		return
	}
	s = foldSpaces(s)
	if !in.fields || st.code || st.mark == markDelete {
		in.runs = append(in.runs, run{text: s, style: st})
		return
	}
	for s != "" {
		i := strings.Index(s, "___")
		if i < 0 {
			in.runs = append(in.runs, run{text: s, style: st})
			return
		}
		j := i
		for j < len(s) && s[j] == '_' {
			j++
		}
		if i > 0 {
			in.runs = append(in.runs, run{text: s[:i], style: st})
		}
		in.runs = append(in.runs, run{kind: runField, text: s[i:j], style: st})
		s = s[j:]
	}
}

// plainText returns the text of runs without styling, for outlines.
func plainText(runs []run) string {
	var b strings.Builder
	for _, r := range runs {
		if r.kind == runBreak {
			b.WriteByte(' ')
			continue
		}
		b.WriteString(r.text)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// foldSpaces turns tabs, line breaks and form feeds into spaces.
func foldSpaces(s string) string {
	if !strings.ContainsFunc(s, folded) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if folded(r) {
			return ' '
		}
		return r
	}, s)
}
