package schema

import (
	"encoding/json"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/partnership-tools/mou/internal/questionnaire"
)

// generated returns the schema as plain JSON values.
func generated(t *testing.T) map[string]any {
	t.Helper()
	data, err := Questionnaire()
	if err != nil {
		t.Fatal(err)
	}
	var root map[string]any
	if err := json.Unmarshal(data, &root); err != nil {
		t.Fatal(err)
	}
	return root
}

// at returns the schema of the value at a YAML path such as
// "partners[].lead.email" or "monitoring.review_dates[]".
func at(t *testing.T, root map[string]any, path string) map[string]any {
	t.Helper()
	s := root
	for _, part := range strings.Split(path, ".") {
		name, items := strings.CutSuffix(part, "[]")
		props, _ := s["properties"].(map[string]any)
		next, ok := props[name].(map[string]any)
		if !ok {
			t.Fatalf("%s: no property %q", path, name)
		}
		s = next
		for items {
			if s, ok = s["items"].(map[string]any); !ok {
				t.Fatalf("%s: %q is not a list", path, name)
			}
			name, items = strings.CutSuffix(name, "[]")
		}
	}
	return s
}

func TestEditorHelp(t *testing.T) {
	root := generated(t)
	tests := []struct {
		path, keyword string
		want          any // the keyword's value, or for a list its length
	}{
		{"date", "patternErrorMessage", dateMessage},
		{"partnership.start", "patternErrorMessage", dateMessage},
		{"partnership.end", "patternErrorMessage", dateMessage},
		{"objectives[].by", "patternErrorMessage", dateMessage},
		{"monitoring.review_dates[]", "patternErrorMessage", dateMessage},
		{"history[].date", "patternErrorMessage", dateMessage},
		{"partnership.term", "patternErrorMessage", periodMessage},
		{"dissolution.notice_period", "patternErrorMessage", periodMessage},
		{"finance.contributions[].amount", "patternErrorMessage", moneyMessage},
		{"partners[].urn", "patternErrorMessage", urnMessage},
		{"partners[].id", "patternErrorMessage", idMessage},
		{"partnership.id", "patternErrorMessage", idMessage},
		{"objectives[].id", "patternErrorMessage", idMessage},
		{"partnership.name", "patternErrorMessage", presentMessage},
		{"partners[].lead.email", "format", "email"},
		{"partners[].safeguarding_lead.email", "format", "email"},
		{"partnership.type", "enumDescriptions", 2},
		{"partnership.level", "enumDescriptions", 4},
		{"partnership.model", "enumDescriptions", 6},
		{"partnership.review_cycle", "enumDescriptions", 4},
		{"partners[].kind", "enumDescriptions", 8},
		{"partners[]", "defaultSnippets", 1},
		{"objectives[]", "defaultSnippets", 1},
		{"activities[]", "defaultSnippets", 1},
	}
	for _, tt := range tests {
		t.Run(tt.path+" "+tt.keyword, func(t *testing.T) {
			got, ok := at(t, root, tt.path)[tt.keyword]
			if !ok {
				t.Fatalf("no %s", tt.keyword)
			}
			if n, isLen := tt.want.(int); isLen {
				if list, _ := got.([]any); len(list) != n {
					t.Errorf("%d entries, want %d: %v", len(list), n, got)
				}
			} else if got != tt.want {
				t.Errorf("%v, want %v", got, tt.want)
			}
		})
	}
	// The messages speak words, not regular expressions.
	for _, m := range []string{dateMessage, periodMessage, moneyMessage, presentMessage, idMessage, urnMessage} {
		if strings.ContainsAny(m, `\^$[]{}`) || !strings.HasSuffix(m, ".") {
			t.Errorf("message %q should be a sentence without pattern syntax", m)
		}
	}
}

// walk calls f for every schema in s, at its YAML path.
func walk(s map[string]any, path string, f func(s map[string]any, path string)) {
	f(s, path)
	if props, ok := s["properties"].(map[string]any); ok {
		for name, p := range props {
			walk(p.(map[string]any), join(path, name), f)
		}
	}
	if items, ok := s["items"].(map[string]any); ok {
		walk(items, path+"[]", f)
	}
}

