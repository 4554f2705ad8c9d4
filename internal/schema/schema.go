// Package schema describes the questionnaire as a JSON Schema, so that an
// editor can complete keys, list the allowed words and flag a mistake as
// the user types.
//
// The schema is worked out by reflection from the questionnaire's Go types
// and their struct tags (yaml, mou:"required" and enum), the same tags the
// decoder reads, so a key added to the questionnaire appears in the schema
// without being written twice. Only the descriptions are written here, in
// the descriptions map, keyed by YAML path.
//
// The schema checks the shape of the file: the keys, the kind of each
// value, the allowed words and the form of dates, lengths of time and
// amounts of money. The rules that span fields (references to partner ids,
// dates in order, the SMART warnings) are left to "mou validate".
//
// Where the schema and "mou validate" knowingly differ (each case is in
// TestPatternsAgreeWithDecoder):
//
//   - The schema reads YAML as YAML 1.2 does, like yaml-language-server:
//     yes and no are words, so a yes/no answer to a true-or-false question
//     is marked although mou reads it; a quoted number where a whole
//     number is wanted is marked too. A bare true or false in a text
//     answer is marked as a likely slip; mou prints it as the word.
//   - An amount written as a bare number is a number to the editor, so
//     1500.5 and 1.5e3 pass the schema; mou wants 1500.50 or 1500.
//   - A date pattern cannot know the length of each month (2027-02-30).
//   - A required section written with nothing under it ("governance:")
//     is marked by the schema; mou passes it.
//   - A URN written without quotes and with a leading zero (012345) is a
//     number to the editor and is marked; mou reads it as written.
//   - An email address is checked as draft-07's format "email" says,
//     which allows a domain without a dot (name@localhost); mou does not.
//   - Rules written in the validator rather than in struct tags are not in
//     the schema: at least two partners, version 1 or more, the forms of
//     logo files, limits on length, and references between answers. The
//     forms of ids and URNs are in textForms, by path.
//
// The schema also carries help for editors that yaml-language-server
// reads (see editor.go): a message in words for each pattern, a sentence
// for each allowed word and a snippet for each new partner, objective
// and activity.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/partnership-tools/mou/internal/questionnaire"
)

// ID is the schema's $id. Editors use it only as a name: the schema is
// read from the file "mou schema" writes, never fetched from this address.
const ID = "https://mou.example.org/questionnaire.schema.json"

const (
	draft07     = "http://json-schema.org/draft-07/schema#"
	title       = "mou questionnaire"
	description = "The answers from which mou writes a school partnership's memorandum of understanding and code of practice. " +
		"The schema checks the keys, the kind of each answer and the allowed words; run \"mou validate\" for the rest."
)

// Patterns for the answers that parse themselves (questionnaire.Date,
// Period and Money). They follow values.go; TestPatternsAgreeWithDecoder
// checks that the schema and the decoder accept the same answers. They use
// only the syntax that Go's regexp and ECMA-262 (which editors use) share.
const (
	// datePattern is YYYY-MM-DD with a month from 01 to 12 and a day from
	// 01 to 31. It cannot know the length of each month: 2027-02-30 passes
	// here and is refused by "mou validate".
	datePattern = `\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])`
	// moneyPattern is pounds, with an optional pound sign, commas between
	// thousands and pence: 1500, 1500.50, £1,500.
	moneyPattern = `£?\s*(?:\d{1,3}(?:,\d{3}){1,3}|0*\d{1,12})(?:\.\d{2})?`
	// maxMoney is the largest amount: twelve digits of pounds and two of
	// pence.
	maxMoney = 999999999999.99
	// minInt and maxInt are the whole numbers the decoder accepts.
	minInt = 0
	maxInt = 1_000_000
	// present matches text with at least one character that is not a
	// space: the decoder treats a blank answer as missing.
	present = `\S`
)

// periodPattern is a number from 1 to 999 and a unit, in any case, such as
// "3 months" or "1 Year". Terms are refused: they differ in length.
var periodPattern = `(?:0{0,2}[1-9]|0?[1-9]\d|[1-9]\d{2})\s*(?:` +
	anyCase("day") + "|" + anyCase("week") + "|" + anyCase("month") + "|" + anyCase("year") + `)[sS]?`

