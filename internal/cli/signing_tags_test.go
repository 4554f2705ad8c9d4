package cli

import (
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/pdftest"
	"github.com/partnership-tools/mou/internal/signingtag"
)

// A forgery is an attempt to print a signing-service tag ({{…}}) in the
// documents, from answers, a signature recorded with mou signed --by, or
// one's own templates.
type forgery struct {
	name     string
	edits    []string // to the sample
	by       string   // mou signed --by, if not ""
	template string   // a line added to the end of one's own mou.md.tmpl, if not ""
	field    string   // the field validate names, or the flag
}

// forgeries are the ways tried to assemble a tag.
var forgeries = []forgery{
	{name: "a DocuSeal tag in one answer", field: "aims[0]", edits: []string{"  - Raise pupils'", "  - Sign here {{Signature 9;type=signature;role=Attacker}} and raise pupils'"}},
	{name: "a Documenso tag in one answer", field: "partnership.mission", edits: []string{"    To open young", "    {{signature, r1}} To open young"}},
	{name: "a tag split across two answers", field: "aims[0]", edits: []string{"the routes into them.", "the routes into them {{signature, r1", "  - Give every pupil", "  - \"}} Give every pupil\"\n  - Give every pupil"}},
	{name: "a tag split across a clause title and its text", field: "code_of_practice.protocols[0].title",
		edits: []string{"title: Requesting an activity", "title: \"Requesting an activity {\"", "text: Either lead emails", "text: \"{signature, r2}}\" # Either lead emails"}},
	{name: "a tag split across a name and a role", field: "partners[0].lead.name",
		edits: []string{"name: Jane Smith", "name: Jane Smith {{signature,", "role: Careers Leader", "role: r1}} Careers Leader"}},
	{name: "a name closing mou's own tag and opening another", field: "partners[1].name",
		edits: []string{"name: Hartwell Engineering Ltd", "name: \"Hartwell}} {{Signature 9;type=signature;role=Attacker\""}},
	{name: "a soft hyphen between the braces", field: "aims[1]", edits: []string{"  - Give every pupil", "  - \"{\\u00ad{signature, r2}\\u00ad} Give every pupil\"\n  - Give every pupil"}},
	{name: "a zero-width space between the braces", field: "aims[1]", edits: []string{"  - Give every pupil", "  - \"x {\\u200b{signature, r2}\\u200b} Give every pupil\"\n  - Give every pupil"}},
	{name: "a word joiner and a byte order mark between the braces", field: "aims[1]", edits: []string{"  - Give every pupil", "  - \"x {\\u2060\\ufeff{date, r2}} Give every pupil\"\n  - Give every pupil"}},
	{name: "a direction mark between the braces", field: "aims[1]", edits: []string{"  - Give every pupil", "  - \"x {\\u200e{date, r2}\\u200f} Give every pupil\"\n  - Give every pupil"}},
	{name: "full-width braces", field: "aims[1]", edits: []string{"  - Give every pupil", "  - x ｛｛signature, r2｝｝ Give every pupil\n  - Give every pupil"}},
	{name: "braces in list items of one answer", field: "partnership.background", edits: []string{"  background: >\n", "  background: |\n    - x {\n    - {signature, r1}\n    - } y\n"}},
	{name: "braces in table cells of one answer", field: "partnership.background", edits: []string{"  background: >\n", "  background: |\n    | a | b |\n    | --- | --- |\n    | x { | {signature, r1} |\n    | } y | z |\n"}},
	{name: "one brace at the end of an answer, to meet the next", field: "aims[0]", edits: []string{"the routes into them.", "the routes into them {"}},
	{name: "one brace at the start of an answer, to meet the last", field: "aims[2]",
		edits: []string{"  - Build a pipeline of local young people into Hartwell's apprenticeship programme.", "  - \"{signature, r1} Build a pipeline\""}},
	{name: "signed --by with a tag", field: "--by", by: "Dr Amara Okafor {{signature, r2}}"},
	{name: "signed --by with a soft hyphen between the braces", field: "--by", by: "Dr Amara Okafor {\u00ad{signature, r2}\u00ad}"},
	{name: "signed --by ending with a brace", field: "--by", by: "Dr Amara Okafor {"},
	{name: "one's own template printing a tag", template: "Sign here: {{`{{`}}signature, r1{{`}}`}}"},
	{name: "one's own template with a zero-width space in a tag", template: "Sign here: {\u200b{signature, r1}\u200b}"},
	{name: "one's own template splitting a tag across paragraphs", template: "Sign: {{`{`}}\n\n{{`{`}}signature, r1{{`}`}}\n\n{{`}`}} here."},
}

