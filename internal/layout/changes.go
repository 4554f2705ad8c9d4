package layout

import "github.com/yuin/goldmark/ast"

// The kinds of the inline nodes that mark a change in a redline.
var (
	KindInsert = ast.NewNodeKind("MouInsert")
	KindDelete = ast.NewNodeKind("MouDelete")
)

// Insert holds inline content that a new version added: a redline shows
// it underlined, or as a tracked insertion.
type Insert struct{ ast.BaseInline }

// Delete holds inline content that a new version removed: a redline shows
// it struck through, or as a tracked deletion.
type Delete struct{ ast.BaseInline }

func (n *Insert) Kind() ast.NodeKind { return KindInsert }
func (n *Delete) Kind() ast.NodeKind { return KindDelete }

func (n *Insert) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }
func (n *Delete) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// Change says whether a block's inline content is wholly inserted
// (KindInsert), wholly deleted (KindDelete) or neither (0): a redline
// marks such a block's paragraph mark or table row as inserted or deleted
// too, so that accepting or rejecting the change leaves no empty block.
func Change(inlines ...ast.Node) ast.NodeKind {
	var kind ast.NodeKind
	for _, parent := range inlines {
		for c := parent.FirstChild(); c != nil; c = c.NextSibling() {
			k := c.Kind()
			if k != KindInsert && k != KindDelete {
				return 0
			}
			if kind != 0 && kind != k {
				return 0
			}
			kind = k
		}
	}
	return kind
}
