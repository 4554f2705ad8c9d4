package document

import (
	"io/fs"
	"slices"
	"testing"
	"text/template"

	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/templates"
)

// TestParseSetSideBySide checks that the templates parseSet parses side
// by side are the ones parsing the files one after another gives: the
// same names, each with the same tree, in every edition and language.
func TestParseSetSideBySide(t *testing.T) {
	for _, tag := range templates.Languages() {
		for _, edition := range templates.LanguageEditions(tag) {
			fsys := templates.ForEdition(templates.FS, edition, tag)
			got, err := parseSet(fsys, locale.Get(tag))
			if err != nil {
				t.Fatalf("%s %s: %v", edition, tag, err)
			}
			want := parseOneByOne(t, fsys, locale.Get(tag))
			if g, w := names(got), names(want); !slices.Equal(g, w) {
				t.Fatalf("%s %s: templates %v, one by one %v", edition, tag, g, w)
			}
			for _, w := range want.Templates() {
				if g := got.Lookup(w.Name()); g.Tree.Root.String() != w.Tree.Root.String() {
					t.Errorf("%s %s: template %s differs from parsing the files one by one", edition, tag, w.Name())
				}
			}
		}
	}
}

func parseOneByOne(t *testing.T, fsys fs.FS, pack *locale.Pack) *template.Template {
	t.Helper()
	md, _ := fs.Glob(fsys, "*.md.tmpl")
	txt, _ := fs.Glob(fsys, "*.txt.tmpl")
	set := template.New("").Funcs(funcs(pack)).Option("missingkey=error")
	for _, name := range append(md, txt...) {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := set.New(name).Parse(string(data)); err != nil {
			t.Fatal(err)
		}
	}
	return set
}

func names(set *template.Template) []string {
	var out []string
	for _, t := range set.Templates() {
		out = append(out, t.Name())
	}
	slices.Sort(out)
	return out
}
