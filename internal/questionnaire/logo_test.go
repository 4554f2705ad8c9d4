package questionnaire

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
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
