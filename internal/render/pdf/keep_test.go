package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/pdftest"
)

// TestKeepWithNext pushes a passage down the page a line at a time and
// checks, wherever the page ends, that an introductory sentence ending in
// a colon stays with what it introduces and that the last list item never
// opens a page alone.
func TestKeepWithNext(t *testing.T) {
	const passage = "The partners agree as follows:\n\n- First item.\n- Second item.\n- Third item.\n"
	for n := 30; n <= 70; n++ {
		var b strings.Builder
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&b, "Filler %d.\n\n", i)
		}
		b.WriteString(passage)
		pages := pdftest.Pages(t, renderBytes(t, []byte(b.String()), testDoc))
		on := func(s string) int {
			for i, p := range pages {
				if strings.Contains(p, s) {
					return i
				}
			}
			t.Fatalf("%d fillers: %q not found", n, s)
			return -1
		}
		if on("as follows:") != on("First item.") {
			t.Errorf("%d fillers: the introduction ends page %d, apart from its list", n, on("as follows:")+1)
		}
		if on("Third item.") != on("Second item.") {
			t.Errorf("%d fillers: the last item opens page %d alone", n, on("Third item.")+1)
		}
	}
}
