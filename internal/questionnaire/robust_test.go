package questionnaire

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/partnership-tools/mou/internal/worktest"
)

// Bounds on the work of loading one file in the tests: far above what a
// real file takes (a few milliseconds and a few megabytes), far below what
// a merge or alias bomb costs without limits.
const (
	loadCPU   = 2 * time.Second
	loadAlloc = 200 << 20
)

// loadQuickly loads src and fails the test if that takes more CPU time or
// memory than loadCPU and loadAlloc: a hostile file must be cheap to
// reject.
func loadQuickly(t *testing.T, src string) (*Questionnaire, Problems) {
	t.Helper()
	var q *Questionnaire
	var problems Problems
	cost := worktest.Measure(func() { q, problems = Load("f.yaml", []byte(src), Options{}) })
	cost.Within(t, "Load", loadCPU, loadAlloc)
	return q, problems
}

// editMinimal applies edits to minimal.yaml; each old text must occur.
func editMinimal(t *testing.T, edits []edit) string {
	t.Helper()
	src := readMinimal(t)
	for _, e := range edits {
		if !strings.Contains(src, e.old) {
			t.Fatalf("edit %q does not apply", e.old)
		}
		src = strings.Replace(src, e.old, e.new, 1)
	}
	return src
}

// mergeBomb returns a file in which each mapping merges the one before
// twice, so the last brings in 2^levels copies of the first.
func mergeBomb(levels int, list bool) string {
	var b strings.Builder
	b.WriteString("a0: &a0 {x: 1, y: 2}\n")
	for i := 1; i < levels; i++ {
		if list {
			fmt.Fprintf(&b, "a%d: &a%d {<<: [*a%d, *a%d]}\n", i, i, i-1, i-1)
		} else {
			fmt.Fprintf(&b, "a%d: &a%d {<<: *a%d, <<: *a%d}\n", i, i, i-1, i-1)
		}
	}
	fmt.Fprintf(&b, "partnership:\n  <<: *a%d\n", levels-1)
	return b.String()
}

func TestMergeBombIsRefused(t *testing.T) {
	for _, list := range []bool{false, true} {
		for _, levels := range []int{25, 40} {
			t.Run(fmt.Sprintf("list=%v/levels=%d", list, levels), func(t *testing.T) {
				src := mergeBomb(levels, list)
				_, problems := loadQuickly(t, src)
				want := fmt.Sprintf(`f.yaml:%d:3: partnership: the file has more than 250000 values (counting every use of an alias); it is too large to be a questionnaire`, levels+2)
				if got := problems.Error(); got != want {
					t.Errorf("got  %.500s\nwant %s", got, want)
				}
			})
		}
	}
}

func TestMergeList(t *testing.T) {
	// gamma merges beta then alpha: beta's answers win over alpha's,
	// alpha fills in what beta lacks, and gamma's own answers win over both.
	src := editMinimal(t, []edit{
		{"  - id: alpha\n", "  - &a\n    id: alpha\n    urn: \"100001\"\n"},
		{"  - id: beta\n", "  - &b\n    id: beta\n"},
		{"aims:", "  - <<: [*b, *a]\n    id: gamma\n    kind: school\naims:"},
	})
	q, problems := loadQuickly(t, src)
	if problems.Err() != nil {
		t.Fatal(problems)
	}
	g := q.Partners[2]
	if g.ID != "gamma" || g.Kind != "school" || g.Name != "Beta College" || g.URN != "100001" || g.Lead.Name != "Bob Brown" {
		t.Errorf("merged wrongly: %+v", g)
	}
}

