package pseudo_test

import (
	"archive/zip"
	"bytes"
	"github.com/partnership-tools/mou/internal/app"
	"html"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/cli"
	"github.com/partnership-tools/mou/internal/pdftest"
	"github.com/partnership-tools/mou/internal/pseudo"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/sampletest"
)

// TestEveryWordComesFromThePackAndTemplates writes every sample, in the
// pseudo-locale, in every format, and every document of its life after
// signing (a notice of change, a joining agreement, a notice of
// withdrawal, a review record, redlines of the memorandum and the code,
// a calendar), and fails on any ASCII word in any of them: the
// pseudo-locale marks every word of the pack and the templates, and the
// samples' answers are marked too, so an ASCII word is English that a
// document took from somewhere else.
func TestEveryWordComesFromThePackAndTemplates(t *testing.T) {
	if testing.Short() {
		t.Skip("writes every sample in every format: not with -short")
	}
	pseudo.Install()
	samples, _ := filepath.Glob(filepath.Join(sampletest.Dir, "*.yaml"))
	if len(samples) == 0 {
		t.Fatal("no samples")
	}
	leaks := map[string][]string{} // word -> where
	for _, sample := range samples {
		name := strings.TrimSuffix(filepath.Base(sample), ".yaml")
		t.Run(name, func(t *testing.T) {
			dir := lifeOf(t, sample)
			for where, text := range documents(t, dir) {
				for _, leak := range pseudo.Leaks(text) {
					word, _, _ := strings.Cut(leak, " ")
					leaks[word] = append(leaks[word], name+"/"+where+": "+leak)
				}
			}
		})
	}
	words := make([]string, 0, len(leaks))
	for w := range leaks {
		words = append(words, w)
	}
	sort.Strings(words)
	for _, w := range words {
		t.Errorf("%q, unmarked, %d times; first in %s", w, len(leaks[w]), leaks[w][0])
	}
}

