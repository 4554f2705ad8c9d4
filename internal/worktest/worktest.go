// Package worktest bounds the work a piece of code does in a test: the
// CPU time the process spends and the bytes it allocates. Unlike time on
// the clock, neither grows when the machine is busy with other work, so a
// test that bounds them fails only when the code itself does too much.
package worktest

import (
	"runtime"
	"testing"
	"time"
)

// Cost is what running some code took.
type Cost struct {
	CPU   time.Duration // user and system time of the whole process; 0 where unknown
	Alloc uint64        // bytes allocated on the heap
}

// Measure runs f and returns what it took.
func Measure(f func()) Cost {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu := processCPU()
	f()
	cpu = processCPU() - cpu
	runtime.ReadMemStats(&after)
	return Cost{CPU: cpu, Alloc: after.TotalAlloc - before.TotalAlloc}
}

// Within fails t, naming what was run, if c took more CPU time than cpu
// or allocated more than alloc bytes. A zero bound is not checked.
func (c Cost) Within(t testing.TB, what string, cpu time.Duration, alloc uint64) {
	t.Helper()
	if cpu > 0 && c.CPU > cpu {
		t.Errorf("%s took %v of CPU time, more than %v", what, c.CPU.Round(time.Millisecond), cpu)
	}
	if alloc > 0 && c.Alloc > alloc {
		t.Errorf("%s allocated %d MB, more than %d MB", what, c.Alloc>>20, alloc>>20)
	}
}
