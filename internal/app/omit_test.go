package app_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/calendar"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/sampletest"
	"github.com/partnership-tools/mou/internal/status"
)

// without returns yaml with the top-level key and its block taken out.
func without(yaml, key string) string {
	return regexp.MustCompile(`(?m)^`+regexp.QuoteMeta(key)+`:.*\n(?:[ \-#].*\n|\n)*`).ReplaceAllString(yaml, "")
}

// TestOmittedSectionsNeedNoAnswers: a section the wording leaves out
// needs no answers, and neither status nor the calendar speaks of dates
// only it set. Measured before: with wording.omit naming aims,
// activities, dissolution or the mission, validate still said "aims:
// missing", status gave the last day to give notice of dissolution and
// the calendar wrote dissolution and objective events.
func TestOmittedSectionsNeedNoAnswers(t *testing.T) {
	base := string(sampletest.Edit(t, "hub-and-spoke.yaml"))
	// The baseline has every kind of date: the test can fail.
	kinds := func(file string) (events []calendar.Kind, items []status.Kind) {
		t.Helper()
		q, _, err := app.LoadValid(file)
		if err != nil {
			t.Fatal(err)
		}
		v := sampletest.Model(t, q)
		written, err := calendar.Events(v)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range written {
			events = append(events, e.Kind)
		}
		// A day with the notice deadline within reach and objectives overdue.
		day := v.File.End().AddDays(-95)
		for _, it := range status.Check(v, day).Items {
			items = append(items, it.Kind)
		}
		return events, items
	}
	write := func(name, text string) string {
		t.Helper()
		file := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return file
	}
	events, items := kinds(write("hub.yaml", base))
	for _, k := range []calendar.Kind{calendar.Review, calendar.Objective, calendar.Notice, calendar.End} {
		if !slices.Contains(events, k) {
			t.Fatalf("the baseline calendar has no %s event", k)
		}
	}
	for _, k := range []status.Kind{status.Objective, status.Notice} {
		if !slices.Contains(items, k) {
			t.Fatalf("the baseline status has no item of kind %d", k)
		}
	}

	tests := []struct {
		name     string
		omit     string
		remove   []string // top-level keys taken out
		edits    [][2]string
		noEvents []calendar.Kind
		noItems  []status.Kind
	}{
		{"dissolution", "[dissolution]", []string{"dissolution"}, nil, []calendar.Kind{calendar.Notice}, []status.Kind{status.Notice}},
		{"the notice clause alone", "[dissolution.notice]", nil, nil, []calendar.Kind{calendar.Notice}, []status.Kind{status.Notice}},
		{"aims", "[aims]", []string{"aims", "objectives"}, nil, []calendar.Kind{calendar.Objective}, []status.Kind{status.Objective}},
		{"activities", "[activities]", []string{"activities"}, nil, nil, nil},
		{"the review dates", "[monitoring.review]", nil, [][2]string{{"  review_dates: [2027-02-11, 2027-07-08, 2028-02-10, 2028-07-06, 2029-02-08, 2029-07-05]\n", ""}},
			[]calendar.Kind{calendar.Review}, []status.Kind{status.Review, status.NoReviews}},
		{"the mission, and the code's quotation of it", "[mission, purpose.context]", nil, [][2]string{{"  mission: >\n    Five schools, one staffroom: teachers in the Severn Vale learn from each\n    other so that every pupil is taught well, whichever school they attend.\n", ""}}, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := base
			for _, key := range tc.remove {
				text = without(text, key)
			}
			for _, e := range tc.edits {
				if !strings.Contains(text, e[0]) {
					t.Fatalf("no %q in the sample", e[0])
				}
				text = strings.Replace(text, e[0], e[1], 1)
			}
			answered := write("answered.yaml", base+"wording:\n  edition: \"2026.2\"\n  omit: "+tc.omit+"\n")
			unanswered := write("unanswered.yaml", text+"wording:\n  edition: \"2026.2\"\n  omit: "+tc.omit+"\n")
			if _, problems, err := app.Load(unanswered); err != nil || problems.Err() != nil {
				t.Fatalf("without the answers it prints nowhere, the file is not valid: %v %v", err, problems.Err())
			}
			// The answers given anyway are reported, as a warning only.
			_, problems, _ := app.Load(answered)
			if problems.Err() != nil {
				t.Fatalf("with the answers, the file is not valid: %v", problems.Err())
			}
			if tc.remove != nil && !slices.ContainsFunc(problems, func(p questionnaire.Problem) bool {
				return p.Warning && p.Path == tc.remove[0] && strings.Contains(p.Message, "the documents do not print it")
			}) {
				t.Errorf("no warning that %s is answered but not printed: %v", tc.remove[0], problems)
			}
			for _, file := range []string{answered, unanswered} {
				events, items := kinds(file)
				for _, k := range tc.noEvents {
					if slices.Contains(events, k) {
						t.Errorf("%s: the calendar has a %s event", filepath.Base(file), k)
					}
				}
				for _, k := range tc.noItems {
					if slices.Contains(items, k) {
						t.Errorf("%s: status has an item of kind %d", filepath.Base(file), k)
					}
				}
			}
		})
	}
}
