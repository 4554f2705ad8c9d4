package cli

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoMarkdownInPlainText guards the packages that write plain text
// (terminal lines, JSON, errors, notes, YAML values): an answer's Text
// escapes itself for Markdown whenever fmt formats it, so there a name
// such as "St Mary's <b>#1</b>" would print as "St Mary's \<b\>\#1\</b\>".
// They must convert it with string() first, and never call its String.
func TestNoMarkdownInPlainText(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: type-checks the plain-text packages")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH, so the packages cannot be type-checked")
	}
	const module = "github.com/partnership-tools/mou/"
	plain := []string{"internal/change", "internal/agreement", "internal/status", "internal/cli", "internal/app", "internal/calendar"}
	// Compiled export data for every package they import, from the build
	// cache, so that only these packages are checked from source.
	args := []string{"list", "-export", "-deps", "-f", "{{.ImportPath}}\t{{.Export}}"}
	for _, p := range plain {
		args = append(args, module+p)
	}
	out, err := exec.Command(goTool, args...).Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	exports := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		path, file, _ := strings.Cut(line, "\t")
		exports[path] = file
	}
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) { return os.Open(exports[path]) })
	for _, dir := range plain {
		pkgs, err := parser.ParseDir(fset, filepath.Join("../..", dir), func(fi os.FileInfo) bool {
			return !strings.HasSuffix(fi.Name(), "_test.go")
		}, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pkgs {
			var files []*ast.File
			for _, f := range p.Files {
				files = append(files, f)
			}
			info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Uses: map[*ast.Ident]types.Object{}}
			if _, err := (&types.Config{Importer: imp}).Check(module+dir, fset, files, info); err != nil {
				t.Fatal(err)
			}
			isText := func(e ast.Expr) bool {
				tv, ok := info.Types[e]
				return ok && tv.Type != nil && types.Unalias(tv.Type).String() == module+"internal/mdtext.Text"
			}
			for _, f := range files {
				ast.Inspect(f, func(n ast.Node) bool {
					call, ok := n.(*ast.CallExpr)
					if !ok {
						return true
					}
					if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "String" && isText(sel.X) {
						t.Errorf("%s: %s.String() escapes the answer for Markdown; use string(%[2]s)", fset.Position(call.Pos()), types.ExprString(sel.X))
					}
					// A Text passed as an interface value (fmt's arguments,
					// or those of a helper such as refuse or usage that
					// hands them on to fmt) is formatted escaped.
					sig, ok := info.Types[call.Fun].Type.(*types.Signature)
					if !ok {
						return true
					}
					for i, a := range call.Args {
						if isText(a) && types.IsInterface(paramType(sig, i, call.Ellipsis.IsValid())) {
							t.Errorf("%s: %s formats %s escaped for Markdown; pass string(%[3]s)", fset.Position(a.Pos()), types.ExprString(call.Fun), types.ExprString(a))
						}
					}
					return true
				})
			}
		}
	}
}

// paramType is the type of the parameter that a call's i'th argument is
// passed to: for a variadic function, the element type of the last one,
// unless the call spreads a slice with "...".
func paramType(sig *types.Signature, i int, spread bool) types.Type {
	params := sig.Params()
	if sig.Variadic() && i >= params.Len()-1 {
		last := params.At(params.Len() - 1).Type()
		if spread {
			return last
		}
		return last.(*types.Slice).Elem()
	}
	if i >= params.Len() {
		return types.Typ[types.Invalid]
	}
	return params.At(i).Type()
}
