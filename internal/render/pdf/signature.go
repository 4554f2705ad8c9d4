package pdf

import "strings"

// signaturePadding is the space inside a signature block's border.
const signaturePadding = 4

// signatureBlock is the signature block being laid out.
type signatureBlock struct {
	number int // 1-based, in document order
	lines  int // signature lines so far
}

// startSignature opens a signature block: a bordered box kept on one page.
func (l *layouter) startSignature() {
	if l.signature != nil {
		l.endSignature()
	}
	l.gap(6)
	l.signatures++
	l.signature = &signatureBlock{number: l.signatures}
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
			Block: l.signature.number,
			Index: l.signature.lines,
			Label: strings.TrimSpace(label.String()),
		})
		label.Reset()
	}
	return out
}
