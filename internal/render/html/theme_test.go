package html_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/render/html"
	"github.com/partnership-tools/mou/internal/theme"
)

// TestTheme: the page's stylesheet takes the theme's paper, font, type
// size, justification and colours; the built-in theme gives the system's
// sans-serif, ranged left, on A4. An unusable theme is refused.
func TestTheme(t *testing.T) {
	own := theme.Default()
	own.Paper, own.Font, own.Justify, own.BodySize = "Letter", theme.Serif, true, 12
	own.Heading, own.DraftMark = theme.Colour{R: 0x80}, theme.Colour{R: 0xee, G: 0xdd, B: 0xcc}
	for _, tc := range []struct {
		name      string
		th        theme.Theme
		want, not []string
	}{
		{"built-in", theme.Theme{}, []string{"font: 16px/1.55 system-ui,", "h1, h2, h3 { color: #1b365d;", "size: A4;", "body { font-size: 10.5pt; }", "color: #e6e9ee;"},
			[]string{"text-align: justify", "Georgia"}},
		{"own", own, []string{`font: 16px/1.55 Georgia, "Times New Roman", serif;`, "h1, h2, h3 { color: #800000;", "border-top: 3px solid #800000;",
			"main > p, main > ul > li, main > ol > li { text-align: justify; hyphens: auto; }", "size: letter;", "body { font-size: 12pt; }",
			"font: 9pt Georgia, serif;", "font: bold 110pt Georgia, serif; color: #eeddcc;"}, []string{"system-ui", "#1b365d"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := html.New(html.Options{Theme: tc.th})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			doc := layout.Document{Language: "en-GB", DraftMark: "DRAFT"}
			if err := r.Render(&buf, layout.Parse([]byte("## 1. Aims\n\nTo learn.\n")), doc); err != nil {
				t.Fatal(err)
			}
			css, _, _ := strings.Cut(buf.String(), "</style>")
			for _, w := range tc.want {
				if !strings.Contains(css, w) {
					t.Errorf("the stylesheet lacks %q:\n%s", w, css)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(css, n) {
					t.Errorf("the stylesheet holds %q", n)
				}
			}
		})
	}
	bad := theme.Default()
	bad.Paper = "A5"
	if _, err := html.New(html.Options{Theme: bad}); err == nil {
		t.Error("a theme on A5 paper was taken")
	}
}
