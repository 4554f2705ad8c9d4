package change

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/partnership-tools/mou/internal/questionnaire"
)

// records are answers inside a part of the documents that are records
// kept beside the agreement, not its signed text, by path without list
// indices: each is listed under an area of its own (see the template
// "area").
var records = map[string]bool{"objectives.met": true}

func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

func yamlKey(f reflect.StructField) string { return strings.Split(f.Tag.Get("yaml"), ",")[0] }

// fieldChanges compares two values of the same type, field by field,
// and describes each leaf that differs, under area (a top-level key, or
// "parties").
func (s *sayer) fieldChanges(path, area string, old, new reflect.Value) []Change {
	if old.Kind() == reflect.Pointer {
		// A pointer not given reads as its zero value.
		if old.IsNil() && new.IsNil() {
			return nil
		}
		old, new = elem(old), elem(new)
	}
	if st, ok := old.Interface().(fmt.Stringer); ok && old.Kind() == reflect.Struct {
		if o, n := st.String(), new.Interface().(fmt.Stringer).String(); o != n {
			return []Change{s.leaf(area, path, o, n)}
		}
		return nil
	}
	switch old.Kind() {
	case reflect.Struct:
		var out []Change
		for i := 0; i < old.NumField(); i++ {
			if !old.Type().Field(i).IsExported() {
				continue
			}
			key := yamlKey(old.Type().Field(i))
			out = append(out, s.fieldChanges(path+"."+key, area, old.Field(i), new.Field(i))...)
		}
		return out
	case reflect.Slice:
		var out []Change
		for _, p := range align(items(old), items(new)) {
			switch {
			case p.old < 0:
				out = append(out, s.leaf(area, index(path, p.new), "", s.summary(new.Index(p.new))))
			case p.new < 0:
				out = append(out, s.leaf(area, index(path, p.old), s.summary(old.Index(p.old)), ""))
			default:
				// An item changed in place is named by its place now.
				out = append(out, s.fieldChanges(index(path, p.new), area, old.Index(p.old), new.Index(p.new))...)
			}
		}
		return out
	case reflect.Map:
		// Keyed by id (wording.replace): compare the values key by key.
		keys := map[string]bool{}
		for _, k := range append(old.MapKeys(), new.MapKeys()...) {
			keys[k.String()] = true
		}
		var out []Change
		for _, k := range slices.Sorted(maps.Keys(keys)) {
			o, n := old.MapIndex(reflect.ValueOf(k)), new.MapIndex(reflect.ValueOf(k))
			var os, ns string
			if o.IsValid() {
				os = o.String()
			}
			if n.IsValid() {
				ns = n.String()
			}
			if os != ns {
				out = append(out, s.leaf(area, path+"."+k, os, ns))
			}
		}
		return out
	}
	o, n := fmt.Sprint(old.Interface()), fmt.Sprint(new.Interface())
	if old.Kind() == reflect.String {
		o, n = old.String(), new.String()
	}
	if o == n {
		return nil
	}
	return []Change{s.leaf(area, path, o, n)}
}

// elem is the value p points to, or the zero value for nil.
func elem(p reflect.Value) reflect.Value {
	if p.IsNil() {
		return reflect.Zero(p.Type().Elem())
	}
	return p.Elem()
}

// leaf describes one answer that changed from old to new ("" for none).
func (s *sayer) leaf(area, path, old, new string) Change {
	if key := questionnaire.WithoutIndices(path, ""); records[key] {
		area = key
	}
	return s.change(area, words{Heading: area, Path: path, Old: old, New: new, Answer: s.answer(path), Bool: isBool(old) && isBool(new)})
}

// isBool reports whether an answer is true or false.
func isBool(v string) bool { return v == "true" || v == "false" }

// summary names a list item briefly: its first non-empty text field, or
// the template's words for an entry with none.
func (s *sayer) summary(v reflect.Value) string {
	if v.Kind() == reflect.Struct {
		for i := 0; i < v.NumField(); i++ {
			if f := v.Field(i); f.Kind() == reflect.String && f.String() != "" {
				return f.String()
			}
		}
		return s.say("entry", nil)
	}
	if v.Kind() == reflect.String {
		return v.String()
	}
	return fmt.Sprint(v.Interface())
}
