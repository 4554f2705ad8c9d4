package pdf

import (
	"strings"
	"testing"
)

func TestBreakPoints(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"Jones-Newman", "Jones-|Newman"},
		{"d.jones@riverside.example.org", "d.|jones@|riverside.|example.|org"},
		{"3.5", "3.5"},
		{"https://example.org/a", "https://|example.|org/|a"},
		{"-lead", "-lead"},
		{"1914–1918", "1914–|1918"},
	}
	for _, tc := range tests {
		if got := strings.Join(breakPoints(tc.in), "|"); got != tc.want {
			t.Errorf("breakPoints(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestShortCellsStayWhole checks that dates and phone numbers in a table
// with a long email address are not wrapped.
func TestShortCellsStayWhole(t *testing.T) {
	md := "| Partner | Role | Name | Email | Phone |\n| --- | --- | --- | --- | --- |\n" +
		"| Hartwell Engineering Ltd | Education Coordinator (partnership lead) | Dafydd Jones-Newman | d.jones-newman@riverside.example.org | 01632 960 118 |\n"
	text := pdfText(t, renderBytes(t, []byte(md), testDoc))
	for _, want := range []string{"01632 960 118", "d.jones-newman@"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q was wrapped:\n%s", want, text)
		}
	}
}
