package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/pdftest"
)

// TestReview checks the review record's content in Markdown and PDF, and
// that the review and the objectives found met are recorded.
func TestReview(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	file := writeFile(t, dir, "p.yaml")
	stdout := mustRun(t, "review", file, "--date", "2027-07-09", "--met", "2", "-o", out)
	for _, want := range []string{"wrote " + out + "/riverside-hartwell-engineering-futures-review-2027-07-09.md, " + out + "/riverside-hartwell-engineering-futures-review-2027-07-09.pdf",
		"  objectives[1].met: false → true\n", "  reviews: added (date: 2027-07-09, record: riverside-hartwell-engineering-futures-review-2027-07-09.md)\n"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("review printed\n%s\nwithout %q", stdout, want)
		}
	}
	md := mustRead(t, filepath.Join(out, "riverside-hartwell-engineering-futures-review-2027-07-09.md"))
	for _, want := range []string{"Date of the review: 9 July 2027", "(Agreement ref. BH7A-3R8E)", "### 1. Has the partnership met its aims?",
		"### 2. Has it met its targets?", "| 2 | ", " | Yes |", "### 3. What the learners say", "A short pupil survey after each activity",
		"### 4. Strategy for the coming year", "### 5. What will change", "Next review: 6 July 2028."} {
		if !bytes.Contains(md, []byte(want)) {
			t.Errorf("the review record does not contain %q", want)
		}
	}
	if n := bytes.Count(md, []byte(" | Yes |")); n != 1 {
		t.Errorf("%d objectives shown as met, want 1", n)
	}
	// It is read by governors, who know nothing of questionnaires.
	if bytes.Contains(md, []byte("questionnaire")) || !bytes.Contains(md, []byte("An objective marked “Yes” was recorded as met before the review")) {
		t.Errorf("the review record does not say plainly what a Yes means:\n%s", md)
	}
	text := pdftest.Text(t, mustRead(t, filepath.Join(out, "riverside-hartwell-engineering-futures-review-2027-07-09.pdf")))
	for _, want := range []string{"Review record", "Has it met its targets?", "Record agreed and signed for Riverside Academy", "Next review: 6 July 2028."} {
		if !strings.Contains(text, want) {
			t.Errorf("the review PDF does not contain %q", want)
		}
	}
	if _, stdout, _ := run(t, "status", file, "--today", "2027-07-20"); !strings.Contains(stdout, "1 review held, on 9 July 2027.") {
		t.Errorf("status printed\n%s", stdout)
	}

	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no date", nil, 2, "review needs --date"},
		{"unknown objectives", []string{"--date", "2028-07-06", "--met", "9,nope"}, 1, `--met: no objective is "9" and "nope"`},
		{"before the start", []string{"--date", "2026-08-01"}, 1, "before the partnership started"},
		{"bad format", []string{"--date", "2028-07-06", "--format", "odt"}, 2, `unknown format "odt"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := mustRead(t, file)
			code, _, stderr := run(t, append([]string{"review", file, "-o", out}, tc.args...)...)
			if code != tc.code || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("exit %d, want %d; stderr %q does not contain %q", code, tc.code, stderr, tc.stderr)
			}
			if after := mustRead(t, file); !bytes.Equal(after, before) {
				t.Error("the file changed")
			}
		})
	}
}

// TestReviewAgain: for a review already recorded, review writes its
// record again, in the formats asked for, and adds no second entry.
func TestReviewAgain(t *testing.T) {
	const stem = "riverside-hartwell-engineering-futures-review-2027-07-09"
	tests := []struct {
		name    string
		args    []string
		files   []string // written to out
		changes []string // the lines about the file; none when it stays as it was
	}{
		{"another format", []string{"--format", "html"}, []string{stem + ".html"}, nil},
		{"the same format again", []string{"--format", "md"}, []string{stem + ".md"}, nil},
		{"an objective found met since", []string{"--format", "html", "--met", "1"}, []string{stem + ".html"}, []string{"  objectives[0].met: false → true"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			file, out := reviewed(t)
			before := mustRead(t, file)
			stdout := mustRun(t, append([]string{"review", file, "--date", "2027-07-09", "-o", out}, tc.args...)...)
			if !strings.Contains(stdout, "the review on 9 July 2027 is already recorded: its record is written again, and no second entry is added.") {
				t.Errorf("review printed\n%s", stdout)
			}
			for _, f := range tc.files {
				if _, err := os.Stat(filepath.Join(out, f)); err != nil {
					t.Error(err)
				}
			}
			after := mustRead(t, file)
			if n := bytes.Count(after, []byte("date: 2027-07-09")); n != 1 {
				t.Errorf("the review is recorded %d times, want once", n)
			}
			if len(tc.changes) == 0 && (!bytes.Equal(after, before) || strings.Contains(stdout, "Changed")) {
				t.Errorf("the file changed:\n%s", stdout)
			}
			for _, c := range tc.changes {
				if !strings.Contains(stdout, c) {
					t.Errorf("review printed\n%s\nwithout %q", stdout, c)
				}
			}
		})
	}
}

// TestReviewAgainAfterANewVersion: the file keeps only its current
// version, so once it has moved on, the record of an earlier review is
// not written again from it (it would show partners and text the review
// never saw); a review of the current version still is.
func TestReviewAgainAfterANewVersion(t *testing.T) {
	const stem = "riverside-hartwell-engineering-futures-review-2027-07-09"
	tests := []struct {
		name   string
		change []string // the command that makes version 2, before its file; none for none
		code   int
		stderr string
	}{
		{"the same version", nil, 0, ""},
		{"after a handover", []string{"handover", "--partner", "hartwell", "--phone", "01234 567890", "--effective", "2027-08-01"}, 1,
			"the review on 9 July 2027 was of version 1, and the file is now at version 2, so a record written now would show the partnership as it is, not as it was reviewed: keep the record written then (" + stem + ".md); nothing was changed"},
		{"after a partner joins", []string{"join", "--partner", "newco", "--name", "Newco Ltd", "--kind", "employer", "--lead", "A B", "--title", "Outreach Officer",
			"--email", "a.b@newco.example.org", "--position", "Director", "--effective", "2027-09-01"}, 1, "the review on 9 July 2027 was of version 1, and the file is now at version 2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			file, out := reviewed(t)
			if tc.change != nil {
				mustRun(t, append([]string{tc.change[0], file}, tc.change[1:]...)...)
			}
			before := mustRead(t, file)
			code, _, stderr := run(t, "review", file, "--date", "2027-07-09", "--format", "html", "-o", out)
			if code != tc.code || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("exit %d, want %d; stderr %q does not contain %q", code, tc.code, stderr, tc.stderr)
			}
			_, err := os.Stat(filepath.Join(out, stem+".html"))
			if written := err == nil; written != (tc.code == 0) {
				t.Errorf("the record in HTML written: %v", written)
			}
			if after := mustRead(t, file); !bytes.Equal(after, before) {
				t.Error("the file changed")
			}
		})
	}
}

// reviewed writes the employer sample with a review recorded on 9 July
// 2027, its record in Markdown, and returns the file and the output folder.
func reviewed(t *testing.T) (file, out string) {
	t.Helper()
	dir := t.TempDir()
	out = filepath.Join(dir, "out")
	file = writeFile(t, dir, "p.yaml")
	mustRun(t, "review", file, "--date", "2027-07-09", "--format", "md", "-o", out)
	return file, out
}

func mustRead(t *testing.T, file string) []byte {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
