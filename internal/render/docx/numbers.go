package docx

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/layout"
)

// The numbering of sections and clauses is Word's own: a multilevel list
// linked to the Heading 1 style (level 0, "4.") and the Clause style
// (level 1, "4.2"), so that a clause inserted in Word takes the next
// number and those after it move up. The Markdown types each number; a
// heading or clause takes Word's numbering only where its typed number
// is the one Word would give it at that point, and the typed number is
// then left out of the text. Anything else keeps its number as text,
// and a Heading 1 without a number (a schedule) switches the list off.
const (
	outlineNum      = 2 // the numbering id of the sections' and clauses' list
	outlineAbstract = 2
	noNumbering     = `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>`
)

var (
	sectionNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d+)\.(?: |$)`) })
	clauseNumber  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d+)\.(\d+)(?: |$)`) })
)

// outline counts the sections and clauses Word has numbered so far.
type outline struct {
	section, clause int
}

// numberHeading reports whether a heading whose text starts with text
// takes Word's numbering, and the number to leave out of its text. A
// heading that is wholly deleted (in a redline) is numbered where it
// stood in the old version and does not count in the new one.
func (o *outline) numberHeading(text string, deleted bool) (string, bool) {
	m := sectionNumber().FindStringSubmatch(text)
	if m == nil {
		return "", false
	}
	if deleted {
		return m[1] + ".", true
	}
	if n, _ := strconv.Atoi(m[1]); n != o.section+1 {
		return "", false
	}
	o.section++
	o.clause = 0
	return m[1] + ".", true
}

// numberClause is numberHeading for a clause, whose number ("4.2") is
// bold at the start of its paragraph.
func (o *outline) numberClause(text string, bold, deleted bool) (string, bool) {
	m := clauseNumber().FindStringSubmatch(text)
	if m == nil || !bold || o.section == 0 {
		return "", false
	}
	number := m[1] + "." + m[2]
	if deleted {
		return number, true
	}
	s, _ := strconv.Atoi(m[1])
	c, _ := strconv.Atoi(m[2])
	if s != o.section || c != o.clause+1 {
		return "", false
	}
	o.clause++
	return number, true
}

// leading returns the start of n's text, unescaped, and whether its
// first letter is bold.
func leading(n ast.Node, src []byte) (string, bool) {
	var b strings.Builder
	bold, first := false, true
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || b.Len() > 24 {
			return ast.WalkSkipChildren, nil
		}
		var s string
		switch c := c.(type) {
		case *ast.Text:
			s = layout.Unescape(c.Segment.Value(src))
			if c.IsRaw() {
				s = string(c.Segment.Value(src))
			}
		case *ast.String:
			s = layout.Unescape(c.Value)
			if c.IsRaw() {
				s = string(c.Value)
			}
		default:
			return ast.WalkContinue, nil
		}
		if first && s != "" {
			first = false
			for p := c.Parent(); p != nil && p != n; p = p.Parent() {
				if e, ok := p.(*ast.Emphasis); ok && e.Level == 2 {
					bold = true
				}
			}
		}
		b.WriteString(s)
		return ast.WalkContinue, nil
	})
	return b.String(), bold
}

// skipNumber leaves the typed number out of the paragraph being
// written, which Word numbers: its characters, then one space after it.
func (b *body) skipNumber(number string) {
	b.skip, b.skipSpace, b.autoNumber = number, true, true
}

// skipped drops from s what is left of the number to leave out.
func (b *body) skipped(s string) string {
	for b.skip != "" && s != "" {
		if s[0] != b.skip[0] {
			b.skip = ""
			break
		}
		s, b.skip = s[1:], b.skip[1:]
	}
	if b.skip == "" && b.skipSpace && s != "" {
		b.skipSpace = false
		s = strings.TrimPrefix(s, " ")
	}
	return s
}

// outlineNumbering is the abstract numbering of the sections and
// clauses, and its numbering instance.
func outlineNumbering() (abstract, num string) {
	abstract = fmt.Sprintf(`<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="multilevel"/>`, outlineAbstract) +
		`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading1"/><w:suff w:val="space"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Clause"/><w:suff w:val="space"/><w:lvlText w:val="%1.%2"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:lvl>` +
		`</w:abstractNum>`
	num = fmt.Sprintf(`<w:num w:numId="%d"><w:abstractNumId w:val="%d"/></w:num>`, outlineNum, outlineAbstract)
	return abstract, num
}

// BookmarkName is the name of the bookmark a Word file puts round the
// clause or section id: "mou_" and the id with its dots and hyphens as
// underscores, as Word allows letters, digits and underscores only, in
// at most 40 characters; a longer name ends in a hash of the id.
func BookmarkName(id string) string {
	name := "mou_" + strings.NewReplacer(".", "_", "-", "_").Replace(id)
	if len(name) <= 40 {
		return name
	}
	sum := sha256.Sum256([]byte(id))
	return name[:31] + "_" + hex.EncodeToString(sum[:4])
}

// bookmarkStart opens the bookmark of a block's id, if it has one, and
// returns what closes it. Round a paragraph Word numbers the bookmark
// holds all of it, and a cross-reference asks Word for its number; round
// one whose number is typed ("Schedule 3: Charges") it holds the number
// alone, which a cross-reference shows.
func (b *body) bookmarkStart(n ast.Node) string {
	id := layout.ID(n)
	if id == "" || b.title {
		return ""
	}
	name := BookmarkName(id)
	if b.autoNumber {
		b.wordNumbered[id] = true
	} else if text, _ := leading(n, b.src); typedNumber().MatchString(text) {
		b.markNumber = name
		return ""
	}
	b.bookmarks++
	fmt.Fprintf(&b.out, `<w:bookmarkStart w:id="%d" w:name="%s"/>`, b.bookmarks, name)
	return fmt.Sprintf(`<w:bookmarkEnd w:id="%d"/>`, b.bookmarks)
}

// typedNumber finds the number a heading or clause types, or the
// letters of a schedule lettered A, B, C… ("Annex B: Charges").
var typedNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\d+(\.\d+)*|\b[A-Z]{1,3}\b`) })

// number writes s, which the run of style st holds, with the bookmark
// waiting for the typed number round the first number in it.
func (b *body) number(s string, st runStyle) string {
	loc := typedNumber().FindStringIndex(s)
	if loc == nil {
		return s
	}
	name := b.markNumber
	b.markNumber = ""
	b.run(s[:loc[0]], st)
	b.wrap(st)
	b.bookmarks++
	fmt.Fprintf(&b.out, `<w:bookmarkStart w:id="%d" w:name="%s"/>`, b.bookmarks, name)
	b.run(s[loc[0]:loc[1]], st)
	fmt.Fprintf(&b.out, `<w:bookmarkEnd w:id="%d"/>`, b.bookmarks)
	return s[loc[1]:]
}

// refInstr is the field instruction of a cross-reference to id: its
// paragraph's number where Word numbers it, else the bookmarked number.
func (b *body) refInstr(id string) string {
	if b.wordNumbered[id] {
		return " REF " + BookmarkName(id) + ` \n \h `
	}
	return " REF " + BookmarkName(id) + ` \h `
}
