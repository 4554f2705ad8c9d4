package pdf

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/partnership-tools/mou/internal/pdftest"
)

// TestFontFamilies renders the same document in each family: each is a
// sound PDF embedding its own faces, with the same words and signing
// fields, and the theme file chooses between them.
func TestFontFamilies(t *testing.T) {
	md, err := os.ReadFile("testdata/agreement.md")
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	// Each subset is named with its tag, "/ABCDEF+utf8go"; both families
	// take the Go monospace, utf8gomono, for code.
	sans, serif := regexp.MustCompile(`\+utf8go(B|I|BI)?\s`), regexp.MustCompile(`\+utf8serif`)
	for _, tc := range []struct {
		font            string
		embedded, other *regexp.Regexp
	}{
		{FontSans, sans, serif},
		{FontSerif, serif, sans},
	} {
		theme := DefaultTheme()
		theme.Font = tc.font
		data := renderThemed(t, theme, md)
		validPDF(t, data)
		pdftest.Check(t, data)
		if !tc.embedded.Match(data) || tc.other.Match(data) {
			t.Errorf("%s: the PDF does not embed only the %s faces", tc.font, tc.font)
		}
		if n := len(pdftest.Fields(t, data)); n != 6 {
			t.Errorf("%s: %d signing fields, want 6", tc.font, n)
		}
		texts[tc.font] = strings.Join(strings.Fields(pdfText(t, data)), " ")
	}
	if texts[FontSans] == "" || letters(texts[FontSans]) != letters(texts[FontSerif]) {
		t.Error("the families print different text")
	}
	comic := DefaultTheme()
	comic.Font = "comic"
	if _, err := New(comic, ""); err == nil || !strings.Contains(err.Error(), `unknown font "comic"`) {
		t.Errorf("an unknown font: %v", err)
	}
}

// letters is the letters of s, sorted: the same for the same text
// whatever its wrapping and page numbers.
func letters(s string) string {
	var out []rune
	for _, r := range s {
		if !unicode.IsSpace(r) && !unicode.IsDigit(r) {
			out = append(out, r)
		}
	}
	slices.Sort(out)
	return string(out)
}

// TestCombiningMarksUnprintable shows why answers are composed first:
// the fonts print "â" but not a lone combining circumflex.
func TestCombiningMarksUnprintable(t *testing.T) {
	if got := Unprintable("Siân"); len(got) != 0 {
		t.Errorf("composed: %q unprintable", got)
	}
	if got := Unprintable("Sia\u0302n"); len(got) != 1 || got[0] != 0x302 {
		t.Errorf("decomposed: %q unprintable, want U+0302", got)
	}
}
