package status

import (
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/sampletest"
)

func date(t *testing.T, s string) questionnaire.Date {
	t.Helper()
	d, err := questionnaire.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The sample runs from 1 September 2026 to 31 August 2028, with reviews on
// 8 July 2027 and 6 July 2028, objectives due on 16 July 2027, 23 July 2027
// and 14 July 2028, and 3 months' notice: the last day to give it is
// 1 June 2028.
func TestCheck(t *testing.T) {
	tests := []struct {
		name    string
		edits   []string
		today   string
		want    []string // the report's lines, without the heading
		overdue int
	}{
		{"before the start", nil, "2026-06-01", []string{
			"The partnership starts on 1 September 2026, in 92 days.",
			"Next review: 8 July 2027, in 402 days.",
		}, 0},
		{"mid-term, nothing due soon", nil, "2027-03-01", []string{
			"Next review: 8 July 2027, in 129 days.",
		}, 0},
		{"objectives due within 60 days", nil, "2027-06-01", []string{
			"Next review: 8 July 2027, in 37 days.",
			"Objective due on 16 July 2027, in 45 days: Every Year 9 pupil meets a working engineer. Owner: Riverside Academy.",
			"Objective due on 23 July 2027, in 52 days: Offer work-experience places to Year 10 pupils. Owner: Hartwell Engineering Ltd.",
		}, 0},
		{"review and objective today", []string{"by: 2027-07-16", "by: 2027-07-08"}, "2027-07-08", []string{
			"Next review: 8 July 2027, today.",
			"Objective due today, 8 July 2027: Every Year 9 pupil meets a working engineer. Owner: Riverside Academy.",
			"Objective due on 23 July 2027, in 15 days: Offer work-experience places to Year 10 pupils. Owner: Hartwell Engineering Ltd.",
		}, 0},
		{"after an objective", nil, "2027-07-20", []string{
			"Objective overdue since 16 July 2027, 4 days ago: Every Year 9 pupil meets a working engineer. Owner: Riverside Academy.",
			"Objective due on 23 July 2027, in 3 days: Offer work-experience places to Year 10 pupils. Owner: Hartwell Engineering Ltd.",
			"Next review: 6 July 2028, in 352 days.",
		}, 1},
		{"60 days and the notice deadline ahead", nil, "2028-05-15", []string{
			"Objective overdue since 16 July 2027, 304 days ago: Every Year 9 pupil meets a working engineer. Owner: Riverside Academy.",
			"Objective overdue since 23 July 2027, 297 days ago: Offer work-experience places to Year 10 pupils. Owner: Hartwell Engineering Ltd.",
			"The review due on 8 July 2027 is not recorded as held: once it has met, record it with mou review.",
			"Last day to give notice of dissolution (3 months) to take effect by the end of the term: on 1 June 2028, in 17 days.",
			"Next review: 6 July 2028, in 52 days.",
			"Objective due on 14 July 2028, in 60 days: More pupils consider engineering as a career. Owner: Riverside Academy.",
		}, 2},
		{"61 days is too far ahead", nil, "2028-05-14", nil, 2},
		{"an objective met is not overdue", []string{"    by: 2027-07-16\n", "    by: 2027-07-16\n    met: true\n"}, "2027-07-20", []string{
			"Objective due on 23 July 2027, in 3 days: Offer work-experience places to Year 10 pupils. Owner: Hartwell Engineering Ltd.",
			"Next review: 6 July 2028, in 352 days.",
		}, 0},
		{"no reviews left, notice passed, end near", nil, "2028-07-10", []string{
			"Objective overdue since 16 July 2027, 360 days ago: Every Year 9 pupil meets a working engineer. Owner: Riverside Academy.",
			"Objective overdue since 23 July 2027, 353 days ago: Offer work-experience places to Year 10 pupils. Owner: Hartwell Engineering Ltd.",
			"No review dates left: add more. The last was 6 July 2028, 4 days ago, and the partnership runs until 31 August 2028.",
			"The review due on 8 July 2027 is not recorded as held: once it has met, record it with mou review.",
			"The last day to give notice of dissolution (3 months) to take effect by the end of the term was 1 June 2028, 39 days ago; the partnership now runs to its end on 31 August 2028.",
			"Objective due on 14 July 2028, in 4 days: More pupils consider engineering as a career. Owner: Riverside Academy.",
			"The partnership ends on 31 August 2028, in 52 days: agree whether to renew it with a new version of the memorandum, or how it ends.",
		}, 3},
		{"the last day", nil, "2028-08-31", nil, 4},
		{"after the end", nil, "2028-09-10", []string{
			"Objective overdue since 16 July 2027, 422 days ago: Every Year 9 pupil meets a working engineer. Owner: Riverside Academy.",
			"Objective overdue since 23 July 2027, 415 days ago: Offer work-experience places to Year 10 pupils. Owner: Hartwell Engineering Ltd.",
			"Objective overdue since 14 July 2028, 58 days ago: More pupils consider engineering as a career. Owner: Riverside Academy.",
			"The review due on 8 July 2027 is not recorded as held: once it has met, record it with mou review.",
			"The review due on 6 July 2028 is not recorded as held: once it has met, record it with mou review.",
			"The partnership ended on 31 August 2028, 10 days ago.",
		}, 3},
		{"no end, no reviews left", []string{"  end: 2028-08-31\n", "", "by: 2027-07-16", "", "by: 2028-07-14", "", "by: 2027-07-23", ""}, "2029-01-01", []string{
			"No review dates left: add more. The last was 6 July 2028, 179 days ago, and the partnership runs until it is dissolved.",
			"The review due on 8 July 2027 is not recorded as held: once it has met, record it with mou review.",
			"The review due on 6 July 2028 is not recorded as held: once it has met, record it with mou review.",
		}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Check(sampletest.Model(t, sampletest.Load(t, "school-employer.yaml", tt.edits...)), date(t, tt.today))
			if got := r.Overdue(); got != tt.overdue {
				t.Errorf("%d overdue, want %d", got, tt.overdue)
			}
			if tt.want == nil {
				return
			}
			var got []string
			for _, it := range r.Items {
				got = append(got, it.Text)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("report:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestWindows(t *testing.T) {
	q := sampletest.Load(t, "school-employer.yaml")
	tests := []struct {
		today string
		kind  Kind
		shown bool
	}{
		{"2028-03-03", Notice, true},  // 90 days before 1 June 2028
		{"2028-03-02", Notice, false}, // 91 days before
		{"2028-06-02", Notice, true},  // passed: always shown until the end
		{"2028-06-02", End, true},     // 90 days before 31 August 2028
		{"2028-06-01", End, false},    // 91 days before
		{"2027-05-17", Objective, true},
		{"2027-05-16", Objective, false},
	}
	for _, tt := range tests {
		r := Check(sampletest.Model(t, q), date(t, tt.today))
		shown := false
		for _, it := range r.Items {
			shown = shown || it.Kind == tt.kind
		}
		if shown != tt.shown {
			t.Errorf("on %s, kind %d shown = %v, want %v", tt.today, tt.kind, shown, tt.shown)
		}
	}
}

func TestWrite(t *testing.T) {
	tests := []struct{ today, want string }{
		{"2027-03-01", "Riverside–Hartwell Engineering Futures on 1 March 2027:\n" +
			"  Next review: 8 July 2027, in 129 days.\n" +
			"Nothing is overdue.\n"},
		{"2027-07-20", "Riverside–Hartwell Engineering Futures on 20 July 2027:\n" +
			"  Objective overdue since 16 July 2027, 4 days ago: Every Year 9 pupil meets a working engineer. Owner: Riverside Academy.\n" +
			"  Objective due on 23 July 2027, in 3 days: Offer work-experience places to Year 10 pupils. Owner: Hartwell Engineering Ltd.\n" +
			"  Next review: 6 July 2028, in 352 days.\n" +
			"1 thing is overdue.\n"},
		{"2028-09-01", "" /* checked for its last line only */},
	}
	q := sampletest.Load(t, "school-employer.yaml")
	for _, tt := range tests {
		var b strings.Builder
		if err := Check(sampletest.Model(t, q), date(t, tt.today)).Write(&b); err != nil {
			t.Fatal(err)
		}
		if tt.want == "" {
			if !strings.HasSuffix(b.String(), "\n3 things are overdue.\n") {
				t.Errorf("on %s:\n%s", tt.today, b.String())
			}
			continue
		}
		if b.String() != tt.want {
			t.Errorf("on %s:\n%s\nwant:\n%s", tt.today, b.String(), tt.want)
		}
	}
}

// TestStatusNamesTheDocument: status names the agreement by the title the
// partnership chose, not "memorandum".
func TestStatusNamesTheDocument(t *testing.T) {
	src := sampletest.Edit(t, "school-employer.yaml")
	q, problems := questionnaire.Load("p.yaml", append(src, "\nwording:\n  edition: \"2026.2\"\n  title: Partnership Agreement\n"...), questionnaire.Options{})
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	r := Check(sampletest.Model(t, q), date(t, "2028-07-10"))
	var said string
	for _, it := range r.Items {
		if it.Kind == End {
			said = it.Text
		}
	}
	if !strings.Contains(said, "renew it with a new version of the partnership agreement,") {
		t.Errorf("status says %q", said)
	}
}
