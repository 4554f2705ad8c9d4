package questionnaire

import (
	"reflect"
	"strconv"
	"strings"
)

// Mentions lists the paths of the free-text answers that contain any of
// words, such as a partner's name: answers only a person can reword when
// that partner leaves. The partners' own entries and the records kept
// beside the agreement (history, signatures, reviews) are not searched.
func (q *Questionnaire) Mentions(words ...string) []string {
	var out []string
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(path, v.Elem())
			}
		case reflect.Struct:
			t := v.Type()
			for i := range t.NumField() {
				key := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
				if key == "" || key == "-" {
					continue
				}
				if path == "" {
					switch key {
					case "partners", "history", "signatures", "reviews":
						continue
					}
				} else {
					key = path + "." + key
				}
				walk(key, v.Field(i))
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(path+"["+strconv.Itoa(i)+"]", v.Index(i))
			}
		case reflect.String:
			if v.Type() != reflect.TypeFor[Text]() {
				return // ids and enums, not free text
			}
			for _, w := range words {
				if w != "" && strings.Contains(v.String(), w) {
					out = append(out, path)
					return
				}
			}
		}
	}
	walk("", reflect.ValueOf(q).Elem())
	return out
}
