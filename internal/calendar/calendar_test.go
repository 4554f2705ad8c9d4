package calendar

import (
	"bytes"
	"github.com/partnership-tools/mou/internal/agreement"
	"strings"
	"testing"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"

	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/sampletest"
)

// parse reads an iCalendar stream with an independent parser.
func parse(t *testing.T, data []byte) *ics.Calendar {
	t.Helper()
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the calendar does not parse: %v\n%s", err, data)
	}
	return cal
}

func prop(t *testing.T, e *ics.VEvent, p ics.ComponentProperty) string {
	t.Helper()
	v := e.GetProperty(p)
	if v == nil {
		t.Fatalf("event %s has no %s", e.Id(), p)
	}
	return v.Value
}

func calProp(cal *ics.Calendar, name string) string {
	for _, p := range cal.CalendarProperties {
		if p.IANAToken == name {
			return p.Value
		}
	}
	return ""
}

func TestSamples(t *testing.T) {
	tests := []struct {
		file                       string
		reviews, objectives, total int
		first, last                string // summaries of the first and last events
		notice                     string // the notice deadline, YYYYMMDD
	}{
		{"school-employer.yaml", 2, 3, 7,
			"Partnership review: Riverside–Hartwell Engineering Futures",
			"Partnership ends: Riverside–Hartwell Engineering Futures", "20280601"},
		{"hub-and-spoke.yaml", 6, 5, 13, "Partnership review: ", "Partnership ends: ", "20290601"},
		{"independent-state.yaml", 6, 4, 12, "Partnership review: ", "Partnership ends: ", "20280301"},
		{"university-school.yaml", 3, 5, 10, "Partnership review: Harbour Hill Horizons", "Partnership ends: ", "20290301"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			q := sampletest.Load(t, tt.file)
			data := marshal(t, q)
			cal := parse(t, data)
			if got := calProp(cal, "PRODID"); got != ProdID {
				t.Errorf("PRODID = %q", got)
			}
			if got := calProp(cal, "VERSION"); got != "2.0" {
				t.Errorf("VERSION = %q", got)
			}
			if got := calProp(cal, "CALSCALE"); got != "GREGORIAN" {
				t.Errorf("CALSCALE = %q", got)
			}
			if got, want := calProp(cal, "X-WR-CALNAME"), string(q.Partnership.Name); got != want {
				t.Errorf("X-WR-CALNAME = %q, want %q", got, want)
			}
			events := cal.Events()
			if len(events) != tt.total {
				t.Fatalf("%d events, want %d", len(events), tt.total)
			}
			counts := map[string]int{}
			uids := map[string]bool{}
			prev := ""
			for _, e := range events {
				summary := prop(t, e, ics.ComponentPropertySummary)
				counts[strings.SplitN(summary, ":", 2)[0]]++
				uid := prop(t, e, ics.ComponentPropertyUniqueId)
				if uids[uid] || !strings.HasSuffix(uid, "@mou") {
					t.Errorf("UID %q is repeated or malformed", uid)
				}
				uids[uid] = true
				if got := prop(t, e, ics.ComponentPropertyDtstamp); got != q.Date.Time().Format("20060102")+"T000000Z" {
					t.Errorf("DTSTAMP = %q", got)
				}
				start := e.GetProperty(ics.ComponentPropertyDtStart)
				if start == nil || start.ICalParameters["VALUE"][0] != "DATE" {
					t.Fatalf("%s: DTSTART is not a date: %+v", summary, start)
				}
				if start.Value < prev {
					t.Errorf("%s on %s is out of order (after %s)", summary, start.Value, prev)
				}
				prev = start.Value
				s, err1 := e.GetAllDayStartAt()
				en, err2 := e.GetAllDayEndAt()
				if err1 != nil || err2 != nil || !en.Equal(s.AddDate(0, 0, 1)) {
					t.Errorf("%s: start %v, end %v (%v, %v), want the next day", summary, s, en, err1, err2)
				}
				var want []string // the alarms' triggers
				switch {
				case strings.HasPrefix(summary, "Partnership review"):
					want = []string{"-P7D"}
				case strings.HasPrefix(summary, "Last day to give notice"):
					want = []string{"-P14D", "PT9H"}
				}
				if got := triggers(t, e); strings.Join(got, " ") != strings.Join(want, " ") {
					t.Errorf("%s: alarms %q, want %q", summary, got, want)
				}
				if strings.HasPrefix(summary, "Last day to give notice") && start.Value != tt.notice {
					t.Errorf("notice deadline %s, want %s", start.Value, tt.notice)
				}
			}
			if counts["Partnership review"] != tt.reviews || counts["Objective due"] != tt.objectives ||
				counts["Partnership ends"] != 1 || counts["Last day to give notice of dissolution"] != 1 {
				t.Errorf("events by kind: %v", counts)
			}
			if got := prop(t, events[0], ics.ComponentPropertySummary); !strings.HasPrefix(got, tt.first) {
				t.Errorf("first event %q, want %q…", got, tt.first)
			}
			if got := prop(t, events[len(events)-1], ics.ComponentPropertySummary); !strings.HasPrefix(got, tt.last) {
				t.Errorf("last event %q, want %q…", got, tt.last)
			}
			checkLines(t, data)
		})
	}
}

