package docx

import (
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/theme"
)

// cpuTime is the processor time the process has used so far.
func cpuTime(t *testing.T) time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		t.Skipf("no processor time here: %v", err)
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// TestColumnWidthsWorkIsLinear checks that sharing out the width costs in
// proportion to the number of columns: 64 tables of 500 columns and 8 of
// 4,000 are as much work. Columns all too narrow for their longest word
// are the hard case: none has width to spare for the others.
func TestColumnWidthsWorkIsLinear(t *testing.T) {
	r, err := New(theme.Default())
	if err != nil {
		t.Fatal(err)
	}
	widths := func(cols, times int) time.Duration {
		md := strings.Repeat("|abcdefgh", cols) + "\n" + strings.Repeat("|-", cols) + "\n"
		tree := layout.Parse([]byte(md))
		table := tree.Root.FirstChild().(*layout.Table)
		rows := []ast.Node{table.FirstChild()}
		b := &body{r: r, src: tree.Source}
		start := cpuTime(t)
		for range times {
			if got := len(b.columnWidths(rows, cols)); got != cols {
				t.Fatalf("%d widths for %d columns", got, cols)
			}
		}
		return cpuTime(t) - start
	}
	narrow, wide := widths(500, 64), widths(4000, 8)
	if wide > 4*narrow+10*time.Millisecond {
		t.Errorf("8 tables of 4,000 columns took %v, 64 of 500 took %v", wide, narrow)
	}
}
