package theme

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	// The built-in theme, written out, reads back as itself.
	got, err := Parse("t.yaml", []byte(DefaultFile()))
	if err != nil || got != Default() {
		t.Fatalf("round trip: %v\n%+v", err, got)
	}
	got, err = Parse("t.yaml", []byte("paper: letter\nmargins: {left: 30}\ncolours: {heading: \"#800000\"}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got.Paper != "Letter" || got.MarginLeft != 30 || got.MarginRight != Default().MarginRight || got.Heading != (Colour{0x80, 0, 0}) {
		t.Errorf("got %+v", got)
	}
	for _, tc := range []struct{ src, want string }{
		{"paper: a5\n", `t.yaml: paper: "a5" is not a4 or letter`},
		{"papr: a4\n", "t.yaml: line 1: field papr not found"},
		{"colours: {headng: \"#000000\"}\n", `unknown colour "headng"`},
		{"colours: {heading: navy}\n", `colours.heading: "navy" is not a colour`},
		{"margins: {left: 2}\n", "t.yaml: "},
		{"body_size: [1]\n", "t.yaml: "},
	} {
		if _, err := Parse("t.yaml", []byte(tc.src)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.src, err, tc.want)
		}
	}
	if _, err := Parse("t.yaml", nil); err != nil {
		t.Errorf("an empty theme file: %v", err)
	}
}
