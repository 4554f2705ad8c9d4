package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/partnership-tools/mou/internal/sampletest"
)

// run runs mou with args and returns its exit code and output.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Main(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

const sample = "../../samples/school-employer.yaml"

// writeFile writes a questionnaire made from the sample with edits applied.
func writeFile(t *testing.T, dir, name string, edits ...string) string {
	t.Helper()
	s := sampletest.Edit(t, "school-employer.yaml", edits...)
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, s, 0o644); err != nil {
		t.Fatal(err)
	}
	// The sample names its logos relative to itself.
	if err := os.CopyFS(filepath.Join(dir, "logos"), os.DirFS("../../samples/logos")); err != nil && !os.IsExist(err) {
		t.Fatal(err)
	}
	return path
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "bad.yaml", "by: 2027-07-16", "by: 2027-02-30", "owner: hartwell", "owner: hartwel")
	noLogo := writeFile(t, dir, "nologo.yaml", "logo: logos/riverside-logo.png", "logo: logos/nope.png", "logo: logos/hartwell-logo.jpg", "logo: fake.png")
	os.WriteFile(filepath.Join(dir, "fake.png"), []byte("not an image"), 0o644)
	emptyDir := filepath.Join(dir, "empty")
	os.MkdirAll(emptyDir, 0o755)
	badTheme := filepath.Join(dir, "theme.yaml")
	os.WriteFile(badTheme, []byte("colours: {headng: \"#000000\"}\n"), 0o644)
	vague := writeFile(t, dir, "vague.yaml", "target: 8 placements each summer", "target: Several placements")
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   string // substring expected on standard output
		stderr   []string
		noStderr bool
	}{
		{"valid", []string{"validate", sample}, 0, "school-employer.yaml: valid", nil, true},
		{"invalid lists every problem", []string{"validate", bad}, 1, "",
			[]string{bad + `:73:9: objectives[0].by: "2027-02-30" is not a date (YYYY-MM-DD)`,
				bad + `:85:12: objectives[2].owner: "hartwel" is not the id of any partner (did you mean "hartwell"?)`}, false},
		{"bad logos", []string{"validate", noLogo}, 1, "",
			[]string{noLogo + ":28:11: partners[0].logo: cannot read logos/nope.png: no such file",
				noLogo + ":49:11: partners[1].logo: fake.png is not a PNG or JPEG image"}, false},
		{"warning passes", []string{"validate", vague}, 0, "valid (1 warning)",
			[]string{"warning: objectives[2].target: the target has no number"}, false},
		{"warning fails with --strict", []string{"validate", "--strict", vague}, 1, "",
			[]string{"warning: objectives[2].target"}, false},
		{"missing file", []string{"validate", filepath.Join(dir, "nope.yaml")}, 1, "", []string{"nope.yaml: cannot read: no such file or directory"}, false},
		{"empty folder", []string{"validate", emptyDir}, 1, "", []string{"no questionnaires (*.yaml) in this folder"}, false},
		{"no file given", []string{"validate"}, 2, "", []string{"requires at least 1 arg"}, false},
		{"unknown flag", []string{"validate", "--nope", sample}, 2, "", []string{"unknown flag: --nope"}, false},
		{"unknown command", []string{"genrate", sample}, 2, "", []string{`unknown command "genrate"`}, false},
		{"unknown format", []string{"generate", "--format", "odt", "-o", dir, sample}, 2, "", []string{`unknown format "odt"`}, false},
		{"unknown model", []string{"init", "--model", "spaceship"}, 2, "", []string{`unknown model "spaceship"`}, false},
		{"unknown paper", []string{"generate", "--paper", "a5", "-o", dir, sample}, 2, "", []string{`unknown paper size "a5"`}, false},
		{"bad theme", []string{"generate", "--theme", badTheme, "-o", dir, sample}, 1, "", []string{`theme.yaml: colours: unknown colour "headng"`}, false},
		{"missing theme", []string{"generate", "--theme", filepath.Join(dir, "none.yaml"), "-o", dir, sample}, 1, "", []string{"none.yaml: cannot read"}, false},
		{"theme prints", []string{"theme"}, 0, "paper: a4", nil, true},
		{"redline", []string{"diff", sample, sample, "--redline", filepath.Join(dir, "redline.docx")}, 0, "wrote " + filepath.Join(dir, "redline.docx"), nil, true},
		{"redline format", []string{"diff", sample, sample, "--redline", filepath.Join(dir, "redline.odt")}, 2, "", []string{"redline.odt: a redline is written as a .pdf or a .docx file"}, false},
		{"redline of the code", []string{"diff", sample, sample, "--redline-code", filepath.Join(dir, "code.pdf")}, 0, "wrote " + filepath.Join(dir, "code.pdf"), nil, true},
		{"redline of the code format", []string{"diff", sample, sample, "--redline-code", filepath.Join(dir, "code.odt")}, 2, "", []string{"code.odt: a redline is written as a .pdf or a .docx file"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := run(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, stdout, stderr)
			}
			if !strings.Contains(stdout, tc.stdout) {
				t.Errorf("stdout %q does not contain %q", stdout, tc.stdout)
			}
			for _, s := range tc.stderr {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr does not contain %q:\n%s", s, stderr)
				}
			}
			if tc.noStderr && stderr != "" {
				t.Errorf("unexpected stderr: %s", stderr)
			}
		})
	}
}

