package questionnaire

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
)

// decoder fills Go values from a YAML node tree, collecting every problem
// instead of stopping at the first, and remembering where each value was
// so later checks can point at the right line.
type decoder struct {
	file      string
	problems  Problems
	pos       map[string]position // where the value at each path starts
	nodesLeft int                 // guards against alias expansion blowing up
	exhausted *Problem            // set when the file has more values than maxNodes
	failed    map[string]bool     // paths whose value could not be read
	printable func(string) []rune // runes that cannot be printed; nil to allow all

	suggestLeft int                // work "did you mean" may still do
	repeats     map[string]*repeat // problems about a value, by kind and value
	folded      []func()           // turn folded (">") answers' line breaks into paragraphs

	textLeft  int         // bytes of text the file may still hold (textlimit.go)
	lists     []*listText // the lists being decoded, outermost first
	overLists Problems    // lists over maxListText, reported with a limit that stops decoding
	alias     *yaml.Node  // the outermost alias being decoded, if any

	refs map[string][]string // the cross-references in each text answer, by path (refs.go)
}

// repeat is a problem about a value (an unknown id, key or answer) that
// may be used many times: it is reported once, with where else it is used.
type repeat struct {
	index int   // in problems
	uses  int   // after the first
	lines []int // of the first few of those uses, without repeats
}

// maxRepeatLines is how many lines a repeated problem lists.
const maxRepeatLines = 5

// addOnce is add for a problem about a value rather than a place: the
// first use of the value is reported, and each later use of the same
// value (the same kind of problem, key) only adds its line to that report.
func (d *decoder) addOnce(key string, p position, path, format string, args ...any) {
	if r, ok := d.repeats[key]; ok {
		d.failed[path] = true
		r.uses++
		if len(r.lines) < maxRepeatLines && !slices.Contains(r.lines, p.line) && p.line != d.problems[r.index].Line {
			r.lines = append(r.lines, p.line)
		}
		return
	}
	d.add(p, path, format, args...)
	d.repeats[key] = &repeat{index: len(d.problems) - 1}
}

// finishRepeats says in each repeated problem where else the value is used.
func (d *decoder) finishRepeats() {
	for _, r := range d.repeats {
		if r.uses == 0 {
			continue
		}
		msg := &d.problems[r.index].Message
		slices.Sort(r.lines)
		switch {
		case r.uses == len(r.lines):
			*msg += "; also used on " + lineWords(r.lines)
		case len(r.lines) == 0:
			*msg += fmt.Sprintf("; also used %d more times on the same line", r.uses)
		default:
			*msg += fmt.Sprintf("; also used %d more times, first on %s", r.uses, lineWords(r.lines))
		}
	}
}

