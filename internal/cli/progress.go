package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"
)

// progress draws a one-line progress bar on a terminal: done of total,
// the rate and the time left. Written anywhere else it draws nothing, so
// no control characters end up in a pipe or a log file.
type progress struct {
	w           io.Writer
	on          bool
	done, total int
	start, last time.Time
}

func newProgress(w io.Writer, total int) *progress {
	return &progress{w: w, on: isTerminal(w), total: total, start: time.Now()}
}

// isTerminal reports whether w is a terminal that can redraw a line. A
// character device is not enough: /dev/null is one too, and so is a
// serial line.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd())) && os.Getenv("TERM") != "dumb"
}

// step counts one more done and redraws, at most ten times a second.
func (p *progress) step() {
	p.done++
	if !p.on || (time.Since(p.last) < 100*time.Millisecond && p.done < p.total) {
		return
	}
	p.last = time.Now()
	const width = 30
	filled := width * p.done / p.total
	elapsed := time.Since(p.start).Seconds()
	rate := float64(p.done) / max(elapsed, 1e-9)
	left := float64(p.total-p.done) / max(rate, 1e-9)
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d  %.0f/s  %s left ", strings.Repeat("=", filled), strings.Repeat(" ", width-filled),
		p.done, p.total, rate, time.Duration(left*float64(time.Second)).Round(time.Second))
}

// clear removes the bar so other lines print cleanly.
func (p *progress) clear() {
	if p.on && !p.last.IsZero() {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