func TestBadMerges(t *testing.T) {
	tests := []struct {
		name  string
		edits []edit
		want  string
	}{
		{"a merge of text", []edit{{"  name: Test Partnership\n", "  name: Test Partnership\n  <<: hello\n"}},
			`f.yaml:5:7: partnership: a merge ("<<") must bring in a set of "key: value" lines (such as <<: *defaults) or a list of them (<<: [*a, *b]); found "hello"`},
		{"a list with a list in it", []edit{{"  name: Test Partnership\n", "  name: Test Partnership\n  <<: [[a]]\n"}},
			`f.yaml:5:8: partnership: a merge ("<<") must bring in a set of "key: value" lines (such as <<: *defaults) or a list of them (<<: [*a, *b]); found a list`},
		{"a mapping merging itself", []edit{{"partnership:\n", "partnership: &p\n  <<: *p\n"}},
			`f.yaml:4:3: partnership: the merge ("<<") brings in the mapping it is part of`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := loadQuickly(t, editMinimal(t, tc.edits))
			if got := problems.Error(); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestEchoedTextIsCutAndEscaped(t *testing.T) {
	long := strings.Repeat("x", 200)
	cut := `"` + strings.Repeat("x", 80) + `…"`
	tests := []struct {
		name  string
		edits []edit
		want  string
	}{
		{"escape in a key", []edit{{"  name: Test Partnership\n", "  name: Test Partnership\n  \"na\\e[2Jme\": x\n"}},
			`f.yaml:5:3: partnership.na\x1b[2Jme: unknown field "na\x1b[2Jme"`},
		{"bell and bidi in a key", []edit{{"  name: Test Partnership\n", "  name: Test Partnership\n  \"a\\a\\u202eb\": x\n"}},
			`f.yaml:5:3: partnership.a\x07\u202eb: unknown field "a\x07\u202eb"`},
		{"long key", []edit{{"  name: Test Partnership\n", "  name: Test Partnership\n  " + long + ": x\n"}},
			`f.yaml:5:3: partnership.` + strings.Repeat("x", 80) + `…: unknown field ` + cut},
		{"long enum value", []edit{{"type: formal", "type: " + long}},
			`f.yaml:6:9: partnership.type: ` + cut + ` is not one of: formal, informal`},
		{"long date", []edit{{"start: 2026-09-01", "start: " + long}},
			`f.yaml:9:10: partnership.start: ` + cut + ` is not a date (YYYY-MM-DD)`},
		{"escape in an email", []edit{{"ann@alpha.example.org", "\"ann\\e]0;x\\aalpha\""}},
			"f.yaml:19:14: partners[0].lead.email: contains the control character U+001B; remove it\n" +
				`f.yaml:19:14: partners[0].lead.email: "ann\x1b]0;x\x07alpha" is not an email address (like name@school.example.org)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := loadQuickly(t, editMinimal(t, tc.edits))
			if got := problems.Error(); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestSynonyms(t *testing.T) {
	cycle := "termly, twice-yearly, annually, every-two-years"
	kinds := "school, college, university, trust, employer, charity, local-authority, other"
	tests := []struct{ old, new, want string }{
		{"review_cycle: annually", "review_cycle: yearly", `f.yaml:11:17: partnership.review_cycle: "yearly" is not one of: ` + cycle + ` (did you mean "annually"?)`},
		{"review_cycle: annually", "review_cycle: Annual", `f.yaml:11:17: partnership.review_cycle: "Annual" is not one of: ` + cycle + ` (did you mean "annually"?)`},
		{"review_cycle: annually", "review_cycle: every term", `f.yaml:11:17: partnership.review_cycle: "every term" is not one of: ` + cycle + ` (did you mean "termly"?)`},
		{"review_cycle: annually", "review_cycle: biannually", `f.yaml:11:17: partnership.review_cycle: "biannually" is not one of: ` + cycle + ` (did you mean "twice-yearly"?)`},
		{"review_cycle: annually", "review_cycle: twice a year", `f.yaml:11:17: partnership.review_cycle: "twice a year" is not one of: ` + cycle + ` (did you mean "twice-yearly"?)`},
		{"review_cycle: annually", "review_cycle: fortnightly", `f.yaml:11:17: partnership.review_cycle: "fortnightly" is not one of: ` + cycle},
		{"kind: school", "kind: company", `f.yaml:15:11: partners[0].kind: "company" is not one of: ` + kinds + ` (did you mean "employer"?)`},
		{"kind: school", "kind: Business", `f.yaml:15:11: partners[0].kind: "Business" is not one of: ` + kinds + ` (did you mean "employer"?)`},
		{"kind: school", "kind: academy", `f.yaml:15:11: partners[0].kind: "academy" is not one of: ` + kinds + ` (did you mean "school"?)`},
		{"kind: college", "kind: sixth form", `f.yaml:25:11: partners[1].kind: "sixth form" is not one of: ` + kinds + ` (did you mean "college"?)`},
		{"kind: school", "kind: council", `f.yaml:15:11: partners[0].kind: "council" is not one of: ` + kinds + ` (did you mean "local-authority"?)`},
		{"kind: school", "kind: LA", `f.yaml:15:11: partners[0].kind: "LA" is not one of: ` + kinds + ` (did you mean "local-authority"?)`},
		{"kind: school", "kind: MAT", `f.yaml:15:11: partners[0].kind: "MAT" is not one of: ` + kinds + ` (did you mean "trust"?)`},
		// A synonym is offered only where its answer is allowed.
		{"type: formal", "type: company", `f.yaml:6:9: partnership.type: "company" is not one of: formal, informal`},
	}
	for _, tc := range tests {
		t.Run(tc.new, func(t *testing.T) {
			_, problems := loadQuickly(t, editMinimal(t, []edit{{tc.old, tc.new}}))
			if got := problems.Error(); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestManyUnknownWords is a file of long partner ids used hundreds of
// times: each unknown word is reported once, with where else it is used,
// and long words get no suggestion.
func TestManyUnknownWords(t *testing.T) {
	long := func(c string, i int) string { return strings.Repeat(c, 600) + fmt.Sprint(i) }
	var partners, refs, kinds, keys strings.Builder
	for i := range 20 {
		fmt.Fprintf(&partners, "  - {id: %s, name: X, kind: school, lead: {name: a, role: b, email: a@b.example.org}, signatory: {name: a, position: b}}\n", long("p", i))
	}
	for i := range 300 {
		fmt.Fprintf(&refs, "      - %s\n", long("r", i%3))
		fmt.Fprintf(&kinds, "  - {id: k%d, name: X, kind: skool, lead: {name: a, role: b, email: a@b.example.org}, signatory: {name: a, position: b}, titel: x}\n", i)
	}
	for range 3 {
		keys.WriteString("    - {partner: alpha, will: [x], " + long("w", 0) + ": x}\n")
	}
	src := editMinimal(t, []edit{
		{"aims:", partners.String() + kinds.String() + "aims:"},
		{"    when: Once a term\n", "    when: Once a term\n    partners:\n" + refs.String()},
		{"      will: [Host]\n", "      will: [Host]\n" + keys.String()},
	})
	if len(src) < 30_000 {
		t.Fatalf("only %d bytes", len(src))
	}
	_, problems := loadQuickly(t, src)
	ids := "(the ids are: alpha, beta, " + strings.Repeat(strings.Repeat("p", 80)+"…, ", 7) + strings.Repeat("p", 80) + "… and 312 more)"
	r := `"` + strings.Repeat("r", 80) + `…" is not the id of any partner ` + ids
	w := strings.Repeat("w", 80) + "…"
	want := []string{
		`f.yaml:53:29: partners[22].kind: "skool" is not one of: school, college, university, trust, employer, charity, local-authority, other (did you mean "school"?); also used 299 more times, first on lines 54, 55, 56, 57 and 58`,
		`f.yaml:53:121: partners[22].titel: unknown field "titel"; also used 299 more times, first on lines 54, 55, 56, 57 and 58`,
		`f.yaml:366:9: activities[0].partners[0]: ` + r + "; also used 99 more times, first on lines 369, 372, 375, 378 and 381",
		`f.yaml:367:9: activities[0].partners[1]: ` + r + "; also used 99 more times, first on lines 370, 373, 376, 379 and 382",
		`f.yaml:368:9: activities[0].partners[2]: ` + r + "; also used 99 more times, first on lines 371, 374, 377, 380 and 383",
		`f.yaml:698:35: code_of_practice.commitments[1].` + w + `: unknown field "` + w + `"; also used on lines 699 and 700`,
	}
	var got []string
	for _, p := range problems {
		// Each long partner id is a problem where it is given; so many
		// partners are too many for the file's bilateral model.
		if !strings.HasSuffix(p.Message, `must be a short word of lower-case letters, digits and hyphens, such as "riverside"`) && p.Path != "partnership.model" {
			got = append(got, p.String())
		}
	}
	if len(problems) != 27 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%d problems:\n%s\nwant 20 about ids, 1 about the model and:\n%s", len(problems), strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := len(problems.Error()); n > 20_000 {
		t.Errorf("%d bytes of problems", n)
	}
}

func TestRanges(t *testing.T) {
	tests := []struct {
		name  string
		edits []edit
		want  string
	}{
		{"money over 12 digits", []edit{{"money_changes_hands: false", "money_changes_hands: true\n  budget_holder: alpha\n  contributions:\n    - partner: alpha\n      amount: £100,000,000,000,000,000"}},
			`f.yaml:65:15: finance.contributions[0].amount: "£100,000,000,000,000,000" is too large: an amount may have at most 12 digits of pounds (£999,999,999,999)`},
		{"year 0000", []edit{{"by: 2027-07-01", "by: 0000-07-01"}},
			`f.yaml:39:9: objectives[0].by: "0000-07-01" is out of range: the year must be from 1900 to 2199`},
		{"year 0001 is given, not empty", []edit{{"date: 2026-09-01", "date: 0001-01-01"}},
			`f.yaml:2:7: date: "0001-01-01" is out of range: the year must be from 1900 to 2199`},
		{"year 2200", []edit{{"end: 2027-08-31", "end: 2200-01-01"}},
			`f.yaml:10:8: partnership.end: "2200-01-01" is out of range: the year must be from 1900 to 2199`},
		{"year 10998", []edit{{"start: 2026-09-01", "start: 10998-01-01"}},
			`f.yaml:9:10: partnership.start: "10998-01-01" is not a date (YYYY-MM-DD)`},
		{"a term ending after 2199", []edit{{"start: 2026-09-01", "start: 2190-09-01"}, {"end: 2027-08-31", "term: 20 years"}},
			`f.yaml:10:9: partnership.term: the partnership would end on 31 August 2210, after 2199; give a shorter term`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := loadQuickly(t, editMinimal(t, tc.edits))
			if got := problems.Errors().Error(); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
	if _, err := ParseDate("1900-01-01"); err != nil {
		t.Error(err)
	}
	if d, err := ParseDate("2199-12-31"); err != nil || d.IsZero() {
		t.Error(d, err)
	}
	// Every amount up to the limit is accepted, written with commas or
	// without.
	for _, tc := range []struct{ in, want string }{
		{"£999,999,999,999.99", "£999,999,999,999.99"},
		{"999999999999", "£999,999,999,999"},
		{"1000000000", "£1,000,000,000"},
		{"1000000000.00", "£1,000,000,000"},
		{"£ 1500.50", "£1,500.50"},
		{"000000000000001", "£1"},
	} {
		var m Money
		if err := m.parseScalar(tc.in); err != nil || m.String() != tc.want {
			t.Errorf("%q: %v, %v; want %s", tc.in, m, err, tc.want)
		}
	}
	var m Money
	if err := m.parseScalar("1000000000000"); err == nil {
		t.Errorf("13 digits of pounds accepted: %v", m)
	}
}

func TestFileProblemsHaveLines(t *testing.T) {
	utf16 := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			b.WriteRune(r)
			b.WriteByte(0)
		}
		return b.String()
	}
	tests := []struct{ name, src, want string }{
		{"second document", "version: 1\n---\nversion: 2\n", `f.yaml:2:1: a second document starts here (after "---"); a questionnaire is one document: remove the "---" line or put the second questionnaire in a file of its own`},
		{"second document with bad YAML", "version: 1\n---\nb: [\n", `f.yaml:2:1: a second document starts here (after "---"); a questionnaire is one document: remove the "---" line or put the second questionnaire in a file of its own`},
		{"UTF-16 without a byte order mark", utf16("version: 1\npartnership:\n"), `f.yaml:1:1: the file is saved as UTF-16; save it as UTF-8 (in Word or Notepad: Save As, Encoding: UTF-8)`},
		{"undefined alias", "version: 1\npartnership:\n  name: *nom\n", `f.yaml:3:9: not valid YAML: *nom refers to an anchor that is not defined before it (define it with &nom on an earlier value)`},
		{"alias before its anchor", "version: 1\nx: [a, *later]\ny: &later b\n", `f.yaml:2:8: not valid YAML: *later refers to an anchor that is not defined before it (define it with &later on an earlier value)`},
		{"control character", "version: 1\npartnership:\n  name: a\x1b[2Jb\n", `f.yaml:3:10: the file contains the control character U+001B; remove it`},
		{"nesting thousands deep in brackets", "aims: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n",
			`f.yaml:1:10007: not valid YAML: lists or sets inside one another more than 10000 deep; a questionnaire needs only a few levels`},
		{"nesting thousands deep in dashes", strings.Repeat("- ", 20000) + "x\n",
			`f.yaml:1:20001: not valid YAML: lists or sets inside one another more than 10000 deep; a questionnaire needs only a few levels`},
		{"nesting thousands deep on a later line", "version: 1\naims:\n  - " + strings.Repeat("[", 20000) + "\n",
			`f.yaml:3:10005: not valid YAML: lists or sets inside one another more than 10000 deep; a questionnaire needs only a few levels`},
		{"C1 control character", "version: 1\npartnership:\n  name: a\u009bb\n", `f.yaml:3:10: the file contains the control character U+009B; remove it`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := loadQuickly(t, tc.src)
			if got := problems.Error(); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
	// A trailing "---" or "..." with nothing after it is not a second document.
	for _, end := range []string{"---\n", "...\n", "---\n# done\n"} {
		_, problems := loadQuickly(t, readMinimal(t)+end)
		if len(problems) != 0 {
			t.Errorf("%q: %s", end, problems)
		}
	}
}

// TestNoticeBy: the last day to give notice is the end less the notice
// period, a month's day clamped to the month's end; a partnership on the
// first edition keeps the day after, as it signed.
func TestNoticeBy(t *testing.T) {
	day := func(s string) Date {
		d, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		period     Period
		end, want  string
		firstWants string
	}{
		{Period{3, "month"}, "2028-08-31", "2028-05-31", "2028-06-01"},
		{Period{6, "month"}, "2027-08-31", "2027-02-28", "2027-03-01"},
		{Period{6, "month"}, "2028-08-31", "2028-02-29", "2028-03-01"},
		{Period{1, "year"}, "2029-08-31", "2028-08-31", "2028-09-01"},
		{Period{1, "year"}, "2028-02-29", "2027-02-28", "2027-03-01"},
		{Period{13, "week"}, "2029-08-31", "2029-06-01", "2029-06-02"},
		{Period{30, "day"}, "2027-07-31", "2027-07-01", "2027-07-02"},
	}
	for _, tc := range tests {
		if got := tc.period.Before(day(tc.end)); got.ISO() != tc.want {
			t.Errorf("%d %s before %s: %s, want %s", tc.period.N, tc.period.Unit, tc.end, got.ISO(), tc.want)
		}
		q := &Questionnaire{Dissolution: Dissolution{NoticePeriod: tc.period}}
		q.Partnership.Start, q.Partnership.End = day("2026-09-01"), day(tc.end)
		if got := q.NoticeBy(); got.ISO() != tc.firstWants {
			t.Errorf("first edition, %d %s before %s: %s, want %s", tc.period.N, tc.period.Unit, tc.end, got.ISO(), tc.firstWants)
		}
		checkNoticeRunsOut(t, q, tc.end)
		q.Wording.Edition = "2026.2"
		if got := q.NoticeBy(); got.ISO() != tc.want {
			t.Errorf("2026.2, %d %s before %s: %s, want %s", tc.period.N, tc.period.Unit, tc.end, got.ISO(), tc.want)
		}
		checkNoticeRunsOut(t, q, tc.end)
	}
}

// checkNoticeRunsOut fails unless a withdrawal on the last day of the
// term needs no shorter notice when notice is given on the last day the
// agreement allows (q.NoticeBy), and does when it is given a day later:
// the clause that names the day and the notice of withdrawal count the
// notice alike.
func checkNoticeRunsOut(t *testing.T, q *Questionnaire, end string) {
	t.Helper()
	q.Partnership.Name = "Example"
	last := q.NoticeBy()
	for _, tc := range []struct {
		given Date
		short bool
	}{{last, false}, {last.AddDays(1), true}} {
		p := Partner{NoticeGiven: tc.given, Left: q.Partnership.End}
		if got := q.ShortNotice(p); got != tc.short {
			t.Errorf("edition %q, %d %s given on %s to leave on %s (the notice runs out on %s): short notice %v, want %v",
				q.Wording.Edition, q.Dissolution.NoticePeriod.N, q.Dissolution.NoticePeriod.Unit, tc.given.ISO(), end, q.NoticeEnds(p).ISO(), got, tc.short)
		}
	}
}
