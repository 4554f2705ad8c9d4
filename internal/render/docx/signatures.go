package docx

import (
	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/layout"
)

// blockChange says whether all of a signature block is inserted
// (layout.KindInsert) or deleted (layout.KindDelete) in a redline, or
// neither (0).
func blockChange(sig ast.Node) ast.NodeKind {
	var kind ast.NodeKind
	seen := false
	_ = ast.Walk(sig, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading:
			if !entering {
				return ast.WalkSkipChildren, nil
			}
			k := layout.Change(n)
			if seen && k != kind {
				kind = 0
				return ast.WalkStop, nil
			}
			kind, seen = k, true
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return kind
}

// gapMark is the mark of the empty paragraph before the signature block
// sig, which keeps it apart from the block before. In a redline, blocks
// of partners that join or leave are inserted or deleted whole; a gap
// stands in a version only before a block of that version that has
// another of its blocks before it, so that accepting or rejecting every
// change leaves one gap between two blocks and none beside them.
func (b *body) gapMark(sig ast.Node) string {
	var run []ast.NodeKind // the blocks of the row up to sig, sig last
	for n := ast.Node(sig); n != nil && n.Kind() == layout.KindSignature; n = n.PreviousSibling() {
		run = append([]ast.NodeKind{blockChange(n)}, run...)
	}
	// in reports whether the gap before the last block is in the version
	// without the blocks of kind gone (deleted in the new version,
	// inserted in the old one).
	in := func(gone ast.NodeKind) bool {
		if run[len(run)-1] == gone {
			return false
		}
		for _, k := range run[:len(run)-1] {
			if k != gone {
				return true
			}
		}
		return false
	}
	inNew, inOld := in(layout.KindDelete), in(layout.KindInsert)
	var marks string
	if !inOld {
		marks += b.changeTag("ins", true)
	}
	if !inNew {
		marks += b.changeTag("del", true)
	}
	if marks == "" {
		return ""
	}
	return "<w:rPr>" + marks + "</w:rPr>"
}
