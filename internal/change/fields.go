package change

import (
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// areas names the part of the documents each top-level key appears in.
var areas = map[string]string{
	"partnership":      "Partnership",
	"aims":             "Aims and objectives",
	"objectives":       "Aims and objectives",
	"activities":       "Activities",
	"governance":       "Governance and oversight",
	"monitoring":       "Monitoring, evaluation and review",
	"finance":          "Finance",
	"safeguarding":     "Safeguarding and data protection",
	"data_protection":  "Safeguarding and data protection",
	"communication":    "Communication and publicity",
	"alteration":       "Alteration",
	"dissolution":      "Dissolution",
	"code_of_practice": "Code of practice",
	"clauses":          "Additional clauses",
	"history":          "Schedule 2",
	"signatures":       "Signatures (a record, not part of the signed text)",
	"reviews":          "Reviews (a record, not part of the signed text)",
	"wording":          "Wording",
	"documents":        "Documents",
	"schedules":        "Schedules",
	"signing":          "Signatures",
	"stage":            "Draft marks",
}

// records are answers inside a part of the documents that are records
// kept beside the agreement, not its signed text, by path without list
// indices, with the area they are listed under.
var records = map[string]string{
	"objectives.met": "Objectives met (a record, not part of the signed text)",
}

var indices = regexp.MustCompile(`\[[0-9]+\]`)

func areaOf(key string) string {
	if a, ok := areas[key]; ok {
		return a
	}
	return key
}

func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

func yamlKey(f reflect.StructField) string { return strings.Split(f.Tag.Get("yaml"), ",")[0] }

// fieldChanges compares two values of the same type, field by field,
// and describes each leaf that differs.
func fieldChanges(path, area string, old, new reflect.Value) []Change {
	if old.Kind() == reflect.Pointer {
		switch {
		case old.IsNil() && new.IsNil():
			return nil
		case old.IsNil():
			return []Change{leaf(area, path, "", "given")}
		case new.IsNil():
			return []Change{leaf(area, path, "given", "")}
		}
		old, new = old.Elem(), new.Elem()
	}
	if s, ok := old.Interface().(fmt.Stringer); ok && old.Kind() == reflect.Struct {
		if o, n := s.String(), new.Interface().(fmt.Stringer).String(); o != n {
			return []Change{leaf(area, path, o, n)}
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
			out = append(out, fieldChanges(path+"."+key, area, old.Field(i), new.Field(i))...)
		}
		return out
	case reflect.Slice:
		var out []Change
		for i := 0; i < max(old.Len(), new.Len()); i++ {
			p := index(path, i)
			switch {
			case i >= old.Len():
				out = append(out, leaf(area, p, "", summary(new.Index(i))))
			case i >= new.Len():
				out = append(out, leaf(area, p, summary(old.Index(i)), ""))
			default:
				out = append(out, fieldChanges(p, area, old.Index(i), new.Index(i))...)
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
				out = append(out, leaf(area, path+"."+k, os, ns))
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
	return []Change{leaf(area, path, o, n)}
}

func leaf(area, path, old, new string) Change {
	if a, ok := records[indices.ReplaceAllString(path, "")]; ok {
		area = a
	}
	var d string
	switch {
	case old == "":
		d = fmt.Sprintf("%s: %s: added %q", area, path, new)
	case new == "":
		d = fmt.Sprintf("%s: %s: removed %q", area, path, old)
	case (old == "false" || old == "true") && (new == "false" || new == "true"):
		d = fmt.Sprintf("%s: %s: %s → %s", area, path, yesNo[old], yesNo[new])
	default:
		d = fmt.Sprintf("%s: %s: %q → %q", area, path, old, new)
	}
	return Change{Area: area, Path: path, Old: old, New: new, Description: d}
}

// yesNo says a true-or-false answer in words.
var yesNo = map[string]string{"false": "no", "true": "yes"}

// summary names a list item briefly: its first non-empty text field.
func summary(v reflect.Value) string {
	if v.Kind() == reflect.Struct {
		for i := 0; i < v.NumField(); i++ {
			if f := v.Field(i); f.Kind() == reflect.String && f.String() != "" {
				return f.String()
			}
		}
		return "an entry"
	}
	if v.Kind() == reflect.String {
		return v.String()
	}
	return fmt.Sprint(v.Interface())
}
