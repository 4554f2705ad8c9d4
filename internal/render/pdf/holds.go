package pdf

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/layout"
)

// The kinds of range that hold boxes together.
const (
	holdKeep      = "keep"
	holdSignature = "signature"
)

// hold is an open keep, signature or title range.
type hold struct {
	kind  string // holdKeep, holdSignature
	start int    // index of the first box in the range
	// state to restore when the range closes
	left, right float64
	decor       []decoration
	scope       int
}

// htmlBlock skips comments and prints any other HTML as literal text: mou's
// own hints arrive as layout nodes, so any HTML left is text.
func (l *layouter) htmlBlock(n *ast.HTMLBlock) {
	var b bytes.Buffer
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(l.src))
	}
	if n.HasClosure() {
		b.Write(n.ClosureLine.Value(l.src))
	}
	rest := layout.StripComments(b.String())
	if strings.TrimSpace(rest) == "" {
		return
	}
	st := l.bodyStyle()
	in := inlines{src: l.src, m: l.m, fields: l.signature != nil}
	for i, ln := range strings.Split(strings.TrimRight(rest, "\r\n"), "\n") {
		if i > 0 {
			in.runs = append(in.runs, run{kind: runBreak, style: st})
		}
		in.text(strings.TrimRight(ln, "\r"), st)
	}
	if in.err != nil {
		l.err = in.err
		return
	}
	l.runsBlock(in.runs, st.size, alignLeft, l.paragraphGap())
}

// mouBlock lays out one of mou's own blocks, reporting whether n is one.
func (l *layouter) mouBlock(n ast.Node) bool {
	switch n.(type) {
	case *layout.PageBreak:
		l.pageBreak()
	case *layout.AgreementEnd:
	case *layout.TitlePage:
		l.startTitle()
		l.contained(func() { l.blocks(n) })
		l.endTitle()
	case *layout.Keep:
		l.open(holdKeep)
		l.contained(func() { l.blocks(n) })
		l.close(holdKeep)
	case *layout.Signature:
		if n == l.paired {
			break // laid out beside the block before it
		}
		if next, ok := n.NextSibling().(*layout.Signature); ok && l.signaturePair(n, next) {
			l.paired = next
			break
		}
		// The last of an odd number of blocks laid out two to a row
		// takes a column's width, as they do, and keeps to the row
		// before it, so that it never stands alone on a new page.
		if _, ok := n.PreviousSibling().(*layout.Signature); ok && l.signaturePair(n, nil) {
			break
		}
		l.startSignature(n.(*layout.Signature).Struck)
		l.contained(func() { l.blocks(n) })
		l.endSignature()
	default:
		return false
	}
	return true
}

// open starts a keep-together range of the given kind.
func (l *layouter) open(kind string) {
	l.holds = append(l.holds, hold{
		kind: kind, start: len(l.flow.boxes),
		left: l.left, right: l.right, decor: l.decor, scope: l.scope,
	})
}

// close ends the innermost open range of the given kind, and any opened
// inside it, and restores the column as it was when the range opened. It
// reports whether there was such a range.
func (l *layouter) close(kind string) bool {
	for i := len(l.holds) - 1; i >= 0; i-- {
		if l.holds[i].kind != kind {
			continue
		}
		for j := len(l.holds) - 1; j >= i; j-- {
			h := l.holds[j]
			l.flow.keep(h.start, len(l.flow.boxes))
			l.left, l.right, l.decor, l.scope = h.left, h.right, h.decor, h.scope
			if h.kind == holdSignature {
				// a signature block closed by an outer end-keep ends here
				l.signature = nil
			}
		}
		l.holds = l.holds[:i]
		return true
	}
	return false
}

// closeHolds ends every range still open at the end of the document.
func (l *layouter) closeHolds() { l.closeHoldsFrom(0) }

// contained lays out fn's blocks and ends any range they open but leave
// open, so a hint inside a list item or quote cannot leak out of it.
func (l *layouter) contained(fn func()) {
	n := len(l.holds)
	fn()
	l.closeHoldsFrom(n)
}

// closeHoldsFrom ends the open ranges from the n-th on, giving an open
// signature block its bottom border.
func (l *layouter) closeHoldsFrom(n int) {
	for len(l.holds) > n {
		h := l.holds[len(l.holds)-1]
		if h.kind == holdSignature && l.signature != nil {
			l.endSignature()
			continue
		}
		l.close(h.kind)
	}
}
