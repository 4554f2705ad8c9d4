package agreement

import (
	"slices"
	"testing"
)

// TestSchedulesMatchedByTitle: a schedule is the same section from one
// text to the next whatever its label, so that an edition that numbers
// the schedules afresh, or a partnership that names them otherwise,
// changes only what its words change.
func TestSchedulesMatchedByTitle(t *testing.T) {
	old := []Section{{Heading: "Title page", SHA256: "t"}, {Heading: "4. Aims", SHA256: "a"},
		{Heading: "Schedule 3: Charges", SHA256: "c"}, {Heading: "Schedule 4: Rooms", SHA256: "r"}}
	new := []Section{{Heading: "Title page", SHA256: "t"}, {Heading: "4. Aims", SHA256: "a"},
		{Heading: "Annex A: Charges", SHA256: "c"}, {Heading: "Annex B: Rooms", SHA256: "r2"}, {Heading: "5. Charges", SHA256: "x"}}
	got := ChangedSections(old, new)
	if want := []string{"Annex B: Rooms", "5. Charges"}; !slices.Equal(got, want) {
		t.Errorf("changed %q, want %q", got, want)
	}
}
