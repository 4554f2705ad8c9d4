package schema

import (
	"bytes"
	"fmt"
	"strings"
	"text/template"
	"unicode"
	"unicode/utf8"

	"github.com/partnership-tools/mou/templates"
)

// Describe returns the guidance for the answer at path, such as
// "partners[].lead.email": the one text that the schema gives editors,
// "mou init" writes as a comment above the answer and "mou serve" shows
// under the question. It is "" for a path with none.
func Describe(path string) string { return descriptions()[path] }

// commentWidth is the widest a guidance comment in the starting
// questionnaire runs, counting its indentation.
const commentWidth = 76

// Starter returns the questionnaire "mou init" writes for a partnership
// model, on the open edition of the wording: example answers, each with
// its guidance as a comment above it.
func Starter(model string) ([]byte, error) {
	t, err := template.New("questionnaire.yaml.tmpl").Funcs(template.FuncMap{"guide": guide}).
		ParseFS(templates.FS, "questionnaire.yaml.tmpl")
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, struct{ Model, Edition string }{model, templates.Current}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// guide writes the guidance for the answer at path as a YAML comment,
// indented by indent spaces and wrapped: "# key (qualifier): guidance".
func guide(indent int, path string, qualifier ...string) (string, error) {
	text := descriptions()[path]
	if text == "" {
		return "", fmt.Errorf("no guidance for %s", path)
	}
	key := path[strings.LastIndexByte(path, '.')+1:]
	key = strings.TrimSuffix(key, "[]")
	head := key
	for _, q := range qualifier {
		head += " " + q
	}
	words := append([]string{head + ":"}, strings.Fields(lowerFirst(text))...)
	prefix := strings.Repeat(" ", indent) + "#"
	var b strings.Builder
	line := prefix
	for _, w := range words {
		if line != prefix && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > commentWidth {
			b.WriteString(line + "\n")
			line = prefix
		}
		line += " " + w
	}
	b.WriteString(line)
	return b.String(), nil
}

// lowerFirst starts a sentence in lower case, to follow "key: ", unless
// it starts with a capitalised abbreviation such as "DBS".
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	next, _ := utf8.DecodeRuneInString(s[n:])
	if unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