// lineWords says "line 4" or "lines 4, 9 and 12".
func lineWords(lines []int) string {
	if len(lines) == 1 {
		return "line " + strconv.Itoa(lines[0])
	}
	words := make([]string, len(lines))
	for i, l := range lines {
		words[i] = strconv.Itoa(l)
	}
	return "lines " + strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

type position struct{ line, col int }

func (d *decoder) add(p position, path, format string, args ...any) {
	d.failed[path] = true
	// Messages quote what the user wrote with quote or plain; escaping
	// again catches anything echoed some other way.
	d.problems = append(d.problems, Problem{
		File: d.file, Line: p.line, Column: p.col, Path: escape(path, false),
		Message: escape(fmt.Sprintf(format, args...), false),
	})
}

func (d *decoder) warn(p position, path, format string, args ...any) {
	d.add(p, path, format, args...)
	d.problems[len(d.problems)-1].Warning = true
}

// at returns where path is in the file: the value itself if it was
// given, else the nearest enclosing value that was.
func (d *decoder) at(path string) position {
	for {
		if p, ok := d.pos[path]; ok {
			return p
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			return d.pos[""]
		}
		path = path[:i]
	}
}

// failedUnder reports whether any value at or below path failed to read.
func (d *decoder) failedUnder(path string) bool {
	for p := range d.failed {
		if p == path || strings.HasPrefix(p, path+".") || strings.HasPrefix(p, path+"[") {
			return true
		}
	}
	return false
}

func nodePos(n *yaml.Node) position { return position{n.Line, n.Column} }

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// decode stores the value of n in v, which must be settable.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string) {
	if d.exhausted != nil {
		return
	}
	if !d.spend(nodePos(n), path) {
		return
	}
	d.pos[path] = nodePos(n)
	if n.Kind == yaml.AliasNode && d.alias == nil {
		d.alias = n
		defer func() { d.alias = nil }()
	}
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if s, ok := v.Addr().Interface().(scalar); ok {
		if text, ok := d.scalarText(n, path, "a single value"); ok && text != "" {
			if err := s.parseScalar(text); err != nil {
				d.add(d.pos[path], path, "%s", err)
			}
		}
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		d.decodeStruct(n, v, path)
	case reflect.Slice:
		d.decodeSlice(n, v, path)
	case reflect.Map:
		d.decodeMap(n, v, path)
	case reflect.Pointer:
		if isNull(n) {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		d.decode(n, v.Elem(), path)
	case reflect.String:
		if text, ok := d.scalarText(n, path, "text"); ok {
			if !d.spendText(path, len(text)) {
				return
			}
			// composed, so that "Siân" typed as i + combining circumflex
			// is the one letter the fonts print
			text = norm.NFC.String(text)
			d.checkText(path, text)
			v.SetString(text)
			d.noteFolded(n, v)
		}
	case reflect.Int:
		if text, ok := d.scalarText(n, path, "a whole number"); ok && text != "" {
			i, err := strconv.Atoi(text)
			switch {
			case err != nil:
				d.add(d.pos[path], path, "%s is not a whole number", quote(text))
				return
			case i < 0 || i > 1_000_000:
				d.add(d.pos[path], path, "%d is out of range (0 to 1,000,000)", i)
				return
			}
			v.SetInt(int64(i))
		}
	case reflect.Bool:
		if text, ok := d.scalarText(n, path, "true or false"); ok && text != "" {
			switch strings.ToLower(text) {
			case "true", "yes":
				v.SetBool(true)
			case "false", "no":
				v.SetBool(false)
			default:
				d.add(d.pos[path], path, "%s must be true or false", quote(text))
			}
		}
	default:
		panic("questionnaire: cannot decode into " + v.Type().String())
	}
}

// spend counts one value against maxNodes. When none are left it records
// the limit, at p, and returns false: decoding stops.
func (d *decoder) spend(p position, path string) bool {
	if d.exhausted != nil {
		return false
	}
	if d.nodesLeft--; d.nodesLeft >= 0 {
		return true
	}
	d.add(p, path, "the file has more than %d values (counting every use of an alias); it is too large to be a questionnaire", maxNodes)
	limit := d.problems[len(d.problems)-1]
	d.exhausted = &limit
	return false
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// scalarText returns the text of a scalar node; null gives "". want says
// what was expected, for the error when n is a list or mapping.
func (d *decoder) scalarText(n *yaml.Node, path, want string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		d.add(d.pos[path], path, "expected %s, found %s", want, describe(n))
		return "", false
	}
	if isNull(n) {
		return "", true
	}
	// Base64 would print as it is; what it decodes to may be anything.
	if n.Tag == "!!binary" {
		d.add(d.pos[path], path, "is a !!binary value (bytes written in base64); write the answer as plain text")
		return "", false
	}
	return strings.TrimSpace(n.Value), true
}

// describe names the kind of node a user wrote, in plain words.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a set of \"key: value\" lines"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if isNull(n) {
			return "nothing"
		}
		return quote(n.Value)
	}
	return "something else"
}

// checkText refuses answers that could not be printed faithfully.
func (d *decoder) checkText(path, s string) {
	if len(s) > maxTextBytes {
		d.add(d.pos[path], path, "the answer is %d bytes long; the limit is %d", len(s), maxTextBytes)
		return
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\t' && r != '\r' {
			d.add(d.pos[path], path, "contains the control character U+%04X; remove it", r)
			return
		}
	}
	d.checkSigningTag(path, s)
	if refs := Text(s).Refs(); refs != nil {
		if d.refs == nil {
			d.refs = map[string][]string{}
		}
		d.refs[path] = refs
	}
	if d.printable != nil {
		for _, r := range d.printable(s) {
			d.add(d.pos[path], path, "character %U (%q) cannot be printed in the PDF; remove it or use a plain-text alternative", r, r)
		}
	}
}