func TestGenerateWritesNothingOnError(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "bad.yaml", "email: j.smith@riverside.example.org", "email: not-an-email")
	out := filepath.Join(dir, "out")
	code, _, stderr := run(t, "generate", "-o", out, bad)
	if code != 1 || !strings.Contains(stderr, "partners[0].lead.email") {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output folder exists after a failed run: %v", err)
	}
}

func TestGenerateVersions(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	file := writeFile(t, dir, "p.yaml")
	code, stdout, stderr := run(t, "generate", "-o", out, "--format", "md", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	mou := filepath.Join(out, "riverside-hartwell-engineering-futures-mou-v1.md")
	cop := filepath.Join(out, "riverside-hartwell-engineering-futures-code-of-practice-v1.md")
	for _, f := range []string{mou, cop} {
		if !strings.Contains(stdout, "wrote "+f) {
			t.Errorf("stdout does not report %s:\n%s", f, stdout)
		}
	}
	first, _ := os.ReadFile(mou)

	// The same answers again: the same bytes, nothing rewritten.
	code, stdout, _ = run(t, "generate", "-o", out, "--format", "md", file)
	if code != 0 || !strings.Contains(stdout, "unchanged "+mou) {
		t.Fatalf("regeneration: exit %d, %s", code, stdout)
	}

	// Different answers under the same version: refused, nothing touched.
	writeFile(t, dir, "p.yaml", "target: 8 placements each summer", "target: 10 placements each summer")
	code, _, stderr = run(t, "generate", "-o", out, "--format", "md", file)
	if code != 1 || !strings.Contains(stderr, `raise "version"`) {
		t.Fatalf("changed answers: exit %d, %s", code, stderr)
	}
	if now, _ := os.ReadFile(mou); !bytes.Equal(now, first) {
		t.Error("version 1 was overwritten")
	}

	// A new version is written beside the old one.
	writeFile(t, dir, "p.yaml", "target: 8 placements each summer", "target: 10 placements each summer", "version: 1", "version: 2")
	if code, _, stderr = run(t, "generate", "-o", out, "--format", "md", file); code != 0 {
		t.Fatalf("version 2: exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(strings.Replace(mou, "-v1.md", "-v2.md", 1)); err != nil {
		t.Error(err)
	}
	if now, _ := os.ReadFile(mou); !bytes.Equal(now, first) {
		t.Error("version 1 changed when version 2 was written")
	}
}

func TestInitGivesAValidQuestionnaire(t *testing.T) {
	for _, model := range models {
		t.Run(model, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "p.yaml")
			if code, _, stderr := run(t, "init", "--model", model, "-o", path); code != 0 {
				t.Fatalf("init: exit %d: %s", code, stderr)
			}
			code, _, stderr := run(t, "validate", path)
			if code != 0 {
				t.Fatalf("the %s questionnaire is not valid:\n%s", model, stderr)
			}
			// Valid is not sensible: every warning is of an example left
			// as it is, and --strict fails until they are replaced.
			for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
				if strings.Contains(line, "warning:") && !strings.Contains(line, `is still mou's example`) {
					t.Errorf("the %s questionnaire warns of something other than its examples: %s", model, line)
				}
			}
			if code, _, stderr = run(t, "validate", "--strict", path); code != 1 || !strings.Contains(stderr, `partnership.name: "Example`) {
				t.Errorf("validate --strict on an untouched file: exit %d\n%s", code, stderr)
			}
			data, _ := os.ReadFile(path)
			if !strings.HasPrefix(string(data), "# yaml-language-server: $schema=./questionnaire.schema.json\n") {
				t.Error("the first line does not point editors at the schema")
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(path), "questionnaire.schema.json")); err != nil {
				t.Error("the schema was not written beside the questionnaire")
			}
			if n := strings.Count(string(data), "\n#"); n < 40 {
				t.Errorf("only %d comment lines: every question needs a comment", n)
			}
			// Refuses to overwrite.
			if code, _, _ := run(t, "init", "-o", path); code != 1 {
				t.Errorf("init over an existing file: exit %d, want 1", code)
			}
		})
	}
}

func TestInitIntoNewFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "p.yaml")
	if code, _, stderr := run(t, "init", "-o", path); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, stderr := run(t, "validate", path); code != 0 {
		t.Error(stderr)
	}
}

func TestInitToStdout(t *testing.T) {
	code, stdout, _ := run(t, "init", "--model", "employer")
	if code != 0 || !strings.Contains(stdout, "partnership:") || !strings.Contains(stdout, "model: employer") {
		t.Errorf("exit %d, output %.200q", code, stdout)
	}
}

func TestDiff(t *testing.T) {
	dir := t.TempDir()
	handover := writeFile(t, dir, "v2.yaml", "name: Jane Smith", "name: Dafydd Jones-Newman", "version: 1", "version: 2", "date: 2026-09-01", "date: 2027-01-06")
	changed := writeFile(t, dir, "v3.yaml", "target: 30% say yes", "target: 35% say yes")
	bad := writeFile(t, dir, "bad.yaml", "version: 1", "version: nine")
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string
	}{
		{"contacts only", []string{"diff", sample, handover}, 0, []string{
			"Schedule 1: lead for Riverside Academy: Jane Smith → Dafydd Jones-Newman (from 6 January 2027)",
			"Verdict: The signed agreement stands (Agreement ref. ",
			"Send the notice of change and Schedule 1 to all partners"}},
		{"agreement changed", []string{"diff", sample, changed}, 3, []string{
			"Verdict: The agreement text changed since version 1 in section 4 (Aims and objectives)", "every partner must sign version 1."}},
		{"json", []string{"diff", "--format", "json", sample, changed}, 3, []string{
			`"agreement_stands": false`, `"changed_sections": [`, `"path": "objectives[1].target"`}},
		{"invalid file", []string{"diff", sample, bad}, 1, nil},
		{"one file", []string{"diff", sample}, 2, nil},
		{"bad format", []string{"diff", "--format", "xml", sample, changed}, 2, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := run(t, tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\n%s%s", code, tc.code, stdout, stderr)
			}
			for _, s := range tc.stdout {
				if !strings.Contains(stdout, s) {
					t.Errorf("stdout does not contain %q:\n%s", s, stdout)
				}
			}
		})
	}
}