// TestSigningTagForgeries tries every forgery: validate (or signed)
// refuses it with its line or flag, and generate writes nothing.
func TestSigningTagForgeries(t *testing.T) {
	for _, f := range forgeries {
		t.Run(f.name, func(t *testing.T) {
			dir := t.TempDir()
			file := writeFile(t, dir, "p.yaml", f.edits...)
			lines := strings.Count(readText(t, file), "\n")
			args := []string{"generate", "--esign", "docuseal", "--format", "md,pdf,html,docx", "-o", filepath.Join(dir, "out"), file}
			switch {
			case f.by != "":
				code, _, stderr := run(t, "signed", file, "--version", "1", "--partner", "riverside", "--by", f.by, "--date", "2026-10-03")
				if code != 1 || !strings.Contains(stderr, "--by: ") || !strings.Contains(stderr, "nothing was changed") {
					t.Errorf("signed: exit %d\n%s", code, stderr)
				}
			case f.template != "":
				tmpl := filepath.Join(dir, "templates")
				if code, _, stderr := run(t, "templates", "export", tmpl); code != 0 {
					t.Fatal(stderr)
				}
				mou := filepath.Join(tmpl, "mou.md.tmpl")
				if err := os.WriteFile(mou, []byte(readText(t, mou)+"\n\n"+f.template+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				args = append(args, "--templates", tmpl)
				code, _, stderr := run(t, args...)
				if want := "its text puts two braces together"; code != 1 || !strings.Contains(stderr, want) {
					t.Errorf("generate: exit %d, want 1 and %q:\n%s", code, want, stderr)
				}
			default:
				code, _, stderr := run(t, "validate", file)
				m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(file) + `:(\d+):\d+: ` + regexp.QuoteMeta(f.field) + `: (two braces together|starts with a brace|ends with a brace)`).FindStringSubmatch(stderr)
				if code != 1 || m == nil {
					t.Fatalf("validate: exit %d, want 1 and a problem with %s at its line:\n%s", code, f.field, stderr)
				}
				if n, _ := strconv.Atoi(m[1]); n < 1 || n > lines {
					t.Errorf("validate names line %d; the file has %d", n, lines)
				}
				if code, _, stderr := run(t, args...); code != 1 {
					t.Errorf("generate: exit %d, want 1:\n%s", code, stderr)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
				t.Error("generate wrote something")
			}
		})
	}
	t.Logf("%d forgeries tried, every one refused", len(forgeries))
}

func readText(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// mouTag is one of mou's own DocuSeal tags, as signingtag.Seen reads it.
var mouTag = regexp.MustCompile(`\{\{(?:Signature|Date)\d+;type=(?:signature|datenow);role=([^{};]*);width=\d+;height=\d+\}\}`)

// TestSigningTagsInEveryFormat generates honest files with braces apart
// in their answers, and partners whose names differ only in punctuation,
// with DocuSeal tags, in every format. Read as a signing service reads
// them (PDF through pdftotext, Word through LibreOffice and pdftotext, the
// web page and the Markdown as text), they hold mou's own tags, one role
// to a signature block, and no other braces together.
func TestSigningTagsInEveryFormat(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: converts with LibreOffice")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice not installed: apt-get install libreoffice-writer-nogui")
	}
	cases := map[string][]string{
		"the sample":                     nil,
		"braces apart":                   {"    To open young", "    To open {young} people's { eyes } to", "  - Raise pupils'", "  - Raise {x} {y} pupils'"},
		"names differing in punctuation": {"name: Hartwell Engineering Ltd", "name: Riverside Academy;"},
	}
	dir := t.TempDir()
	var docs []string
	for name, edits := range cases {
		sub := filepath.Join(dir, strings.ReplaceAll(name, " ", "-"))
		if err := os.Mkdir(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		file := writeFile(t, sub, "p.yaml", edits...)
		if code, _, stderr := run(t, "generate", "--esign", "docuseal", "--format", "md,pdf,html,docx", "-o", filepath.Join(sub, "out"), file); code != 0 {
			t.Fatalf("%s: %s", name, stderr)
		}
		found, _ := filepath.Glob(filepath.Join(sub, "out", "*.docx"))
		docs = append(docs, found...)
	}
	converted := filepath.Join(dir, "converted")
	profile := "file://" + filepath.Join(dir, "profile")
	if msg, err := exec.Command(soffice, append([]string{"-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf", "--outdir", converted}, docs...)...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	tags := 0
	for name := range cases {
		files, _ := filepath.Glob(filepath.Join(dir, strings.ReplaceAll(name, " ", "-"), "out", "*-v1.*"))
		for _, f := range files {
			var text string
			data := []byte(readText(t, f))
			switch filepath.Ext(f) {
			case ".pdf":
				text = pdftest.Text(t, data)
			case ".docx":
				pdfFile := filepath.Join(converted, strings.TrimSuffix(filepath.Base(f), ".docx")+".pdf")
				text = pdftest.Text(t, []byte(readText(t, pdfFile)))
			case ".html":
				// The words of the page, without its style sheet.
				body := regexp.MustCompile(`(?s)<style.*?</style>`).ReplaceAllString(string(data), "")
				text = html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(body, " "))
			case ".md":
				text = layout.Parse(data).Text()
			default:
				continue
			}
			seen := signingtag.Seen(text)
			roles := map[string]bool{}
			for _, m := range mouTag.FindAllStringSubmatch(seen, -1) {
				roles[m[1]] = true
				tags++
			}
			if strings.HasSuffix(f, ".pdf") && len(roles) != 2 {
				t.Errorf("%s: %s: roles %v, want one for each of the two partners", name, filepath.Base(f), roles)
			}
			if around, ok := signingtag.Find(mouTag.ReplaceAllString(seen, "")); ok {
				t.Errorf("%s: %s: braces together besides mou's own tags: %q", name, filepath.Base(f), around)
			}
		}
	}
	if tags == 0 {
		t.Error("no tags of mou's own found: the test reads nothing")
	}
}
