package document

import (
	"slices"
	"strings"
	"sync"
	"text/template"
	"text/template/parse"

	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/templates"
)

// The answers each part of the documents prints, read from the
// templates: an answer printed only in sections or clauses the wording
// leaves out is printed nowhere, so no document needs it.

// uses maps each questionnaire key a document template reads to the
// places it reads it: each place the document's name, then the ids of
// the .Keep guards (and the .Std clause) around it, outermost first.
type uses map[string][][]string

var answerUses sync.Map // edition -> uses

// usesOf reads the MOU's and the code of practice's templates of an
// edition; nil for one that is not built in.
func usesOf(edition string) uses {
	if !templates.IsEdition(edition) {
		return nil
	}
	if u, ok := answerUses.Load(edition); ok {
		return u.(uses)
	}
	set := builtInSet(edition)
	u := uses{}
	r := reader{set: set, uses: u, seen: map[string]bool{}}
	for _, kind := range Kinds {
		r.list(set.Lookup(kind.Template).Tree.Root, []string{kind.Name})
	}
	answerUses.Store(edition, u)
	return u
}

// reader walks templates, noting where each answer is read.
type reader struct {
	set  *template.Template
	uses uses
	seen map[string]bool // templates being read, against a loop
}

func (r reader) note(keys []string, guards []string) {
	for _, k := range keys {
		r.uses[k] = append(r.uses[k], slices.Clone(guards))
	}
}

func (r reader) list(n *parse.ListNode, guards []string) {
	if n == nil {
		return
	}
	for _, c := range n.Nodes {
		r.node(c, guards)
	}
}

func (r reader) node(n parse.Node, guards []string) {
	switch n := n.(type) {
	case *parse.ActionNode:
		r.pipe(n.Pipe, guards)
	case *parse.IfNode:
		r.pipe(n.Pipe, guards)
		inner := guards
		if id := kept(n.Pipe); id != "" {
			inner = append(slices.Clone(guards), id)
		}
		r.list(n.List, inner)
		r.list(n.ElseList, guards)
	case *parse.RangeNode:
		r.pipe(n.Pipe, guards)
		r.list(n.List, guards)
		r.list(n.ElseList, guards)
	case *parse.WithNode:
		r.pipe(n.Pipe, guards)
		r.list(n.List, guards)
		r.list(n.ElseList, guards)
	case *parse.TemplateNode:
		r.template(n.Name, guards)
	}
}

// pipe notes the answers a pipeline reads, and those of any standard
// clause it places, under that clause's id.
func (r reader) pipe(p *parse.PipeNode, guards []string) {
	if p == nil {
		return
	}
	r.note(keysOf(p), guards)
	walk(p, func(cmd *parse.CommandNode) {
		for _, a := range cmd.Args {
			if v, ok := a.(*parse.VariableNode); ok && len(v.Ident) > 1 && v.Ident[0] == "$" {
				if k := keyOf(v.Ident[1:]); k != "" {
					r.note([]string{k}, guards)
				}
			}
		}
		if method, args := call(cmd); method == "Std" && len(args) > 0 {
			if id, ok := args[0].(*parse.StringNode); ok {
				r.template("clause:"+id.Text, append(slices.Clone(guards), id.Text))
			}
		}
	})
}

func (r reader) template(name string, guards []string) {
	t := r.set.Lookup(name)
	if t == nil || t.Tree == nil || r.seen[name] {
		return
	}
	r.seen[name] = true
	r.list(t.Tree.Root, guards)
	delete(r.seen, name)
}

// kept returns the id of a guard {{if .Keep "id"}}, or "".
func kept(p *parse.PipeNode) string {
	if p == nil || len(p.Cmds) != 1 {
		return ""
	}
	if method, args := call(p.Cmds[0]); method == "Keep" && len(args) == 1 {
		if id, ok := args[0].(*parse.StringNode); ok {
			return id.Text
		}
	}
	return ""
}

// Prints reports whether q's documents print the answer at key
// ("dissolution", "activities.lead"), or any answer inside it: whether
// some place that reads it, or reads the list or group it is part of, is
// in a document q asks for and in no section or clause its wording
// leaves out. An answer no template reads counts as printed.
func Prints(q *questionnaire.Questionnaire, key string) bool {
	found := false
	for k, places := range usesOf(editionOf(q)) {
		if k != key && !strings.HasPrefix(k, key+".") && !strings.HasPrefix(key, k+".") {
			continue
		}
		found = true
		if slices.ContainsFunc(places, func(place []string) bool {
			return q.Writes(place[0]) && !slices.ContainsFunc(place[1:], q.Wording.Omitted)
		}) {
			return true
		}
	}
	return !found
}