func TestGenerateNoticeOfChange(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	v1 := writeFile(t, dir, "v1.yaml")
	if code, _, stderr := run(t, "generate", "--format", "md", "-o", out, v1); code != 0 {
		t.Fatal(stderr)
	}
	// Version 2 changes only a lead: a notice of change, no new signatures.
	v2 := writeFile(t, dir, "v2.yaml", "name: Jane Smith", "name: Dafydd Jones-Newman", "version: 1", "version: 2", "date: 2026-09-01", "date: 2027-01-06")
	code, stdout, stderr := run(t, "generate", "--format", "md", "-o", out, v2)
	if code != 0 || !strings.Contains(stdout, "The signed agreement stands") || !strings.Contains(stdout, "no new signatures are needed") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	notice, err := os.ReadFile(filepath.Join(out, "riverside-hartwell-engineering-futures-notice-of-change-v2.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"- Riverside Academy, Careers Leader (partnership lead): Name: Jane Smith → Dafydd Jones-Newman",
		"takes effect on 6 January 2027 and replaces version 1",
	} {
		if !strings.Contains(string(notice), want) {
			t.Errorf("notice does not contain %q:\n%s", want, notice)
		}
	}
	// Version 3 changes a target: every partner signs again, and no notice.
	v3 := writeFile(t, dir, "v3.yaml", "version: 1", "version: 3", "target: 30% say yes", "target: 35% say yes")
	code, stdout, _ = run(t, "generate", "--format", "md", "-o", out, v3)
	if code != 0 || !strings.Contains(stdout, "The agreement text changed since version 2") || !strings.Contains(stdout, "every partner must sign version 3") {
		t.Fatalf("exit %d\n%s", code, stdout)
	}
	if _, err := os.Stat(filepath.Join(out, "riverside-hartwell-engineering-futures-notice-of-change-v3.md")); !os.IsNotExist(err) {
		t.Error("a notice of change was written although the agreement changed")
	}
}

func TestGenerateBatch(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	for i, name := range []string{"Alpha Partnership", "Beta Partnership", "Gamma Partnership"} {
		writeFile(t, in, fmt.Sprintf("p%d.yaml", i), "name: Riverside–Hartwell Engineering Futures", "name: "+name)
	}
	writeFile(t, in, "bad.yaml", "version: 1", "version: nine")
	os.WriteFile(filepath.Join(in, "notes.txt"), []byte("not a questionnaire"), 0o644)
	out := filepath.Join(dir, "out")

	code, stdout, stderr := run(t, "generate", "-j", "3", "--format", "md", "-o", out, in)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (one bad file)\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "bad.yaml:2:10: version: \"nine\" is not a whole number") {
		t.Errorf("the bad file's error is missing:\n%s", stderr)
	}
	if !regexp.MustCompile(`^generated 3 of 4 questionnaires \(9 files written\) in [0-9.]+s, [0-9]+ a second; 1 failed\n$`).MatchString(stdout) {
		t.Errorf("summary: %q", stdout)
	}
	for _, s := range []string{stdout, stderr} {
		if strings.ContainsAny(s, "\r\033") {
			t.Errorf("control characters written to a pipe: %q", s)
		}
	}
	for _, slug := range []string{"alpha-partnership", "beta-partnership", "gamma-partnership"} {
		if _, err := os.Stat(filepath.Join(out, slug+"-mou-v1.md")); err != nil {
			t.Error(err)
		}
	}
	// Two questionnaires that would write the same files: the second is refused.
	same := filepath.Join(dir, "same")
	os.MkdirAll(same, 0o755)
	a := writeFile(t, same, "a.yaml")
	b := writeFile(t, same, "b.yaml")
	code, _, stderr = run(t, "generate", "-j", "1", "--format", "md", "-o", filepath.Join(dir, "out2"), a, b)
	if code != 1 || !strings.Contains(stderr, "b.yaml: writes riverside-hartwell-engineering-futures-mou-v1.md, as "+a+" does") {
		t.Errorf("exit %d, stderr %s", code, stderr)
	}
	// The same file named twice is generated once.
	code, stdout, _ = run(t, "generate", "--format", "md", "-o", filepath.Join(dir, "out3"), a, filepath.Dir(a)+"/./"+filepath.Base(a))
	if code != 0 || !strings.Contains(stdout, "riverside-hartwell-engineering-futures-mou-v1.md") || strings.Count(stdout, "wrote") != 3 {
		t.Errorf("a file named twice: exit %d\n%s", code, stdout)
	}
	// Version 2 with no version 1 to compare with says so.
	v2 := writeFile(t, same, "v2.yaml", "version: 1", "version: 2")
	_, stdout, _ = run(t, "generate", "--format", "md", "-o", filepath.Join(dir, "out4"), v2)
	if !strings.Contains(stdout, "No record of an earlier version is in the output folder") {
		t.Errorf("no note that nothing was compared:\n%s", stdout)
	}
	// validate takes a folder too.
	if code, stdout, _ := run(t, "validate", same); code != 0 || strings.Count(stdout, ": valid") != 3 {
		t.Errorf("validate DIR: exit %d\n%s", code, stdout)
	}
	// An empty folder is an error.
	empty := filepath.Join(dir, "empty")
	os.MkdirAll(empty, 0o755)
	if code, _, stderr := run(t, "generate", empty); code != 1 || !strings.Contains(stderr, "no questionnaires") {
		t.Errorf("empty folder: exit %d, %s", code, stderr)
	}
	if code, _, _ := run(t, "generate", "-j", "0", a); code != 2 {
		t.Errorf("-j 0: exit %d, want 2", code)
	}
}

