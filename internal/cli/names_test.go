package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/pdftest"
)

// TestDiffPrintsNamesLiterally: a name full of characters that Markdown
// reads as markup prints exactly as written in mou diff's text and JSON
// and on a redline's first page, PDF and Word alike.
func TestDiffPrintsNamesLiterally(t *testing.T) {
	const name = `Ysgol Gyfun Gŵyr <b>#1</b> | *Stars* {Sig} \ _u_ [x]`
	join := []string{"join", "--partner", "gwyr", "--name", name, "--kind", "school", "--lead", "Grace Obi", "--title", "Deputy Headteacher",
		"--email", "g.obi@gwyr.example.org", "--position", "Headteacher", "--effective", "2027-09-01"}
	tests := []struct {
		name   string
		v1     []string   // edits to the sample for version 1
		before [][]string // mou commands that make version 1, each before its file
		change []string   // the mou command that makes version 2, before its file
		want   []string   // what mou diff's text must hold
	}{
		{"a partner joins", nil, nil, join,
			[]string{"Parties: " + name + " joins on 1 September 2027", "Verdict: The signed agreement stands for the other partners", name + " joins: it signs the joining agreement"}},
		{"a lead is handed over", []string{"name: Hartwell Engineering Ltd", "name: '" + name + "'"}, nil, // YAML's single quotes keep the backslash
			[]string{"handover", "--partner", "hartwell", "--name", "Priya Shah", "--email", "p.shah@example.org", "--effective", "2026-11-01"},
			[]string{"Schedule 1: lead for " + name + ": "}},
		{"a partner leaves", nil, [][]string{join},
			[]string{"leave", "--partner", "gwyr", "--effective", "2028-08-31"},
			[]string{"Parties: " + name + " leaves on 31 August 2028", "Schedule 2: added version 3 (31 August 2028): " + name + " left the partnership"}},
		{"work passes to a partner", []string{"    - partner: riverside\n      in_kind:", "    - partner: riverside\n      amount: 500\n      in_kind:"}, [][]string{join},
			[]string{"leave", "--partner", "hartwell", "--effective", "2028-08-31", "--reassign-to", "gwyr"},
			[]string{"Activities: lead of Engineering day: Hartwell Engineering Ltd → " + name,
				"Code of practice: partner monitoring the code: Hartwell Engineering Ltd → " + name,
				"Aims and objectives: owner of objective 3: Hartwell Engineering Ltd → " + name}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			v1 := writeFile(t, dir, "v1.yaml", tt.v1...)
			mou := func(file string, cmd []string) {
				t.Helper()
				if code, _, stderr := run(t, append([]string{cmd[0], file}, cmd[1:]...)...); code != 0 {
					t.Fatalf("%s: exit %d: %s", cmd[0], code, stderr)
				}
			}
			for _, cmd := range tt.before {
				mou(v1, cmd)
			}
			data, err := os.ReadFile(v1)
			if err != nil {
				t.Fatal(err)
			}
			v2 := filepath.Join(dir, "v2.yaml")
			if err := os.WriteFile(v2, data, 0o644); err != nil {
				t.Fatal(err)
			}
			mou(v2, tt.change)
			redline := filepath.Join(dir, "r.pdf")
			code, stdout, stderr := run(t, "diff", v1, v2, "--redline", redline)
			if code != 0 && code != exitNeedsSignatures {
				t.Fatalf("diff: exit %d: %s", code, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(stdout, w) {
					t.Errorf("mou diff does not print %q:\n%s", w, stdout)
				}
			}
			if strings.Contains(stdout, `\<`) || strings.Contains(stdout, `\#`) || strings.Contains(stdout, `\*`) {
				t.Errorf("mou diff prints Markdown escapes:\n%s", stdout)
			}
			_, js, _ := run(t, "diff", "--format", "json", v1, v2)
			var report struct {
				Changes []struct{ Description string }
				Verdict string
			}
			if err := json.Unmarshal([]byte(js), &report); err != nil {
				t.Fatalf("%v:\n%s", err, js)
			}
			var all []string
			for _, c := range report.Changes {
				all = append(all, c.Description)
			}
			text := strings.Join(append(all, report.Verdict), "\n")
			if !strings.Contains(text, name) || strings.Contains(text, `\<`) || strings.Contains(js, `\u003c`) {
				t.Errorf("the JSON does not hold the name as written:\n%s", js)
			}
			docx := filepath.Join(dir, "r.docx")
			if code, _, stderr := run(t, "diff", v1, v2, "--redline", docx); code != 0 && code != exitNeedsSignatures {
				t.Fatalf("diff: exit %d: %s", code, stderr)
			}
			if first := docxText(t, docx); !strings.Contains(first, name) || strings.Contains(first, `\<`) {
				t.Errorf("the Word redline's summary does not hold %q as written:\n%s", name, first)
			}
			// The redline's first page gives the changes as mou diff does;
			// the PDF is checked last, as the check skips without pdftotext.
			data, err = os.ReadFile(redline)
			if err != nil {
				t.Fatal(err)
			}
			first := strings.Join(strings.Fields(pdftest.Pages(t, data)[0]), " ")
			if !strings.Contains(first, name) || strings.Contains(first, `\<`) {
				t.Errorf("the PDF redline's first page does not hold %q as written:\n%s", name, first)
			}
		})
	}
}

// docxText is the text of a Word file's body, one paragraph a line, with
// XML's entities decoded.
func docxText(t *testing.T, file string) string {
	t.Helper()
	s := regexp.MustCompile(`</w:p>`).ReplaceAllString(docxPart(t, file, "word/document.xml"), "\n")
	s = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(s, "")
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'", "&#34;", `"`, "&apos;", "'", "&amp;", "&").Replace(s)
}
