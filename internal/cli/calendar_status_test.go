package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/partnership-tools/mou/internal/questionnaire"
)

func TestCalendarAndStatusExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "bad.yaml", "by: 2027-07-16", "by: 2027-02-30")
	noReviewsLeft := writeFile(t, dir, "short.yaml", "review_dates: [2027-07-08, 2028-07-06]", "review_dates: [2027-07-08]")
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string // substrings expected on standard output
		stderr []string // substrings expected on standard error
	}{
		{"calendar to stdout", []string{"calendar", sample}, 0,
			[]string{"BEGIN:VCALENDAR\r\n", "X-WR-CALNAME:Riverside–Hartwell Engineering Futures\r\n", "END:VCALENDAR\r\n"}, nil},
		{"calendar of an invalid file", []string{"calendar", bad}, 1,
			nil, []string{`objectives[0].by: "2027-02-30" is not a date`}},
		{"calendar of a missing file", []string{"calendar", filepath.Join(dir, "nope.yaml")}, 1,
			nil, []string{"nope.yaml: cannot read"}},
		{"calendar into a missing folder", []string{"calendar", sample, "-o", filepath.Join(dir, "no", "such", "x.ics")}, 1,
			nil, []string{"cannot write"}},
		{"calendar of a partnership with no dated event", []string{"calendar", "../../samples/volunteer-code-of-conduct.yaml"}, 1,
			nil, []string{"volunteer-code-of-conduct.yaml: the partnership has no dated event (a review date, an objective's due date, an end) to put in a calendar, so no calendar was written"}},
		{"calendar with no file", []string{"calendar"}, 2, nil, []string{"accepts 1 arg(s), received 0"}},
		{"calendar with two files", []string{"calendar", sample, sample}, 2, nil, []string{"accepts 1 arg(s), received 2"}},
		{"calendar, unknown flag", []string{"calendar", "--nope", sample}, 2, nil, []string{"unknown flag: --nope"}},

		{"status before the start", []string{"status", sample, "--today", "2026-06-01"}, 0,
			[]string{"Riverside–Hartwell Engineering Futures on 1 June 2026:\n",
				"  The partnership starts on 1 September 2026, in 92 days.\n",
				"  Next review: 8 July 2027, in 402 days.\n", "Nothing is overdue.\n"}, nil},
		{"status mid-term", []string{"status", sample, "--today", "2027-06-01"}, 0,
			[]string{"Objective due on 16 July 2027, in 45 days", "Nothing is overdue."}, nil},
		{"status with an objective overdue", []string{"status", "--today", "2027-07-20", sample}, exitOverdue,
			[]string{"Objective overdue since 16 July 2027, 4 days ago", "1 thing is overdue."}, nil},
		{"status with no reviews left", []string{"status", noReviewsLeft, "--today", "2027-07-10"}, exitOverdue,
			[]string{"No review dates left: add more. The last was 8 July 2027, 2 days ago", "1 thing is overdue."}, nil},
		{"status after the end", []string{"status", sample, "--today", "2028-09-10"}, exitOverdue,
			[]string{"The partnership ended on 31 August 2028, 10 days ago.", "3 things are overdue."}, nil},
		{"status, bad date", []string{"status", sample, "--today", "2027-02-30"}, 2,
			nil, []string{`--today: "2027-02-30" is not a date (YYYY-MM-DD)`}},
		{"status of an invalid file", []string{"status", bad, "--today", "2027-01-01"}, 1,
			nil, []string{`objectives[0].by: "2027-02-30" is not a date`}},
		{"status with no file", []string{"status"}, 2, nil, []string{"accepts 1 arg(s), received 0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, stdout, stderr)
			}
			for _, s := range tt.stdout {
				if !strings.Contains(stdout, s) {
					t.Errorf("stdout does not hold %q:\n%s", s, stdout)
				}
			}
			for _, s := range tt.stderr {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr does not hold %q:\n%s", s, stderr)
				}
			}
			if tt.code != 0 && tt.code != exitOverdue && strings.Contains(stdout, "BEGIN:VCALENDAR") {
				t.Errorf("a failed command wrote a calendar")
			}
		})
	}
}

func TestCalendarFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "reviews.ics")
	code, stdout, stderr := run(t, "calendar", sample, "-o", path)
	if code != 0 || stdout != "" || !strings.Contains(stderr, "wrote "+path+": 7 events") {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	first, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(first))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(cal.Events()); n != 7 {
		t.Errorf("%d events, want 7", n)
	}

	// The same as standard output, and the same again on a second run.
	if _, stdout, _ := run(t, "calendar", sample); stdout != string(first) {
		t.Error("-o and standard output differ")
	}
	if code, _, _ := run(t, "calendar", sample, "-o", path); code != 0 {
		t.Fatalf("exit %d on the second run", code)
	}
	if second, _ := os.ReadFile(path); !bytes.Equal(first, second) {
		t.Error("a second run gave different bytes")
	}

	// A changed questionnaire does not replace the file, as generate
	// does not, unless --force says to.
	changed := writeFile(t, dir, "changed.yaml", "name: Jane Smith", "name: Dafydd Jones-Newman")
	code, _, stderr = run(t, "calendar", changed, "-o", path)
	if code != 1 || !strings.Contains(stderr, path+" already exists with different contents: use --force to replace it") {
		t.Errorf("exit %d replacing the file without --force: %s", code, stderr)
	}
	if kept, _ := os.ReadFile(path); !bytes.Equal(first, kept) {
		t.Error("the file was replaced without --force")
	}
	if code, _, stderr := run(t, "calendar", changed, "-o", path, "--force"); code != 0 {
		t.Fatalf("exit %d replacing the file: %s", code, stderr)
	}
	if third, _ := os.ReadFile(path); bytes.Equal(first, third) || !bytes.Contains(third, []byte("Dafydd Jones-Newman")) {
		t.Error("the file was not replaced")
	}
}

func TestStatusDefaultsToToday(t *testing.T) {
	code, stdout, stderr := run(t, "status", sample)
	if code != 0 && code != exitOverdue {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	today := questionnaire.NewDate(time.Now().Date())
	yesterday := today.AddDays(-1) // in case the test runs across midnight
	if !strings.Contains(stdout, " on "+today.String()+":") && !strings.Contains(stdout, " on "+yesterday.String()+":") {
		t.Errorf("the report is not for today, %s:\n%s", today, stdout)
	}
}
