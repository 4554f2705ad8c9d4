package pdf

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/pdftest"
)

// longDocument is Markdown with a title page and sections sections of
// paras paragraphs each.
func longDocument(sections, paras int) []byte {
	var b strings.Builder
	b.WriteString("<!-- mou:title -->\n\n# Partnership\n\n## Memorandum\n\n<!-- mou:end-title -->\n\n")
	for s := 1; s <= sections; s++ {
		fmt.Fprintf(&b, "## %d. Section %d\n\n", s, s)
		for range paras {
			b.WriteString(strings.Repeat("The partners agree to work together on this. ", 12) + "\n\n")
		}
	}
	return []byte(b.String())
}

var contentsLine = regexp.MustCompile(`(?m)^\s*(\d+\. Section \d+)[ .]+(\d+)\s*$`)

// summaryPage is a page before the title page, as a redline has.
const summaryPage = "## Summary of changes\n\nWhat changed.\n\n<!-- mou:pagebreak -->\n\n"

// TestContents checks that a long document gets a contents page after
// its title page whose page numbers are where each section starts, and
// that a short one gets none. The contents list only the sections: not
// the title page's subtitle, nor a page before the title page.
func TestContents(t *testing.T) {
	for _, tc := range []struct {
		name     string
		md       []byte
		contents bool
		front    int // pages before the title page
	}{
		{"long", longDocument(12, 6), true, 0},
		{"short", longDocument(3, 2), false, 0},
		{"long, after a summary page", append([]byte(summaryPage), longDocument(12, 6)...), true, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := testDoc
			doc.ContentsTitle = "Contents"
			data := renderBytes(t, tc.md, doc)
			pages := pdftest.Pages(t, data)
			at := 1 + tc.front // the contents page
			has := len(pages) > at && strings.Contains(pages[at], "Contents")
			if has != tc.contents {
				t.Fatalf("%d pages; contents page: %v, want %v", len(pages), has, tc.contents)
			}
			if !has {
				return
			}
			if len(pages) <= contentsMinPages {
				t.Fatalf("only %d pages", len(pages))
			}
			entries := contentsLine.FindAllStringSubmatch(pages[at], -1)
			if len(entries) != 12 {
				t.Fatalf("%d entries, want 12:\n%s", len(entries), pages[at])
			}
			for _, stray := range []string{"Memorandum", "Summary"} {
				if strings.Contains(pages[at], stray) {
					t.Errorf("the contents list %q, which is not a section:\n%s", stray, pages[at])
				}
			}
			for _, e := range entries {
				n, _ := strconv.Atoi(e[2])
				if n < at+2 || n > len(pages) || !strings.Contains(pages[n-1], e[1]+"\n") {
					t.Errorf("%q listed on page %s, which does not start it", e[1], e[2])
				}
			}
			if !strings.Contains(pages[at+1], "1. Section 1") {
				t.Error("the text does not start after the contents page")
			}
		})
	}
}
