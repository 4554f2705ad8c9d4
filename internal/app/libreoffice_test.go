package app_test

import (
	"encoding/json"
	"fmt"
	"github.com/partnership-tools/mou/internal/agreement"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/yamledit"
)

// loJob is one job for testdata/libreoffice.py: see the script.
type loJob struct {
	Op    string   `json:"op"`
	In    string   `json:"in"`
	Out   string   `json:"out"`
	Edits []loEdit `json:"edits,omitempty"`
}

// loEdit is an edit the script makes, with tracked changes on.
type loEdit struct {
	Replace     string `json:"replace,omitempty"`
	With        string `json:"with,omitempty"`
	InsertAfter string `json:"insert_after,omitempty"`
	Text        string `json:"text,omitempty"`
	Delete      string `json:"delete,omitempty"`
}

// libreOffice runs jobs in one LibreOffice, driven through UNO by
// testdata/libreoffice.py, or skips the test where LibreOffice or its
// Python bridge is missing.
func libreOffice(t *testing.T, jobs []loJob) {
	t.Helper()
	if testing.Short() {
		t.Skip("slow: drives LibreOffice")
	}
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("LibreOffice not installed: apt-get install libreoffice-writer-nogui python3-uno")
	}
	python := "/usr/bin/python3" // Debian's, which python3-uno installs into
	if err := exec.Command(python, "-c", "import uno").Run(); err != nil {
		t.Skip("LibreOffice's Python bridge not installed: apt-get install python3-uno")
	}
	script, err := filepath.Abs(filepath.Join("testdata", "libreoffice.py"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	data, err := json.Marshal(jobs)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "jobs.json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(python, script, file).CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, out)
	}
}

// pageNumbers matches the footer's page numbers, which depend on where
// the pages break: layout, not text.
var pageNumbers = regexp.MustCompile(`Page \d+ of \d+`)

// exported reads a text LibreOffice exported, without the byte order mark
// and the page numbers.
func exported(t *testing.T, file string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return pageNumbers.ReplaceAllString(strings.TrimPrefix(string(data), "\uFEFF"), "Page N of N")
}

// firstDifference describes where two texts first differ, line by line.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\ngot  %q\nwant %q", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(g), len(w))
}

