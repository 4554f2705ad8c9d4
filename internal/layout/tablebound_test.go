package layout

import (
	"runtime"
	"strings"
	"testing"
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
