package html

import (
	"html"
	"slices"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"github.com/partnership-tools/mou/internal/layout"
)

// hidden finds the nodes a public page leaves out (see Options.Public)
// of doc, and the hidden node to write the "signed on" lines in place of.
func hidden(tree *layout.Tree, doc layout.Document) (hide map[ast.Node]bool, signedAt ast.Node) {
	hide = map[ast.Node]bool{}
	// Everything after the signed text: the schedules of contacts and
	// amendments, which name people.
	after := false
	for c := tree.Root.FirstChild(); c != nil; c = c.NextSibling() {
		after = after || c.Kind() == layout.KindAgreementEnd
		if after {
			hide[c] = true
		}
	}
	// Sections holding signature blocks: only the heading and the
	// "signed on" lines, in place of the first block, stay, and only when
	// signatures are recorded.
	for _, sec := range sections(tree.Root) {
		first := slices.IndexFunc(sec, func(n ast.Node) bool { return n.Kind() == layout.KindSignature })
		if first < 0 {
			continue
		}
		for i, n := range sec {
			if i > 0 || len(doc.Signed) == 0 {
				hide[n] = true
			}
		}
		if len(doc.Signed) > 0 && signedAt == nil {
			signedAt = sec[first]
		}
	}
	// Anything else that names a person.
	people := normalPeople(doc.People)
	ast.Walk(tree.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindParagraph, ast.KindListItem, ast.KindHeading, layout.KindTableRow:
			if n.Kind() == layout.KindTableRow && !isBodyRow(n) {
				break // the column headings stay with the table
			}
			if mentions(normal(plainText(n, tree.Source)), people) {
				hide[n] = true
				return ast.WalkSkipChildren, nil
			}
		}
		return ast.WalkContinue, nil
	})
	// A table whose every row is hidden goes too.
	ast.Walk(tree.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == layout.KindTable && allRowsHidden(n, hide) {
			hide[n] = true
		}
		return ast.WalkContinue, nil
	})
	return hide, signedAt
}

// sections splits the top level of a document at each second-level
// heading; each section starts with its heading.
func sections(root ast.Node) [][]ast.Node {
	var out [][]ast.Node
	for c := root.FirstChild(); c != nil; c = c.NextSibling() {
		if h, ok := c.(*ast.Heading); ok && h.Level <= 2 || len(out) == 0 {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], c)
	}
	return out
}

func allRowsHidden(table ast.Node, hide map[ast.Node]bool) bool {
	rows := 0
	for c := table.FirstChild(); c != nil; c = c.NextSibling() {
		if isBodyRow(c) {
			rows++
			if !hide[c] {
				return false
			}
		}
	}
	return rows > 0
}

// plainText is the words of n and everything below it, without markup.
// Blocks, such as a table row's cells, are apart by a space: a name
// whose first name and surname stand in two cells is still found.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if c.Type() == ast.TypeBlock {
			b.WriteByte(' ')
		}
		switch t := c.(type) {
		case *ast.Text:
			b.WriteString(layout.Unescape(t.Segment.Value(src)))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

func mentions(text string, people []string) bool {
	for _, p := range people {
		if strings.Contains(text, p) {
			return true
		}
	}
	return false
}

// normalPeople returns the names, emails and phone numbers of people,
// as normal writes them, leaving out empty ones.
func normalPeople(people []string) []string {
	var out []string
	for _, s := range people {
		if s = normal(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// normal is s as a person is looked for in it: in lower case, without
// characters that print as nothing (a soft hyphen), and with each run of
// white space of any kind (a no-break space, a narrow one, several) one
// space, so that "JANE\u00a0SMITH" is found as "Jane Smith".
func normal(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}

// writeSigned writes the lines saying when the partners signed.
func writeSigned(w util.BufWriter, lines []string) {
	_, _ = w.WriteString("<ul class=\"signed\">\n")
	for _, l := range lines {
		_, _ = w.WriteString("<li>" + html.EscapeString(l) + "</li>\n")
	}
	_, _ = w.WriteString("</ul>\n")
}
