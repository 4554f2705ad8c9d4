package signingtag

import (
	"testing"
	"unicode"
)

func TestFind(t *testing.T) {
	tests := []struct {
		s      string
		around string // "" for none
	}{
		{"a {b} c", ""},
		{"a { b } c", ""},
		{"x {y} {z} w", ""},
		{"Documenso {{signature, r1}}", "Documenso{{signature,r1}}"},
		{"{{ opens only", "{{opensonly"},
		{"closes only }}", "closesonly}}"},
		{"}} before {{", "}}before{{"},
		{"a { { b", "a{{b"},
		{"soft \u00ad hyphen {\u00ad{signature, r2}}", "softhyphen{{signature,r2}}"},
		{"zero width {\u200b{sig}\u200d}", "zerowidth{{sig}}"},
		{"word joiner, BOM, mark {\u2060\ufeff\u200e{x", "wordjoiner,BOM,mark{{x"},
		{"variation selector {\ufe0f{x", "variationselector{{x"},
		{"Hangul filler {\u3164{x", "Hangulfiller{{x"},
		{"tag character {\U000E0041{x", "tagcharacter{{x"},
		{"full-width ｛｛x｝｝", "fullwidth{{x}}"},
		{"list items\n- {\n- {x", "listitems{{x"},
		{"table cells | { | { |", "tablecells{{"},
		{"a line\nbreak {\n{x", "alinebreak{{x"},
	}
	for _, tc := range tests {
		around, ok := Find(tc.s)
		if ok != (tc.around != "") || around != tc.around {
			t.Errorf("Find(%q) = %q, %v; want %q", tc.s, around, ok, tc.around)
		}
	}
}

func TestEdge(t *testing.T) {
	tests := []struct {
		s          string
		start, end bool
	}{
		{"plain", false, false},
		{"{x} in the middle", true, false},
		{"ends {", false, true},
		{"\u200b  {x", true, false},
		{"x }\u00ad \n", false, true},
		{"", false, false},
	}
	for _, tc := range tests {
		if start, end := Edge(tc.s); start != tc.start || end != tc.end {
			t.Errorf("Edge(%q) = %v, %v; want %v, %v", tc.s, start, end, tc.start, tc.end)
		}
	}
}

// TestInvisibleShortcut: no character before the soft hyphen is in the
// tables Invisible searches, so it may answer for them without searching.
func TestInvisibleShortcut(t *testing.T) {
	for r := rune(0); r <= firstInvisible; r++ {
		if got, want := Invisible(r), unicode.In(r, unicode.Cf, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point); got != want {
			t.Errorf("Invisible(%U) = %v, want %v", r, got, want)
		}
	}
	if !Invisible(firstInvisible) {
		t.Error("the soft hyphen is not invisible")
	}
}