// triggers returns the triggers of an event's alarms, checking that each
// is a display alarm with a description.
func triggers(t *testing.T, e *ics.VEvent) []string {
	t.Helper()
	var out []string
	for _, a := range e.Alarms() {
		action, trigger, desc := a.GetProperty(ics.ComponentPropertyAction), a.GetProperty(ics.ComponentPropertyTrigger),
			a.GetProperty(ics.ComponentPropertyDescription)
		if action == nil || action.Value != "DISPLAY" || trigger == nil || desc == nil || desc.Value == "" {
			t.Errorf("%s: an alarm is not a display alarm with a trigger and a description: %+v", e.Id(), a)
			continue
		}
		out = append(out, trigger.Value)
	}
	return out
}

// checkLines checks the stream's lines: CRLF ends, at most 75 octets,
// and no line break inside a UTF-8 sequence.
func checkLines(t *testing.T, data []byte) {
	t.Helper()
	if !bytes.HasSuffix(data, []byte("END:VCALENDAR\r\n")) {
		t.Errorf("the calendar does not end with END:VCALENDAR and CRLF")
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n")
	for i, l := range lines {
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d holds a bare CR or LF: %q", i+1, l)
		}
		if len(l) > maxLine {
			t.Errorf("line %d is %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d breaks a UTF-8 sequence: %q", i+1, l)
		}
	}
}