func (d *decoder) decodeSlice(n *yaml.Node, v reflect.Value, path string) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.add(d.pos[path], path, "expected a list (lines starting with \"- \"), found %s", describe(n))
		return
	}
	if len(n.Content) > maxListLength {
		d.add(d.pos[path], path, "the list has %d entries; the limit is %d", len(n.Content), maxListLength)
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	d.lists = append(d.lists, &listText{path: path})
	for i, item := range n.Content {
		d.decode(item, s.Index(i), index(path, i))
	}
	d.lists = d.lists[:len(d.lists)-1]
	v.Set(s)
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode && !isNull(n) {
		d.add(d.pos[path], path, "expected a set of \"key: value\" lines, found %s", describe(n))
		return
	}
	// A key given with nothing under it ("governance:") counts as an
	// empty section: its required answers are still missing.
	fields := fieldsOf(v.Type())
	seen := map[string]position{}
	for _, kv := range d.pairs(n, path) {
		key, val := kv[0], kv[1]
		name := key.Value
		f, ok := fields.byName[name]
		if !ok {
			rkey := "field\x00" + v.Type().String() + "\x00" + name
			if _, seen := d.repeats[rkey]; seen {
				d.addOnce(rkey, nodePos(key), join(path, plain(name)), "")
				continue
			}
			msg := "unknown field " + quote(name)
			if i := strings.IndexFunc(name, isWordSpace); i >= 0 {
				r, _ := utf8.DecodeRuneInString(name[i:])
				msg += " (" + wordSpaceMessage(r) + ")"
			} else if bare := strings.Trim(name, "“”‘’"); bare != name && fields.known(bare) {
				msg += " (curly quotes do not quote in YAML: write " + bare + " without them)"
			} else if s := d.suggest(name, fields.names); s != "" {
				msg += " (did you mean " + quote(s) + "?)"
			}
			d.addOnce(rkey, nodePos(key), join(path, plain(name)), "%s", msg)
			continue
		}
		if first, dup := seen[name]; dup {
			d.add(nodePos(key), join(path, name), "given twice (first on line %d)", first.line)
			continue
		}
		seen[name] = nodePos(key)
		fv := v.Field(f.index)
		fpath := join(path, name)
		d.decode(val, fv, fpath)
		d.checkEnum(f, fv, fpath)
	}
	for _, f := range fields.list {
		if !f.required {
			continue
		}
		fpath := join(path, f.name)
		if _, ok := seen[f.name]; !ok {
			d.add(d.at(path), fpath, "missing (this answer is required)")
		} else if isEmpty(v.Field(f.index)) && !d.failed[fpath] {
			d.add(d.at(fpath), fpath, "is empty (this answer is required)")
		}
	}
}

// maxMergeDepth is how deeply merges may bring in mappings that merge
// others in turn; real files merge one or two levels.
const maxMergeDepth = 100

// pairs returns the key/value pairs of a mapping with "<<" merge keys
// expanded as YAML 1.1 says: explicit keys win over merged ones and, of
// the mappings merged (<<: *a, or <<: [*a, *b]), the first to give a key
// wins. Every mapping merged and every key it brings in counts against
// maxNodes, so a few lines of merges cannot expand to millions of keys.
func (d *decoder) pairs(n *yaml.Node, path string) [][2]*yaml.Node {
	return d.mergedPairs(n, path, nil, position{})
}

