package layout

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Tree is a document's Markdown parsed once: the root of the syntax tree
// and the source its segments point into. Renderers only read it, so one
// Tree may be drawn by several renderers at once.
type Tree struct {
	Root   ast.Node
	Source []byte
}

// markdown is the one goldmark set-up every renderer shares: CommonMark,
// GFM tables (table.go; no other extension: Linkify would turn an
// answer's bare web address into a link), and mou's blocks.
var markdown = goldmark.New(goldmark.WithParserOptions(
	parser.WithParagraphTransformers(util.Prioritized(tables{}, 200)),
	parser.WithASTTransformers(util.Prioritized(blocks{}, 100)),
))

// Parse parses Markdown into a Tree with mou's blocks as nodes.
func Parse(source []byte) *Tree {
	return &Tree{Root: markdown.Parser().Parse(text.NewReader(source)), Source: source}
}

// hintPattern matches an HTML block that is exactly one mou: hint, with
// its argument if it has one ("mou:id general.insurance").
var hintPattern = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^<!--[ \t]*mou:([A-Za-z0-9-]+)(?:[ \t]+(` + idChars + `))?[ \t]*-->$`)
})

// idChars are the characters of a clause id.
const idChars = `[a-z0-9][a-z0-9.-]*`

// Hint returns the name of the hint an HTML block holds, such as
// "pagebreak", if it holds exactly one.
func Hint(n *ast.HTMLBlock, source []byte) (string, bool) {
	name, _, ok := hint(n, source)
	return name, ok
}

// hint returns the name and argument of the hint an HTML block holds.
func hint(n *ast.HTMLBlock, source []byte) (name, arg string, ok bool) {
	m := hintPattern().FindStringSubmatch(strings.TrimSpace(HTMLText(n, source)))
	if m == nil {
		return "", "", false
	}
	return strings.ToLower(m[1]), m[2], true
}

// HTMLText is the text of an HTML block, its closing line included.
func HTMLText(n *ast.HTMLBlock, source []byte) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(source))
	}
	if n.HasClosure() {
		b.Write(n.ClosureLine.Value(source))
	}
	return b.String()
}

// StripComments removes HTML comments, which renderers never print: an
// HTML block is printed as the text it holds apart from them.
func StripComments(s string) string {
	for {
		i := strings.Index(s, "<!--")
		if i < 0 {
			return s
		}
		j := strings.Index(s[i+4:], "-->")
		if j < 0 {
			return s[:i]
		}
		s = s[:i] + s[i+4+j+3:]
	}
}

// containers maps each start hint to its end hint and a new node.
var containers = map[string]struct {
	end  string
	node func() ast.Node
}{
	"title":     {"end-title", func() ast.Node { return &TitlePage{} }},
	"signature": {"end-signature", func() ast.Node { return &Signature{} }},
	"keep":      {"end-keep", func() ast.Node { return &Keep{} }},
}

// blocks is the parser step that turns hints into nodes.
type blocks struct{}

func (blocks) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	group(doc, reader.Source())
	references(doc, reader.Source())
	codePipes(doc, reader.Source())
}

// group turns the hints among parent's children into nodes, and does the
// same inside every container block below.
func group(parent ast.Node, source []byte) {
	for c := parent.FirstChild(); c != nil; {
		next := c.NextSibling()
		html, ok := c.(*ast.HTMLBlock)
		if !ok {
			if c.Type() == ast.TypeBlock && c.HasChildren() {
				group(c, source)
			}
			c = next
			continue
		}
		name, arg, ok := hint(html, source)
		if !ok {
			c = next
			continue
		}
		switch name {
		case "id":
			// The id belongs to the block that follows; an id with
			// nothing after it, or with no id, is dropped.
			if next != nil && arg != "" && next.Kind() != ast.KindHTMLBlock {
				SetID(next, arg)
			}
			parent.RemoveChild(parent, c)
		case "pagebreak":
			parent.ReplaceChild(parent, c, &PageBreak{})
		case "end-agreement":
			parent.ReplaceChild(parent, c, &AgreementEnd{})
		default:
			k, isStart := containers[name]
			if !isStart {
				parent.RemoveChild(parent, c) // an end without a start, or unknown
				break
			}
			n := k.node()
			parent.ReplaceChild(parent, c, n)
			gather(parent, n, name, k.end, source)
			group(n, source)
			next = n.NextSibling()
		}
		c = next
	}
}

// gather moves the siblings after n into n, up to the end hint that
// matches start (counting nested starts of the same kind), which it drops.
func gather(parent, n ast.Node, start, end string, source []byte) {
	depth := 0
	for s := n.NextSibling(); s != nil; {
		next := s.NextSibling()
		if html, ok := s.(*ast.HTMLBlock); ok {
			switch name, _ := Hint(html, source); name {
			case start:
				depth++
			case end:
				if depth == 0 {
					parent.RemoveChild(parent, s)
					return
				}
				depth--
			}
		}
		parent.RemoveChild(parent, s)
		n.AppendChild(n, s)
		s = next
	}
}

// Sign names the owner of each signature block of the tree, in the order
// the blocks stand, from the signing plan that wrote them. It refuses a
// tree whose blocks are not as many as the owners: a template of one's
// own that writes more or fewer blocks than the plan has would put each
// block's fields under another partner's name.
func (t *Tree) Sign(owners []Signer) error {
	var blocks []*Signature
	ast.Walk(t.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if s, ok := n.(*Signature); ok && entering {
			blocks = append(blocks, s)
		}
		return ast.WalkContinue, nil
	})
	if len(blocks) != len(owners) {
		return fmt.Errorf("the template writes %d signature blocks, but the version's signing plan has %d (one for each partner that signs): "+
			"write them with {{range .Signatures …}} or {{range .Blocks}}", len(blocks), len(owners))
	}
	for i, s := range blocks {
		s.Owner = owners[i]
	}
	return nil
}
