package pdf

import (
	"strings"
	"testing"
	"time"

	"github.com/partnership-tools/mou/internal/worktest"
)

func TestLongInputsRenderWithBoundedWork(t *testing.T) {
	long := strings.Repeat("abcdefghij", 300)
	url := "https://example.org/" + strings.Repeat("very-long-path-segment/", 40)
	tests := []struct {
		name     string
		md       string
		minPages int
	}{
		{"3000-letter word", long + "\n", 1},
		{"long url", "See <" + url + "> and [" + url + "](" + url + ").\n", 1},
		{"long word in heading and list", "## " + long + "\n\n- " + long + "\n", 1},
		{"long code line", "```\n" + long + "\n```\n", 1},
		{"200-row table", tableMarkdown(200), 5},
		{"row taller than a page", "| a | b | c | d | e | f |\n|-|-|-|-|-|-|\n| " + strings.Repeat(long, 4) + " | x | x | x | x | x |\n", 2},
		{"deep nesting", strings.Repeat("> ", 60) + strings.Repeat("- ", 60) + "deep\n", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var data []byte
			worktest.Measure(func() { data = renderBytes(t, []byte(tc.md), testDoc) }).Within(t, "Render", 3*time.Second, 512<<20)
			if n := validPDF(t, data); n < tc.minPages {
				t.Errorf("%d pages, want at least %d", n, tc.minPages)
			}
		})
	}
}

func TestWrapKeepsWithinWidth(t *testing.T) {
	m, err := loadMetrics()
	if err != nil {
		t.Fatal(err)
	}
	st := textStyle{face: faceRegular, size: 10.5}
	tests := []struct {
		name  string
		text  string
		width float64
		lines int // expected number of lines, or 0 for any
	}{
		{"short", "one two three", 100, 1},
		{"wraps at spaces", "one two three four five six seven eight nine ten", 30, 0},
		{"long word", strings.Repeat("w", 3000), 166, 0},
		{"narrower than a letter", "WWW", 0.5, 3},
		{"empty", "", 50, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lines := wrap(m, []run{{text: tc.text, style: st}}, tc.width)
			var got []string
			for _, ln := range lines {
				if ln.width > tc.width+wrapEpsilon && len([]rune(ln.frags[0].text)) > 1 {
					t.Errorf("line %q is %.2f mm wide, more than %.2f", ln.frags[0].text, ln.width, tc.width)
				}
				for _, f := range ln.frags {
					got = append(got, f.text)
				}
			}
			joined := strings.Join(got, " ")
			if tc.name == "long word" || tc.name == "narrower than a letter" {
				joined = strings.Join(got, "")
			}
			if joined != tc.text {
				t.Errorf("wrapped text %q, want %q", joined, tc.text)
			}
			if tc.lines > 0 && len(lines) != tc.lines {
				t.Errorf("%d lines, want %d", len(lines), tc.lines)
			}
		})
	}
}
