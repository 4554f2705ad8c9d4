package app_test

import (
	"runtime"
	"runtime/debug"
	"testing"
)

// TestGenerateAllocations bounds the memory that drawing one
// questionnaire's documents allocates, so that a copy or a buffer grown
// for nothing shows. In one "mou generate" process the collector waits
// until 128 MiB, so every byte allocated is memory the kernel hands over
// for the first time, which costs more than filling it. The README's
// sample, both documents as Markdown and PDF, took 24 to 26 MB before
// each document's copy of a cached font held only what fpdf writes to
// and the PDF post-pass stopped copying, and 19 to 20 MB after, over half
// of it fpdf's own (a new zlib writer for each font it embeds); 11.4 MB
// since the post-pass writes the fonts' objects itself (fontobjects.go).
func TestGenerateAllocations(t *testing.T) {
	if raceDetector {
		t.Skip("the race detector allocates beside the code it watches")
	}
	g := newGenerator(t)
	q := loadSample(t, benchSample)
	formats := []string{"md", "pdf"}
	if _, err := g.Generate("", q, formats, nil, nil); err != nil { // the fonts and templates, once a process
		t.Fatal(err)
	}
	defer debug.SetGCPercent(debug.SetGCPercent(-1)) // keep the pooled writers
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, err := g.Generate("", q, formats, nil, nil); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	const most = 13 << 20
	if got := after.TotalAlloc - before.TotalAlloc; got > most {
		t.Errorf("generating the sample allocated %.1f MB, more than %.1f MB", float64(got)/1e6, float64(most)/1e6)
	} else {
		t.Logf("generating the sample allocated %.1f MB", float64(got)/1e6)
	}
}
