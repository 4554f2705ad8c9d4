package cli

import (
	"bytes"
	"io"
	"os"
	"testing"
)

// TestIsTerminal checks the writers mou meets when it is not on a
// terminal: none of them may get a progress bar.
func TestIsTerminal(t *testing.T) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	file, err := os.Create(t.TempDir() + "/log.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	for name, out := range map[string]io.Writer{"/dev/null": null, "a file": file, "a pipe": w, "a buffer": new(bytes.Buffer)} {
		if isTerminal(out) {
			t.Errorf("%s counts as a terminal", name)
		}
	}
	// The bar stays silent there, however many steps are taken.
	p := newProgress(null, 3)
	for range 3 {
		p.step()
	}
	p.clear()
	if p.on {
		t.Error("a progress bar is drawn to /dev/null")
	}
}
