package questionnaire

import (
	"slices"
	"testing"
)

// TestPeekWording: the edition and language are read from the lines as
// "mou init" writes them, however they are quoted, commented or ended,
// and nothing is read from places that only look like them.
func TestPeekWording(t *testing.T) {
	tests := []struct {
		name, file        string
		edition, language string
	}{
		{"neither", "version: 1\npartnership:\n  name: X\n", "", ""},
		{"both", "language: cy\nwording:\n  edition: 2026.3\n", "2026.3", "cy"},
		{"quoted, commented", "wording:  # the edition\n  omit: [mission]\n  edition: \"2026.2\"  # frozen\nlanguage: 'en-GB'\n", "2026.2", "en-GB"},
		{"Windows file", "\ufefflanguage: cy\r\nwording:\r\n    edition: 2026.2\r\n", "2026.2", "cy"},
		{"edition of another block", "partnership:\n  edition: 2026.2\nwording:\n  headings:\n    edition: 2026.3\n", "", ""},
		{"flow style", "wording: {edition: 2026.2}\n", "", ""},
		{"indented language", "partnership:\n  language: cy\n", "", ""},
		{"in a block scalar", "notes: |\n  wording:\n    edition: 2026.2\n", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			edition, language := peekWording([]byte(tc.file))
			if edition != tc.edition || language != tc.language {
				t.Errorf("peekWording = %q, %q; want %q, %q", edition, language, tc.edition, tc.language)
			}
		})
	}
}

// TestPeekLogos: every "logo:" value, as a partner's key or a list
// item's, quoted or not, once each.
func TestPeekLogos(t *testing.T) {
	file := "partners:\n  - id: a\n    logo: logos/a.png\n  - logo: 'logos/b.jpg' # theirs\r\n  - id: c\n    logo: logos/a.png\n    notes: \"logo: x\"\nlogo:\n"
	got := peekLogos([]byte(file))
	if want := []string{"logos/a.png", "logos/b.jpg"}; !slices.Equal(got, want) {
		t.Errorf("peekLogos = %q, want %q", got, want)
	}
}
