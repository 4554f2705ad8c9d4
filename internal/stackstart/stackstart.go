// Package stackstart grows the main goroutine's stack once, as mou
// starts, before goldmark's packages are initialised.
//
// goldmark's extension package, which holds the table syntax mou's
// documents use, compiles its link-finding patterns as every program
// that imports it starts. Their bounded repeats ({1,256}) make the
// regular expression compiler recurse some hundreds of calls deep, and
// the main goroutine's stack, a few kilobytes at first, is doubled again
// and again on the way, each time copied and walked frame by frame: a
// tenth of the time mou takes to print its version. One deep frame here,
// first, costs less than those copies (measured with hyperfine: 0.4 ms a
// run). Go initialises this package, which imports nothing, before any
// package whose import path sorts after it, such as regexp, and so
// before goldmark; cmd/mou imports it for that alone.
package stackstart

// grow takes n+1 frames of 32 KiB each.
//
//go:noinline
func grow(n int) byte {
	var frame [32 << 10]byte
	frame[n] = byte(n)
	if n > 0 {
		return grow(n-1) + frame[n]
	}
	return frame[0]
}

var sink byte

func init() { sink = grow(7) } // 256 KiB: less pays less, more costs more
