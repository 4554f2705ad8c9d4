package layout

import (
	"github.com/yuin/goldmark/ast"
)

// The kinds of mou's own nodes.
var (
	KindTitlePage    = ast.NewNodeKind("MouTitlePage")
	KindSignature    = ast.NewNodeKind("MouSignature")
	KindKeep         = ast.NewNodeKind("MouKeep")
	KindPageBreak    = ast.NewNodeKind("MouPageBreak")
	KindAgreementEnd = ast.NewNodeKind("MouAgreementEnd")
	KindSummary      = ast.NewNodeKind("MouSummary")
)

// TitlePage holds the blocks of the title page: the first heading is the
// title, later ones subtitles. The body starts on a new page after it.
type TitlePage struct{ ast.BaseBlock }

// Signature is one signature block, kept whole on one page. Its lines to
// sign on are runs of three or more underscores; the first such line is
// where the signature goes and the second where the date goes, whatever
// the labels say, so that placing signing fields never depends on words.
type Signature struct {
	ast.BaseBlock
	// Owner is whose block it is, from the version's signing plan (see
	// Tree.Sign): its signing fields and e-signature role are named
	// after it. The zero Owner is a block no plan named.
	Owner Signer
	// Struck marks a block a redline strikes out: it takes no fields.
	Struck bool
}

// Signer is the owner of a signature block.
type Signer struct {
	ID   string // the partner's id: "riverside"
	Name string // the partner's name, as an e-signature service shows its role
}

// Keep holds blocks that are kept together on one page where they fit.
type Keep struct{ ast.BaseBlock }

// PageBreak starts a new page, unless already at the top of one.
type PageBreak struct{ ast.BaseBlock }

// AgreementEnd marks the end of the signed text: what follows (the
// schedules) may be reissued without new signatures.
type AgreementEnd struct{ ast.BaseBlock }

// Summary holds a note about the document that is not part of its text:
// a redline's first page, which says what changed and the verdict. A
// renderer may print its blocks before the document, as the PDF does, or
// keep them beside the text, as the Word file does in a comment, so that
// accepting or rejecting every change leaves one version's text alone.
type Summary struct{ ast.BaseBlock }

func (n *Summary) Kind() ast.NodeKind         { return KindSummary }
func (n *Summary) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }
func (n *TitlePage) Kind() ast.NodeKind       { return KindTitlePage }
func (n *Signature) Kind() ast.NodeKind       { return KindSignature }
func (n *Keep) Kind() ast.NodeKind            { return KindKeep }
func (n *PageBreak) Kind() ast.NodeKind       { return KindPageBreak }
func (n *AgreementEnd) Kind() ast.NodeKind    { return KindAgreementEnd }

func (n *TitlePage) Dump(src []byte, level int)    { ast.DumpHelper(n, src, level, nil, nil) }
func (n *Signature) Dump(src []byte, level int)    { ast.DumpHelper(n, src, level, nil, nil) }
func (n *Keep) Dump(src []byte, level int)         { ast.DumpHelper(n, src, level, nil, nil) }
func (n *PageBreak) Dump(src []byte, level int)    { ast.DumpHelper(n, src, level, nil, nil) }
func (n *AgreementEnd) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }
