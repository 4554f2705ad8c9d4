package calendar

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"

	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/sampletest"
)

const (
	sampleName = "  name: Riverside–Hartwell Engineering Futures"
	firstObj   = "  - objective: Every Year 9 pupil meets a working engineer."
	withIDs    = "  id: engineering-futures\n" + sampleName
	firstObjID = "  - id: year-9-engineers\n    objective: Every Year 9 pupil meets a working engineer."
	renamed    = "  name: Riverside–Hartwell STEM Futures"
	reworded   = "  - objective: Every pupil in Year 9 meets a working engineer."
	rewordedID = "  - id: year-9-engineers\n    objective: Every pupil in Year 9 meets a working engineer."
	withIDsRen = "  id: engineering-futures\n" + renamed
)

// uidsByKind returns each event's UID keyed by its kind and place, which
// rewording and renaming leave as they are.
func uidsByKind(t *testing.T, q *questionnaire.Questionnaire) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, e := range events(t, sampletest.Model(t, q)) {
		m[e.Kind.String()+" "+strconv.Itoa(e.Index)] = e.UID
	}
	return m
}

// TestOldUIDsKept pins the UIDs of a questionnaire without ids, so that
// calendars imported from files written before ids existed still update.
func TestOldUIDsKept(t *testing.T) {
	want := map[string]string{
		"review 0":    "73a6f8632edcc93ba96a9f089e5f84ed@mou",
		"review 1":    "5c19c163feec1c9f4ec825c3b568f7c1@mou",
		"objective 0": "da6d121078f91539e24e8db1aec30e33@mou",
		"objective 1": "65a9ae68b05696d646b88b0e0cd64f04@mou",
		"objective 2": "a22dd9fc34d32a42b2d02e3368f76315@mou",
		"notice 0":    "65d43096f33b1f3921a54ffef5b02e21@mou",
		"end 0":       "29dfa812f5737c6b63610e6b20b59e33@mou",
	}
	got := uidsByKind(t, sampletest.Load(t, "school-employer.yaml"))
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: UID %s, want %s as before ids", k, got[k], w)
		}
	}
}

func TestIDsKeepUIDs(t *testing.T) {
	base := uidsByKind(t, sampletest.Load(t, "school-employer.yaml", sampleName, withIDs, firstObj, firstObjID))
	tests := []struct {
		name  string
		edits []string
	}{
		{"objective reworded", []string{sampleName, withIDs, firstObj, rewordedID}},
		{"partnership renamed", []string{sampleName, withIDsRen, firstObj, firstObjID}},
		{"both", []string{sampleName, withIDsRen, firstObj, rewordedID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := uidsByKind(t, sampletest.Load(t, "school-employer.yaml", tt.edits...))
			if len(got) != len(base) {
				t.Fatalf("%d events, want %d", len(got), len(base))
			}
			for k, u := range base {
				if got[k] != u {
					t.Errorf("%s: UID %s, was %s", k, got[k], u)
				}
			}
		})
	}

	// Without ids, the same edits change the UIDs, as they always did.
	plain := uidsByKind(t, sampletest.Load(t, "school-employer.yaml"))
	if got := uidsByKind(t, sampletest.Load(t, "school-employer.yaml", firstObj, reworded)); got["objective 0"] == plain["objective 0"] {
		t.Error("rewording an objective without an id kept its UID")
	}
	if got := uidsByKind(t, sampletest.Load(t, "school-employer.yaml", sampleName, renamed)); got["end 0"] == plain["end 0"] {
		t.Error("renaming a partnership without an id kept its UIDs")
	}
	// An id is not a name: giving one changes the UIDs once.
	if base["end 0"] == plain["end 0"] || base["objective 0"] == plain["objective 0"] {
		t.Error("the ids left the UIDs as they were without them")
	}
	// And the objectives without ids keep theirs when another gets one.
	if other := uidsByKind(t, sampletest.Load(t, "school-employer.yaml", sampleName, withIDs)); base["objective 1"] != other["objective 1"] {
		t.Error("giving one objective an id changed another's UID")
	}
}

// TestNoticeAlarms reads the notice event back with an independent
// parser: it has a reminder two weeks before and one on the day.
func TestNoticeAlarms(t *testing.T) {
	q := sampletest.Load(t, "school-employer.yaml")
	var notice *ics.VEvent
	for _, e := range parse(t, marshal(t, q)).Events() {
		if strings.HasPrefix(prop(t, e, ics.ComponentPropertySummary), "Last day to give notice") {
			notice = e
		}
	}
	if notice == nil {
		t.Fatal("no notice event")
	}
	alarms := notice.Alarms()
	if len(alarms) != 2 {
		t.Fatalf("%d alarms, want 2", len(alarms))
	}
	want := []struct{ trigger, desc string }{
		{"-P14D", "In 14 days: Last day to give notice of dissolution: Riverside–Hartwell Engineering Futures"},
		{"PT9H", "Today: Last day to give notice of dissolution: Riverside–Hartwell Engineering Futures"},
	}
	for i, w := range want {
		a := alarms[i]
		if got := a.GetProperty(ics.ComponentPropertyAction); got == nil || got.Value != "DISPLAY" {
			t.Errorf("alarm %d: ACTION %+v, want DISPLAY", i, got)
		}
		if got := a.GetProperty(ics.ComponentPropertyTrigger); got == nil || got.Value != w.trigger {
			t.Errorf("alarm %d: TRIGGER %+v, want %s", i, got, w.trigger)
		}
		if got := a.GetProperty(ics.ComponentPropertyDescription); got == nil || got.Value != w.desc {
			t.Errorf("alarm %d: DESCRIPTION %+v, want %q", i, got, w.desc)
		}
	}
}

// TestJoiningKeepsUIDs: a partner that joins by a joining agreement is a
// new version of the same partnership, so every event keeps its UID and a
// calendar app updates the events rather than adding copies, with or
// without ids. (A partner that leaves stays in the file, so it never
// changed them.)
func TestJoiningKeepsUIDs(t *testing.T) {
	const joins = `  - id: hillside
    name: Hillside Primary School
    kind: school
    joined: 2027-01-10
    lead:
      name: Grace Obi
      role: Deputy Headteacher
      email: g.obi@hillside.example.org
    signatory:
      name: Martin Shaw
      position: Headteacher
aims:`
	for _, tt := range []struct {
		name  string
		edits []string
	}{
		{"with ids", []string{sampleName, withIDs, firstObj, firstObjID}},
		{"without ids", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := uidsByKind(t, sampletest.Load(t, "school-employer.yaml", tt.edits...))
			after := uidsByKind(t, sampletest.Load(t, "school-employer.yaml", append(slices.Clone(tt.edits), "\naims:", "\n"+joins)...))
			if len(after) != len(before) {
				t.Fatalf("%d events, want %d", len(after), len(before))
			}
			for k, u := range before {
				if after[k] != u {
					t.Errorf("%s: UID %s after a partner joined, was %s", k, after[k], u)
				}
			}
		})
	}
}
