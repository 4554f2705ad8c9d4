package app_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/pdftest"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/sampletest"
	"github.com/partnership-tools/mou/internal/worktest"
)

// TestBigHonestInputs generates documents from answers far larger than
// any real partnership's: the PDFs must stay valid, within bounded CPU
// time and memory.
func TestBigHonestInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("big inputs take a few seconds")
	}
	g := newGenerator(t)
	tests := []struct {
		name   string
		change func(q *questionnaire.Questionnaire)
		text   string // must appear in the MOU's text
	}{
		{"1,000 activities", func(q *questionnaire.Questionnaire) {
			a := q.Activities[0]
			q.Activities = nil
			for i := range 1000 {
				a.Title = questionnaire.Text(fmt.Sprintf("Activity number %d", i+1))
				q.Activities = append(q.Activities, a)
			}
		}, "Activity number 1000"},
		{"60 partners", func(q *questionnaire.Questionnaire) {
			p := q.Partners[1]
			for i := range 58 {
				p.ID = fmt.Sprintf("partner-%d", i)
				p.Name = questionnaire.Text(fmt.Sprintf("Partner Organisation Number %d Ltd", i+3))
				p.Signatory.Name = questionnaire.Text(fmt.Sprintf("Signatory %d", i+3))
				q.Partners = append(q.Partners, p)
			}
		}, "Signatory 60"},
		{"a 3,000-letter word", func(q *questionnaire.Questionnaire) {
			q.Aims[0] = questionnaire.Text("Start " + strings.Repeat("w", 3000) + " end.")
		}, "end."},
		{"a very long table cell", func(q *questionnaire.Questionnaire) {
			q.Activities[0].Description = questionnaire.Text(strings.Repeat("A long description of the activity. ", 500))
		}, "A long description"},
		{"every answer at its limit", func(q *questionnaire.Questionnaire) {
			long := questionnaire.Text(strings.Repeat("Twenty thousand bytes of prose. ", 625)) // 20,000 bytes
			q.Partnership.Mission, q.Partnership.Background = long, long
			q.Governance.Decisions, q.Monitoring.DataCollected = long, long
			q.Objectives[0].Objective, q.Activities[0].When = long, long
			q.Partners[0].Name = questionnaire.Text(strings.Repeat("Riverside ", 200))
		}, "Twenty thousand bytes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q := loadSample(t, benchSample)
			tc.change(q)
			var res app.Result
			var err error
			cost := worktest.Measure(func() { res, err = g.Generate("", q, []string{"md", "pdf"}, nil, nil) })
			if err != nil {
				t.Fatal(err)
			}
			cost.Within(t, "Generate", 20*time.Second, 2<<30)
			for _, f := range res.Files {
				if !strings.HasSuffix(f.Name, ".pdf") {
					continue
				}
				n := pdftest.Valid(t, f.Data)
				t.Logf("%s: %d pages, %d KB, %v of CPU time", f.Name, n, len(f.Data)/1024, cost.CPU.Round(time.Millisecond))
				if strings.Contains(f.Name, "-mou-") && !strings.Contains(flatten(pdftest.Text(t, f.Data)), tc.text) {
					t.Errorf("%s: %q is missing", f.Name, tc.text)
				}
			}
		})
	}
}

// TestLargestValidFiles generates the costliest files validate accepts:
// the most text the limits allow, all of it punctuation, which Markdown
// escapes to twice its length, and partner names at the most a list may
// hold, named by id as often as the whole file's limit allows. Each must
// be generated within the limits on a document (16 MiB of Markdown), and
// its cost is bounded.
func TestLargestValidFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("the largest files take a second or two")
	}
	punctuation := strings.Repeat("&*", 9_990)
	var partners, objectives strings.Builder
	for i := range 22 {
		fmt.Fprintf(&partners, "  - {id: p%d, name: %q, kind: employer, lead: {name: A, role: B, email: a@b.example.org}, signatory: {name: A, position: B}}\n", i, punctuation)
	}
	for range 25 {
		objectives.WriteString("  - {objective: Meet an engineer., owner: p0}\n")
	}
	tests := []struct {
		name  string
		edits []string
	}{
		{"the most text, all punctuation", []string{
			"  - Raise pupils' awareness of engineering careers and the routes into them.\n",
			"  - &t \"" + punctuation + "\"\n" + strings.Repeat("  - *t\n", 24),
			"  measures:\n", "  measures:\n" + strings.Repeat("    - *t\n", 25)}},
		{"long names named by id", []string{
			"aims:\n", partners.String() + "aims:\n",
			"objectives:\n", "objectives:\n" + objectives.String()}},
	}
	g := newGenerator(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q := sampletest.Load(t, "school-employer.yaml", tc.edits...)
			var res app.Result
			var err error
			cost := worktest.Measure(func() { res, err = g.Generate("", q, []string{"md", "pdf"}, nil, nil) })
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%v of CPU time, %d MB allocated", cost.CPU.Round(time.Millisecond), cost.Alloc>>20)
			cost.Within(t, "Generate", 20*time.Second, 2<<30)
			for _, f := range res.Files {
				switch {
				case strings.HasSuffix(f.Name, ".md"):
					t.Logf("%s: %d KB", f.Name, len(f.Data)>>10)
				case strings.HasSuffix(f.Name, ".pdf"):
					t.Logf("%s: %d pages", f.Name, pdftest.Valid(t, f.Data))
				}
			}
		})
	}
}
