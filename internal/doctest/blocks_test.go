package doctest

import (
	"reflect"
	"strings"
	"testing"
)

// TestBlocks reads the shell blocks of a page, the output shown after
// them and the comments about running them.
func TestBlocks(t *testing.T) {
	page := strings.Join([]string{
		"# A page",
		"",
		"```sh",
		"mou init -o partnership.yaml",
		"```",
		"",
		"```",
		"wrote partnership.yaml",
		"```",
		"",
		"Some prose.",
		"",
		"```",
		"not output: prose stands between",
		"```",
		"<!-- doctest: skip needs the network -->",
		"```sh",
		"go install example.com/mou@latest",
		"```",
		"```yaml",
		"version: 1",
		"```",
		"<!-- doctest: exit 3 -->",
		"<!-- doctest: needs pdftotext qpdf -->",
		"",
		"1. In a list:",
		"   ```sh",
		"   mou diff a.yaml b.yaml",
		"   ```",
		"   ```text",
		"   Changes …",
		"   ```",
	}, "\n")
	got, err := Blocks(page)
	if err != nil {
		t.Fatal(err)
	}
	want := []Block{
		{Line: 3, Script: "mou init -o partnership.yaml", Output: "wrote partnership.yaml", HasOut: true},
		{Line: 17, Script: "go install example.com/mou@latest", Skip: "needs the network"},
		{Line: 27, Script: "mou diff a.yaml b.yaml", Output: "Changes …", HasOut: true, WantExit: 3, Needs: []string{"pdftotext", "qpdf"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// TestBlocksRefuses refuses what the test could not run as the page means.
func TestBlocksRefuses(t *testing.T) {
	for page, want := range map[string]string{
		"```sh\nmou init\n":                           "line 1: the code block is never closed",
		"<!-- doctest: skip -->\n```sh\nx\n```":       "line 1: say why a block is skipped",
		"<!-- doctest: exit three -->\n```sh\nx\n```": `line 1: exit "three" is not a number`,
		"<!-- doctest: skip why -->\n```yaml\nx\n```": "line 2: a doctest comment stands before a block that is not of shell commands",
		"<!-- doctest skip: why -->\n```sh\nx\n```":   "line 1: a doctest comment mou cannot read: <!-- doctest skip: why -->",
	} {
		if _, err := Blocks(page); err == nil || err.Error() != want {
			t.Errorf("%q: got %v, want %s", page, err, want)
		}
	}
}

// TestMatches compares output with what a page shows, … standing for any text.
func TestMatches(t *testing.T) {
	tests := []struct {
		want, output string
		match        bool
	}{
		{"wrote a.md", "wrote a.md\n", true},
		{"wrote a.md", "wrote a.md  \n\n", true},
		{"wrote a.md", "wrote b.md", false},
		{"wrote out/…-mou-v1.md", "wrote out/riverside-hartwell-mou-v1.md", true},
		{"…\nAgreement ref. BH7A-3R8E, version 1.", "wrote a\nwrote b\nAgreement ref. BH7A-3R8E, version 1.", true},
		{"Agreement ref. BH7A-3R8E", "Agreement ref. BH7A-3R8E, version 1.", false},
		{"a (b) [c] *d*", "a (b) [c] *d*", true},
	}
	for _, tc := range tests {
		if got := Matches(tc.want, tc.output); got != tc.match {
			t.Errorf("Matches(%q, %q) = %v, want %v", tc.want, tc.output, got, tc.match)
		}
	}
}