// lifeOf writes the documents of a sample's life in the pseudo-locale
// into a new folder, and returns it: the documents of its first version
// in every format, a signature recorded, as a web page to publish, and on
// the open edition of the wording, then a handover, a partner joining, a partner leaving and
// a role retitled, each generated and compared with a redline, then a
// review and the calendar.
func lifeOf(t *testing.T, sample string) string {
	t.Helper()
	dir := t.TempDir()
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	marked, err := pseudo.Questionnaire(data)
	if err != nil {
		t.Fatal(err)
	}
	copyDir(t, filepath.Join(sampletest.Dir, "logos"), filepath.Join(dir, "logos"))
	file := filepath.Join(dir, "p.yaml")
	write(t, file, marked)
	q := load(t, file)
	first, last := q.Partners[0].ID, q.Partners[len(q.Partners)-1].ID
	out := filepath.Join(dir, "out")
	all := []string{"--format", everyFormat, "-o", out}
	keep := func(n string) string {
		v := filepath.Join(dir, "v"+n+".yaml")
		write(t, v, read(t, file))
		return v
	}
	redlines := func(from, to, stem string) {
		if q.Writes("mou") {
			mou(t, "diff", from, to, "--redline", filepath.Join(dir, stem+".pdf"))
			mou(t, "diff", from, to, "--redline", filepath.Join(dir, stem+".docx"))
		}
		if q.Writes("code-of-practice") {
			mou(t, "diff", from, to, "--redline-code", filepath.Join(dir, stem+"-code.pdf"))
		}
	}

	mou(t, append([]string{"generate", file}, all...)...)
	mou(t, "calendar", file, "-o", filepath.Join(dir, "first.ics"))
	// The first partner signs: later versions say its signature still
	// covers them, and the web page to publish says who signed.
	mou(t, "signed", file, "--version", "1", "--partner", first, "--by", pseudo.Answer("Ann Signer"), "--date", "2026-09-01", "-o", out)
	if q.Writes("mou") && q.Writes("code-of-practice") {
		mou(t, "signed", file, "--version", "1", "--partner", first, "--by", pseudo.Answer("Ann Signer"), "--date", "2026-09-01", "-o", out,
			"--document", "code-of-practice")
	}
	mou(t, "generate", file, "--public", "-o", filepath.Join(dir, "public"))
	v1 := keep("1")
	// The same on the open edition, where the sample is on a frozen one.
	upgraded := filepath.Join(dir, "upgraded.yaml")
	write(t, upgraded, read(t, v1))
	mou(t, "wording", "upgrade", upgraded)
	mou(t, "generate", upgraded, "--format", everyFormat, "-o", filepath.Join(dir, "upgraded"))
	mou(t, "handover", file, "--partner", first, "--name", pseudo.Answer("Jo Newman"), "--email", pseudo.Answer("jo@example.org"),
		"--effective", "2026-10-01", "--reason", pseudo.Answer("The lead retired"))
	mou(t, append([]string{"generate", file}, all...)...)
	v2 := keep("2")
	redlines(v1, v2, "handover")
	mou(t, "handover", file, "--partner", first, "--name", pseudo.Answer("Sam Acting"), "--email", pseudo.Answer("sam@example.org"),
		"--acting", "--until", "2027-03-31", "--effective", "2026-11-01")
	mou(t, "generate", file, "-o", out)
	v3 := keep("3")
	mou(t, "join", file, "--partner", "hillside", "--name", pseudo.Answer("Hillside Primary School"), "--kind", "school",
		"--lead", pseudo.Answer("Ann Hill"), "--email", pseudo.Answer("ann@example.org"), "--title", pseudo.Answer("Deputy head"),
		"--position", pseudo.Answer("Headteacher"), "--effective", "2026-12-01", "--urn", "123456")
	mou(t, append([]string{"generate", file}, all...)...)
	v4 := keep("4")
	redlines(v3, v4, "join")
	// The last partner leaves, or the first where the last may not.
	if mou0(t, "leave", file, "--partner", last, "--effective", "2027-01-15", "--reassign-to", first) != 0 {
		mou(t, "leave", file, "--partner", first, "--effective", "2027-01-15", "--reassign-to", last)
		first = last
	}
	mou(t, append([]string{"generate", file}, all...)...)
	v5 := keep("5")
	redlines(v4, v5, "leave")
	mou(t, "handover", file, "--partner", first, "--title", pseudo.Answer("Director of partnerships"), "--effective", "2027-02-01")
	mou(t, "generate", file, "-o", out)
	redlines(v5, keep("6"), "retitle")
	mou(t, "review", file, "--date", "2027-03-01", "--format", everyFormat, "-o", out)
	mou(t, "calendar", file, "-o", filepath.Join(dir, "last.ics"))
	return dir
}

// mou runs mou with args and fails the test unless it succeeds (3 is a
// success: diff's "the signed text changed").
func mou(t *testing.T, args ...string) {
	t.Helper()
	if code := mou0(t, args...); code != 0 && code != 3 {
		t.Fatalf("mou %s: exit %d", strings.Join(args, " "), code)
	}
}

// mou0 runs mou with args and returns its exit code, logging what it
// says when it fails. A calendar of a partnership with no dated event is
// no failure: there is nothing to write.
func mou0(t *testing.T, args ...string) int {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := cli.Main(args, &stdout, &stderr)
	if code != 0 && code != 3 {
		if args[0] == "calendar" && strings.Contains(stderr.String(), "no dated event") {
			return 0
		}
		t.Logf("mou %s: exit %d\n%s%s", strings.Join(args, " "), code, stdout.String(), stderr.String())
	}
	return code
}

// everyFormat asks for every format mou writes, from app's table, so
// that a new format is checked as soon as it is added.
var everyFormat = strings.Join(app.Formats(), ",")