func TestCustomTemplates(t *testing.T) {
	dir := t.TempDir()
	tmpl := filepath.Join(dir, "tmpl")
	if code, _, stderr := run(t, "templates", "export", tmpl); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, _ := run(t, "templates", "export", tmpl); code != 1 {
		t.Error("export over existing templates was not refused")
	}
	// Keep only the MOU template, with a clause of our own: the rest fall back.
	for _, name := range []string{"code-of-practice.md.tmpl", "notice.md.tmpl", "partials.md.tmpl"} {
		os.Remove(filepath.Join(tmpl, name))
	}
	mou := filepath.Join(tmpl, "mou.md.tmpl")
	data, _ := os.ReadFile(mou)
	edited := strings.Replace(string(data), `{{.Section "Signatures"}}`,
		"{{.Section \"Use of the school minibus\"}}\n\n**{{.Clause}}** The minibus is driven only by staff with a D1 licence.\n\n{{.Section \"Signatures\"}}", 1)
	os.WriteFile(mou, []byte(edited), 0o644)
	file := writeFile(t, dir, "p.yaml")
	out := filepath.Join(dir, "out")
	if code, _, stderr := run(t, "generate", "--format", "md", "--templates", tmpl, "-o", out, file); code != 0 {
		t.Fatal(stderr)
	}
	got, _ := os.ReadFile(filepath.Join(out, "riverside-hartwell-engineering-futures-mou-v1.md"))
	if !bytes.Contains(got, []byte("## 16. Use of the school minibus\n\n**16.1** The minibus is driven only by staff with a D1 licence.")) {
		t.Error("the custom clause is missing from the MOU")
	}
	if _, err := os.Stat(filepath.Join(out, "riverside-hartwell-engineering-futures-code-of-practice-v1.md")); err != nil {
		t.Error("the code of practice did not fall back to the built-in template")
	}

	tests := []struct{ name, template, want string }{
		{"parse error", "{{if}}", mou + ":1: missing value for if"},
		{"execution error", "line one\n{{.NoSuchField}}", mou + ":2:2: executing \"mou.md.tmpl\" at <.NoSuchField>: can't evaluate field NoSuchField"},
		{"unknown function", "{{readFile \"/etc/passwd\"}}", mou + `:1: function "readFile" not defined`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			os.WriteFile(mou, []byte(tc.template), 0o644)
			out := filepath.Join(t.TempDir(), "out")
			code, _, stderr := run(t, "generate", "--templates", tmpl, "-o", out, file)
			if code != 1 || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q, want %q", code, stderr, tc.want)
			}
			// The mistake is in the user's file whatever the edition.
			if strings.Contains(stderr, "edition") {
				t.Errorf("the message names an edition: %q", stderr)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Error("something was written")
			}
		})
	}
}

func TestCompletionAndVersion(t *testing.T) {
	code, stdout, _ := run(t, "__complete", "handover", sample, "--partner", "")
	if code != 0 || !strings.Contains(stdout, "riverside\tRiverside Academy\nhartwell\tHartwell Engineering Ltd\n") {
		t.Errorf("partner completion: exit %d, %q", code, stdout)
	}
	code, stdout, _ = run(t, "__complete", "handover", sample, "--role", "s")
	if code != 0 || !strings.Contains(stdout, "safeguarding\nsignatory\n") {
		t.Errorf("role completion: exit %d, %q", code, stdout)
	}
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		if code, stdout, _ := run(t, "completion", shell); code != 0 || !strings.Contains(stdout, "mou") {
			t.Errorf("completion %s: exit %d", shell, code)
		}
	}
	if code, stdout, _ := run(t, "--version"); code != 0 || !strings.HasPrefix(stdout, "mou ") {
		t.Errorf("--version: exit %d, %q", code, stdout)
	}
}

// TestHelpListsEveryCommand checks that each command appears in mou --help
// with a one-line description.
func TestHelpListsEveryCommand(t *testing.T) {
	_, stdout, _ := run(t, "--help")
	for _, name := range []string{"init", "validate", "generate", "handover", "diff", "calendar", "status", "schema", "theme", "templates", "completion"} {
		if !regexp.MustCompile(`(?m)^  ` + name + ` +\S`).MatchString(stdout) {
			t.Errorf("mou --help does not list %q with a description:\n%s", name, stdout)
		}
	}
}

// TestReleaseVersion checks that the version a release build sets with
// -ldflags is the one --version prints.
func TestReleaseVersion(t *testing.T) {
	saved := buildVersion
	t.Cleanup(func() { buildVersion = saved })
	buildVersion = "v1.4.0"
	if code, stdout, _ := run(t, "--version"); code != 0 || stdout != "mou v1.4.0\n" {
		t.Errorf("--version: exit %d, %q", code, stdout)
	}
}

// TestLongHelpIsWrapped: each command's description in its --help is
// wrapped as a paragraph, not left with a long line beside a short one.
func TestLongHelpIsWrapped(t *testing.T) {
	for _, cmd := range newRootCommand(io.Discard, io.Discard).Commands() {
		for i, line := range strings.Split(cmd.Long, "\n") {
			if n := utf8.RuneCountInString(line); n > 80 {
				t.Errorf("mou %s --help, line %d, is %d characters long: %q", cmd.Name(), i+1, n, line)
			}
		}
	}
}
