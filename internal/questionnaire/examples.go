package questionnaire

//go:generate go test -run TestExamplesTable -update

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/partnership-tools/mou/internal/cmdarg"
)

// Answer is one answer of a questionnaire as text, by its path.
type Answer struct {
	Path  string // "partners[0].lead.email"
	Value string
}

// Answers lists q's answers that are text or dates, and a school's URN
// (which names the school as surely as its name), by path, in the
// order of the questionnaire's fields, a list of dates as one answer, its
// dates joined by commas. Ids, words from a list and the records kept
// beside the agreement (history, signatures, reviews) are left out.
func (q *Questionnaire) Answers() []Answer {
	var out []Answer
	dates, date := reflect.TypeFor[[]Date](), reflect.TypeFor[Date]()
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch {
		case v.Type() == dates:
			if v.Len() > 0 {
				var s []string
				for i := range v.Len() {
					s = append(s, v.Index(i).Interface().(Date).ISO())
				}
				out = append(out, Answer{path, strings.Join(s, ", ")})
			}
		case v.Type() == date:
			if d := v.Interface().(Date); !d.IsZero() {
				out = append(out, Answer{path, d.ISO()})
			}
		case v.Kind() == reflect.Pointer:
			if !v.IsNil() {
				walk(path, v.Elem())
			}
		case v.Kind() == reflect.Struct:
			t := v.Type()
			for i := range t.NumField() {
				key := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
				if key == "" || key == "-" || (path == "" && slices.Contains([]string{"history", "signatures", "reviews"}, key)) {
					continue
				}
				walk(join(path, key), v.Field(i))
			}
		case v.Kind() == reflect.Slice:
			for i := range v.Len() {
				walk(index(path, i), v.Index(i))
			}
		case v.Type() == reflect.TypeFor[Text](), v.Kind() == reflect.String && strings.HasSuffix(path, ".urn"):
			if s := strings.TrimSpace(v.String()); s != "" {
				out = append(out, Answer{path, s})
			}
		}
	}
	walk("", reflect.ValueOf(q).Elem())
	return out
}

// How telling an example answer is, when a file still holds it.
const (
	// NotExample: the answer is too short or too plain to tell (a role
	// such as "Headteacher" may well be a partnership's own too).
	NotExample = iota
	// Common: a sentence of five words or more, or a date. A real
	// partnership may share one with an example, so a file is told of
	// them only when it holds a Telling one too.
	Common
	// Telling: who and where the example partnership is (a name, an
	// email address, a phone number, an address, a URN), its mission, or
	// a clause of its own. No real partnership has them.
	Telling
)

// ExampleKind says how telling an answer "mou init" writes would be if a
// file still held it (see Telling).
func ExampleKind(a Answer) int {
	key := WithoutIndices(a.Path, "[]")
	for _, suffix := range []string{".name", ".email", ".phone", ".address", ".urn"} {
		if strings.HasSuffix(key, suffix) {
			return Telling
		}
	}
	switch {
	case key == "partnership.mission" || strings.HasPrefix(key, "clauses[]."):
		return Telling
	case len(strings.Fields(a.Value)) >= 5, isDate(a.Value):
		return Common
	}
	return NotExample
}

// isDate reports whether s is a date, or dates, as Answers gives them.
func isDate(s string) bool {
	for _, d := range strings.Split(s, ", ") {
		if _, err := ParseDate(d); err != nil {
			return false
		}
	}
	return true
}

// warnExamples warns of every answer left as "mou init" wrote it, once a
// file holds one that tells (see Telling): the file is valid, but its
// documents would print an example partnership's names, people, numbers,
// dates or clauses.
func warnExamples(d *decoder, q *Questionnaire) {
	var left []Answer
	telling := false
	for _, a := range q.Answers() {
		if slices.Contains(exampleAnswers[WithoutIndices(a.Path, "[]")], a.Value) {
			left = append(left, a)
			telling = telling || ExampleKind(a) == Telling
		}
	}
	if !telling {
		return
	}
	for _, a := range left {
		what := quote(a.Value)
		if len(a.Value) > 60 {
			what = "the answer"
		}
		keep := ""
		if ExampleKind(a) == Common {
			keep = ", or keep it if your partnership agrees it"
		}
		d.warn(d.at(a.Path), a.Path, "%s is still mou's example; replace it with yours%s", what, keep)
		d.problems[len(d.problems)-1].Example = true
	}
}

// Summary is problems as lines to print, but for the warnings of answers
// left as "mou init" wrote them: the first shown, then how many more,
// which "mou validate" lists one by one.
func (ps Problems) Summary(shown int) []string {
	var out []string
	examples := 0
	for _, p := range ps {
		if p.Example {
			if examples++; examples > shown {
				continue
			}
		}
		out = append(out, p.String())
	}
	if more := examples - shown; more > 0 {
		file := ps[0].File
		out = append(out, fmt.Sprintf("%s: %d more answers are still mou's examples; to list each, run: mou validate %s", file, more, cmdarg.Quote(file)))
	}
	return out
}