// documents returns the text of every document under dir, by its path.
func documents(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		data := read(t, path)
		switch filepath.Ext(path) {
		case ".md":
			out[rel] = layoutHint.ReplaceAllString(string(data), " ")
		case ".pdf":
			if _, err := exec.LookPath("pdftotext"); err != nil {
				t.Logf("%s not read: pdftotext not installed (apt-get install poppler-utils)", rel)
				return nil
			}
			out[rel] = pdftest.Text(t, data)
			for _, line := range strings.Split(pdftest.Info(t, data), "\n") {
				if key, value, ok := strings.Cut(line, ":"); ok && slices.Contains([]string{"Title", "Subject", "Keywords", "Author"}, key) {
					out[rel+" ("+key+")"] = value
				}
			}
		case ".html":
			out[rel] = htmlText(string(data))
		case ".docx":
			out[rel] = docxText(t, data)
		case ".ics":
			out[rel] = icsText(string(data))
		case ".json", ".yaml", ".bak", ".png", ".jpg":
			// Version records, the questionnaires and their backups, and
			// logos: facts and answers, not words of ours.
		default:
			t.Errorf("%s: no reader for this kind of file: teach documents() to read it, so that its words are checked too", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("no documents written")
	}
	return out
}

var (
	layoutHint = regexp.MustCompile(`<!--.*?-->`)
	unseen     = regexp.MustCompile(`(?s)<(script|style)\b.*?</(script|style)>|<!--.*?-->`)
	attrWords  = regexp.MustCompile(`\b(?:alt|title|aria-label)="([^"]*)"`)
	tag        = regexp.MustCompile(`<[^>]*>`)
	fieldCode  = regexp.MustCompile(`(?s)<w:instrText[^>]*>.*?</w:instrText>`)
	properties = regexp.MustCompile(`(?s)<(dc:title|dc:subject|dc:creator|cp:keywords)>.*?</(dc:title|dc:subject|dc:creator|cp:keywords)>`)
)

// htmlText is the text a web page shows, and the words of its attributes
// that a reader or a screen reader meets.
func htmlText(page string) string {
	page = unseen.ReplaceAllString(page, " ")
	var attrs []string
	for _, m := range attrWords.FindAllStringSubmatch(page, -1) {
		attrs = append(attrs, m[1])
	}
	return html.UnescapeString(tag.ReplaceAllString(page, " ") + " " + strings.Join(attrs, " "))
}

// docxText is the text of a Word file's body, headers, footers and the
// document properties a reader sees, deleted text included, field codes
// left out.
func docxText(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "word/document") && !strings.HasPrefix(f.Name, "word/header") &&
			!strings.HasPrefix(f.Name, "word/footer") && f.Name != "docProps/core.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		part, _ := io.ReadAll(rc)
		rc.Close()
		text := fieldCode.ReplaceAllString(string(part), " ")
		if f.Name == "docProps/core.xml" {
			text = strings.Join(properties.FindAllString(text, -1), " ")
		}
		text = strings.Replace(text, "<?xml", "<", 1)
		b.WriteString(html.UnescapeString(tag.ReplaceAllString(text, " ")) + "\n")
	}
	return b.String()
}

// icsText is what a calendar shows of its events: their summaries,
// descriptions and reminders, unfolded and unescaped.
func icsText(ics string) string {
	ics = strings.ReplaceAll(strings.ReplaceAll(ics, "\r\n ", ""), "\r\n", "\n")
	var b strings.Builder
	for _, line := range strings.Split(ics, "\n") {
		for _, key := range []string{"SUMMARY:", "DESCRIPTION:", "X-WR-CALNAME:"} {
			if v, ok := strings.CutPrefix(line, key); ok {
				v = strings.NewReplacer(`\n`, "\n", `\,`, ",", `\;`, ";", `\\`, `\`).Replace(v)
				b.WriteString(v + "\n")
			}
		}
	}
	return b.String()
}

func load(t *testing.T, file string) *questionnaire.Questionnaire {
	t.Helper()
	q, problems := questionnaire.Load(file, read(t, file), questionnaire.Options{})
	if err := problems.Err(); err != nil {
		t.Fatalf("the sample in the pseudo-locale is not valid:\n%v", err)
	}
	return q
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	if err := os.CopyFS(to, os.DirFS(from)); err != nil {
		t.Fatal(err)
	}
}
