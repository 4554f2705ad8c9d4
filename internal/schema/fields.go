package schema

import (
	"reflect"
	"strings"
	"sync"

	"github.com/partnership-tools/mou/internal/questionnaire"
)

// Kind is the kind of answer a key holds, as a form asks for it.
type Kind int

const (
	Text   Kind = iota // words
	Whole              // a whole number
	Bool               // true or false
	Date               // YYYY-MM-DD
	Period             // a length of time, such as "3 months"
	Money              // an amount in pounds
	Group              // a mapping of further keys
	List               // a list of single answers, of Field.Elem's kind
	Items              // a list of groups
	Map                // keys the schema cannot list, each with an answer
)

// Choice is one allowed word for an answer: the word the file holds, the
// words a form offers it with, and what it means.
type Choice struct{ Word, Label, Description string }

// Field describes one key of the questionnaire, for a form: what kind of
// answer it takes, whether it must be given, the allowed words and the
// guidance (Describe), and the guidance as a form words it (Hint).
type Field struct {
	Path     string // "partners[].lead.email"
	Kind     Kind
	Elem     Kind // the kind of each item of a List
	Required bool
	Choices  []Choice
	// Suggestions are answers a form may offer, though any other is
	// allowed too (a title of the partnership's own, say).
	Suggestions []Choice
	Description string
	Hint        string
	// Default holds the words that stand when an optional answer with
	// choices is left out, if any do.
	Default []string
	Keys    []string // a Group's or Items' keys, in the file's order
}

var (
	fieldsOnce sync.Once
	fields     map[string]Field
)

// Lookup describes the key at path; indexes may be given ("partners[2]")
// or left out ("partners[]").
func Lookup(path string) (Field, bool) {
	fieldsOnce.Do(func() {
		fields = map[string]Field{}
		walkFields(reflect.TypeFor[questionnaire.Questionnaire](), "")
	})
	f, ok := fields[questionnaire.WithoutIndices(path, "[]")]
	return f, ok
}

// walkFields records the keys of the struct type t, found at path.
func walkFields(t reflect.Type, path string) []string {
	var keys []string
	for i := range t.NumField() {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		keys = append(keys, name)
		p := join(path, name)
		f := Field{Path: p, Required: sf.Tag.Get("mou") == "required", Description: descriptions()[p]}
		ft := sf.Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		f.Kind = kindOf(ft)
		switch f.Kind {
		case Group:
			f.Keys = walkFields(ft, p)
		case List:
			f.Elem = kindOf(ft.Elem())
			if f.Elem == Group {
				f.Kind, f.Keys = Items, walkFields(ft.Elem(), p+"[]")
			}
		}
		if e := sf.Tag.Get("enum"); e != "" {
			words := p // a list's words are its items'
			if f.Kind == List {
				words += "[]"
			}
			for _, w := range strings.Split(e, ",") {
				f.Choices = append(f.Choices, Choice{w, choiceLabels()[words][w], enumDescriptions()[words][w]})
			}
			f.Default = choiceDefaults()[words]
		}
		for _, w := range questionnaire.Suggestions(sf) {
			f.Suggestions = append(f.Suggestions, Choice{w, w, suggestionDescriptions()[p][w]})
		}
		f.Hint = formHint(p, f.Kind, f.Elem)
		fields[p] = f
	}
	return keys
}

// kindOf returns the kind of answer a value of type t is.
func kindOf(t reflect.Type) Kind {
	switch {
	case t == dateType:
		return Date
	case t == periodType:
		return Period
	case t == moneyType:
		return Money
	}
	switch t.Kind() {
	case reflect.Int:
		return Whole
	case reflect.Bool:
		return Bool
	case reflect.Struct:
		return Group
	case reflect.Slice:
		return List
	case reflect.Map:
		return Map
	}
	return Text
}