func TestEventsSchoolEmployer(t *testing.T) {
	q := sampletest.Load(t, "school-employer.yaml")
	var got []string
	for _, e := range events(t, sampletest.Model(t, q)) {
		got = append(got, e.Date.ISO()+" "+e.Kind.String()+" "+e.Summary)
	}
	want := []string{
		"2027-07-08 review Partnership review: Riverside–Hartwell Engineering Futures",
		"2027-07-16 objective Objective due: Every Year 9 pupil meets a working engineer.",
		"2027-07-23 objective Objective due: Offer work-experience places to Year 10 pupils.",
		"2028-06-01 notice Last day to give notice of dissolution: Riverside–Hartwell Engineering Futures",
		"2028-07-06 review Partnership review: Riverside–Hartwell Engineering Futures",
		"2028-07-14 objective Objective due: More pupils consider engineering as a career.",
		"2028-08-31 end Partnership ends: Riverside–Hartwell Engineering Futures",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestEventsSameDaySortByKind(t *testing.T) {
	// An objective due on a review day comes after the review.
	q := sampletest.Load(t, "school-employer.yaml", "by: 2027-07-16", "by: 2027-07-08")
	events := events(t, sampletest.Model(t, q))
	if events[0].Kind != Review || events[1].Kind != Objective || !events[0].Date.Time().Equal(events[1].Date.Time()) {
		t.Errorf("first two events: %v %v, %v %v", events[0].Kind, events[0].Date, events[1].Kind, events[1].Date)
	}
}

func TestNoEndNoEndEvents(t *testing.T) {
	q := sampletest.Load(t, "school-employer.yaml", "  end: 2028-08-31\n", "")
	for _, e := range events(t, sampletest.Model(t, q)) {
		if e.Kind == End || e.Kind == Notice {
			t.Errorf("a partnership with no end has a %v event", e.Kind)
		}
	}
}

func TestDescriptions(t *testing.T) {
	q := sampletest.Load(t, "school-employer.yaml")
	cal := parse(t, marshal(t, q))
	desc := map[string]string{}
	for _, e := range cal.Events() {
		desc[prop(t, e, ics.ComponentPropertySummary)] = prop(t, e, ics.ComponentPropertyDescription)
	}
	tests := []struct{ summary, want string }{
		{"Partnership review: Riverside–Hartwell Engineering Futures", "- Have the aims been met?\n- Have the objectives met their targets?"},
		{"Partnership review: Riverside–Hartwell Engineering Futures", "- What do learners say about it? A short pupil survey"},
		{"Partnership review: Riverside–Hartwell Engineering Futures", "renew it or plan how it ends?"},
		{"Partnership review: Riverside–Hartwell Engineering Futures", "Leads: Jane Smith (Riverside Academy), Priya Patel (Hartwell Engineering Ltd)."},
		{"Objective due: Offer work-experience places to Year 10 pupils.", "Owner: Hartwell Engineering Ltd (lead: Priya Patel"},
		{"Objective due: Offer work-experience places to Year 10 pupils.", "\nTarget: 8 placements each summer"},
		{"Last day to give notice of dissolution: Riverside–Hartwell Engineering Futures", "(3 months) so that it takes effect by the end of Riverside–Hartwell Engineering Futures on 31 August 2028"},
		{"Partnership ends: Riverside–Hartwell Engineering Futures", "(1 September 2026 to 31 August 2028)"},
	}
	for _, tt := range tests {
		if d, ok := desc[tt.summary]; !ok || !strings.Contains(d, tt.want) {
			t.Errorf("%s: description %q does not hold %q", tt.summary, d, tt.want)
		}
	}
}

func uidsOf(t *testing.T, data []byte) []string {
	t.Helper()
	var out []string
	for _, e := range parse(t, data).Events() {
		out = append(out, prop(t, e, ics.ComponentPropertySummary)+" "+prop(t, e, ics.ComponentPropertyUniqueId))
	}
	return out
}

func TestStable(t *testing.T) {
	q := sampletest.Load(t, "school-employer.yaml")
	a, b := marshal(t, q), marshal(t, sampletest.Load(t, "school-employer.yaml"))
	if !bytes.Equal(a, b) {
		t.Fatal("the same questionnaire gave different bytes")
	}

	// A new lead changes descriptions but no UID.
	handover := sampletest.Load(t, "school-employer.yaml", "name: Jane Smith", "name: Dafydd Jones-Newman")
	c := marshal(t, handover)
	if bytes.Equal(a, c) {
		t.Fatal("a new lead changed nothing: the descriptions should name the leads")
	}
	if got, want := strings.Join(uidsOf(t, c), "\n"), strings.Join(uidsOf(t, a), "\n"); got != want {
		t.Errorf("a new lead changed the UIDs:\n%s\nwas:\n%s", got, want)
	}

	// A review moved to another day keeps its UID, so importing updates it.
	moved := sampletest.Load(t, "school-employer.yaml", "review_dates: [2027-07-08,", "review_dates: [2027-07-01,")
	if events(t, sampletest.Model(t, moved))[0].UID != events(t, sampletest.Model(t, q))[0].UID {
		t.Error("moving a review changed its UID")
	}

	// Another partnership never shares a UID.
	other := sampletest.Load(t, "school-employer.yaml", "name: Riverside–Hartwell Engineering Futures", "name: Another Partnership")
	seen := map[string]bool{}
	for _, e := range events(t, sampletest.Model(t, q)) {
		seen[e.UID] = true
	}
	for _, e := range events(t, sampletest.Model(t, other)) {
		if seen[e.UID] {
			t.Errorf("%s: UID %s is shared with another partnership", e.Summary, e.UID)
		}
	}
}

func TestFoldingAndEscaping(t *testing.T) {
	tests := []struct {
		name, yaml string
	}{
		{"long", "The Riverside Academy and Hartwell Engineering Limited Partnership for Engineering Futures in Year 9 and Year 10"},
		{"punctuation", `"Smith; Jones, and Partners \\ Co."`},
		{"accents", "Ysgol Gymraeg Bro Ŵyn – Partneriaeth Peirianneg Dyfodol Disglair ar gyfer pob disgybl ŵŷ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := sampletest.Load(t, "school-employer.yaml", "name: Riverside–Hartwell Engineering Futures", "name: "+tt.yaml)
			name := string(q.Partnership.Name)
			data := marshal(t, q)
			checkLines(t, data)
			cal := parse(t, data)
			if got := calProp(cal, "X-WR-CALNAME"); got != name {
				t.Errorf("X-WR-CALNAME = %q, want %q", got, name)
			}
			for _, e := range cal.Events() {
				if s := prop(t, e, ics.ComponentPropertySummary); !strings.HasSuffix(s, name) && !strings.HasPrefix(s, "Objective due") {
					t.Errorf("summary %q does not end with the name %q", s, name)
				}
			}
			if tt.name == "punctuation" && !bytes.Contains(data, []byte(`X-WR-CALNAME:Smith\; Jones\, and Partners \\ Co.`+"\r\n")) {
				t.Errorf("the name is not escaped as RFC 5545 says:\n%s", data)
			}
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"A:short", "A:short\r\n"},
		{strings.Repeat("x", 75), strings.Repeat("x", 75) + "\r\n"},
		{strings.Repeat("x", 76), strings.Repeat("x", 75) + "\r\n x\r\n"},
		{strings.Repeat("x", 75+74+1), strings.Repeat("x", 75) + "\r\n " + strings.Repeat("x", 74) + "\r\n x\r\n"},
		// "é" is two octets: it may not be split across lines.
		{strings.Repeat("x", 74) + "é", strings.Repeat("x", 74) + "\r\n é\r\n"},
	}
	for _, tt := range tests {
		var b strings.Builder
		fold(&b, tt.in)
		if b.String() != tt.want {
			t.Errorf("fold(%q) = %q, want %q", tt.in, b.String(), tt.want)
		}
	}
}

func TestEscapeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{`a\b;c,d`, `a\\b\;c\,d`},
		{"one\ntwo\r\nthree", `one\ntwo\nthree`},
		{"tab\there\x00", "tab here "},
		{"Ŵyn £5", "Ŵyn £5"},
	}
	for _, tt := range tests {
		if got := escapeText(tt.in); got != tt.want {
			t.Errorf("escapeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestUIDsTellPartnershipsApart checks that two partnerships never share
// an event UID, even when their names give the same file-name slug, and
// that an objective keeps its UID when another is removed.
func TestUIDsTellPartnershipsApart(t *testing.T) {
	uids := func(q *questionnaire.Questionnaire) map[string]string {
		m := map[string]string{}
		for _, e := range events(t, sampletest.Model(t, q)) {
			m[e.UID] = e.Summary
		}
		return m
	}
	const name = "  name: Riverside–Hartwell Engineering Futures"
	cyrillic := uids(sampletest.Load(t, "school-employer.yaml", name, "  name: Партнёрство школ"))
	greek := uids(sampletest.Load(t, "school-employer.yaml", name, "  name: Σύμπραξη σχολείων"))
	later := uids(sampletest.Load(t, "school-employer.yaml", "start: 2026-09-01", "start: 2026-09-02"))
	base := uids(sampletest.Load(t, "school-employer.yaml"))
	for _, other := range []map[string]string{greek, later, base} {
		for u := range cyrillic {
			if _, ok := other[u]; ok {
				t.Errorf("two partnerships share the UID %s", u)
			}
		}
	}
	// Remove the first objective: the others keep their UIDs.
	fewer := uids(sampletest.Load(t, "school-employer.yaml",
		"  - objective: Every Year 9 pupil meets a working engineer.\n    measure: Attendance registers for the Year 9 engineering day.\n"+
			"    baseline: 0% in 2025–26\n    target: 95% of Year 9 pupils attend\n    by: 2027-07-16\n    owner: riverside\n", ""))
	if len(fewer) != len(base)-1 {
		t.Fatalf("%d events, want %d", len(fewer), len(base)-1)
	}
	for u, summary := range fewer {
		if _, ok := base[u]; !ok {
			t.Errorf("%q changed its UID", summary)
		}
	}
}

// marshal is Marshal with no earlier calendar, failing the test on an
// error.
func marshal(t *testing.T, q *questionnaire.Questionnaire) []byte {
	t.Helper()
	data, err := Marshal(sampletest.Model(t, q), nil)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestNoEvents: a partnership with no dated event has no calendar, since
// RFC 5545 asks for at least one component.
func TestNoEvents(t *testing.T) {
	q := sampletest.Load(t, "volunteer-code-of-conduct.yaml")
	if data, err := Marshal(sampletest.Model(t, q), nil); err != ErrNoEvents || data != nil {
		t.Errorf("got %q, %v; want ErrNoEvents", data, err)
	}
}

// events is Events, failing the test on an error.
func events(t *testing.T, v *agreement.Version) []Event {
	t.Helper()
	out, err := Events(v)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
