package serve

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/schema"
	"github.com/partnership-tools/mou/internal/yamledit"
)

// A control is one question on a page, with the answer the file holds
// and the problems found with it.
type control struct {
	ID, Name, Label, Hint string
	// Full is the label with the item and group the question is in, for
	// a summary: "Partner 2, safeguarding lead, email"; Place names the
	// item alone: "Partner 2".
	Full, Place string
	// Kind is how it is asked: "input", "short" (a short input), "date",
	// "textarea", "lines" (a textarea, one answer a line), "dates" (a date
	// input for each answer, and one more), "radios", "select" or
	// "checkboxes".
	Kind    string
	Value   string // as shown: a list's answers one a line
	Options []option
	// Suggestions are answers an input offers as it is typed in; any
	// other is allowed too.
	Suggestions []string
	Dates       []*control // the inputs of "dates"
	Optional    bool
	Errors      []string
	Warnings    []string
	Screen      string // the slug of the screen that asks it

	list  bool // the answer is a list
	long  bool // written as a block of text
	block bool // the file holds it as a block scalar, ending in a line break
	// unset is what the form shows for an answer left out, when that
	// stands for an answer (an optional choice's default): sending it
	// back changes nothing.
	unset string
}

// option is one choice of a radio button, select or checkbox.
type option struct {
	Value, Label, Hint string
	Checked            bool
}

// item is one item of a list of items, such as one partner.
type item struct {
	ID, Legend  string
	Short       string // the legend without the item's title: "Partner 2"
	Blocks      []block
	Remove      string // the action that removes it
	RemoveLabel string
}

// list is a list of items, such as the partners.
type list struct {
	ID, Name, Label, Hint string
	Items                 []item
	Add                   string // the action that adds an item
	AddLabel              string // "Add an objective", "Add another partner"
	Errors, Warnings      []string
	Screen                string
}

// group is a set of questions the file holds together, such as a
// partner's safeguarding lead, asked in a fieldset of its own.
type group struct {
	ID, Name, Legend, Hint string
	Optional               bool
	Controls               []*control
	// Remove is the action that removes an optional group the file
	// holds, and RemoveLabel the words of its button.
	Remove, RemoveLabel string
}

// block is one question, list or group on a page, or in an item, or
// the way to the standard clauses.
type block struct {
	Control *control
	List    *list
	Group   *group
	Clauses *clauseChoices
}

// htmlID turns a YAML path into an id for an HTML element.
func htmlID(path string) string {
	r := strings.NewReplacer(".", "-", "[", "-", "]", "")
	return "f-" + r.Replace(path)
}

// partnerOption is a partner's id, as the file holds it, and the name a
// form shows for it.
type partnerOption struct{ ID, Name string }

// partnersOf lists the partners by name, with the id after a name that
// is missing or shared, so that each can be told apart.
func partnersOf(doc *yamledit.Doc) []partnerOption {
	var out []partnerOption
	names := map[string]int{}
	for i := range doc.Len("partners") {
		base := "partners[" + strconv.Itoa(i) + "]"
		id, _ := doc.Get(base + ".id")
		name, _ := doc.Get(base + ".name")
		if id != "" {
			name = strings.Join(strings.Fields(name), " ")
			out = append(out, partnerOption{id, name})
			names[name]++
		}
	}
	for i, p := range out {
		switch {
		case p.Name == "":
			out[i].Name = p.ID
		case names[p.Name] > 1:
			out[i].Name += " (" + p.ID + ")"
		}
	}
	return out
}

// build returns the questions of screen sc, with the answers in doc, as
// q reads them.
func build(sc *screen, doc *yamledit.Doc, q *questionnaire.Questionnaire) []block {
	partners := partnersOf(doc)
	var out []block
	for _, p := range sc.Parts {
		if p.Clauses {
			out = append(out, block{Clauses: newClauseChoices(doc, q)})
			continue
		}
		if p.Items == nil {
			out = append(out, buildBlock(p, p.Path, "", doc, partners, sc.Slug))
			continue
		}
		f, _ := schema.Lookup(p.Path)
		l := &list{ID: htmlID(p.Path), Name: p.Path, Label: p.Label, Hint: f.Hint,
			Add: "add:" + p.Path, Screen: sc.Slug}
		l.AddLabel = addLabel(p.Item, doc.Len(p.Path))
		for i := range doc.Len(p.Path) {
			base := p.Path + "[" + strconv.Itoa(i) + "]"
			it := item{ID: htmlID(base), Remove: "remove:" + base,
				RemoveLabel: fmt.Sprintf("Remove %s %d", p.Item, i+1)}
			it.Short = fmt.Sprintf("%s %d", capitalise(p.Item), i+1)
			it.Legend = it.Short
			for _, sub := range p.Items {
				it.Blocks = append(it.Blocks, buildBlock(sub, base+"."+sub.Path, it.Short, doc, partners, sc.Slug))
			}
			if title := it.Blocks[0].Control; title != nil && title.Value != "" && !title.list {
				it.Legend = it.Short + ": " + oneLine(shown(title))
			}
			l.Items = append(l.Items, it)
		}
		out = append(out, block{List: l})
	}
	return out
}

