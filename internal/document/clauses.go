package document

import (
	"reflect"
	"sort"
	"strings"
	"sync"
	"text/template"
	"text/template/parse"

	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/signing"
	"github.com/partnership-tools/mou/templates"
)

// StandardClause is one section or clause of the built-in wording that a
// questionnaire can name under wording.
type StandardClause struct {
	Document string // the document it is in: "mou" or "code-of-practice"
	ID       string // "general.insurance"; a section's id has no dot
	Section  string // the section's title: "General provisions"
	// Text is the clause's template, with each answer shown as its key
	// in brackets: "Meetings: [governance.meetings]". Empty for a section.
	Text string
	// Answers lists the questionnaire keys the clause prints or depends
	// on, such as "governance.meetings".
	Answers []string
}

var standardClauses sync.Map // edition -> []StandardClause

// StandardClauses lists the sections and clauses of an edition of the
// built-in wording, in the order they appear in the MOU and then the code
// of practice; nil for an
// edition without clause ids (2026.1) or one that does not exist.
func StandardClauses(edition string) []StandardClause {
	if !templates.IsEdition(edition) {
		return nil
	}
	if c, ok := standardClauses.Load(edition); ok {
		return c.([]StandardClause)
	}
	c := listClauses(builtInSet(edition))
	standardClauses.Store(edition, c)
	return c
}

// builtInSet is the built-in templates of an edition in British English,
// which the tests prove parse.
func builtInSet(edition string) *template.Template {
	s, err := builtInTemplates.edition(edition, locale.Default)
	if err != nil {
		panic("document: the built-in templates do not parse: " + err.Error())
	}
	return s.tmpl
}

// ClauseIDs lists the ids of StandardClauses(edition), for checking a
// questionnaire.
func ClauseIDs(edition string) []string {
	var ids []string
	for _, c := range StandardClauses(edition) {
		ids = append(ids, c.ID)
	}
	return ids
}

// listClauses finds the .Sec, .Std and .Keep calls of the MOU and then the
// code of practice in set, in order, and describes each clause from its
// "clause:ID" template.
func listClauses(set *template.Template) []StandardClause {
	var out []StandardClause
	at := map[string]int{}
	section, document := "", ""
	visit := func(cmd *parse.CommandNode) {
		method, args := call(cmd)
		if len(args) == 0 || (method != "Sec" && method != "Std" && method != "Keep") {
			return
		}
		id, ok := args[0].(*parse.StringNode)
		if !ok || id.Text == "" {
			return
		}
		if method == "Sec" && len(args) > 1 {
			if title, ok := args[1].(*parse.StringNode); ok {
				section = title.Text
			}
		}
		if i, seen := at[id.Text]; seen {
			// A section's title is known only once .Sec is reached,
			// after the .Keep that opens it.
			out[i].Section = section
			return
		}
		at[id.Text] = len(out)
		c := StandardClause{Document: document, ID: id.Text, Section: section}
		if t := set.Lookup("clause:" + id.Text); t != nil {
			c.Text, c.Answers = describeClause(set, t.Tree.Root)
		}
		out = append(out, c)
	}
	for _, kind := range Kinds {
		section, document = "", kind.Name
		walk(set.Lookup(kind.Template).Tree.Root, visit)
	}
	return out
}

// walk calls f on every command in the tree under n, in order.
func walk(n parse.Node, f func(*parse.CommandNode)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				walk(c, f)
			}
		}
	case *parse.ActionNode:
		walk(n.Pipe, f)
	case *parse.PipeNode:
		if n != nil {
			for _, c := range n.Cmds {
				walk(c, f)
			}
		}
	case *parse.CommandNode:
		f(n)
		for _, a := range n.Args {
			walk(a, f)
		}
	case *parse.IfNode:
		walkBranch(&n.BranchNode, f)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, f)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, f)
	}
}

func walkBranch(b *parse.BranchNode, f func(*parse.CommandNode)) {
	walk(b.Pipe, f)
	walk(b.List, f)
	if b.ElseList != nil {
		walk(b.ElseList, f)
	}
}

