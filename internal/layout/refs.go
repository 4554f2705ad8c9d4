package layout

import (
	"regexp"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
)

// idAttribute is the attribute that holds a block's clause id. goldmark's
// HTML renderer writes only the attributes HTML knows, so it never
// prints this one.
var idAttribute = []byte("mou-id")

// ID returns the clause id of a block: "general.insurance" for a clause,
// "general" for a section's heading; "" for none. The Markdown gives it
// by a hint on a line of its own just before the block:
//
//	<!-- mou:id general.insurance -->
func ID(n ast.Node) string {
	v, ok := n.AttributeString(string(idAttribute))
	if !ok {
		return ""
	}
	b, _ := v.([]byte)
	return string(b)
}

// SetID gives a block its clause id.
func SetID(n ast.Node, id string) { n.SetAttribute(idAttribute, []byte(id)) }

// KindReference is the kind of a cross-reference to a clause.
var KindReference = ast.NewNodeKind("MouReference")

// Reference is a cross-reference to the clause or section ID: its
// children are the number it prints, "7.2", which a Word file writes as
// a field that Word can update. The Markdown writes the number with a
// hint straight after it:
//
//	as clause 7.2<!-- mou:ref general.insurance --> says
type Reference struct {
	ast.BaseInline
	ID string
}

func (n *Reference) Kind() ast.NodeKind { return KindReference }
func (n *Reference) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"ID": n.ID}, nil)
}

var (
	refHint = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^<!--[ \t]*mou:ref[ \t]+(` + idChars + `)[ \t]*-->$`)
	})
	// A number, or the letters of a schedule lettered A, B, C…
	refNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(\d+(\.\d+)*|\b[A-Z]{1,3})$`) })
)

// references turns each reference hint under n, and the number that
// ends the text before it, into a Reference holding the number. A hint
// with no number before it is left as the comment it is, which renderers
// do not print.
func references(n ast.Node, source []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() != ast.TypeInline {
			references(c, source)
			continue
		}
		raw, ok := c.(*ast.RawHTML)
		if !ok {
			continue
		}
		m := refHint().FindStringSubmatch(rawText(raw, source))
		text, ok := c.PreviousSibling().(*ast.Text)
		if m == nil || !ok || text.SoftLineBreak() || text.HardLineBreak() {
			continue
		}
		seg := text.Segment
		loc := refNumber().FindIndex(seg.Value(source))
		if loc == nil {
			continue
		}
		number := ast.NewTextSegment(seg.WithStart(seg.Start + loc[0]))
		ref := &Reference{ID: m[1]}
		ref.AppendChild(ref, number)
		if loc[0] == 0 {
			n.ReplaceChild(n, text, ref)
		} else {
			text.Segment = seg.WithStop(seg.Start + loc[0])
			n.InsertAfter(n, text, ref)
		}
		n.RemoveChild(n, c)
		c = ref
	}
}

// rawText is the text of an inline HTML node.
func rawText(n *ast.RawHTML, source []byte) string {
	var b strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		b.Write(seg.Value(source))
	}
	return strings.TrimSpace(b.String())
}
