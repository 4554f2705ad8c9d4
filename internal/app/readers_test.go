package app_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/agreement"
	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/sampletest"
)

// sampleDocs generates every sample as Markdown and Word files into a
// temporary folder, with a handover version of the first sample so that
// a notice of change is among them, and returns the folder and the names
// of the Word files that are drafts (and so carry the draft marks).
func sampleDocs(t *testing.T) (string, map[string]bool) {
	t.Helper()
	g := newGenerator(t)
	dir := t.TempDir()
	drafts := map[string]bool{}
	write := func(files []string, prev *agreement.Record) *agreement.Record {
		var rec *agreement.Record
		for _, f := range files {
			q := loadSample(t, f)
			res, err := g.Generate(f, q, []string{"md", "docx"}, prev, nil)
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			for _, out := range res.Files {
				if err := os.WriteFile(filepath.Join(dir, out.Name), out.Data, 0o644); err != nil {
					t.Fatal(err)
				}
				if strings.HasSuffix(out.Name, ".docx") && !strings.Contains(out.Name, "notice-of-change") {
					drafts[out.Name] = q.DocumentStage() == questionnaire.StageDraft
				}
			}
			rec = res.Record
		}
		return rec
	}
	files := samples(t)
	first := write(files[:1], nil)
	write(files[1:], nil)
	v2 := handedOver(t, files[0])
	write([]string{v2}, first)
	if m, _ := filepath.Glob(filepath.Join(dir, "*notice-of-change*.docx")); len(m) == 0 {
		t.Fatal("no notice of change was written")
	}
	return dir, drafts
}

// handedOver copies a sample and records a handover of the first
// partner's lead in the copy, returning its path.
func handedOver(t *testing.T, sample string) string {
	t.Helper()
	file := copied(t, sample)
	q := loadSample(t, file)
	h := app.Handover{Partner: q.Partners[0].ID, Roles: []string{"lead"}, Name: "Priya Shah", Email: "p.shah@example.org",
		Effective: q.Date.Time().AddDate(0, 2, 0).Format("2006-01-02"), Reason: "The lead moved school"}
	if _, err := h.Record(file); err != nil {
		t.Fatal(err)
	}
	return file
}

// copied copies a sample, with its logos, into a new folder and returns
// the copy's path.
func copied(t *testing.T, sample string) string {
	t.Helper()
	dir := t.TempDir()
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, filepath.Base(sample))
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "logos"), os.DirFS(filepath.Join(sampletest.Dir, "logos"))); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestDocxLibreOffice has LibreOffice convert every Word file to PDF and
// checks that the PDF holds every heading and clause of the Markdown.
func TestDocxLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: converts with LibreOffice")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice not installed: apt-get install libreoffice-writer-nogui")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed: apt-get install poppler-utils")
	}
	dir, drafts := sampleDocs(t)
	docs, _ := filepath.Glob(filepath.Join(dir, "*.docx"))
	out := filepath.Join(dir, "pdf")
	profile := "file://" + filepath.Join(t.TempDir(), "profile")
	args := append([]string{"-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf", "--outdir", out}, docs...)
	if msg, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	for _, d := range docs {
		name := strings.TrimSuffix(filepath.Base(d), ".docx")
		t.Run(name, func(t *testing.T) {
			text, err := exec.Command("pdftotext", "-enc", "UTF-8", filepath.Join(out, name+".pdf"), "-").Output()
			if err != nil {
				t.Fatalf("LibreOffice wrote no readable PDF: %v", err)
			}
			md, err := os.ReadFile(filepath.Join(dir, name+".md"))
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Join(strings.Fields(string(text)), " ")
			clauses := clauseStarts(string(md))
			if len(clauses) == 0 {
				t.Fatal("no clauses found in the Markdown")
			}
			for _, c := range clauses {
				if !strings.Contains(got, c) {
					t.Errorf("the PDF lacks %q", c)
				}
			}
			// A draft says so in the header of every page, and on the
			// title page.
			draft := drafts[name+".docx"]
			for i, page := range strings.Split(strings.TrimSuffix(string(text), "\f"), "\f") {
				if has := strings.Contains(page, "DRAFT"); has != draft {
					t.Errorf("page %d: draft mark %v, want %v", i+1, has, draft)
				}
				if has := strings.Contains(strings.Join(strings.Fields(page), " "), "Draft for discussion"); has != (draft && i == 0) {
					t.Errorf("page %d: draft note %v, want %v", i+1, has, draft && i == 0)
				}
			}
		})
	}
}

// clauseLine matches a heading or a numbered clause of the Markdown.
var clauseLine = regexp.MustCompile(`(?m)^(?:#{1,3} (.+)|\*\*(\d+\.\d+)\*\* (.+))$`)

