package pdf

import (
	"os"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/pdftest"
)

// TestDraftMarks checks that a draft carries its mark on every page and
// its note on the title page only, and that a final document has neither.
func TestDraftMarks(t *testing.T) {
	md, err := os.ReadFile("testdata/agreement.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, draft := range []bool{true, false} {
		doc := testDoc
		if draft {
			doc.DraftMark, doc.DraftNote = "DRAFT", "Draft for discussion"
		}
		pages := pdftest.Pages(t, renderBytes(t, md, doc))
		if len(pages) < 3 {
			t.Fatalf("%d pages", len(pages))
		}
		for i, p := range pages {
			if got := strings.Contains(p, "DRAFT"); got != draft {
				t.Errorf("draft %v: page %d has the mark: %v", draft, i+1, got)
			}
			if got, want := strings.Contains(p, "Draft for discussion"), draft && i == 0; got != want {
				t.Errorf("draft %v: page %d has the note: %v, want %v", draft, i+1, got, want)
			}
		}
	}
}