// anyCase returns a pattern matching word in upper or lower case, letter
// by letter: JSON Schema patterns have no flag for ignoring case.
func anyCase(word string) string {
	var b strings.Builder
	for _, r := range word {
		fmt.Fprintf(&b, "[%c%c]", r, r-'a'+'A')
	}
	return b.String()
}

// whole anchors a pattern; when optional is true it also matches the empty
// string, which the decoder reads as no answer.
func whole(pattern string, optional bool) string {
	if optional {
		return "^(?:" + pattern + ")?$"
	}
	return "^(?:" + pattern + ")$"
}

var (
	dateType   = reflect.TypeFor[questionnaire.Date]()
	periodType = reflect.TypeFor[questionnaire.Period]()
	moneyType  = reflect.TypeFor[questionnaire.Money]()
)

// Questionnaire returns the JSON Schema (draft-07) of the questionnaire,
// as indented JSON ending in a newline. The same build always gives the
// same bytes.
func Questionnaire() ([]byte, error) {
	g := new(generator)
	root, err := g.object(reflect.TypeFor[questionnaire.Questionnaire](), "")
	if err != nil {
		return nil, err
	}
	doc := new(object).
		set("$schema", draft07).
		set("$id", ID).
		set("title", title).
		set("description", description)
	doc.keys = append(doc.keys, root.keys...)
	for _, k := range root.keys {
		doc.values[k] = root.values[k]
	}
	documentsRequire(doc)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// generator walks the questionnaire's types. It records the YAML path of
// every property it describes, so that the tests can check that each one
// has a description and that no description is left over.
type generator struct {
	paths []string
}

// object returns the schema of the struct type t found at path.
func (g *generator) object(t reflect.Type, path string) (*object, error) {
	props := new(object)
	var required []string
	tagged := 0
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		tagged++
		p := join(path, name)
		g.paths = append(g.paths, p)
		req := f.Tag.Get("mou") == "required"
		if req {
			required = append(required, name)
		}
		s, err := g.value(f.Type, p, req, questionnaire.Enum(f))
		if err != nil {
			return nil, err
		}
		suggest(s, p, questionnaire.Suggestions(f))
		if d, ok := descriptions()[p]; ok {
			s.first("description", d)
		}
		props.set(name, s)
	}
	if tagged == 0 {
		return nil, fmt.Errorf("schema: %s at %q has no YAML keys; if it is read from one value, teach the schema package its form", t, path)
	}
	o := new(object).set("type", "object")
	if len(required) > 0 {
		o.set("required", required)
	}
	o.set("properties", props).set("additionalProperties", false)
	return o, nil
}

