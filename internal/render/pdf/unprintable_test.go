package pdf

import (
	"github.com/partnership-tools/mou/internal/layout"

	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestUnprintable(t *testing.T) {
	tests := []struct {
		in   string
		want []rune
	}{
		{"ŵ ŷ Ŵ Ŷ é ü € ‘ ’ “ ” – — · £ • ◦", nil},
		{"tab\tnew\nline\r\n", nil},
		{"smile 😀 twice 😀", []rune{0x1F600}},
		{"中文 and 日本", []rune{'中', '文', '日', '本'}},
		{"ballot ☐ tick ✓ emoji 😀", []rune{'☐', '✓', 0x1F600}},
		{"", nil},
	}
	for _, tc := range tests {
		if got := Unprintable(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Unprintable(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRenderRefusesUnprintable(t *testing.T) {
	r, err := New(DefaultTheme(), "")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		md   string
		doc  testDocument
		want rune
	}{
		{"paragraph", "Hello 😀\n", testDoc, 0x1F600},
		{"heading", "## 中文\n", testDoc, '中'},
		{"table cell", "| a |\n| - |\n| ✓ |\n", testDoc, '✓'},
		{"code block", "```\n😀\n```\n", testDoc, 0x1F600},
		{"code span", "`😀`\n", testDoc, 0x1F600},
		{"raw html", "<div>😀</div>\n", testDoc, 0x1F600},
		{"entity", "&#128512;\n", testDoc, 0x1F600},
		{"footer", "Text.\n", testDocument{Document: layout.Document{Issued: "😀"}}, 0x1F600},
		{"page number", "Text.\n", testDocument{Document: layout.Document{PagePattern: "😀 {page}"}}, 0x1F600},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := r.Render(&buf, parse([]byte(tc.md)), tc.doc.Document)
			var ue *UnprintableError
			if !errors.As(err, &ue) || ue.Rune != tc.want {
				t.Fatalf("error %v, want an UnprintableError for %U", err, tc.want)
			}
			if name := fmt.Sprintf("U+%04X", tc.want); !strings.Contains(err.Error(), name) {
				t.Errorf("error %q does not name %s", err, name)
			}
			if buf.Len() != 0 {
				t.Error("wrote output despite the error")
			}
		})
	}
}
