package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSigned checks that recording signatures leaves the agreement
// reference alone, that status names who has still to sign, and that a
// later version of the same agreement carries the signatures forward.
func TestSigned(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	file := writeFile(t, dir, "p.yaml")
	mustRun(t, "generate", "-o", out, "--format", "md", file)
	v1, _ := os.ReadFile(filepath.Join(out, "riverside-hartwell-engineering-futures-mou-v1.md"))

	stdout := mustRun(t, "signed", file, "--version", "1", "--partner", "riverside", "--by", "Dr Amara Okafor", "--date", "2026-10-03")
	if !strings.Contains(stdout, "Note: not yet signed agreement ref. BH7A-3R8E (version 1): Hartwell Engineering Ltd.") {
		t.Errorf("signed printed\n%s", stdout)
	}
	if _, stdout, _ := run(t, "status", file, "--today", "2026-10-10"); !strings.Contains(stdout, "Not yet signed agreement ref. BH7A-3R8E (version 1): Hartwell Engineering Ltd.") {
		t.Errorf("status printed\n%s", stdout)
	}
	// The same version's documents are unchanged by the record.
	stdout = mustRun(t, "generate", "-o", out, "--format", "md", file)
	if now, _ := os.ReadFile(filepath.Join(out, "riverside-hartwell-engineering-futures-mou-v1.md")); !bytes.Equal(now, v1) || !strings.Contains(stdout, "Agreement ref. BH7A-3R8E") {
		t.Errorf("recording a signature changed version 1 or its reference:\n%s", stdout)
	}

	mustRun(t, "handover", file, "--partner", "riverside", "--role", "signatory", "--name", "Owen Price", "--effective", "2027-01-06")
	stdout = mustRun(t, "generate", "-o", out, "--format", "md", file)
	if !strings.Contains(stdout, "The signed agreement stands (Agreement ref. BH7A-3R8E") {
		t.Errorf("generate printed\n%s", stdout)
	}
	mou, _ := os.ReadFile(filepath.Join(out, "riverside-hartwell-engineering-futures-mou-v2.md"))
	for _, want := range []string{"Signed on 3 October 2026 by Dr Amara Okafor, version 1.", "**Signed for and on behalf of Hartwell Engineering Ltd**\n\nSigned: \\_"} {
		if !bytes.Contains(mou, []byte(want)) {
			t.Errorf("version 2 does not contain %q", want)
		}
	}
	// Without version 1's record, which agreement it was is unknown.
	os.Rename(filepath.Join(out, "riverside-hartwell-engineering-futures-record-v1.json"), filepath.Join(dir, "record-v1.json"))
	if code, _, stderr := run(t, "signed", file, "--version", "1", "--partner", "hartwell", "--by", "X", "--date", "2027-01-07", "-o", out); code != 1 || !strings.Contains(stderr, "no record of version 1 in") {
		t.Errorf("without a record: exit %d, %s", code, stderr)
	}
	os.Rename(filepath.Join(dir, "record-v1.json"), filepath.Join(out, "riverside-hartwell-engineering-futures-record-v1.json"))
	// An earlier version's reference comes from its record.
	mustRun(t, "signed", file, "--version", "1", "--partner", "hartwell", "--by", "Tom Hartwell", "--date", "2026-10-20", "-o", out)
	if _, stdout, _ := run(t, "status", file, "--today", "2027-01-10"); !strings.Contains(stdout, "Not yet endorsed the code of practice of version 2: Riverside Academy and Hartwell Engineering Ltd") {
		t.Errorf("status printed\n%s", stdout)
	}
	// The code's endorsements of version 2, the current one, are by its
	// own fingerprint, and carry forward as the agreement's do.
	for _, id := range []string{"riverside", "hartwell"} {
		mustRun(t, "signed", file, "--version", "2", "--partner", id, "--by", "X", "--date", "2027-01-07", "--document", "code-of-practice")
	}
	if _, stdout, _ := run(t, "status", file, "--today", "2027-01-10"); !strings.Contains(stdout, "Every partner has signed agreement ref. BH7A-3R8E; the code of practice of version 2 is endorsed.") {
		t.Errorf("status printed\n%s", stdout)
	}

	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"missing flags", []string{"--version", "1"}, 2, "signed needs --partner, --by and --date"},
		{"no version", []string{"--partner", "riverside", "--by", "X", "--date", "2027-01-07"}, 2, "signed needs --version"},
		{"later version", []string{"--version", "3", "--partner", "riverside", "--by", "X", "--date", "2027-01-07"}, 1, "there is no version 3 yet"},
		{"twice", []string{"--version", "1", "--partner", "riverside", "--by", "X", "--date", "2027-01-07", "-o", out}, 1, "signature on version 1 is already recorded (by Dr Amara Okafor on 3 October 2026)"},
		{"before issue", []string{"--version", "2", "--partner", "riverside", "--by", "X", "--date", "2027-01-01"}, 1, "1 January 2027 is before version 2 was issued"},
		{"unknown partner", []string{"--version", "2", "--partner", "nobody", "--by", "X", "--date", "2027-01-07"}, 1, `no partner has the id "nobody"`},
		{"unknown document", []string{"--version", "2", "--partner", "riverside", "--by", "X", "--date", "2027-01-07", "--document", "memo"}, 2,
			`--document: "memo" is not one of: mou, code-of-practice, notice-of-change, joining-agreement, notice-of-withdrawal, review`},
		{"a document the version has not", []string{"--version", "2", "--partner", "riverside", "--by", "X", "--date", "2027-01-07", "--document", "joining-agreement"}, 1,
			"version 2 has no joining agreement"},
		{"endorsed twice", []string{"--version", "2", "--partner", "riverside", "--by", "X", "--date", "2027-01-07", "--document", "code-of-practice"}, 1,
			"signature on version 2 (code-of-practice) is already recorded (by X on 7 January 2027)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := os.ReadFile(file)
			code, _, stderr := run(t, append([]string{"signed", file}, tc.args...)...)
			if code != tc.code || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("exit %d, want %d; stderr %q does not contain %q", code, tc.code, stderr, tc.stderr)
			}
			if after, _ := os.ReadFile(file); !bytes.Equal(after, before) {
				t.Error("the file changed")
			}
		})
	}
}