func TestEveryPatternHasAMessage(t *testing.T) {
	n := 0
	walk(generated(t), "", func(s map[string]any, path string) {
		if _, ok := s["pattern"]; !ok {
			return
		}
		n++
		if m, _ := s["patternErrorMessage"].(string); m == "" {
			t.Errorf("%s has a pattern and no patternErrorMessage", path)
		}
	})
	if n < 20 {
		t.Errorf("only %d patterns found", n)
	}
}

func TestEveryEnumIsDescribed(t *testing.T) {
	described := map[string]bool{}
	walk(generated(t), "", func(s map[string]any, path string) {
		words, ok := s["enum"].([]any)
		if !ok {
			return
		}
		described[path] = true
		help, _ := s["enumDescriptions"].([]any)
		if len(help) != len(words) {
			t.Errorf("%s: %d words and %d descriptions", path, len(words), len(help))
			return
		}
		for i, h := range help {
			if h, _ := h.(string); h == "" || strings.Contains(h, "\n") || !strings.HasSuffix(h, ".") {
				t.Errorf("%s: %v: the description %q should be one sentence", path, words[i], h)
			}
		}
	})
	// No description is left over for a word or key that is gone.
	root := generated(t)
	for path, words := range enumDescriptions() {
		if !described[path] {
			t.Errorf("enumDescriptions[%q] names no list of words", path)
			continue
		}
		enum := at(t, root, path)["enum"].([]any)
		for w := range words {
			if !slices.Contains(enum, any(w)) {
				t.Errorf("enumDescriptions[%q][%q] is not an allowed word", path, w)
			}
		}
	}
}

var placeholder = regexp.MustCompile(`\$\{(\d+):([^}]*)\}`)

// TestSnippets fills in each snippet with the text its placeholders hold
// and checks that the item it makes is valid, so that a snippet never
// offers a key the schema refuses or leaves out one it needs.
func TestSnippets(t *testing.T) {
	data, err := Questionnaire()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(ID, doc); err != nil {
		t.Fatal(err)
	}
	root := generated(t)
	for path := range snippets() {
		t.Run(path, func(t *testing.T) {
			pointer := "#/properties/" + strings.TrimSuffix(path, "[]") + "/items"
			sch, err := c.Compile(ID + pointer)
			if err != nil {
				t.Fatal(err)
			}
			if n := len(at(t, root, path)["defaultSnippets"].([]any)); n != len(snippets()[path]) {
				t.Fatalf("%d snippets in the schema, want %d", n, len(snippets()[path]))
			}
			for _, sn := range snippets()[path] {
				if sn.Label == "" || sn.Description == "" {
					t.Errorf("a snippet has no label or description: %+v", sn)
				}
				// In the order an editor writes the keys.
				body, err := json.Marshal(sn.Body)
				if err != nil {
					t.Fatal(err)
				}
				var numbers []string
				for _, m := range placeholder.FindAllStringSubmatch(string(body), -1) {
					numbers = append(numbers, m[1])
				}
				for i, n := range numbers {
					if n != strconv.Itoa(i+1) {
						t.Errorf("placeholders numbered %v, want 1, 2, 3…", numbers)
						break
					}
				}
				filled := placeholder.ReplaceAllString(string(body), "$2")
				var item any
				if err := json.Unmarshal([]byte(filled), &item); err != nil {
					t.Fatal(err)
				}
				if err := sch.Validate(item); err != nil {
					t.Errorf("the snippet %q, filled in, fails the schema: %v", sn.Label, err)
				}
			}
		})
	}
}