// nextVersion makes the questionnaire in file the next version of a
// partnership: a handover, a partner leaving (or, with two partners,
// joining), an aim and an objective's target reworded (a commitment, in a
// code of practice alone) and, on an edition with clause ids, a clause
// replaced, one inserted and one left out.
func nextVersion(t *testing.T, file string) {
	t.Helper()
	q := loadSample(t, file)
	day := func(months int) string { return q.Date.Time().AddDate(0, months, 0).Format("2006-01-02") }
	h := app.Handover{Partner: q.Partners[0].ID, Roles: []string{"lead"}, Name: "Priya Shah", Email: "p.shah@example.org", Effective: day(2), Reason: "The lead moved school"}
	if _, err := h.Record(file); err != nil {
		t.Fatal(err)
	}
	if last := q.Partners[len(q.Partners)-1]; len(q.Partners) > 2 {
		l := app.Leave{Partner: last.ID, Effective: day(6)}
		if last.ID == q.Partnership.LeadPartner {
			l.NewLead = q.Partners[0].ID
		}
		if _, err := l.Record(file); err != nil {
			// Its work, where it has some, passes to the first partner.
			l.ReassignTo = q.Partners[0].ID
			if _, err := l.Record(file); err != nil {
				t.Fatal(err)
			}
		}
	} else {
		j := app.Join{Partner: "hillside", Name: "Hillside Primary School", Kind: "school", Lead: "Grace Obi",
			Title: "Deputy Headteacher", Email: "g.obi@hillside.example.org", Position: "Headteacher", Effective: day(6)}
		if _, err := j.Record(file); err != nil {
			t.Fatal(err)
		}
	}
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := yamledit.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	edits := [][2]string{{"code_of_practice.commitments[0].will[0]", "Answer every request within two working days."}}
	if q.Writes("mou") {
		edits = [][2]string{{"aims[0]", "Raise attainment in reading across every partner school."}, {"objectives[0].target", "A target raised by the partners"}}
	}
	for _, e := range edits {
		if err := doc.Set(e[0], e[1]); err != nil {
			t.Fatal(err)
		}
	}
	if !q.FirstEdition() {
		replace, after, omit := "general.confidentiality", "general.insurance", "communication.foi"
		if !q.Writes("mou") {
			replace, after, omit = "turnover.roles", "contacts.list", "code-review.changes"
		}
		err := doc.Set(`wording.replace["`+replace+`"]`, "Each partner keeps to itself what it learns of the others.")
		if err != nil {
			err = doc.AddMapping("wording.replace", [][2]string{{replace, "Each partner keeps to itself what it learns of the others."}})
		}
		if err == nil {
			err = doc.Append("wording.insert", [][2]string{{"after", after}, {"title", "Records"}, {"text", "Each partner keeps a record of what it shares."}})
		}
		if err == nil {
			err = doc.AppendScalar("wording.omit", omit)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(file, doc.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, problems, err := app.Load(file); err != nil || problems.Err() != nil {
		t.Fatalf("the next version is not valid: %v %v", err, problems.Err())
	}
}

// logosOf reads the logos of q beside file, as generate does.
func logosOf(t *testing.T, file string, q *questionnaire.Questionnaire) []layout.Logo {
	t.Helper()
	var out []layout.Logo
	for _, p := range q.Partners {
		if p.Logo != "" {
			data, err := questionnaire.ReadLogo(filepath.Dir(file), p.Logo)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, layout.Logo{Name: p.Logo, Data: data})
		}
	}
	return out
}

// wordFiles generates the Word files of the questionnaire in file into
// dir, and returns them by document ("mou", "code-of-practice").
func wordFiles(t *testing.T, file, dir string) map[string]string {
	t.Helper()
	files, _ := nextWordFiles(t, file, dir, nil)
	return files
}

// nextWordFiles is wordFiles for a version that follows the one whose
// record is prev, as generate writes it with that record in its folder;
// it returns the version's own record too.
func nextWordFiles(t *testing.T, file, dir string, prev *agreement.Record) (map[string]string, *agreement.Record) {
	t.Helper()
	q := loadSample(t, file)
	res, err := newGenerator(t).Generate(file, q, []string{"docx"}, prev, logosOf(t, file, q))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range res.Files {
		for _, kind := range []string{"mou", "code-of-practice"} {
			if strings.HasSuffix(f.Name, ".docx") && strings.Contains(f.Name, "-"+kind+"-v") {
				path := filepath.Join(dir, f.Name)
				if err := os.WriteFile(path, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
				out[kind] = path
			}
		}
	}
	return out, res.Record
}

// TestRedlineAcceptReject has LibreOffice accept and reject every change
// in the Word redline of each sample's next version (see nextVersion),
// of the memorandum and of the code of practice: accepting gives the new
// version's own Word file and rejecting the old one's, line by line,
// headers and footers included, with the section and clause numbers
// Word works out; only the page numbers, which are layout, are left out.
func TestRedlineAcceptReject(t *testing.T) {
	type check struct{ name, got, want string }
	var jobs []loJob
	var checks []check
	dir := t.TempDir()
	for _, sample := range samples(t) {
		name := strings.TrimSuffix(filepath.Base(sample), ".yaml")
		old := copied(t, sample)
		new := copied(t, sample)
		nextVersion(t, new)
		was, record := nextWordFiles(t, old, t.TempDir(), nil)
		is, _ := nextWordFiles(t, new, t.TempDir(), record)
		out := app.Redlines{MOU: filepath.Join(dir, name+"-mou-redline.docx"), CodeOfPractice: filepath.Join(dir, name+"-code-of-practice-redline.docx")}
		if was["mou"] == "" {
			out.MOU = ""
		}
		if was["code-of-practice"] == "" {
			out.CodeOfPractice = ""
		}
		if _, err := app.DiffRedlines(old, new, "", out); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for kind, redline := range map[string]string{"mou": out.MOU, "code-of-practice": out.CodeOfPractice} {
			if redline == "" {
				continue
			}
			base := filepath.Join(dir, name+"-"+kind)
			jobs = append(jobs,
				loJob{Op: "text", In: was[kind], Out: base + "-old.txt"},
				loJob{Op: "text", In: is[kind], Out: base + "-new.txt"},
				loJob{Op: "accept", In: redline, Out: base + "-accepted.txt"},
				loJob{Op: "reject", In: redline, Out: base + "-rejected.txt"})
			checks = append(checks,
				check{name + " " + kind + ": accept all", base + "-accepted.txt", base + "-new.txt"},
				check{name + " " + kind + ": reject all", base + "-rejected.txt", base + "-old.txt"})
		}
	}
	libreOffice(t, jobs)
	if d := os.Getenv("MOU_KEEP"); d != "" {
		_ = os.CopyFS(d, os.DirFS(dir))
	}
	for _, c := range checks {
		got, want := exported(t, c.got), exported(t, c.want)
		if got != want {
			t.Errorf("%s does not give that version's own text: %s", c.name, firstDifference(got, want))
		}
		if body, _, _ := strings.Cut(got, "\n--- header and footer ---"); strings.Contains(body, "\n\n\n") {
			t.Errorf("%s leaves empty paragraphs side by side", c.name)
		}
	}
	if len(checks) < 2*len(samples(t)) {
		t.Errorf("only %d checks", len(checks))
	}
}

// TestCrossReferencesInWord: a cross-reference in a Word file is a field
// that follows its clause, section or schedule: once a clause is put in
// before the clause it names and the fields are updated, as Word does on
// opening the file, it shows the new number.
func TestCrossReferencesInWord(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		sample string
		edits  []string // pairs of old and new text in the questionnaire
		want   string
	}{
		// Edition 2026.2 numbers the partnership's schedules from 3, and
		// a reference to one prints its number.
		{"council-academy-sla.yaml", []string{"text: The Council may claim", "text: Under [[general.insurance]], section [[general]] and Schedule [[schedules.2]] the Council may claim"},
			"Under 12.3, section 12 and Schedule 4 the Council may claim"},
		// From 2026.3 they come first, as the partnership names them, and
		// a reference prints the label.
		{"partnership-sla.yaml", []string{"text: The Council may claim", "text: Under [[general.insurance]], section [[general]] and [[schedules.2]] the Council may claim",
			"  parties_term:", "  schedule_numbering: Annex A\n  parties_term:"},
			"Under 12.3, section 12 and Annex B the Council may claim"},
	}
	var jobs []loJob
	for i, c := range cases {
		file := copied(t, filepath.Join("..", "..", "samples", c.sample))
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for j := 0; j < len(c.edits); j += 2 {
			if !strings.Contains(string(src), c.edits[j]) {
				t.Fatalf("%s lacks %q", c.sample, c.edits[j])
			}
			src = []byte(strings.Replace(string(src), c.edits[j], c.edits[j+1], 1))
		}
		if err := os.WriteFile(file, src, 0o644); err != nil {
			t.Fatal(err)
		}
		word := wordFiles(t, file, t.TempDir())["mou"]
		edited, text := filepath.Join(dir, strconv.Itoa(i)+"-edited.docx"), filepath.Join(dir, strconv.Itoa(i)+"-edited.txt")
		jobs = append(jobs,
			loJob{Op: "edit", In: word, Out: edited, Edits: []loEdit{{InsertAfter: "mou_general_health_and_safety", Text: "First aiders are named."}}},
			loJob{Op: "text", In: edited, Out: text})
	}
	libreOffice(t, jobs)
	for i, c := range cases {
		got := exported(t, filepath.Join(dir, strconv.Itoa(i)+"-edited.txt"))
		if !strings.Contains(got, c.want) {
			t.Errorf("%s: the cross-references do not follow their clauses:\n%s", c.sample, got)
		}
		if !strings.Contains(got, "12.3 Insurance:") {
			t.Errorf("%s: the clause named did not move to 12.3:\n%s", c.sample, got)
		}
	}
}
