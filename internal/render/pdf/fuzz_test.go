package pdf

import (
	"bytes"
	"errors"
	"os"
	"testing"
)

// FuzzRender checks that no Markdown makes Render panic or fail, except for
// runes the fonts cannot print.
func FuzzRender(f *testing.F) {
	for _, seed := range []string{
		"# Title\n\nText with *emphasis* and `code`.\n",
		"- a\n  - b\n    1. c\n",
		"| a | b |\n| - | :-: |\n| 1 \\| 2 | x |\n",
		"<!-- mou:signature -->\n\nSigned: ____\n\n<!-- mou:end-signature -->\n",
		"<!-- mou:title -->\n\n# T\n\n<!-- mou:end-title -->\n\n> quote\n\n```\ncode\n```\n",
		"\\# \\* \\| \\< \\[ &amp; &#0;\n",
		"<!-- mou:keep -->\n\n<!-- mou:signature -->\n\n___\n\n<!-- mou:end-keep -->\n\n<!-- mou:end-signature -->\n",
	} {
		f.Add([]byte(seed))
	}
	if md, err := os.ReadFile("testdata/agreement.md"); err == nil {
		f.Add(md)
	}
	r, err := New(DefaultTheme(), "")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, md []byte) {
		var buf bytes.Buffer
		err := r.Render(&buf, parse(md), testDoc.Document)
		var ue *UnprintableError
		if err != nil && !errors.As(err, &ue) && !errors.Is(err, ErrNotUTF8) {
			t.Fatalf("Render: %v", err)
		}
	})
}
