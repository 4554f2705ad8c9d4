// Package generate turns a checked questionnaire into the files mou
// writes: each document in each requested format.
package generate

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"mou/internal/document"
	"mou/internal/output"
	"mou/internal/questionnaire"
)

// A format turns a document's Markdown into the bytes of one file.
type format struct {
	ext    string
	render func(g *Generator, q *questionnaire.Questionnaire, kind document.Kind, md []byte) ([]byte, error)
}

// formats lists every output format, in the order files are written.
var formats = []struct {
	name string
	format
}{
	{"md", format{"md", func(_ *Generator, _ *questionnaire.Questionnaire, _ document.Kind, md []byte) ([]byte, error) {
		return md, nil
	}}},
}

// Formats returns the names of the formats, such as "md".
func Formats() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.name
	}
	return names
}

// ParseFormats reads a comma-separated list of format names.
func ParseFormats(list string) ([]string, error) {
	var out []string
	for _, name := range strings.Split(list, ",") {
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		if !isFormat(name) {
			return nil, fmt.Errorf("unknown format %q (the formats are %s)", name, strings.Join(Formats(), ", "))
		}
		out = append(out, name)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no format given (the formats are %s)", strings.Join(Formats(), ", "))
	}
	return out, nil
}

func isFormat(name string) bool {
	for _, f := range formats {
		if f.name == name {
			return true
		}
	}
	return false
}

// Generator holds what is prepared once and used for every questionnaire:
// the parsed templates. It is safe for concurrent use.
type Generator struct {
	templates *document.Templates
}

// New prepares a generator using the templates in fsys.
func New(fsys fs.FS) (*Generator, error) {
	t, err := document.ParseTemplates(fsys)
	if err != nil {
		return nil, err
	}
	return &Generator{templates: t}, nil
}

// Files returns every file for q in the named formats, in a fixed order.
// q must have passed validation.
func (g *Generator) Files(q *questionnaire.Questionnaire, names []string) ([]output.File, error) {
	stem := document.Slug(string(q.Partnership.Name))
	var files []output.File
	for _, kind := range document.Kinds {
		md, err := g.templates.Markdown(q, kind, "")
		if err != nil {
			return nil, err
		}
		for _, f := range formats {
			if !slices.Contains(names, f.name) {
				continue
			}
			data, err := f.render(g, q, kind, md)
			if err != nil {
				return nil, err
			}
			files = append(files, output.File{Name: FileName(stem, kind, q.Version, f.ext), Data: data})
		}
	}
	return files, nil
}

// FileName is the name of one output file: <slug>-<kind>-v<N>.<ext>.
func FileName(stem string, kind document.Kind, version int, ext string) string {
	return fmt.Sprintf("%s-%s-v%d.%s", stem, kind.Name, version, ext)
}