// call returns the method a command calls on the view (".Std" or
// "$.Std") and its arguments.
func call(cmd *parse.CommandNode) (string, []parse.Node) {
	if len(cmd.Args) == 0 {
		return "", nil
	}
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode:
		return n.Ident[len(n.Ident)-1], cmd.Args[1:]
	case *parse.VariableNode:
		return n.Ident[len(n.Ident)-1], cmd.Args[1:]
	}
	return "", nil
}

// describeClause returns a clause template's text with each answer it
// prints shown as its key in brackets, and the keys it depends on. Text
// that depends on an answer is shown as "[when KEY: … | otherwise: …]";
// inside a list, each item's answers are shown as "[…]". A template the
// clause calls, such as the words for the level of partnership, is shown
// as the answers it reads.
func describeClause(set *template.Template, root *parse.ListNode) (string, []string) {
	var b strings.Builder
	answers := map[string]bool{}
	note := func(p *parse.PipeNode) []string {
		keys := keysOf(p)
		for _, k := range keys {
			answers[k] = true
		}
		return keys
	}
	var text func(n parse.Node, inList bool)
	text = func(n parse.Node, inList bool) {
		switch n := n.(type) {
		case *parse.ListNode:
			for _, c := range n.Nodes {
				text(c, inList)
			}
		case *parse.TextNode:
			b.Write(n.Text)
		case *parse.ActionNode:
			word, key := viewWord(n.Pipe)
			switch {
			case word != "":
				b.WriteString(word)
				answers[key] = true
			case inList:
				b.WriteString("[…]")
			default:
				if keys := note(n.Pipe); len(keys) > 0 {
					b.WriteString("[" + strings.Join(keys, ", ") + "]")
				}
			}
		case *parse.RangeNode:
			note(n.Pipe)
			text(n.List, true)
		case *parse.TemplateNode:
			if t := set.Lookup(n.Name); t != nil {
				keys := keysIn(t.Tree.Root)
				for _, k := range keys {
					answers[k] = true
				}
				b.WriteString("[" + strings.Join(keys, ", ") + "]")
			}
		case *parse.IfNode:
			branch(&b, &n.BranchNode, inList, note, text)
		case *parse.WithNode:
			// Inside, the answers are the value's own: shown as "[…]".
			branch(&b, &n.BranchNode, inList, note, func(n parse.Node, _ bool) { text(n, true) })
		}
	}
	text(root, false)
	keys := make([]string, 0, len(answers))
	for k := range answers {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return refsAsWritten(strings.TrimSpace(b.String())), keys
}

// refsAsWritten shows a standard clause's cross-references, which take
// their numbers only in the whole document, as a partnership writes
// them: "section [[dissolution]]".
func refsAsWritten(s string) string { return refHint().ReplaceAllString(s, "[[$1]]") }

// branch describes an if or with: "[when KEY: … | otherwise: …]".
func branch(b *strings.Builder, br *parse.BranchNode, inList bool, note func(*parse.PipeNode) []string, text func(parse.Node, bool)) {
	if inList {
		text(br.List, inList)
		return
	}
	keys := note(br.Pipe)
	if len(keys) == 0 {
		text(br.List, inList)
		return
	}
	b.WriteString("[when " + strings.Join(keys, ", ") + ": ")
	text(br.List, inList)
	if br.ElseList != nil {
		b.WriteString(" | otherwise: ")
		text(br.ElseList, inList)
	}
	b.WriteString("]")
}

// viewWords are the view's methods that print words of the wording,
// shown in a listing as they read by default in British English, with
// the choice each depends on.
var viewWords = func() map[string][2]string {
	en := locale.Get(locale.Default)
	return map[string][2]string{
		"This":      {en.ThisMemorandum, "wording.title"},
		"MOUTitle":  {strings.ToLower(MOU.Title(en)), "wording.title"},
		"CodeTitle": {strings.ToLower(CodeOfPractice.Title(en)), "wording.code_title"},
		"Pupils":    {en.Word("pupils", "england"), "wording.nation"},
		"Pupil":     {en.Word("pupil", "england"), "wording.nation"},
		"Term.All":  {en.Word("parties_term", standardTerm), "wording.parties_term"},
		"Term.One":  {en.Word("party", standardTerm), "wording.parties_term"},
		"Term.Many": {en.Word("parties", standardTerm), "wording.parties_term"},
	}
}()

// viewWord returns the default words a pipeline such as {{.This}} or
// {{upperFirst .This}} prints, and the choice they depend on, or "".
func viewWord(p *parse.PipeNode) (word, key string) {
	if len(p.Cmds) != 1 {
		return "", ""
	}
	args := p.Cmds[0].Args
	upper := false
	if id, ok := args[0].(*parse.IdentifierNode); ok && id.Ident == "upperFirst" && len(args) == 2 {
		upper, args = true, args[1:]
	}
	var ident []string
	switch f := args[0].(type) {
	case *parse.FieldNode:
		ident = f.Ident
	case *parse.VariableNode: // $.Term.One
		if f.Ident[0] == "$" {
			ident = f.Ident[1:]
		}
	}
	if len(args) != 1 || len(ident) == 0 {
		return "", ""
	}
	w, ok := viewWords[strings.Join(ident, ".")]
	if !ok {
		return "", ""
	}
	if upper {
		return upperFirst(w[0]), w[1]
	}
	return w[0], w[1]
}

// keysIn returns the questionnaire keys the actions and conditions of a
// template read.
func keysIn(root *parse.ListNode) []string {
	var out []string
	walk(root, func(cmd *parse.CommandNode) {
		for _, k := range keysOf(&parse.PipeNode{Cmds: []*parse.CommandNode{cmd}}) {
			if !contains(out, k) {
				out = append(out, k)
			}
		}
	})
	return out
}

// keysOf returns the questionnaire keys a pipeline reads.
func keysOf(p *parse.PipeNode) []string {
	var out []string
	walk(p, func(cmd *parse.CommandNode) {
		for _, a := range cmd.Args {
			if f, ok := a.(*parse.FieldNode); ok {
				if k := keyOf(f.Ident); k != "" && !contains(out, k) {
					out = append(out, k)
				}
			}
		}
	})
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// viewKeys are the view's own methods and the answers they read.
var viewKeys = map[string]string{
	"Employers":   "partners[].kind",
	"Schools":     "partners[].kind",
	"LeadPartner": "partnership.lead_partner",
	"Parties":     "partners[].name",
	"End":         "partnership.end",
	"NoticeBy":    "dissolution.notice_period",
	"Binding":     "wording.status",
	"Wales":       "wording.nation",
}

// keyOf turns a field chain such as .Governance.OversightBody into the
// YAML key governance.oversight_body, or "" for none.
func keyOf(ident []string) string {
	if k, ok := viewKeys[ident[0]]; ok {
		return k
	}
	t := reflect.TypeOf(questionnaire.Questionnaire{})
	var path []string
	for _, name := range ident {
		for t.Kind() == reflect.Slice || t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			break
		}
		f, ok := t.FieldByName(name)
		if !ok {
			break
		}
		key, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		path = append(path, key)
		t = f.Type
	}
	return strings.Join(path, ".")
}

// ClauseText is the standard clause id as it reads in q's MOU: its
// standard text for q's answers, or the partnership's own where it
// replaced it. It is "" for a section.
func (t *Templates) ClauseText(q *questionnaire.Questionnaire, id string) (string, error) {
	if own, ok := q.Wording.Replace[id]; ok {
		return own.Paragraphs(), nil
	}
	if !templates.IsEdition(editionOf(q)) {
		return "", nil
	}
	s, err := t.set(q)
	if err != nil {
		return "", err
	}
	if s.tmpl.Lookup("clause:"+id) == nil {
		return "", nil
	}
	var b strings.Builder
	if err := s.tmpl.ExecuteTemplate(&b, "clause:"+id, newView(q, MOU, "", signing.Plan{})); err != nil {
		return "", originError(s.fsys, err)
	}
	return refsAsWritten(strings.TrimSpace(b.String())), nil
}