// mergedPairs is pairs for a mapping merged into others: outer lists the
// mappings being merged into (to catch one that merges itself) and at is
// where the outermost merge key is, where a limit is reported.
func (d *decoder) mergedPairs(n *yaml.Node, path string, outer []*yaml.Node, at position) [][2]*yaml.Node {
	var out, merged [][2]*yaml.Node
	explicit := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		if key.Kind != yaml.ScalarNode {
			d.add(nodePos(key), path, "a key must be a plain word, found %s", describe(key))
			continue
		}
		if key.Tag != "!!merge" {
			explicit[key.Value] = true
			out = append(out, [2]*yaml.Node{key, val})
			continue
		}
		if len(outer) == 0 && at == (position{}) {
			at = nodePos(key)
		}
		for _, m := range d.mergeSources(key, val, path) {
			switch {
			case !d.spend(at, path):
				return nil
			case m == n || slices.Contains(outer, m):
				d.add(nodePos(key), path, "the merge (\"<<\") brings in the mapping it is part of")
			case len(outer) >= maxMergeDepth:
				d.add(at, path, "merges (\"<<\") bring in mappings more than %d deep", maxMergeDepth)
				return nil
			default:
				merged = append(merged, d.mergedPairs(m, path, append(outer[:len(outer):len(outer)], n), at)...)
			}
			if d.exhausted != nil {
				return nil
			}
		}
	}
	for _, kv := range merged {
		if explicit[kv[0].Value] {
			continue
		}
		if !d.spend(at, path) {
			return nil
		}
		explicit[kv[0].Value] = true
		out = append(out, kv)
	}
	return out
}

// mergeSources returns the mappings a merge key brings in: one, or a list.
func (d *decoder) mergeSources(key, val *yaml.Node, path string) []*yaml.Node {
	items := []*yaml.Node{val}
	if resolve(val).Kind == yaml.SequenceNode {
		items = resolve(val).Content
	}
	out := make([]*yaml.Node, 0, len(items))
	for _, it := range items {
		if m := resolve(it); m.Kind == yaml.MappingNode {
			out = append(out, m)
			continue
		}
		d.add(nodePos(it), path, "a merge (\"<<\") must bring in a set of \"key: value\" lines (such as <<: *defaults) or a list of them (<<: [*a, *b]); found %s", describe(resolve(it)))
		return nil
	}
	return out
}

// resolve follows an alias to the value it names.
func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func (d *decoder) checkEnum(f field, v reflect.Value, path string) {
	if f.enum == nil || v.Kind() != reflect.String || v.String() == "" {
		return
	}
	val := v.String()
	enum := f.enum()
	for _, e := range enum {
		if val == e {
			return
		}
	}
	allowed := strings.Join(enum, ", ")
	rkey := "answer\x00" + allowed + "\x00" + val
	if _, seen := d.repeats[rkey]; seen {
		d.addOnce(rkey, d.pos[path], path, "")
		return
	}
	msg := fmt.Sprintf("%s is not one of: %s", quote(val), allowed)
	if s := d.suggestAnswer(val, enum); s != "" {
		msg += " (did you mean " + quote(s) + "?)"
	}
	d.addOnce(rkey, d.pos[path], path, "%s", msg)
}

// isEmpty reports whether a required answer was given but left blank.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		return strings.TrimSpace(v.String()) == ""
	case reflect.Slice:
		return v.Len() == 0
	case reflect.Struct:
		if z, ok := v.Interface().(interface{ IsZero() bool }); ok {
			return z.IsZero()
		}
	}
	return false
}

// field is what the struct tags say about one field.
type field struct {
	name     string
	index    int
	required bool
	// enum lists the words the field allows, read when a value is
	// checked, since the languages may grow as the program runs (see
	// templates.Register); nil for any answer.
	enum func() []string
}

type fieldSet struct {
	list   []field
	byName map[string]field
	names  []string
}

// known reports whether name is a field of the set.
func (s *fieldSet) known(name string) bool {
	_, ok := s.byName[name]
	return ok
}

var fieldCache sync.Map // reflect.Type -> *fieldSet

func fieldsOf(t reflect.Type) *fieldSet {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.(*fieldSet)
	}
	fs := &fieldSet{byName: map[string]field{}}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		name := strings.Split(sf.Tag.Get("yaml"), ",")[0]
		if name == "" || name == "-" {
			continue
		}
		f := field{name: name, index: i, required: sf.Tag.Get("mou") == "required"}
		if sf.Tag.Get("enum") != "" {
			f.enum = func() []string { return Enum(sf) }
		}
		fs.list = append(fs.list, f)
		fs.byName[name] = f
		fs.names = append(fs.names, name)
	}
	fieldCache.Store(t, fs)
	return fs
}
