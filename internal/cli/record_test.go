package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestVerdictFromRecord: whether the signed agreement stands is decided
// from the version records, never by reading old documents, so it holds
// in every format, with any templates and after a rename.
func TestVerdictFromRecord(t *testing.T) {
	handover := []string{"name: Jane Smith", "name: Dafydd Jones-Newman", "version: 1", "version: 2", "date: 2026-09-01", "date: 2027-01-06"}
	// A template overlay that says the reference in Welsh: the label the
	// old verdict searched the Markdown for is gone.
	overlay := t.TempDir()
	partials, err := os.ReadFile("../../templates/partials.md.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	translated := strings.Replace(string(partials), "Agreement ref. {{.Reference}}", "Cyfeirnod y cytundeb {{.Reference}}", 1)
	if err := os.WriteFile(filepath.Join(overlay, "partials.md.tmpl"), []byte(translated), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		flags      []string
		v2         []string // edits making version 2
		wantStdout []string
		wantFiles  []string // written for version 2
		noFiles    []string
		diffExit   int
	}{
		{"handover, PDF only", []string{"--format", "pdf"}, handover,
			[]string{"The signed agreement stands (Agreement ref. BH7A-3R8E, as in version 1)", "no new signatures are needed"},
			[]string{"riverside-hartwell-engineering-futures-notice-of-change-v2.pdf", "riverside-hartwell-engineering-futures-record-v2.json"},
			[]string{"riverside-hartwell-engineering-futures-notice-of-change-v2.md"}, 0},
		{"handover, HTML only", []string{"--format", "html"}, handover,
			[]string{"The signed agreement stands"},
			[]string{"riverside-hartwell-engineering-futures-notice-of-change-v2.html"}, nil, 0},
		{"handover, translated templates", []string{"--format", "md", "--templates", overlay}, handover,
			[]string{"The signed agreement stands"},
			[]string{"riverside-hartwell-engineering-futures-notice-of-change-v2.md"}, nil, 0},
		{"renamed partnership", []string{"--format", "md"},
			append([]string{"name: Riverside–Hartwell Engineering Futures", "name: Riverside Engineering Futures"}, handover...),
			[]string{"The agreement text changed since version 1 in the title page (Agreement ref. BH7A-3R8E → "},
			[]string{"riverside-engineering-futures-mou-v2.md"},
			[]string{"riverside-engineering-futures-notice-of-change-v2.md"}, 3},
		{"objective changed, PDF only", []string{"--format", "pdf"},
			[]string{"version: 1", "version: 2", "target: 30% say yes", "target: 35% say yes"},
			[]string{"The agreement text changed since version 1 in section 4 (Aims and objectives)", "every partner must sign version 2"},
			[]string{"riverside-hartwell-engineering-futures-mou-v2.pdf"},
			[]string{"riverside-hartwell-engineering-futures-notice-of-change-v2.pdf"}, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out")
			// The same questionnaire file, edited in place, as a user does.
			file := writeFile(t, dir, "partnership.yaml")
			old := filepath.Join(dir, "old.yaml")
			data, _ := os.ReadFile(file)
			os.WriteFile(old, data, 0o644)
			if code, _, stderr := run(t, append([]string{"generate", "-o", out, file}, tc.flags...)...); code != 0 {
				t.Fatal(stderr)
			}
			writeFile(t, dir, "partnership.yaml", tc.v2...)
			code, stdout, stderr := run(t, append([]string{"generate", "-o", out, file}, tc.flags...)...)
			if code != 0 {
				t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
			}
			for _, want := range tc.wantStdout {
				if !strings.Contains(stdout, want) {
					t.Errorf("stdout lacks %q:\n%s", want, stdout)
				}
			}
			for _, f := range tc.wantFiles {
				if _, err := os.Stat(filepath.Join(out, f)); err != nil {
					t.Errorf("not written: %s", f)
				}
			}
			for _, f := range tc.noFiles {
				if _, err := os.Stat(filepath.Join(out, f)); err == nil {
					t.Errorf("written, but should not be: %s", f)
				}
			}
			diff := []string{"diff", old, file}
			if i := indexOf(tc.flags, "--templates"); i >= 0 {
				diff = append(diff, "--templates", tc.flags[i+1])
			}
			if code, stdout, _ := run(t, diff...); code != tc.diffExit {
				t.Errorf("diff: exit %d, want %d\n%s", code, tc.diffExit, stdout)
			}
		})
	}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// TestArchitecture holds the arrows of the design: renderers see only the
// layout tree, and the command line draws nothing itself.
func TestArchitecture(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go is not on PATH")
	}
	tests := []struct {
		pkg       string
		forbidden []string
	}{
		{"internal/render/pdf", []string{"internal/questionnaire", "internal/document", "internal/app", "internal/cli"}},
		{"internal/render/html", []string{"internal/questionnaire", "internal/document", "internal/app", "internal/cli"}},
		{"internal/render/docx", []string{"internal/questionnaire", "internal/document", "internal/app", "internal/cli"}},
		{"internal/redline", []string{"internal/questionnaire", "internal/document", "internal/app", "internal/cli"}},
		{"internal/layout", []string{"internal/questionnaire", "internal/document"}},
		{"internal/theme", []string{"internal/questionnaire", "internal/document", "internal/app", "internal/cli", "internal/render/pdf", "internal/render/html", "internal/render/docx"}},
		{"internal/cli", []string{"internal/render/pdf", "internal/render/html", "internal/render/docx", "internal/redline", "internal/document"}},
	}
	const module = "github.com/partnership-tools/mou/"
	// Arrows run one way: cli → app → the rest. The front ends (cli, and
	// serve below it) are imported by nothing but what starts them, the
	// use cases only by the front ends, and a renderer sees nothing of
	// mou but the layout tree and the theme.
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}} {{join .Imports " "}}`, module+"...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	importers := map[string][]string{"internal/cli": {"cmd/mou"}, "internal/serve": {"internal/cli"}, "internal/app": {"internal/cli", "internal/serve"}}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(strings.ReplaceAll(line, module, ""))
		pkg, imports := fields[0], fields[1:]
		for _, imp := range imports {
			if allowed, ok := importers[imp]; ok && indexOf(allowed, pkg) < 0 {
				t.Errorf("%s imports %s, which only %s may", pkg, imp, strings.Join(allowed, " and "))
			}
			if strings.HasPrefix(pkg, "internal/render/") && strings.HasPrefix(imp, "internal/") && imp != "internal/layout" && imp != "internal/theme" {
				t.Errorf("%s imports %s: a renderer sees only internal/layout and internal/theme", pkg, imp)
			}
		}
	}
	for _, tc := range tests {
		out, err := exec.Command("go", "list", "-f", `{{join .Imports "\n"}}`, module+tc.pkg).Output()
		if err != nil {
			t.Fatalf("go list %s: %v", tc.pkg, err)
		}
		imports := strings.Fields(string(out))
		for _, f := range tc.forbidden {
			if indexOf(imports, module+f) >= 0 {
				t.Errorf("%s imports %s", tc.pkg, f)
			}
		}
	}
}