// mustRun runs mou and fails the test unless it exits 0.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, stdout, stderr := run(t, args...)
	if code != 0 {
		t.Fatalf("mou %s: exit %d\n%s%s", strings.Join(args, " "), code, stdout, stderr)
	}
	return stdout
}

// TestSignedBeforeJoining: a partner that joined later cannot have signed
// a version from before it joined; the refusal names the version it
// joined in.
func TestSignedBeforeJoining(t *testing.T) {
	tests := []struct {
		version string
		code    int
		stderr  string
	}{
		{"1", 1, "Bryn Tools Ltd joined the partnership in version 2 (on 1 September 2027), so it did not sign version 1; record its signature on version 2 or later"},
		{"2", 0, ""},
		{"3", 0, ""},
	}
	for _, tc := range tests {
		t.Run("version "+tc.version, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out")
			file := writeFile(t, dir, "p.yaml")
			mustRun(t, "generate", "-o", out, "--format", "md", file)
			mustRun(t, "join", file, "--partner", "bryn", "--name", "Bryn Tools Ltd", "--kind", "employer", "--lead", "Ceri Bryn", "--title", "Director",
				"--email", "c.bryn@bryn.example.org", "--position", "Director", "--effective", "2027-09-01")
			mustRun(t, "generate", "-o", out, "--format", "md", file)
			mustRun(t, "handover", file, "--partner", "bryn", "--phone", "01234 567890", "--effective", "2027-10-01")
			before := mustRead(t, file)
			code, _, stderr := run(t, "signed", file, "--version", tc.version, "--partner", "bryn", "--by", "Ceri Bryn", "--date", "2027-10-02", "-o", out)
			if code != tc.code || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("exit %d, want %d; stderr %q does not contain %q", code, tc.code, stderr, tc.stderr)
			}
			if after := mustRead(t, file); tc.code != 0 && !bytes.Equal(after, before) {
				t.Error("the file changed")
			}
		})
	}
}

// TestGenerateOnceEveryoneHasSigned: once every signature of the version
// is recorded, generate says so, as status does, rather than asking for
// signatures to be recorded as they come back.
func TestGenerateOnceEveryoneHasSigned(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	file := writeFile(t, dir, "p.yaml")
	for _, s := range [][3]string{{"riverside", "Dr Amara Okafor", ""}, {"hartwell", "Tom Hartwell", ""},
		{"riverside", "Dr Amara Okafor", "code-of-practice"}, {"hartwell", "Tom Hartwell", "code-of-practice"}} {
		args := []string{"signed", file, "--version", "1", "--partner", s[0], "--by", s[1], "--date", "2026-10-03", "-o", out}
		if s[2] != "" {
			args = append(args, "--document", s[2])
		}
		mustRun(t, args...)
	}
	stdout := mustRun(t, "generate", "-o", out, "--format", "md", file)
	if !strings.Contains(stdout, "Every partner has signed agreement ref. BH7A-3R8E; the code of practice of version 1 is endorsed.") ||
		strings.Contains(stdout, "Record each signature") {
		t.Errorf("generate printed\n%s", stdout)
	}
}
