package pdf

import (
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/layout"
)

// signaturePadding is the space inside a signature block's border.
const signaturePadding = 4

// signatureBlock is the signature block being laid out.
type signatureBlock struct {
	number int  // 1-based, in document order
	lines  int  // signature lines so far
	struck bool // struck out by a redline: no fields, no tags
}

// startSignature opens a signature block: a bordered box kept on one page.
func (l *layouter) startSignature(struck bool) {
	if l.signature != nil {
		l.endSignature()
	}
	l.gap(6)
	l.signatures++
	l.signature = &signatureBlock{number: l.signatures, struck: struck}
	l.open(holdSignature)
	x0, x1 := l.left, l.right
	border := func(c canvas, top, h float64) {
		c.SetDrawColour(l.theme.SignatureBorder)
		c.SetLineWidth(0.3)
		c.Line(x0, top, x0, top+h)
		c.Line(x1, top, x1, top+h)
	}
	l.decor = append(l.decor[:len(l.decor):len(l.decor)], border)
	l.scopes++
	l.scope = l.scopes
	l.left += signaturePadding
	l.right -= signaturePadding
	idx := l.content(signaturePadding, 0, func(c canvas, top float64) {
		c.SetFillColour(l.theme.Heading)
		c.FillRect(x0, top, x1-x0, 0.8)
	})
	l.flow.boxes[idx].keepNext = 1
}

// endSignature closes the signature block with the bottom of its border.
func (l *layouter) endSignature() {
	if l.signature == nil {
		return
	}
	i := len(l.holds) - 1
	for i >= 0 && l.holds[i].kind != holdSignature {
		i--
	}
	if i < 0 {
		l.signature = nil
		return
	}
	x0, x1 := l.holds[i].left, l.holds[i].right
	// a trailing paragraph gap inside the block becomes part of the padding
	if n := len(l.flow.boxes); n > 0 && l.flow.boxes[n-1].kind == boxGap {
		l.flow.boxes = l.flow.boxes[:n-1]
	}
	l.content(signaturePadding, 0, func(c canvas, top float64) {
		c.SetDrawColour(l.theme.SignatureBorder)
		c.SetLineWidth(0.3)
		c.Line(x0, top+signaturePadding, x1, top+signaturePadding)
	})
	l.signature = nil
	l.close(holdSignature)
	l.gap(6)
}

// signatureRoom is the room left above a signature line for handwriting,
// in millimetres; signing fields fill it.
const signatureRoom = 8

// signatureSpace is the room left above a signature line for handwriting.
func (l *layouter) signatureSpace() float64 { return signatureRoom }

// signatureLines names the lines to sign on in ln, in order, with their
// labels; their positions are filled in when drawn.
func (l *layouter) signatureLines(ln line) []signatureLine {
	if l.signature == nil || !ln.hasField() {
		return nil
	}
	var out []signatureLine
	var label strings.Builder
	for _, f := range ln.frags {
		if !f.field {
			label.WriteString(f.text)
			continue
		}
		l.signature.lines++
		out = append(out, signatureLine{
			Block:  l.signature.number,
			Index:  l.signature.lines,
			Struck: l.signature.struck,
			Label:  strings.TrimSpace(label.String()),
		})
		label.Reset()
	}
	return out
}

const (
	// signatureGutter is the space between two signature blocks side by
	// side, in millimetres.
	signatureGutter = 6
	// minSignatureColumn is the narrowest a signature block may be to
	// share its row with another.
	minSignatureColumn = 70
)

// signaturePair lays out signature blocks a and b side by side, as one
// unbreakable row, when the column is wide enough for two; otherwise it
// lays out nothing and reports false. Each block is laid out alone in its
// half, then the two are drawn together, the shorter one stretched to the
// height of the other. With b nil, a is the last of an odd number laid
// out in pairs: it takes the left half, and its row keeps to the row
// before it.
func (l *layouter) signaturePair(a, b ast.Node) bool {
	col := (l.width() - signatureGutter) / 2
	if col < minSignatureColumn || l.signature != nil {
		return false
	}
	nodes := []ast.Node{a, b}
	if b == nil {
		nodes = nodes[:1]
		l.keepLastRow()
	}
	outer, left, right := l.flow, l.left, l.right
	var cols [2][]box
	var height float64
	for i, n := range nodes {
		l.flow = flow{}
		l.left = left + float64(i)*(col+signatureGutter)
		l.right = l.left + col
		l.startSignature(n.(*layout.Signature).Struck)
		l.contained(func() { l.blocks(n) })
		l.endSignature()
		boxes := l.flow.boxes
		for len(boxes) > 0 && boxes[len(boxes)-1].kind != boxContent {
			boxes = boxes[:len(boxes)-1]
		}
		cols[i] = boxes
		height = max(height, sumHeights(boxes))
	}
	l.flow, l.left, l.right = outer, left, right
	if l.err != nil {
		return true
	}
	for i, boxes := range cols {
		// stretch the block above its bottom border, inside its sides
		if n := len(boxes); n >= 2 {
			if pad := height - sumHeights(boxes); pad > 0 {
				cols[i] = slices.Insert(boxes, n-1, box{kind: boxGap, height: pad, decor: boxes[n-2].decor})
			}
		}
	}
	l.gap(6)
	l.content(height, 0, func(c canvas, top float64) {
		for _, boxes := range cols {
			y := top
			for _, b := range boxes {
				for _, d := range b.decor {
					d(c, y, b.height)
				}
				if b.draw != nil {
					b.draw(c, y)
				}
				y += b.height
			}
		}
	})
	l.gap(6)
	return true
}

// keepLastRow keeps the row of signature blocks just laid out with the
// next content, the last block's row: the row and the gap after it.
func (l *layouter) keepLastRow() {
	for i := len(l.flow.boxes) - 1; i >= 0; i-- {
		if l.flow.boxes[i].kind == boxContent {
			l.flow.boxes[i].keepNext = max(l.flow.boxes[i].keepNext, 1)
			return
		}
	}
}

// sumHeights is the height of boxes stacked.
func sumHeights(boxes []box) float64 {
	var h float64
	for _, b := range boxes {
		h += b.height
	}
	return h
}

// owners lists what f gives of the owner of each signature block of the
// tree, in document order: the order in which the layouter numbers them.
func owners(tree *layout.Tree, f func(layout.Signer) string) []string {
	var out []string
	ast.Walk(tree.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if s, ok := n.(*layout.Signature); ok && entering {
			out = append(out, f(s.Owner))
		}
		return ast.WalkContinue, nil
	})
	return out
}