// buildBlock makes the question, or the group of questions, for part p
// at path; place names the item it is in, if any ("Partner 2").
func buildBlock(p part, path, place string, doc *yamledit.Doc, partners []partnerOption, slug string) block {
	if p.Group == nil {
		c := newControl(p, path, doc, partners, slug)
		c.Place, c.Full = place, joinLabel(place, c.Label)
		return block{Control: c}
	}
	f, _ := schema.Lookup(path)
	g := &group{ID: htmlID(path), Name: path, Legend: p.Label, Hint: f.Hint, Optional: !f.Required}
	present := false
	for _, sub := range p.Group {
		c := newControl(sub, path+"."+sub.Path, doc, partners, slug)
		c.Place, c.Full = place, c.Label
		if place != "" {
			// In an item, a group's questions are named with it:
			// "Partner 2, safeguarding lead, email".
			c.Full = joinLabel(joinLabel(place, p.Label), c.Label)
		}
		g.Controls = append(g.Controls, c)
		present = present || c.Value != ""
	}
	if g.Optional && present {
		g.Remove, g.RemoveLabel = "remove:"+path, "Remove the "+lowerFirst(p.Label)
		if place != "" {
			g.RemoveLabel += " of " + lowerFirst(place)
		}
	}
	return block{Group: g}
}

// joinLabel names a question within its place: "Partner 2, safeguarding
// lead".
func joinLabel(place, label string) string {
	if place == "" {
		return label
	}
	return place + ", " + lowerFirst(label)
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// oneLine folds text to one line, cut to 60 characters, for a heading.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:59]) + "…"
	}
	return s
}

