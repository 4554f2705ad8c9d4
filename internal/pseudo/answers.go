package pseudo

import (
	"bytes"
	"reflect"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/partnership-tools/mou/internal/questionnaire"
)

// Questionnaire returns the questionnaire file data in the pseudo-locale:
// "language: en-XA", and every free-text answer marked with [Answer],
// email addresses too (an address may hold any letter), but for the
// answers a field suggests (a title mou offers), which the pack words.
func Questionnaire(data []byte) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	root := doc.Content[0]
	markAnswers(root, reflect.TypeOf(questionnaire.Questionnaire{}))
	setKey(root, "language", Tag)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	return b.Bytes(), enc.Close()
}

var textType = reflect.TypeOf(questionnaire.Text(""))

// markAnswers marks the free-text answers under n, a value of type t.
func markAnswers(n *yaml.Node, t reflect.Type) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == textType && n.Kind == yaml.ScalarNode:
		n.Value = Answer(n.Value)
	case t.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode:
		for _, c := range n.Content {
			markAnswers(c, t.Elem())
		}
	case t.Kind() == reflect.Map && n.Kind == yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			markAnswers(n.Content[i], t.Elem())
		}
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			f, ok := fieldByKey(t, n.Content[i].Value)
			if !ok || slices.Contains(questionnaire.Suggestions(f), n.Content[i+1].Value) {
				continue // an answer mou suggests is a word of ours, which the pack says
			}
			markAnswers(n.Content[i+1], f.Type)
		}
	}
}

// fieldByKey finds the field of struct type t whose YAML key is key.
func fieldByKey(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if name, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); name == key {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// setKey sets the scalar at key of the mapping n, adding it first.
func setKey(n *yaml.Node, key, value string) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			n.Content[i+1].Value = value
			return
		}
	}
	n.Content = append([]*yaml.Node{{Kind: yaml.ScalarNode, Value: key}, {Kind: yaml.ScalarNode, Value: value}}, n.Content...)
}