// value returns the schema of a value of type t at path. required says
// whether the key must be given (and so may not be left empty); enum lists
// the allowed words, if any.
func (g *generator) value(t reflect.Type, path string, required bool, enum []string) (*object, error) {
	optional := !required
	if t.Kind() == reflect.Pointer {
		// A pointer is there to tell "not given" from an empty answer.
		t, optional = t.Elem(), true
	}
	s := new(object)
	switch {
	case t == dateType:
		s.set("type", types(optional, "string")).set("pattern", whole(datePattern, optional)).
			set("patternErrorMessage", dateMessage)
	case t == periodType:
		s.set("type", types(optional, "string")).set("pattern", whole(periodPattern, optional)).
			set("patternErrorMessage", periodMessage)
	case t == moneyType:
		s.set("type", types(optional, "number", "string")).
			set("minimum", 0).set("maximum", maxMoney).
			set("pattern", whole(moneyPattern, optional)).set("patternErrorMessage", moneyMessage)
	case t.Kind() == reflect.String && len(enum) > 0:
		s.set("type", types(optional, "string"))
		words := make([]any, 0, len(enum)+1)
		help := make([]string, 0, len(enum)+1)
		for _, e := range enum {
			words = append(words, e)
			help = append(help, enumDescriptions()[path][e])
		}
		if optional {
			words = append(words, nil)
			help = append(help, noAnswer)
		}
		s.set("enum", words).set("enumDescriptions", help)
	case t.Kind() == reflect.String && textForms()[path].pattern != "":
		// An id or a URN. Written as a bare whole number, it is a
		// number to the editor and text to the decoder.
		f := textForms()[path]
		s.set("type", types(optional, "string", "integer")).
			set("minimum", f.min).set("maximum", f.max).
			set("pattern", whole(f.pattern, optional)).set("patternErrorMessage", f.message)
	case t.Kind() == reflect.String:
		// The decoder reads any scalar as text, so an unquoted number
		// (urn: 123456, when: 2027) is an answer too. true and false are
		// not: a bare true where words are wanted is a slip.
		s.set("type", types(optional, "string", "number"))
		// Text (mdtext.Text) and string are the same to the decoder.
		if !optional {
			s.set("pattern", present).set("patternErrorMessage", presentMessage)
		}
		if strings.HasSuffix(path, ".email") {
			s.set("format", "email")
		}
	case t.Kind() == reflect.Int:
		s.set("type", types(optional, "integer")).set("minimum", minInt).set("maximum", maxInt)
	case t.Kind() == reflect.Bool:
		s.set("type", types(optional, "boolean"))
	case t.Kind() == reflect.Slice:
		items, err := g.value(t.Elem(), path+"[]", true, enum)
		if err != nil {
			return nil, err
		}
		if sn, ok := snippets()[path+"[]"]; ok {
			items.set("defaultSnippets", sn)
		}
		s.set("type", types(optional, "array"))
		if required {
			s.set("minItems", 1)
		}
		s.set("items", items)
	case t.Kind() == reflect.Map:
		// Keys are ids the schema cannot list; each value is an answer.
		values, err := g.value(t.Elem(), path+".*", true, nil)
		if err != nil {
			return nil, err
		}
		s.set("type", types(optional, "object")).set("additionalProperties", values)
	case t.Kind() == reflect.Struct:
		o, err := g.object(t, path)
		if err != nil {
			return nil, err
		}
		if optional {
			o.values["type"] = types(true, "object")
		}
		return o, nil
	default:
		return nil, fmt.Errorf("schema: no JSON Schema for %s at %q", t, path)
	}
	return s, nil
}

// documentsRequire makes the keys only one document prints required only
// when "documents" is left out or names that document, as the decoder
// does.
func documentsRequire(doc *object) {
	required, _ := doc.values["required"].([]string)
	var all []any
	for _, name := range slices.Sorted(maps.Keys(questionnaire.DocumentKeys)) {
		keys := questionnaire.DocumentKeys[name]
		required = slices.DeleteFunc(required, func(k string) bool { return slices.Contains(keys, k) })
		// Unless documents is given and leaves the document out...
		leftOut := new(object).
			set("required", []string{"documents"}).
			set("properties", new(object).set("documents", new(object).set("not", new(object).set("contains", new(object).set("const", name)))))
		all = append(all, new(object).set("if", leftOut).set("else", new(object).set("required", keys)))
	}
	doc.values["required"] = required
	doc.set("allOf", all)
}

// types returns the value of a "type" keyword: one name, or a list when
// there are several. An optional answer may also be null, as in "key:"
// with nothing after it.
func types(optional bool, names ...string) any {
	if optional {
		names = append(names, "null")
	}
	if len(names) == 1 {
		return names[0]
	}
	return names
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// object is a JSON object that keeps its keys in the order they were set,
// so that the schema reads in the order of the questionnaire.
type object struct {
	keys   []string
	values map[string]any
}

func (o *object) set(key string, v any) *object {
	if o.values == nil {
		o.values = map[string]any{}
	}
	if _, ok := o.values[key]; !ok {
		o.keys = append(o.keys, key)
	}
	o.values[key] = v
	return o
}

// first sets key and moves it to the front, where a reader of the schema
// looks first.
func (o *object) first(key string, v any) *object {
	o.set(key, v)
	o.keys = append([]string{key}, slices.DeleteFunc(o.keys, func(k string) bool { return k == key })...)
	return o
}

// MarshalJSON writes the keys in order, leaving characters such as < and
// & as they are.
func (o *object) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	buf.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := enc.Encode(k); err != nil {
			return nil, err
		}
		buf.WriteByte(':')
		if err := enc.Encode(o.values[k]); err != nil {
			return nil, err
		}
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}