// capitalise puts the first letter in upper case; one that begins with a
// quotation mark or any other character stays as it is.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// newControl makes the question for part p at path.
func newControl(p part, path string, doc *yamledit.Doc, partners []partnerOption, slug string) *control {
	f, ok := schema.Lookup(path)
	if !ok {
		panic("serve: no key " + path) // a mistake in screens, which the tests catch
	}
	c := &control{ID: htmlID(path), Name: path, Label: p.Label, Hint: f.Hint, Optional: !f.Required, Screen: slug, long: p.Long}
	if sameWords(c.Hint, c.Label) {
		c.Hint = "" // it would say the label again
	}
	if f.Kind == schema.List {
		c.list = true
		values := doc.Strings(path)
		c.Value = strings.Join(values, "\n")
		switch {
		case p.Ref != "":
			c.Kind = "checkboxes"
			for _, pt := range partners {
				c.Options = append(c.Options, option{Value: pt.ID, Label: pt.Name, Checked: slices.Contains(values, pt.ID)})
			}
		case len(f.Choices) > 0:
			c.Kind = "checkboxes"
			shown := values
			if len(values) == 0 && len(f.Default) > 0 {
				shown, c.unset = f.Default, strings.Join(f.Default, "\n")
			}
			for _, ch := range f.Choices {
				c.Options = append(c.Options, option{Value: ch.Word, Label: ch.Label, Hint: ch.Description, Checked: slices.Contains(shown, ch.Word)})
			}
		case f.Elem == schema.Date:
			c.Kind = "dates"
			for i, v := range append(values, "") {
				d := &control{ID: fmt.Sprintf("%s-%d", c.ID, i), Name: path, Label: fmt.Sprintf("Date %d", i+1), Value: v, Kind: dateKind(v)}
				if i == len(values) {
					d.Label, d.Optional = "Another date", true
				}
				if i == 0 {
					d.ID = c.ID // where a problem's link leads
				}
				c.Dates = append(c.Dates, d)
			}
		default:
			c.Kind = "lines"
		}
		return c
	}
	raw, _ := doc.Get(path)
	c.block = strings.HasSuffix(raw, "\n")
	c.Value = strings.TrimSuffix(raw, "\n")
	switch {
	case p.Ref != "":
		c.Kind = "select"
		none := "Choose a partner"
		if c.Optional {
			none = "None"
		}
		c.Options = append(c.Options, option{Value: "", Label: none})
		if p.Ref == refAll {
			c.Options = append(c.Options, option{Value: "all", Label: "All partners"})
		}
		known := c.Value == "" || c.Value == "all" && p.Ref == refAll
		for _, pt := range partners {
			c.Options = append(c.Options, option{Value: pt.ID, Label: pt.Name})
			known = known || pt.ID == c.Value
		}
		if !known {
			// An id that names no partner stays shown, so that saving the
			// page does not lose it; the check names the problem.
			c.Options = append(c.Options, option{Value: c.Value, Label: c.Value + " (no partner has this id)"})
		}
		for i := range c.Options {
			c.Options[i].Checked = c.Options[i].Value == c.Value
		}
	case f.Kind == schema.Bool:
		c.Kind = "radios"
		c.Value = boolWord(c.Value)
		c.Options = []option{{Value: "true", Label: "Yes", Checked: c.Value == "true"}, {Value: "false", Label: "No", Checked: c.Value == "false"}}
	case len(f.Choices) > 0:
		c.Kind = "radios"
		shown := c.Value
		if shown == "" && len(f.Default) > 0 {
			shown, c.unset = f.Default[0], f.Default[0]
		}
		for _, ch := range f.Choices {
			c.Options = append(c.Options, option{Value: ch.Word, Label: ch.Label, Hint: ch.Description, Checked: ch.Word == shown})
		}
		if c.Optional && len(f.Default) == 0 {
			c.Options = append(c.Options, option{Value: "", Label: "Not chosen", Checked: c.Value == ""})
		}
		if c.Value != "" && !slices.ContainsFunc(f.Choices, func(ch schema.Choice) bool { return ch.Word == c.Value }) {
			c.Options = append(c.Options, option{Value: c.Value, Label: c.Value, Hint: "Not one of the allowed answers.", Checked: true})
		}
	case p.Long:
		c.Kind = "textarea"
	case f.Kind == schema.Date:
		c.Kind = dateKind(c.Value)
	case f.Kind == schema.Period || f.Kind == schema.Money || f.Kind == schema.Whole:
		c.Kind = "short"
	default:
		c.Kind = "input"
		for _, ch := range f.Suggestions {
			c.Suggestions = append(c.Suggestions, ch.Word)
		}
	}
	return c
}

// sameWords reports whether a hint says no more than a label.
func sameWords(hint, label string) bool {
	return strings.EqualFold(strings.TrimSuffix(hint, "."), label)
}

// dateKind asks for a date with the browser's date picker, unless the
// answer is not a date the picker can show: it is then a short text
// input, so that saving the page keeps the answer as it is.
func dateKind(v string) string {
	if _, err := time.Parse(time.DateOnly, v); v == "" || err == nil {
		return "date"
	}
	return "short"
}

// shownDate is a date answer as a person reads it, "1 September 2026",
// or the answer as it is when it is not a date.
func shownDate(v string) string {
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return v
	}
	return locale.Get(locale.Default).Date(t)
}

// boolWord reads a YAML true or false as "true" or "false"; anything
// else is left as it is.
func boolWord(s string) string {
	switch strings.ToLower(s) {
	case "true", "yes", "on", "y":
		return "true"
	case "false", "no", "off", "n":
		return "false"
	}
	return s
}

// controls lists every question of blocks.
func controls(blocks []block) []*control {
	var out []*control
	for _, b := range blocks {
		switch {
		case b.Control != nil:
			out = append(out, b.Control)
		case b.Group != nil:
			out = append(out, b.Group.Controls...)
		case b.List != nil:
			for _, it := range b.List.Items {
				out = append(out, controls(it.Blocks)...)
			}
		}
	}
	return out
}

// groups lists every group of blocks, in items too.
func groups(blocks []block) []*group {
	var out []*group
	for _, b := range blocks {
		switch {
		case b.Group != nil:
			out = append(out, b.Group)
		case b.List != nil:
			for _, it := range b.List.Items {
				out = append(out, groups(it.Blocks)...)
			}
		}
	}
	return out
}

