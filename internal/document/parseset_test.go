package document

import (
	"io/fs"
	"slices"
	"testing"
	"text/template"
	"text/template/parse"

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
			got, _, err := parseSet(fsys, locale.Get(tag), false)
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

// TestFirstFiles checks the files parsed at once for the built-in
// templates: the memorandum's, the code of practice's, the verdict's and
// the standard clauses' are among them, every template they call is
// defined in them, and the rest are left for later.
func TestFirstFiles(t *testing.T) {
	for _, tag := range templates.Languages() {
		for _, edition := range templates.LanguageEditions(tag) {
			fsys := templates.ForEdition(templates.FS, edition, tag)
			md, _ := fs.Glob(fsys, "*.md.tmpl")
			txt, _ := fs.Glob(fsys, "*.txt.tmpl")
			names := append(md, txt...)
			var sources []string
			for _, name := range names {
				data, err := fs.ReadFile(fsys, name)
				if err != nil {
					t.Fatal(err)
				}
				sources = append(sources, string(data))
			}
			first, firstSources, later := firstFiles(names, sources)
			if len(later) == 0 {
				t.Fatalf("%s %s: every file is parsed at once", edition, tag)
			}
			defined := map[string]bool{}
			for _, name := range first {
				defined[name] = true
			}
			for _, src := range firstSources {
				templateNames(src, func(action, name string) {
					if action == "define" {
						defined[name] = true
					}
				})
			}
			for _, name := range []string{MOU.Template, CodeOfPractice.Template, "verdict", "sections", "clause:status.type"} {
				if !defined[name] {
					t.Errorf("%s %s: %s is not among the first files %v", edition, tag, name, first)
				}
			}
			for _, src := range firstSources {
				templateNames(src, func(action, name string) {
					if action == "template" && !defined[name] {
						t.Errorf("%s %s: %s is called but left for later", edition, tag, name)
					}
				})
			}
		}
	}
	// A template defined twice needs every file at once.
	first, _, later := firstFiles([]string{"mou.md.tmpl", "a.txt.tmpl", "b.txt.tmpl"},
		[]string{`x`, `{{define "same"}}1{{end}}`, `{{define "same"}}2{{end}}`})
	if len(first) != 3 || len(later) != 0 {
		t.Errorf("with a template defined twice: first %v, later %v", first, later)
	}
}

// TestTemplateNames checks templateNames against text/template's own
// parse of every built-in file: the same templates defined, the same
// templates called.
func TestTemplateNames(t *testing.T) {
	for _, tag := range templates.Languages() {
		for _, edition := range templates.LanguageEditions(tag) {
			fsys := templates.ForEdition(templates.FS, edition, tag)
			md, _ := fs.Glob(fsys, "*.md.tmpl")
			txt, _ := fs.Glob(fsys, "*.txt.tmpl")
			for _, name := range append(md, txt...) {
				data, _ := fs.ReadFile(fsys, name)
				var defines, calls []string
				templateNames(string(data), func(action, n string) {
					if action == "define" {
						defines = append(defines, n)
					} else {
						calls = append(calls, n)
					}
				})
				parsed, err := template.New("").Funcs(funcs(locale.Get(tag))).New(name).Parse(string(data))
				if err != nil {
					t.Fatal(err)
				}
				var wantDefines, wantCalls []string
				for _, tm := range parsed.Templates() {
					if tm.Name() != name {
						wantDefines = append(wantDefines, tm.Name())
					}
					wantCalls = append(wantCalls, calledIn(tm.Tree.Root)...)
				}
				for _, l := range [][]string{defines, calls, wantDefines, wantCalls} {
					slices.Sort(l)
				}
				if !slices.Equal(slices.Compact(defines), slices.Compact(wantDefines)) || !slices.Equal(slices.Compact(calls), slices.Compact(wantCalls)) {
					t.Errorf("%s %s %s: templateNames finds defines %v and calls %v; text/template %v and %v", edition, tag, name, defines, calls, wantDefines, wantCalls)
				}
			}
		}
	}
}

// calledIn lists the templates called in a parse tree.
func calledIn(n parse.Node) []string {
	var out []string
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				out = append(out, calledIn(c)...)
			}
		}
	case *parse.TemplateNode:
		out = append(out, n.Name)
	case *parse.IfNode:
		out = append(append(out, calledIn(n.List)...), calledIn(n.ElseList)...)
	case *parse.RangeNode:
		out = append(append(out, calledIn(n.List)...), calledIn(n.ElseList)...)
	case *parse.WithNode:
		out = append(append(out, calledIn(n.List)...), calledIn(n.ElseList)...)
	}
	return out
}
