package cli

import (
	"strings"
	"testing"
)

// TestRefusalsPrintNamesLiterally: a refusal that names a partner, or the
// person who signed, prints the name exactly as written, with none of the
// backslashes that would escape it for Markdown.
func TestRefusalsPrintNamesLiterally(t *testing.T) {
	const name = `Sêr *Cymru* #1 Trust`
	const by = `T. <Hartwell> [Jr]`
	tests := []struct {
		name   string
		before []string // a command run first, before its file
		args   []string // the command refused, before its file
		want   string
	}{
		{"join with a taken id", nil, []string{"join", "--partner", "hartwell", "--name", "X", "--kind", "employer", "--lead", "A B", "--title", "T",
			"--email", "a@b.org", "--position", "P", "--effective", "2027-01-06"}, `a partner already has the id "hartwell" (` + name + `)`},
		{"leave naming a new lead", nil, []string{"leave", "--partner", "hartwell", "--new-lead", "riverside", "--effective", "2027-01-06"},
			"--new-lead is for when the lead partner leaves; " + name + " is not the lead partner"},
		{"a signature recorded twice", []string{"signed", "--version", "1", "--partner", "hartwell", "--by", by, "--date", "2026-10-03"},
			[]string{"signed", "--version", "1", "--partner", "hartwell", "--by", "X", "--date", "2026-10-04"},
			name + "'s signature on version 1 is already recorded (by " + by + " on 3 October 2026)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			file := writeFile(t, t.TempDir(), "p.yaml", "name: Hartwell Engineering Ltd", "name: '"+name+"'")
			if tc.before != nil {
				mustRun(t, append([]string{tc.before[0], file}, tc.before[1:]...)...)
			}
			code, _, stderr := run(t, append([]string{tc.args[0], file}, tc.args[1:]...)...)
			if code != 1 || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d; stderr %q does not contain %q", code, stderr, tc.want)
			}
		})
	}
}
