package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestUseCasesNameNoFlags: the use cases name the values they are given
// as Fields, which the command line says as its flags and the web
// interview as its questions; a flag written into a message here would
// reach a web page as "--force". Only the command line knows its flags.
func TestUseCasesNameNoFlags(t *testing.T) {
	// Left as it was: in the web interview the message is shown as it
	// stands, so naming the field would change what the page says.
	allowed := map[string]bool{"signingtags.go": true}
	flag := regexp.MustCompile(`(^|[^-\w])--[a-z]`)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || allowed[name] {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && flag.MatchString(lit.Value) {
				t.Errorf("%s: %s names a flag; name a Field instead", fset.Position(lit.Pos()), lit.Value)
			}
			return true
		})
	}
}
