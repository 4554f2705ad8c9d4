package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var modeline = regexp.MustCompile(`(?m)\A# yaml-language-server: \$schema=(\S+)\n`)

// TestInitToStdoutNamesTheSchema follows a user who runs
// "mou init > p.yaml": the schema cannot be written beside a file mou
// cannot see, so init says how to write it, and the command it gives
// makes the first line point at a file that exists.
func TestInitToStdoutNamesTheSchema(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	code, stdout, stderr := run(t, "init")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	m := modeline.FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("no modeline at the top of %.100q", stdout)
	}
	if err := os.WriteFile("p.yaml", []byte(stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	const advice = "\n  mou schema > questionnaire.schema.json\n"
	if !strings.Contains(stderr, advice) {
		t.Fatalf("stderr does not say how to write the schema: %q", stderr)
	}
	// Do as it says.
	code, schema, stderr := run(t, "schema")
	if code != 0 {
		t.Fatal(stderr)
	}
	if err := os.WriteFile("questionnaire.schema.json", []byte(schema), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, m[1])); err != nil {
		t.Errorf("the modeline points at %s, which is not there: %v", m[1], err)
	}
	// With the schema there, there is nothing to say.
	if code, _, stderr := run(t, "init"); code != 0 || stderr != "" {
		t.Errorf("exit %d, stderr %q; want 0 and nothing", code, stderr)
	}
}

// TestInitToFileWritesTheSchema checks that the modeline of a file
// written with -o points at the schema written beside it.
func TestInitToFileWritesTheSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "p.yaml")
	if code, _, stderr := run(t, "init", "-o", path); code != 0 {
		t.Fatal(stderr)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := modeline.FindSubmatch(data)
	if m == nil {
		t.Fatal("no modeline")
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(path), string(m[1]))); err != nil {
		t.Errorf("the modeline points at %s, which is not there: %v", m[1], err)
	}
}

// TestInitJoiningAnswerMatchesJoin: the sample answer for new partners
// says what mou join does: the newcomer signs a joining agreement, not the
// memorandum.
func TestInitJoiningAnswerMatchesJoin(t *testing.T) {
	joining := regexp.MustCompile(`(?m)^  joining: (.*)$`)
	for _, model := range models {
		t.Run(model, func(t *testing.T) {
			code, stdout, stderr := run(t, "init", "--model", model)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			m := joining.FindStringSubmatch(stdout)
			if m == nil {
				t.Fatal("the model has no alteration.joining answer")
			}
			if !regexp.MustCompile(`sign(s|ing) a joining agreement`).MatchString(m[1]) || strings.Contains(m[1], "signs this memorandum") {
				t.Errorf("the joining answer does not match mou join: %q", m[1])
			}
		})
	}
}

// TestInitSchemaBeside: init -o writes the schema beside the file; one
// already there that differs is named, and replaced with --force.
func TestInitSchemaBeside(t *testing.T) {
	dir := t.TempDir()
	file, schemaFile := filepath.Join(dir, "p.yaml"), filepath.Join(dir, schemaName)
	if err := os.WriteFile(schemaFile, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "init", "-o", file)
	if code != 0 || !strings.Contains(stderr, "Note: "+schemaFile+" differs from this mou's schema") {
		t.Errorf("exit %d, want a note on the stale schema:\n%s", code, stderr)
	}
	if data, _ := os.ReadFile(schemaFile); string(data) != "x" {
		t.Error("the schema was replaced without --force")
	}
	if code, _, stderr := run(t, "init", "-o", file, "--force"); code != 0 || !strings.Contains(stderr, "wrote "+schemaFile) {
		t.Errorf("--force: exit %d:\n%s", code, stderr)
	}
	if data, _ := os.ReadFile(schemaFile); !strings.HasPrefix(string(data), "{") {
		t.Errorf("the schema was not replaced: %.40q", data)
	}
	if code, _, stderr := run(t, "init", "-o", file, "--force"); code != 0 || strings.Contains(stderr, schemaName) {
		t.Errorf("an up-to-date schema is mentioned: exit %d:\n%s", code, stderr)
	}
}

// TestInitHelpDescribesEachModel: "mou init --help" describes every model
// init can write by partners of the example partnership it writes, and
// names no partner it does not write, so that the help and init cannot
// drift apart.
func TestInitHelpDescribesEachModel(t *testing.T) {
	_, help, _ := run(t, "init", "--help")
	named := regexp.MustCompile(`Example(?: [A-Z][a-z]+)+|University of Example`)
	for _, model := range models {
		at := strings.Index(help, "\n  "+model+" ")
		if at < 0 {
			t.Errorf("the help does not describe the model %s:\n%s", model, help)
			continue
		}
		entry := help[at+1:]
		if end := regexp.MustCompile(`\n(  [a-z]|\n)`).FindStringIndex(entry); end != nil {
			entry = entry[:end[0]]
		}
		entry = strings.Join(strings.Fields(entry), " ")
		_, text, _ := run(t, "init", "--model", model)
		var writes []string
		for _, m := range regexp.MustCompile(`(?m)^    name: (.+)$`).FindAllStringSubmatch(text, -1) {
			writes = append(writes, m[1])
		}
		names := named.FindAllString(entry, -1)
		if len(names) == 0 {
			t.Errorf("the help's entry for %s names none of its partners (%v): %q", model, writes, entry)
		}
		for _, n := range names {
			if !slices.Contains(writes, n) {
				t.Errorf("the help's entry for %s names %s, which init does not write (it writes %v)", model, n, writes)
			}
		}
	}
}

// TestSuggestedCommandsQuoteTheFile: a command mou suggests running next
// can be copied into a terminal as it is, whatever the file is called.
func TestSuggestedCommandsQuoteTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "St Mary's & Moreton MOU.yaml")
	code, stdout, stderr := run(t, "init", "-o", path)
	if code != 0 {
		t.Fatal(stderr)
	}
	if want := `then run: mou validate "` + path + `"`; !strings.Contains(stdout+stderr, want) {
		t.Errorf("init said:\n%s%s\nwant it to say %s", stdout, stderr, want)
	}
	code, stdout, stderr = run(t, "generate", path, "--format", "md", "-o", filepath.Join(filepath.Dir(path), "out"))
	if code != 0 {
		t.Fatal(stderr)
	}
	if want := `to list each, run: mou validate "` + path + `"`; !strings.Contains(stderr, want) {
		t.Errorf("generate said:\n%s\nwant it to say %s", stderr, want)
	}
}