// clauseStarts lists each heading, and each clause's number with its
// first words, as plain text.
func clauseStarts(md string) []string {
	var out []string
	plain := strings.NewReplacer(`\`, "", "**", "", "*", "")
	for _, m := range clauseLine.FindAllStringSubmatch(md, -1) {
		s := m[1]
		if m[2] != "" {
			words := strings.Fields(plain.Replace(m[3]))
			s = m[2] + " " + strings.Join(words[:min(len(words), 4)], " ")
		}
		out = append(out, strings.Join(strings.Fields(plain.Replace(s)), " "))
	}
	return out
}

// docxReport is what python-docx finds in a Word file.
type docxReport struct {
	Headings  []string `json:"headings"` // "Heading 1: Aims and objectives", "Heading 1 (unnumbered): Schedule 1: Key contacts"
	Tables    int      `json:"tables"`
	Inserted  int      `json:"ins"`
	Deleted   int      `json:"del"`
	Title     string   `json:"title"`
	Author    string   `json:"author"`
	Language  string   `json:"language"`
	Revisions []string `json:"revision_authors"`
}

const pythonDocx = `
import docx, json, sys
from docx.oxml.ns import qn
def unnumbered(p):
    # A Heading 1 takes Word's numbering from its style unless the
    # paragraph switches it off.
    num = p._p.pPr.numPr if p._p.pPr is not None else None
    if num is not None and num.numId is not None and num.numId.val == 0:
        return " (unnumbered)"
    return ""
out = {}
for f in sys.argv[1:]:
    d = docx.Document(f)
    body = d.element.body
    ins = list(body.iter(qn("w:ins")))
    dels = list(body.iter(qn("w:del")))
    out[f] = {
        "headings": [p.style.name + unnumbered(p) + ": " + p.text for p in d.paragraphs
                     if p.style.name.startswith("Heading") or p.style.name in ("Title", "Subtitle")],
        "tables": len(d.tables),
        "ins": len(ins), "del": len(dels),
        "title": d.core_properties.title, "author": d.core_properties.author,
        "language": d.core_properties.language,
        "revision_authors": sorted(set(e.get(qn("w:author")) for e in ins + dels)),
    }
json.dump(out, sys.stdout)
`

// readDocx has python-docx read files.
func readDocx(t *testing.T, files ...string) map[string]docxReport {
	t.Helper()
	python := "/usr/bin/python3" // Debian's, which python3-docx installs into
	if err := exec.Command(python, "-c", "import docx").Run(); err != nil {
		t.Skip("python-docx not installed: apt-get install python3-docx")
	}
	cmd := exec.Command(python, append([]string{"-c", pythonDocx}, files...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	data, err := cmd.Output()
	if err != nil {
		t.Fatalf("python-docx: %v\n%s", err, stderr.String())
	}
	var out map[string]docxReport
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDocxPythonDocx has python-docx open every Word file and find its
// headings, by Word's style names, its tables and its properties.
func TestDocxPythonDocx(t *testing.T) {
	dir, _ := sampleDocs(t)
	docs, _ := filepath.Glob(filepath.Join(dir, "*.docx"))
	reports := readDocx(t, docs...)
	for _, d := range docs {
		r := reports[d]
		name := filepath.Base(d)
		md, err := os.ReadFile(strings.TrimSuffix(d, ".docx") + ".md")
		if err != nil {
			t.Fatal(err)
		}
		// Word numbers the sections, so their text lacks the number; a
		// Heading 1 without one switches the numbering off.
		var want []string
		var numbered []bool
		for _, m := range regexp.MustCompile(`(?m)^(#{1,3}) (.+)$`).FindAllStringSubmatch(string(md), -1) {
			h := strings.ReplaceAll(m[2], `\`, "")
			n := regexp.MustCompile(`^\d+\. `).FindString(h)
			want = append(want, strings.TrimPrefix(h, n))
			numbered = append(numbered, n != "")
		}
		if len(r.Headings) != len(want) {
			t.Errorf("%s: python-docx found %d headings, the Markdown has %d:\n%q", name, len(r.Headings), len(want), r.Headings)
			continue
		}
		for i, h := range r.Headings {
			heading1 := strings.HasPrefix(h, "Heading 1")
			if !strings.HasSuffix(h, ": "+want[i]) || strings.Contains(h, "(unnumbered)") != (heading1 && !numbered[i]) {
				t.Errorf("%s: heading %d is %q, want %q, numbered by Word: %v", name, i, h, want[i], numbered[i])
			}
		}
		if !strings.Contains(name, "notice") && !slicesHasPrefix(r.Headings, "Heading 1: ") {
			t.Errorf("%s: no heading in the Heading 1 style: %q", name, r.Headings)
		}
		if tables := strings.Count(string(md), "\n| --- "); r.Tables != tables {
			t.Errorf("%s: %d tables, want %d", name, r.Tables, tables)
		}
		if r.Title == "" || r.Author == "" || r.Language != "en-GB" {
			t.Errorf("%s: properties title %q, author %q, language %q", name, r.Title, r.Author, r.Language)
		}
		if r.Inserted+r.Deleted != 0 {
			t.Errorf("%s: tracked changes in a document that is not a redline", name)
		}
	}
}

func slicesHasPrefix(list []string, prefix string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}
