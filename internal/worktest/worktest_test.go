package worktest

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestMeasure checks that both costs are counted: a loop that burns CPU
// shows CPU time (where the system reports it), and a large allocation
// shows its bytes.
func TestMeasure(t *testing.T) {
	var sink []byte
	c := Measure(func() { sink = make([]byte, 32<<20) })
	if c.Alloc < 32<<20 {
		t.Errorf("allocated %d bytes, want at least 32 MiB", c.Alloc)
	}
	runtime.KeepAlive(sink)
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		return
	}
	n := 0
	c = Measure(func() {
		for end := processCPU() + 50*time.Millisecond; processCPU() < end; {
			n++
		}
	})
	if c.CPU < 50*time.Millisecond {
		t.Errorf("CPU time %v, want at least 50ms", c.CPU)
	}
}

func TestWithin(t *testing.T) {
	rec := &recorder{}
	Cost{CPU: 3 * time.Second, Alloc: 300 << 20}.Within(rec, "Load", time.Second, 100<<20)
	want := "Load took 3s of CPU time, more than 1s\nLoad allocated 300 MB, more than 100 MB"
	if got := strings.Join(rec.errs, "\n"); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	rec = &recorder{}
	Cost{CPU: 3 * time.Second, Alloc: 300 << 20}.Within(rec, "Load", 0, 0)
	if len(rec.errs) != 0 {
		t.Errorf("zero bounds were checked: %v", rec.errs)
	}
}

type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}