// TestHelpNamesKeys checks that each path the editor help is keyed by
// names a key of the questionnaire.
func TestHelpNamesKeys(t *testing.T) {
	g := new(generator)
	if _, err := g.object(reflect.TypeFor[questionnaire.Questionnaire](), ""); err != nil {
		t.Fatal(err)
	}
	var paths []string
	for p := range textForms() {
		paths = append(paths, p)
	}
	for p := range snippets() {
		paths = append(paths, strings.TrimSuffix(p, "[]"))
	}
	for _, p := range paths {
		if !slices.Contains(g.paths, p) {
			t.Errorf("%s names no key in the questionnaire", p)
		}
	}
}

// TestEverySuggestionIsDescribed: each answer a field suggests is offered
// with a sentence that says what it means, as an example the editor
// completes and a snippet that shows the sentence; the answer is not
// limited to them (no enum).
func TestEverySuggestionIsDescribed(t *testing.T) {
	root := generated(t)
	found := 0
	for path, words := range suggestionDescriptions() {
		s := at(t, root, path)
		if _, closed := s["enum"]; closed {
			t.Errorf("%s: suggestions must not close the answer with an enum", path)
		}
		examples, _ := s["examples"].([]any)
		offers, _ := s["defaultSnippets"].([]any)
		if len(examples) != len(words) || len(offers) != len(words) {
			t.Errorf("%s: %d examples and %d snippets for %d described suggestions", path, len(examples), len(offers), len(words))
		}
		for _, o := range offers {
			o := o.(map[string]any)
			if d, _ := o["description"].(string); d == "" || !strings.HasSuffix(d, ".") || words[o["label"].(string)] != d {
				t.Errorf("%s: %v has description %q", path, o["label"], d)
			}
		}
		found++
	}
	if found < 3 {
		t.Errorf("only %d fields suggest answers", found)
	}
	if f, _ := Lookup("wording.title"); len(f.Suggestions) != 3 || len(f.Choices) != 0 {
		t.Errorf("a form offers wording.title as %d choices and %d suggestions, want 0 and 3", len(f.Choices), len(f.Suggestions))
	}
}

// TestChoiceLabels: every allowed word has a label for forms, every label
// and default names an allowed word, and every form hint names a key.
func TestChoiceLabels(t *testing.T) {
	root := generated(t)
	seen := map[string]bool{}
	walk(root, "", func(s map[string]any, path string) {
		words, ok := s["enum"].([]any)
		if !ok {
			return
		}
		seen[path] = true
		for _, w := range words {
			if w, ok := w.(string); ok && strings.TrimSpace(choiceLabels()[path][w]) == "" {
				t.Errorf("%s: %q has no label in choiceLabels", path, w)
			}
		}
	})
	for path, labels := range choiceLabels() {
		if !seen[path] {
			t.Errorf("choiceLabels[%q] names no list of words", path)
			continue
		}
		enum := at(t, root, path)["enum"].([]any)
		for w := range labels {
			if !slices.Contains(enum, any(w)) {
				t.Errorf("choiceLabels[%q][%q] is not an allowed word", path, w)
			}
		}
		for _, w := range choiceDefaults()[path] {
			if !slices.Contains(enum, any(w)) {
				t.Errorf("choiceDefaults[%q]: %q is not an allowed word", path, w)
			}
		}
	}
	for path := range choiceDefaults() {
		if !seen[path] {
			t.Errorf("choiceDefaults[%q] names no list of words", path)
		}
	}
	for path := range formHints() {
		if descriptions()[path] == "" {
			t.Errorf("formHints[%q] names no key", path)
		}
	}
	if f, _ := Lookup("partners[2].kind"); f.Choices[6] != (Choice{"local-authority", "Local authority", "A local council."}) {
		t.Errorf("a choice as a form sees it: %+v", f.Choices[6])
	}
	if f, _ := Lookup("documents"); len(f.Choices) != 2 || f.Choices[1].Label != "The code of practice" || f.Choices[1].Description == "" || len(f.Default) != 2 {
		t.Errorf("the documents' choices as a form sees them: %+v, default %v", f.Choices, f.Default)
	}
	if f, _ := Lookup("partnership.start"); f.Hint != "The first day of the agreement." {
		t.Errorf("a date's form hint: %q", f.Hint)
	}
}
