package docx

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/layout"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden pins word/document.xml for the PDF renderer's sample
// agreement, one paragraph or table row a line so that a change reads
// well in a diff.
func TestGolden(t *testing.T) {
	md, err := os.ReadFile("../pdf/testdata/agreement.md")
	if err != nil {
		t.Fatal(err)
	}
	parts, _ := render(t, layout.Parse(md))
	got := strings.NewReplacer("</w:p>", "</w:p>\n", "</w:tr>", "</w:tr>\n", "<w:tbl>", "\n<w:tbl>").Replace(parts["word/document.xml"])
	path := filepath.Join("testdata", "agreement.document.xml")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		wl, gl := strings.Split(string(want), "\n"), strings.Split(got, "\n")
		for i := range min(len(wl), len(gl)) {
			if wl[i] != gl[i] {
				t.Fatalf("document.xml differs from %s at line %d (run go test -update and review the diff):\nwant %s\ngot  %s", path, i+1, wl[i], gl[i])
			}
		}
		t.Fatalf("document.xml differs from %s in length (run go test -update and review the diff)", path)
	}
}
