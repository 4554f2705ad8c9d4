package document

import (
	"errors"
	"fmt"
	"io"
	"sync/atomic"
	"text/template"
	"time"
)

// Limits on running one template, so that a custom template that loops
// for ever, recurses or prints without end fails with a message instead
// of filling the memory or hanging. The built-in templates write under
// 5 MiB for the costliest questionnaire validate accepts, which the
// limits on text as printed (questionnaire/textlimit.go) keep so;
// TestLargestValidFiles in internal/app measures it.
const maxOutputBytes = 16 << 20

// executeDeadline is how long one document's template may run. A variable
// so that the fuzz test can shorten it.
var executeDeadline = 10 * time.Second

// errStopped is what the writer returns once execution has been given up.
var errStopped = errors.New("stopped")

// cappedWriter refuses writes past maxOutputBytes, and every write once
// stop is set, which ends a template's run at its next write.
type cappedWriter struct {
	w    io.Writer
	n    int
	over bool
	stop atomic.Bool
}

func (c *cappedWriter) Write(p []byte) (int, error) {
	if c.stop.Load() {
		return 0, errStopped
	}
	if c.n+len(p) > maxOutputBytes {
		c.over = true
		return 0, errStopped
	}
	c.n += len(p)
	return c.w.Write(p)
}

// execute runs the template name of set into w within the limits. Its
// errors start "template: NAME:", as text/template's do, so that they are
// shown with the template's file.
func execute(set *template.Template, w io.Writer, name string, data any) error {
	cw := &cappedWriter{w: w}
	done := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Errorf("template: %s: %v", name, r)
			}
		}()
		done <- set.ExecuteTemplate(cw, name, data)
	}()
	timer := time.NewTimer(executeDeadline)
	defer timer.Stop()
	select {
	case err := <-done:
		if cw.over {
			return fmt.Errorf("template: %s: printed more than %d MiB, the limit for one document: does a loop or a template calling itself never end?", name, maxOutputBytes>>20)
		}
		return err
	case <-timer.C:
		// A template cannot be interrupted: the run stops at its next
		// write, or goes on in the background until the command ends.
		cw.stop.Store(true)
		return fmt.Errorf("template: %s: still running after %v, the limit for one document: does a loop or a template calling itself never end?", name, executeDeadline)
	}
}
