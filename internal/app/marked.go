package app

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/wordimport"
)

// marked is a questionnaire with every answer that is text replaced by a
// marker (wordimport.Marker), so that the documents written from it show
// where each answer is printed.
type marked struct {
	q      *questionnaire.Questionnaire
	paths  map[string]string // each marker's answer, as a yamledit path
	values map[string]string // each answer's value, by path
}

// markAnswers returns a copy of q with its text answers marked. A
// partner that has left (Former) is marked too, without a path: a change
// to its name cannot be written back.
func markAnswers(q *questionnaire.Questionnaire) marked {
	m := marked{paths: map[string]string{}, values: map[string]string{}}
	c := m.copyMarked(reflect.ValueOf(*q), "")
	cq := c.Interface().(questionnaire.Questionnaire)
	m.q = &cq
	return m
}

var textType = reflect.TypeFor[questionnaire.Text]()

// copyMarked returns a deep copy of v, each non-empty text answer in it
// replaced by a new marker; path is v's yamledit path.
func (m *marked) copyMarked(v reflect.Value, path string) reflect.Value {
	switch {
	case v.Type() == textType:
		if strings.TrimSpace(v.String()) == "" {
			return v
		}
		marker := wordimport.Marker(len(m.paths))
		m.paths[marker] = ""
		if path != lost {
			m.paths[marker] = path
			m.values[path] = v.String()
		}
		return reflect.ValueOf(marker).Convert(v.Type())
	case v.Kind() == reflect.Pointer:
		if v.IsNil() {
			return v
		}
		p := reflect.New(v.Type().Elem())
		p.Elem().Set(m.copyMarked(v.Elem(), path))
		return p
	case v.Kind() == reflect.Slice:
		if v.IsNil() {
			return v
		}
		s := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			s.Index(i).Set(m.copyMarked(v.Index(i), join(path, "["+strconv.Itoa(i)+"]")))
		}
		return s
	case v.Kind() == reflect.Map && v.Type().Elem() == textType:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeMap(v.Type())
		for _, k := range v.MapKeys() {
			out.SetMapIndex(k, m.copyMarked(v.MapIndex(k), path+`."`+k.String()+`"`))
		}
		return out
	case v.Kind() == reflect.Struct && exported(v.Type()):
		out := reflect.New(v.Type()).Elem()
		for i := range v.NumField() {
			key, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("yaml"), ",")
			out.Field(i).Set(m.copyMarked(v.Field(i), join(path, "."+key)))
		}
		return out
	}
	return v
}

// lost is the path of what has none: a partner that has left.
const lost = "-"

// join adds a step to a path: ".key" or "[i]"; the root's path is "",
// and a field not in the file (yaml "-") loses its path.
func join(path, step string) string {
	switch {
	case path == lost || step == ".-":
		return lost
	case path == "":
		return strings.TrimPrefix(step, ".")
	}
	return path + step
}

// exported reports whether every field of a struct type is exported, so
// that it can be copied field by field (a date cannot).
func exported(t reflect.Type) bool {
	for i := range t.NumField() {
		if !t.Field(i).IsExported() {
			return false
		}
	}
	return t.NumField() > 0
}

// longAnswers are the answers printed as paragraphs, lists and tables,
// not within a sentence: their new value is all the blocks they take.
var longAnswers = []string{"partnership.mission", "partnership.background", "code_of_practice.purpose"}

// isLong reports whether the answer at path is a long answer.
func isLong(path string) bool {
	for _, p := range longAnswers {
		if path == p {
			return true
		}
	}
	switch {
	case strings.HasPrefix(path, "wording.replace."):
		return true
	case strings.HasSuffix(path, ".text"):
		return strings.HasPrefix(path, "wording.insert[") || strings.HasPrefix(path, "clauses[") ||
			strings.HasPrefix(path, "schedules[") || strings.HasPrefix(path, "code_of_practice.protocols[")
	}
	return false
}
