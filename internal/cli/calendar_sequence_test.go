package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// icalEvents reads a calendar file with the Python icalendar library, an
// independent parser, and returns each event's SEQUENCE, DTSTAMP and
// start, by summary. It skips the test where the library is missing.
func icalEvents(t *testing.T, path string) map[string][3]string {
	t.Helper()
	const python = "/usr/bin/python3"
	if exec.Command(python, "-c", "import icalendar").Run() != nil {
		t.Skip("python3-icalendar not installed: apt-get install python3-icalendar")
	}
	script := `import sys, json, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = {}
for e in cal.walk('VEVENT'):
    out[str(e['SUMMARY'])] = [str(int(e['SEQUENCE'])), e['DTSTAMP'].dt.strftime('%Y%m%dT%H%M%SZ'), e['DTSTART'].dt.isoformat()]
print(json.dumps(out))`
	data, err := exec.Command(python, "-c", script, path).Output()
	if err != nil {
		t.Fatalf("icalendar cannot read %s: %v", path, err)
	}
	var events map[string][3]string
	if err := json.Unmarshal(data, &events); err != nil {
		t.Fatal(err)
	}
	return events
}

// TestCalendarSequence: an event whose date moves gets a higher SEQUENCE
// and a later DTSTAMP, whether or not the version changed, so a calendar
// program that imported the file before takes the move; an event that did
// not change keeps its own, and writing the same calendar again changes
// nothing. A new version stamps every event with its number and date.
func TestCalendarSequence(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "reviews.ics")
	// The end's words do not depend on the objectives' dates; the
	// reviews' do, as they list the objectives.
	const end = "Partnership ends: Riverside–Hartwell Engineering Futures"
	first := writeFile(t, dir, "p.yaml")
	if code, _, stderr := run(t, "calendar", first, "-o", path); code != 0 {
		t.Fatal(stderr)
	}
	before := icalEvents(t, path)
	const objective = "Objective due: Every Year 9 pupil meets a working engineer."
	if got := before[objective]; got != [3]string{"0", "20260901T000000Z", "2027-07-16"} {
		t.Fatalf("before: %q", got)
	}

	moved := writeFile(t, dir, "p.yaml", "by: 2027-07-16", "by: 2027-07-09")
	code, _, stderr := run(t, "calendar", moved, "-o", path)
	if code != 1 || !strings.Contains(stderr, "use --force") {
		t.Fatalf("a moved date replaced the file without --force: exit %d %s", code, stderr)
	}
	if code, _, stderr := run(t, "calendar", moved, "-o", path, "--force"); code != 0 {
		t.Fatal(stderr)
	}
	after := icalEvents(t, path)
	if got := after[objective]; got != [3]string{"1", "20260901T000001Z", "2027-07-09"} {
		t.Errorf("the moved objective: %q, want SEQUENCE 1, DTSTAMP a second later", got)
	}
	if got := after[end]; got != before[end] {
		t.Errorf("an event that did not change: %q, was %q", got, before[end])
	}
	data, _ := os.ReadFile(path)
	if code, _, stderr := run(t, "calendar", moved, "-o", path); code != 0 || !strings.Contains(stderr, "already holds this calendar") {
		t.Errorf("writing the same calendar again: exit %d %s", code, stderr)
	}
	if again, _ := os.ReadFile(path); string(again) != string(data) {
		t.Error("writing the same calendar again changed it")
	}

	// Version 2, dated 1 October 2026, moving the objective back.
	v2 := writeFile(t, dir, "p.yaml", "version: 1", "version: 2", "date: 2026-09-01", "date: 2026-10-01")
	if code, _, stderr := run(t, "calendar", v2, "-o", path, "--force"); code != 0 {
		t.Fatal(stderr)
	}
	after = icalEvents(t, path)
	if got := after[objective]; got != [3]string{"2", "20261001T000000Z", "2027-07-16"} {
		t.Errorf("the objective moved back in version 2: %q", got)
	}
	if got := after[end]; got != [3]string{"1", "20261001T000000Z", "2028-08-31"} {
		t.Errorf("the end in version 2: %q, want SEQUENCE 1 and the version's date", got)
	}
}