// within reports whether path is at or inside the answer at base:
// "partners[1].lead.name" is within "partners[1]" and "partners".
func within(path, base string) bool {
	return path == base || strings.HasPrefix(path, base+".") || strings.HasPrefix(path, base+"[")
}

// attach puts each problem at the question it is about: the question at
// its path, or holding it, or else the first question inside it, or the
// list it is about. It returns the problems that are about no question
// on any screen.
func attach(problems questionnaire.Problems, pages [][]block) questionnaire.Problems {
	var all []*control
	var lists []*list
	var clauses *clauseChoices
	for _, blocks := range pages {
		all = append(all, controls(blocks)...)
		for _, b := range blocks {
			if b.List != nil {
				lists = append(lists, b.List)
			}
			if b.Clauses != nil {
				clauses = b.Clauses
			}
		}
	}
	var other questionnaire.Problems
	for _, p := range problems {
		if p.Path == "" {
			other = append(other, p)
			continue
		}
		if clauses != nil && clauses.about(p.Path) {
			if p.Warning {
				clauses.Warnings = append(clauses.Warnings, p.Message)
			} else {
				clauses.Errors = append(clauses.Errors, p.Message)
			}
			continue
		}
		var at *control
		for _, c := range all {
			if within(p.Path, c.Name) && (at == nil || len(c.Name) > len(at.Name)) {
				at = c
			}
		}
		if at == nil {
			for _, c := range all {
				if within(c.Name, p.Path) && !isList(p.Path, lists) {
					at = c
					break
				}
			}
		}
		if at != nil {
			if p.Warning {
				at.Warnings = append(at.Warnings, p.Message)
			} else {
				at.Errors = append(at.Errors, p.Message)
			}
			continue
		}
		if l := listFor(p.Path, lists); l != nil {
			if p.Warning {
				l.Warnings = append(l.Warnings, p.Message)
			} else {
				l.Errors = append(l.Errors, p.Message)
			}
			continue
		}
		other = append(other, p)
	}
	return other
}

func isList(path string, lists []*list) bool {
	return slices.ContainsFunc(lists, func(l *list) bool { return l.Name == path })
}

// listFor returns the list the problem at path is about, if any: the
// list itself, or an item of it no question holds.
func listFor(path string, lists []*list) *list {
	for _, l := range lists {
		if within(path, l.Name) {
			return l
		}
	}
	return nil
}

// An op is one change to the file.
type op func(*yamledit.Doc) error

// changes returns the changes the submitted form r makes to the
// questions cs: only those whose answer differs from the file's. An
// optional group of gs whose answers are all sent empty is removed
// whole, so that no empty group is left behind.
func changes(r *http.Request, cs []*control, gs []*group) []op {
	var ops []op
	emptied := map[*control]bool{}
	for _, g := range gs {
		if g.Remove != "" && sentEmpty(r, g.Controls) {
			ops = append(ops, removeGroup(g.Name))
			for _, c := range g.Controls {
				emptied[c] = true
			}
		}
	}
	for _, c := range cs {
		if emptied[c] {
			continue
		}
		sent, ok := r.PostForm[c.Name]
		if !ok {
			continue // not on the form sent, or a radio button left alone
		}
		switch {
		case c.Kind == "checkboxes" || c.Kind == "dates":
			var values []string
			for _, v := range sent {
				if v = strings.TrimSpace(v); v != "" && !slices.Contains(values, v) {
					values = append(values, v)
				}
			}
			if got := strings.Join(values, "\n"); got != c.Value && (c.Value != "" || got != c.unset) {
				ops = append(ops, setList(c.Name, values))
			}
		case c.list:
			values := lines(sent[0])
			if strings.Join(values, "\n") != c.Value {
				ops = append(ops, setList(c.Name, values))
			}
		default:
			v := cleanText(sent[0], c.Kind == "textarea")
			if v != c.Value && (c.Value != "" || v != c.unset) {
				ops = append(ops, setAnswer(c.Name, v, c.long, c.block))
			}
		}
	}
	return ops
}

// sentEmpty reports whether the form r sends every one of cs, and sends
// each empty.
func sentEmpty(r *http.Request, cs []*control) bool {
	for _, c := range cs {
		sent, ok := r.PostForm[c.Name]
		if !ok || slices.ContainsFunc(sent, func(v string) bool { return strings.TrimSpace(v) != "" }) {
			return false
		}
	}
	return true
}

