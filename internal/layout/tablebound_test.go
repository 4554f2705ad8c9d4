package layout

import (
	"runtime"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// parseAllocs is the number of bytes Parse allocates for md.
func parseAllocs(md string) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	Parse([]byte(md))
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestTableWorkIsLinear checks that reading a table costs in proportion
// to its text, whatever its shape: doubling the text must not much more
// than double what parsing allocates.
func TestTableWorkIsLinear(t *testing.T) {
	shapes := []struct {
		name string
		md   func(n int) string
	}{
		{"a row of many cells", func(n int) string {
			return strings.Repeat("|a", n) + "\n" + strings.Repeat("|-", n) + "\n" + strings.Repeat("|b", n) + "\n"
		}},
		{"many rows", func(n int) string {
			return "a|b\n-|-\n" + strings.Repeat("c|d\n", n)
		}},
		{"a long delimiter row", func(n int) string {
			return "|a|\n|" + strings.Repeat("-", 20*n) + "|\n"
		}},
		{"a long delimiter row that is not one", func(n int) string {
			return "|a|\n|" + strings.Repeat("-:", 20*n) + "|\n"
		}},
		// Each short row is filled up to the header's width: without a
		// bound, n bytes of rows under a header n cells wide ask for n²
		// empty cells.
		{"short rows under a wide header", func(n int) string {
			return strings.Repeat("|a", n) + "\n" + strings.Repeat("|-", n) + "\n" + strings.Repeat("b\n", n)
		}},
		{"many narrow tables with short rows", func(n int) string {
			table := strings.Repeat("|a", 300) + "\n" + strings.Repeat("|-", 300) + "\n" + strings.Repeat("b\n", 300) + "\n"
			return strings.Repeat(table, n/100)
		}},
	}
	const n = 1000
	for _, s := range shapes {
		t.Run(s.name, func(t *testing.T) {
			small, large := parseAllocs(s.md(n)), parseAllocs(s.md(4*n))
			if large > 6*small {
				t.Errorf("4 times the text allocates %.1f times as much (%d bytes, then %d)", float64(large)/float64(small), small, large)
			}
		})
	}
}

// TestFilledCellsAreBounded checks where a table ends once the document's
// empty cells run out: the rows that would pass the bound stay a paragraph
// after the table, as their text.
func TestFilledCellsAreBounded(t *testing.T) {
	const cols = 300
	md := strings.Repeat("|a", cols) + "\n" + strings.Repeat("|-", cols) + "\n" + strings.Repeat("b\n", cols)
	tree := Parse([]byte(md))
	table, ok := tree.Root.FirstChild().(*Table)
	if !ok {
		t.Fatalf("the first block is %s, not a table", tree.Root.FirstChild().Kind())
	}
	rows := maxFilledCells / (cols - 1) // each row is filled up with cols-1 cells
	if got := table.ChildCount(); got != 1+rows {
		t.Errorf("the table has %d rows, want the header and %d", got, rows)
	}
	rest, ok := table.NextSibling().(*ast.Paragraph)
	if !ok {
		t.Fatalf("after the table comes %v, not a paragraph", table.NextSibling())
	}
	want := strings.TrimSuffix(strings.Repeat("b\n", cols-rows), "\n")
	if got := string(rest.Lines().Value(tree.Source)); strings.TrimSuffix(got, "\n") != want {
		t.Errorf("the paragraph after the table holds %q, want %q", got, want)
	}
	if rest.NextSibling() != nil {
		t.Errorf("something follows the paragraph: %s", rest.NextSibling().Kind())
	}
}
