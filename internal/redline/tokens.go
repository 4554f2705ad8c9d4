package redline

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/layout"
)

// style is how a piece of inline text looks.
type style struct {
	bold, italic, code bool
	link               string
}

func (s style) String() string {
	if s == (style{}) {
		return ""
	}
	return fmt.Sprintf("\x1d%t%t%t%s\x1d", s.bold, s.italic, s.code, s.link)
}

// token is a word, or a run of spaces, in one style.
type token struct {
	text  string
	style style
}

// key is what tokens are compared by: every run of spaces is alike.
func (t token) key() string {
	if t.space() {
		return t.style.String() + " "
	}
	return t.style.String() + t.text
}

func (t token) space() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsSpace(r)
}

// tokens splits the inline content of n into words and spaces.
func tokens(n ast.Node, src []byte) []token {
	var out []token
	var walk func(n ast.Node, st style)
	add := func(s string, st style) {
		for s != "" {
			r, _ := utf8.DecodeRuneInString(s)
			space := unicode.IsSpace(r)
			i := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) != space })
			if i < 0 {
				i = len(s)
			}
			out = append(out, token{s[:i], st})
			s = s[i:]
		}
	}
	walk = func(n ast.Node, st style) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := c.Segment.Value(src)
				if c.IsRaw() || st.code {
					add(string(v), st)
				} else {
					add(layout.Unescape(v), st)
				}
				if c.SoftLineBreak() || c.HardLineBreak() {
					add(" ", st)
				}
			case *ast.String:
				if c.IsRaw() || st.code {
					add(string(c.Value), st)
				} else {
					add(layout.Unescape(c.Value), st)
				}
			case *ast.CodeSpan:
				cs := st
				cs.code = true
				walk(c, cs)
			case *ast.Emphasis:
				es := st
				es.bold = st.bold || c.Level >= 2
				es.italic = st.italic || c.Level == 1
				walk(c, es)
			case *ast.Link:
				ls := st
				ls.link = layout.Unescape(c.Destination)
				walk(c, ls)
			case *ast.AutoLink:
				ls := st
				ls.link = string(c.URL(src))
				add(string(c.Label(src)), ls)
			case *ast.RawHTML:
				// comments are hints; other raw HTML is printed as text
				var b strings.Builder
				for i := 0; i < c.Segments.Len(); i++ {
					seg := c.Segments.At(i)
					b.Write(seg.Value(src))
				}
				if !strings.HasPrefix(b.String(), "<!--") {
					add(b.String(), st)
				}
			default:
				walk(c, st)
			}
		}
	}
	walk(n, style{})
	return out
}

// op says whether a token is kept, inserted or deleted.
type op uint8

const (
	keep op = iota
	insert
	remove
)

// edit is a token with what happened to it.
type edit struct {
	op op
	token
}

// build returns inline nodes for edits: the runs of inserted and deleted
// tokens inside Insert and Delete nodes, each run of one style as a
// String inside the nodes for its emphasis, code or link.
func build(edits []edit) []ast.Node {
	var out []ast.Node
	for i := 0; i < len(edits); {
		j := i
		for j < len(edits) && edits[j].op == edits[i].op {
			j++
		}
		var parent ast.Node
		switch edits[i].op {
		case insert:
			parent = &layout.Insert{}
		case remove:
			parent = &layout.Delete{}
		}
		for k := i; k < j; {
			l := k
			var b strings.Builder
			for l < j && edits[l].style == edits[k].style {
				b.WriteString(edits[l].text)
				l++
			}
			n := styled(b.String(), edits[k].style)
			if parent != nil {
				parent.AppendChild(parent, n)
			} else {
				out = append(out, n)
			}
			k = l
		}
		if parent != nil {
			out = append(out, parent)
		}
		i = j
	}
	return out
}

// styled is text as a String node inside the nodes that give it style st.
func styled(text string, st style) ast.Node {
	s := ast.NewString([]byte(text))
	s.SetRaw(true)
	var n ast.Node = s
	if st.code {
		c := ast.NewCodeSpan()
		c.AppendChild(c, n)
		n = c
	}
	if st.italic {
		e := ast.NewEmphasis(1)
		e.AppendChild(e, n)
		n = e
	}
	if st.bold {
		e := ast.NewEmphasis(2)
		e.AppendChild(e, n)
		n = e
	}
	if st.link != "" {
		l := ast.NewLink()
		l.Destination = []byte(st.link)
		l.AppendChild(l, n)
		n = l
	}
	return n
}

// replace makes nodes the inline content of n.
func replace(n ast.Node, nodes []ast.Node) {
	n.RemoveChildren(n)
	for _, c := range nodes {
		n.AppendChild(n, c)
	}
}

// all marks every token with op.
func all(ts []token, o op) []edit {
	out := make([]edit, len(ts))
	for i, t := range ts {
		out[i] = edit{o, t}
	}
	return out
}
