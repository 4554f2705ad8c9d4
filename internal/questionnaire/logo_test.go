package questionnaire

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestLogosCheckedSideBySide: the logos are checked at the same time,
// yet their problems come out in the partners' order, each at its own
// logo's line, whichever check finishes first.
func TestLogosCheckedSideBySide(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{"a.png": "slow", "b.png": "fast"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	yaml := strings.Replace(readMinimal(t), "    name: Alpha School\n", "    name: Alpha School\n    logo: a.png\n", 1)
	yaml = strings.Replace(yaml, "    name: Beta College\n", "    name: Beta College\n    logo: b.png\n", 1)
	var running, most atomic.Int32
	slowStarted := make(chan struct{})
	check := func(data []byte) error {
		n := running.Add(1)
		defer running.Add(-1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		if string(data) == "slow" {
			close(slowStarted)
			time.Sleep(50 * time.Millisecond) // the first partner's check ends last
		} else {
			<-slowStarted // checked one after the other, it has started and ended
		}
		return errors.New("is " + string(data))
	}
	_, problems := Load("f.yaml", []byte(yaml), Options{Dir: dir, Logo: check})
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	want := []string{"f.yaml:15:11: partners[0].logo: a.png is slow", "f.yaml:26:11: partners[1].logo: b.png is fast"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if runtime.GOMAXPROCS(0) > 1 && most.Load() < 2 {
		t.Error("the logos were checked one after the other")
	}
}

// TestLogoPathWrittenOnWindows: a logo path typed on Windows, with
// backslashes, finds the logo on a Mac or Linux too, where a colleague
// opens the same questionnaire.
func TestLogoPathWrittenOnWindows(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "logos", "st mary's"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "logos", "st mary's", "crest.png"), []byte("png"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, logo := range []string{`logos\st mary's\crest.png`, `logos/st mary's/crest.png`, `.\logos\st mary's\crest.png`} {
		data, err := ReadLogo(dir, logo)
		if err != nil || string(data) != "png" {
			t.Errorf("ReadLogo(%q) = %q, %v", logo, data, err)
		}
	}
}

// TestLogosCheckedBeforeDecoding: a logo the file's lines name is
// checked once, starting before the YAML is decoded, and its problem is
// reported at its answer's line; a logo the lines only seem to name (in
// a block of text) is never reported, and one the lines do not show (a
// quoted key) is still checked once decoding names it.
func TestLogosCheckedBeforeDecoding(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.png", "b.png", "c.png"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	yaml := strings.Replace(readMinimal(t), "    name: Alpha School\n", "    name: Alpha School\n    logo: \"a.png\"  # the crest\n", 1)
	yaml = strings.Replace(yaml, "    name: Beta College\n", "    name: Beta College\n    \"logo\": b.png\n", 1)
	yaml = strings.Replace(yaml, "  mission: To test.\n", "  mission: |\n    To test.\n    logo: c.png\n", 1)
	// The wording in flow style, which the first look at the lines does
	// not see, makes Prepare be called again once the file is decoded.
	yaml += "wording: {edition: \"2026.1\"}\n"
	var mu sync.Mutex
	calls := map[string]int{}
	started := make(chan struct{})
	check := func(data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		if calls[string(data)]++; string(data) == "a.png" {
			close(started)
		}
		return errors.New("is " + string(data))
	}
	prepare := func(edition, _ string) {
		if edition == "" {
			return // the first look, before decoding
		}
		select {
		case <-started:
		case <-time.After(10 * time.Second):
			t.Error("a.png was not being checked when the file had been decoded")
		}
	}
	_, problems := Load("f.yaml", []byte(yaml), Options{Dir: dir, Logo: check, Prepare: prepare})
	var got []string
	for _, p := range problems {
		if strings.Contains(p.String(), ".logo:") {
			got = append(got, p.String())
		}
	}
	want := []string{"f.yaml:17:11: partners[0].logo: a.png is a.png", "f.yaml:28:13: partners[1].logo: b.png is b.png"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	mu.Lock()
	defer mu.Unlock()
	if calls["a.png"] != 1 || calls["b.png"] != 1 {
		t.Errorf("checks: %v, want a.png and b.png once each", calls)
	}
}