// renames returns the changes that follow a partner's new id, sent by
// the form r, to every answer that names the partner by its old one, so
// that changing a short id does not break the questionnaire. An id
// another partner has already is left for the check to report.
func renames(r *http.Request, st *state) []op {
	q := st.snap.Questionnaire
	if q == nil {
		return nil
	}
	var ops []op
	for i := range st.doc.Len("partners") {
		path := "partners[" + strconv.Itoa(i) + "].id"
		sent, ok := r.PostForm[path]
		old, _ := st.doc.Get(path)
		id := cleanText(strings.Join(sent, ""), false)
		if !ok || old == "" || id == "" || id == old || slices.ContainsFunc(partnersOf(st.doc), func(p partnerOption) bool { return p.ID == id }) {
			continue
		}
		for _, ref := range q.References(old) {
			ops = append(ops, func(d *yamledit.Doc) error { return d.Set(ref, id) })
		}
	}
	return ops
}

// lines returns the answers of a textarea that takes one a line.
func lines(s string) []string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// cleanText is an answer as typed, without spaces at the ends of lines
// or blank lines around it; a one-line answer is on one line.
func cleanText(s string, multiline bool) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if !multiline {
		return strings.Join(strings.Fields(s), " ")
	}
	ls := strings.Split(s, "\n")
	for i, l := range ls {
		ls[i] = strings.TrimRight(l, " \t")
	}
	return strings.Trim(strings.Join(ls, "\n"), "\n ")
}

func setList(path string, values []string) op {
	return func(d *yamledit.Doc) error { return d.SetList(path, values) }
}

// setAnswer writes value at path, adding the mapping that holds it when
// that is missing, or removes the key when value is empty. A long
// answer the file holds as a block of text stays one.
func setAnswer(path, value string, long, block bool) op {
	return func(d *yamledit.Doc) error {
		if value == "" {
			err := d.Delete(path)
			if errors.Is(err, yamledit.ErrNotFound) {
				return nil
			}
			return err
		}
		set := d.Set
		if long {
			set = d.SetText
			if block {
				value += "\n"
			}
		}
		err := set(path, value)
		if !errors.Is(err, yamledit.ErrNotFound) {
			return err
		}
		// The mapping that holds the key is missing: add it with the key.
		i := strings.LastIndexByte(path, '.')
		if i < 0 {
			return err
		}
		return d.AddMapping(path[:i], [][2]string{{path[i+1:], value}})
	}
}

// addItem returns the change that adds an item to the list at path,
// holding the keys an item must have, empty, for the user to fill in:
// the shape of the questionnaire mou init writes.
func addItem(path string, n int) op {
	return func(d *yamledit.Doc) error {
		f, _ := schema.Lookup(path)
		var pairs [][2]string
		var groups []string
		for _, k := range f.Keys {
			sub, _ := schema.Lookup(path + "[]." + k)
			switch {
			case !sub.Required:
			case sub.Kind == schema.Group:
				groups = append(groups, k)
			case sub.Kind != schema.List && sub.Kind != schema.Items && sub.Kind != schema.Map:
				pairs = append(pairs, [2]string{k, ""})
			}
		}
		if err := d.Append(path, pairs); err != nil {
			return err
		}
		base := path + "[" + strconv.Itoa(n) + "]"
		for _, g := range groups {
			sub, _ := schema.Lookup(path + "[]." + g)
			var inner [][2]string
			for _, k := range sub.Keys {
				if kf, _ := schema.Lookup(path + "[]." + g + "." + k); kf.Required {
					inner = append(inner, [2]string{k, ""})
				}
			}
			if err := d.AddMapping(base+"."+g, inner); err != nil {
				return err
			}
		}
		return nil
	}
}

func removeItem(path string) op {
	return func(d *yamledit.Doc) error { return d.Remove(path) }
}

func removeGroup(path string) op {
	return func(d *yamledit.Doc) error { return d.DeleteGroup(path) }
}

// addLabel is the words of the button that adds an item to a list of n:
// "Add another partner", or for the first "Add a protocol", "Add an
// objective".
func addLabel(item string, n int) string {
	switch {
	case n > 0:
		return "Add another " + item
	case strings.ContainsRune("aeiou", rune(item[0])):
		return "Add an " + item
	}
	return "Add a " + item
}
