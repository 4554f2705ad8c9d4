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

// builtInFiles is the template files of one edition in one language.
type builtInFiles struct {
	edition, tag   string
	fsys           fs.FS
	names, sources []string
}

// everyBuiltIn reads the template files of every built-in edition in
// every language.
func everyBuiltIn(t *testing.T) []builtInFiles {
	t.Helper()
	var out []builtInFiles
	for _, tag := range templates.Languages() {
		for _, edition := range templates.LanguageEditions(tag) {
			b := builtInFiles{edition: edition, tag: tag, fsys: templates.ForEdition(templates.FS, edition, tag)}
			md, _ := fs.Glob(b.fsys, "*.md.tmpl")
			txt, _ := fs.Glob(b.fsys, "*.txt.tmpl")
			b.names = append(md, txt...)
			for _, name := range b.names {
				data, err := fs.ReadFile(b.fsys, name)
				if err != nil {
					t.Fatal(err)
				}
				b.sources = append(b.sources, string(data))
			}
			out = append(out, b)
		}
	}
	return out
}

// TestParseSetSideBySide checks that the templates parseSet parses side
// by side are the ones parsing the files one after another gives: the
// same names, each with the same tree, in every edition and language.
func TestParseSetSideBySide(t *testing.T) {
	for _, b := range everyBuiltIn(t) {
		got, _, err := parseSet(b.fsys, locale.Get(b.tag), false)
		if err != nil {
			t.Fatalf("%s %s: %v", b.edition, b.tag, err)
		}
		want := template.New("").Funcs(funcs(locale.Get(b.tag))).Option("missingkey=error")
		for i, name := range b.names {
			if _, err := want.New(name).Parse(b.sources[i]); err != nil {
				t.Fatal(err)
			}
		}
		if g, w := names(got), names(want); !slices.Equal(g, w) {
			t.Fatalf("%s %s: templates %v, one by one %v", b.edition, b.tag, g, w)
		}
		for _, w := range want.Templates() {
			if g := got.Lookup(w.Name()); g.Tree.Root.String() != w.Tree.Root.String() {
				t.Errorf("%s %s: template %s differs from parsing the files one by one", b.edition, b.tag, w.Name())
			}
		}
	}
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
	for _, b := range everyBuiltIn(t) {
		first, firstSources, later := firstFiles(b.names, b.sources)
		if len(later) == 0 {
			t.Fatalf("%s %s: every file is parsed at once", b.edition, b.tag)
		}
		defined := map[string]bool{}
		var called []string
		for i, src := range firstSources {
			defined[first[i]] = true
			templateNames(src, func(action, name string) {
				if action == "define" {
					defined[name] = true
				} else {
					called = append(called, name)
				}
			})
		}
		for _, name := range append([]string{MOU.Template, CodeOfPractice.Template, "verdict", "sections", "clause:status.type"}, called...) {
			if !defined[name] {
				t.Errorf("%s %s: %s is not defined in the first files %v", b.edition, b.tag, name, first)
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
	for _, b := range everyBuiltIn(t) {
		for i, name := range b.names {
			var defines, calls []string
			templateNames(b.sources[i], func(action, n string) {
				if action == "define" {
					defines = append(defines, n)
				} else {
					calls = append(calls, n)
				}
			})
			parsed, err := template.New("").Funcs(funcs(locale.Get(b.tag))).New(name).Parse(b.sources[i])
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
				t.Errorf("%s %s %s: templateNames finds defines %v and calls %v; text/template %v and %v", b.edition, b.tag, name, defines, calls, wantDefines, wantCalls)
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
