package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/partnership-tools/mou/internal/worktest"
)

// TestBadInputs feeds validate and generate every kind of broken file a
// school might send: each must give exit 1 and a clear message naming
// the file, with little work, without a panic, and generate must write
// nothing.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	aliasBomb := "x: &yg [" + strings.Repeat("y, ", 2000) + "y]\ny: &act {title: t, lead: a, when: w, year_groups: *yg}\n" +
		"activities: [" + strings.Repeat("*act, ", 2000) + "*act]\n"
	tests := []struct {
		name    string
		content string
		want    string // after "FILE"
	}{
		{"empty", "", `: the file is empty; run "mou init" for a questionnaire to fill in`},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ":3:1: the file contains a NUL byte: it is not a text file"},
		{"not UTF-8", "partnership:\n  name: Ysgol Bro \xd4wyn\n", ":2:19: byte 0xD4 at offset 31 is not UTF-8; save the file as UTF-8"},
		{"UTF-16", "\xff\xfep\x00a\x00", ":1:1: the file is saved as UTF-16; save it as UTF-8"},
		{"a list", "- one\n- two\n", `:1:1: expected a questionnaire (a set of "key: value" lines), found a list`},
		{"malformed", "partnership:\n  name: \"unclosed\n", ":2:1: not valid YAML: found unexpected end of stream"},
		{"duplicate keys", "version: 1\nversion: 2\n", ":2:1: version: given twice (first on line 1)"},
		{"alias bomb", aliasBomb, ":1:3756: activities[124].year_groups[1249]: the file has more than 250000 values (counting every use of an alias); it is too large to be a questionnaire"},
		{"deep nesting", "aims: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n", ":1:10007: not valid YAML: lists or sets inside one another more than 10000 deep"},
		{"many megabytes", "aims:\n" + strings.Repeat("  - an aim that goes on and on\n", 200000), ": the file is larger than 4194304 bytes (4 MiB), the limit for a questionnaire"},
		{"a huge answer", "aims: [\"" + strings.Repeat("x", 30000) + "\"]\n", ":1:8: aims[0]: the answer is 30000 bytes long; the limit is 20000"},
		{"a huge list", "aims:\n" + strings.Repeat("  - a\n", 6000), ":2:3: aims: the list has 6000 entries; the limit is 5000"},
		{"an answer reused by an alias", "aims:\n  - &t \"" + strings.Repeat("x", 19_990) + "\"\n" + strings.Repeat("  - *t\n", 60),
			":28:5: aims[26]: with this use of *t the answers in aims come to more than 512 KiB, the limit for one list"},
		{"tabs", "partnership:\n\tname: x\n", ":2:1: not valid YAML: found character that cannot start any token (a tab character: indent with spaces, not tabs)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".yaml")
			if err := os.WriteFile(file, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, cmd := range []string{"validate", "generate"} {
				out := filepath.Join(dir, "out-"+cmd)
				code, stdout, stderr := runCheaply(t, cmd, file, out)
				if code != 1 {
					t.Errorf("%s: exit %d, want 1\n%s%s", cmd, code, stdout, stderr)
				}
				if !strings.Contains(stderr, file+tc.want) {
					t.Errorf("%s: stderr does not contain %q:\n%.500s", cmd, file+tc.want, stderr)
				}
				// A user's file never gets a message about templates.
				if strings.Contains(stderr, "template") {
					t.Errorf("%s: a message about templates:\n%.500s", cmd, stderr)
				}
				if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine") {
					t.Errorf("%s: a crash:\n%s", cmd, stderr)
				}
				if _, err := os.Stat(out); !os.IsNotExist(err) {
					t.Errorf("%s: something was written", cmd)
				}
			}
		})
	}
}

// runCheaply runs validate FILE, or generate -o OUT FILE, and fails the
// test if that takes more than 2 seconds of CPU time or 256 MB: a broken
// or hostile file must be cheap to reject.
func runCheaply(t *testing.T, cmd, file, out string) (code int, stdout, stderr string) {
	t.Helper()
	worktest.Measure(func() {
		if cmd == "validate" {
			code, stdout, stderr = run(t, cmd, file)
		} else {
			code, stdout, stderr = run(t, cmd, "-o", out, file)
		}
	}).Within(t, cmd, 2*time.Second, 256<<20)
	return code, stdout, stderr
}

// TestNamesNeverSteerPaths gives partnerships names that look like paths
// or device names: every file must still land inside --out.
func TestNamesNeverSteerPaths(t *testing.T) {
	for _, name := range []string{"../../escape", `a/b\c`, "CON", "/etc/passwd", ".."} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			file := writeFile(t, dir, "p.yaml", "name: Riverside–Hartwell Engineering Futures", "name: \""+strings.ReplaceAll(name, `\`, `\\`)+"\"")
			out := filepath.Join(dir, "out")
			if code, _, stderr := run(t, "generate", "--format", "md", "-o", out, file); code != 0 {
				t.Fatal(stderr)
			}
			entries, _ := os.ReadDir(out)
			if len(entries) != 3 {
				t.Fatalf("%d files in --out, want 3 (two documents and the record)", len(entries))
			}
			all, _ := filepath.Glob(filepath.Join(dir, "*"))
			if len(all) != 3 { // p.yaml, logos, out
				t.Errorf("files outside --out: %v", all)
			}
		})
	}
}

// TestUnwritableOutput checks a clear error, exit 1, when --out cannot be made.
func TestUnwritableOutput(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "p.yaml")
	blocker := filepath.Join(dir, "out")
	os.WriteFile(blocker, []byte("a file where the folder should be"), 0o644)
	code, _, stderr := run(t, "generate", "--format", "md", "-o", blocker, file)
	if code != 1 || !strings.Contains(stderr, "cannot create the output folder") {
		t.Errorf("exit %d, stderr %s", code, stderr)
	}
}
