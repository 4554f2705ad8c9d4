package pseudo

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"text/template"

	"github.com/partnership-tools/mou/internal/locale"
)

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Signed for and on behalf of", "‹Šíĝñéď ƒóŕ áñď óñ βéĥáĺƒ óƒ········›"},
		{"the partnership's roles", "‹ţĥé þáŕţñéŕšĥíþ'š ŕóĺéš·······›"},
		{"part-way", "‹þáŕţ-ŵáý···›"},
		// Markdown's syntax, numbers and layout hints stay as they are.
		{"## 4. Aims and objectives", "## 4. ‹Áíмš áñď óβĵéçţíνéš······›"},
		{"**4.1** The partners: ", "**4.1** ‹Ţĥé þáŕţñéŕš····›: "},
		{"| No. | Objective |", "| ‹Ñó·›. | ‹Óβĵéçţíνé···› |"},
		{"<!-- mou:signature -->\n\nSigned: \\_\\_", "<!-- mou:signature -->\n\n‹Šíĝñéď··›: \\_\\_"},
		// A pattern's placeholders stay.
		{"Page {page} of {pages}", "‹Þáĝé··› {page} ‹óƒ·› {pages}"},
		{"Schedule {n}", "‹Šçĥéďúĺé···› {n}"},
		{"12, 3", "12, 3"},
	}
	for _, tc := range tests {
		if got := Text(tc.in); got != tc.want {
			t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestTemplate: a template keeps its actions, marks its words (the text
// between actions and the strings that are words) and leaves names and
// comments alone, so that it parses and runs as it did. A string of one
// word in lower case is taken for a name, as "none" here: the templates
// print such words from their text instead.
func TestTemplate(t *testing.T) {
	src := `{{- /* A "Comment" */ -}}
{{define "block"}}**{{.Heading}}**{{end}}
{{- range .Signatures "Signed for"}}{{template "block" .}}{{end}}
{{if eq .Kind "mou"}}The memorandum{{else}}{{.Sec "aims" "Aims and objectives"}}{{end}} {{or .Old "none"}}`
	want := `{{- /* A "Comment" */ -}}
{{define "block"}}**{{.Heading}}**{{end}}
{{- range .Signatures "‹Šíĝñéď ƒóŕ···›"}}{{template "block" .}}{{end}}
{{if eq .Kind "mou"}}‹Ţĥé мéмóŕáñďúм·····›{{else}}{{.Sec "aims" "‹Áíмš áñď óβĵéçţíνéš······›"}}{{end}} {{or .Old "none"}}`
	if got := Template(src); got != want {
		t.Errorf("Template:\n%s\nwant:\n%s", got, want)
	}
	funcs := template.FuncMap{}
	if _, err := template.New("").Funcs(funcs).Parse(Template(src)); err != nil {
		t.Errorf("the marked template does not parse: %v", err)
	}
}

// TestPackIsMarked: every word of the pseudo-locale's pack is marked, and
// its patterns keep their placeholders.
func TestPackIsMarked(t *testing.T) {
	en := locale.Get(locale.Default)
	p := Pack(en)
	placeholder := regexp.MustCompile(`\{[a-z]+\}`)
	var check func(path string, v reflect.Value)
	check = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			s := placeholder.ReplaceAllString(v.String(), "")
			if strings.ContainsAny(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") {
				t.Errorf("%s = %q is not marked", path, v.String())
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				if name := v.Type().Field(i).Name; name != "Tag" {
					check(path+"."+name, v.Field(i))
				}
			}
		case reflect.Array, reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				check(path, v.Index(i))
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				check(path+"["+k.String()+"]", v.MapIndex(k))
			}
		}
	}
	check("Pack", reflect.ValueOf(p).Elem())
	if got, want := placeholder.FindAllString(p.Issued, -1), placeholder.FindAllString(en.Issued, -1); !reflect.DeepEqual(got, want) {
		t.Errorf("Issued has placeholders %q, want %q", got, want)
	}
	if p.Words["level"]["cooperation"] == "" {
		t.Error("the pack lost its words' keys")
	}
}

func TestLeaks(t *testing.T) {
	tests := []struct {
		text string
		want []string // the words leaked
	}{
		{"‹Ţĥé þáŕţñéŕš····› Ášĥçóмβé", nil},
		{"‹Ţĥé þáŕţñéŕš····› signs ‹ţĥé····›", []string{"signs"}},
		{"(‹Áĝŕééмéñţ ŕéƒ····›. MMB2-\nJGXR), {{Signature;role=A}}", nil},
		{"‹Ŕéçóŕď····›: partners[0].lead.name: \"A\" → \"B\"; aims[2]", []string{"A", "B"}},
	}
	for _, tc := range tests {
		var got []string
		for _, l := range Leaks(tc.text) {
			word, _, _ := strings.Cut(l, " ")
			got = append(got, word)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Leaks(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
