package serve_test

// Tests that drive Debian's Chromium through the interview as a person
// would, with chromedp. They skip, saying why, where Chromium is not
// installed; .ci/run installs it. The axe-core checks need axe-core from
// npm in $MOU_HTML_TOOLS, as the HTML page tests do.

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"github.com/partnership-tools/mou/templates"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/cli"
	"github.com/partnership-tools/mou/internal/serve"
)

// chromium returns the browser to drive, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("MOU_CHROMIUM"), "chromium", "chromium-browser"} {
		if name == "" {
			continue
		}
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	t.Skip("chromium is not installed, so the interview is not tried in a browser: apt-get install chromium (.ci/run does)")
	return ""
}

// session is one browser driving one run of mou serve.
type session struct {
	t    *testing.T
	ctx  context.Context
	base string // http://127.0.0.1:PORT
	dir  string // the folder mou serve was started in
	file string // the questionnaire, when there is one
	axe  string // axe-core's source, or ""
	// downloads is where the browser saves what it downloads.
	downloads string
}

// start runs mou serve on file (in dir; "" for a new partnership) and
// opens a fresh Chromium on it.
func start(t *testing.T, dir, file string) *session {
	t.Helper()
	exe := chromium(t)
	s, err := serve.New(serve.Config{File: file, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	l, err := serve.Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	// A generous limit on the whole test, only so that a hang ends.
	guard, cancelGuard := context.WithTimeout(context.Background(), 5*time.Minute)
	served := make(chan error, 1)
	go func() { served <- s.Serve(guard, l) }()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(guard, opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancelCtx()
		cancelAlloc()
		cancelGuard()
		if err := <-served; err != nil {
			t.Errorf("mou serve: %v", err)
		}
	})
	b := &session{t: t, ctx: ctx, base: "http://" + l.Addr().String(), dir: dir, file: file, downloads: t.TempDir()}
	if tools := os.Getenv("MOU_HTML_TOOLS"); tools != "" {
		if src, err := os.ReadFile(filepath.Join(tools, "node_modules", "axe-core", "axe.min.js")); err == nil {
			b.axe = string(src)
		}
	}
	b.do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		// axe-core is put into the page by the test, which the page's
		// own policy would refuse.
		if _, err := chromedp.Call(ctx, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true}); err != nil {
			return err
		}
		_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: b.downloads, EventsEnabled: ptr(true)})
		return err
	}))
	return b
}

func ptr[T any](v T) *T { return &v }

func (b *session) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatal(err)
	}
}

// open loads a page.
func (b *session) open(path string) {
	b.t.Helper()
	b.load(chromedp.Navigate(b.base + path))
}

// load runs steps that load a page, and fails unless it loads with the
// status wanted (200 unless given).
func (b *session) load(step chromedp.Action[chromedp.Void], status ...int64) {
	b.t.Helper()
	resp, err := chromedp.RunResponse(b.ctx, step)
	if err != nil {
		b.t.Fatal(err)
	}
	want := int64(200)
	if len(status) > 0 {
		want = status[0]
	}
	if want != 0 && resp.Status != want {
		b.t.Fatalf("%s: status %d, want %d", resp.URL, resp.Status, want)
	}
}

// press clicks the button or link that sel finds, and waits for the page
// it loads.
func (b *session) press(sel string, status ...int64) {
	b.t.Helper()
	b.load(chromedp.Click(chromedp.CSS(sel)), status...)
}

// fill sets the value of each field named by its id.
func (b *session) fill(values map[string]string) {
	b.t.Helper()
	for id, v := range values {
		js, _ := json.Marshal(v)
		if got := b.eval(`(e => e ? (e.value = ` + string(js) + `, "ok") : "missing")(document.getElementById("` + id + `"))`); got != "ok" {
			b.t.Fatalf("no field #%s", id)
		}
	}
}

// text is the text of the element sel finds, with its spaces and line
// breaks folded to single spaces.
func (b *session) text(sel string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.TextContent(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatal(err)
	}
	return strings.Join(strings.Fields(s), " ")
}

func (b *session) eval(js string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](js))
	if err != nil {
		b.t.Fatal(err)
	}
	return s
}

func (b *session) path() string { return b.eval(`location.pathname`) }

// checkAccessible runs axe-core on the page, and fails on any violation.
func (b *session) checkAccessible(what string) {
	b.t.Helper()
	for _, v := range b.violations() {
		b.t.Errorf("%s: axe-core: %s", what, v)
	}
}

// violations runs axe-core on the page and describes what it finds.
func (b *session) violations() []string {
	b.t.Helper()
	if b.axe == "" {
		return nil
	}
	b.do(chromedp.Evaluate[chromedp.Void](b.axe))
	out, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](
		`axe.run(document).then(r => JSON.stringify(r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.html)}))))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatal(err)
	}
	var found []struct {
		ID, Help string
		Nodes    []string
	}
	if err := json.Unmarshal([]byte(out), &found); err != nil {
		b.t.Fatal(err)
	}
	var lines []string
	for _, v := range found {
		lines = append(lines, fmt.Sprintf("%s (%s) at %q", v.ID, v.Help, v.Nodes))
	}
	return lines
}

// download clicks the link sel finds, and returns the file the browser
// saves.
func (b *session) download(sel string) []byte {
	b.t.Helper()
	progress := chromedp.Events(b.ctx, browser.DownloadProgress)
	b.do(chromedp.Click(chromedp.CSS(sel)))
	for ev, err := range progress {
		if err != nil {
			b.t.Fatal(err)
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			data, err := os.ReadFile(filepath.Join(b.downloads, ev.GUID))
			if err != nil {
				b.t.Fatal(err)
			}
			return data
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			b.t.Fatal("the download was cancelled")
		}
	}
	b.t.Fatal("no download")
	return nil
}

// comments returns the comment lines of a YAML file, in order.
func comments(data []byte) []string {
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			out = append(out, line)
		}
	}
	return out
}

// initFile writes the questionnaire mou init writes for model into a new
// folder, and returns the folder and the file.
func initFile(t *testing.T, model string) (string, string) {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "partnership.yaml")
	if _, err := app.Init(file, model, false); err != nil {
		t.Fatal(err)
	}
	return dir, file
}

// TestBrowserNewPartnershipToPDF follows someone who has never seen YAML
// from the first screen to a downloaded PDF: a new partnership from a
// model, saved where they say, every part saved in turn, the documents
// written and the memorandum downloaded. Every page passes axe-core.
func TestBrowserNewPartnershipToPDF(t *testing.T) {
	dir := t.TempDir()
	b := start(t, dir, "")
	b.open("/")
	b.checkAccessible("start")
	// No name yet: the form says so at the question.
	b.fill(map[string]string{"f-file": ""})
	b.press(`form[action="/new"] button`, 422)
	if msg := b.text("#f-file-error"); !strings.Contains(msg, "Enter a name for the file") {
		t.Errorf("no file name: %q", msg)
	}
	b.checkAccessible("start, with a problem")
	b.do(chromedp.Click(chromedp.CSS(`label[for="f-model-4"]`))) // employer
	b.fill(map[string]string{"f-file": "riverside-hartwell.yaml"})
	b.press(`form[action="/new"] button`)
	file := filepath.Join(dir, "riverside-hartwell.yaml")
	starter, _ := app.Starter("employer")
	if data, _ := os.ReadFile(file); !bytes.Equal(data, starter) {
		t.Fatal("the new file is not the employer model")
	}
	if got := b.path(); got != "/part/partnership" {
		t.Fatalf("at %s, want the first part", got)
	}
	b.fill(map[string]string{"f-partnership-name": "Riverside & Hartwell <Engineering> Futures"})
	for range 11 {
		b.checkAccessible(b.path())
		b.press(`button[value="next"]`)
	}
	if got := b.path(); got != "/review" {
		t.Fatalf("at %s after the last part, want the review", got)
	}
	b.checkAccessible("review")
	if !strings.Contains(b.text(".review-part"), "Riverside & Hartwell <Engineering> Futures") {
		t.Error("the review does not show the name as typed")
	}
	b.press(`form[action="/generate"] button`)
	b.checkAccessible("documents written")
	pdf := b.download(`a[href$="-mou-v1.pdf"]`)
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("the download is not a PDF: %.20q", pdf)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "out", "*-mou-v1.pdf"))
	if len(names) != 1 {
		t.Fatalf("out holds %v", names)
	}
	if written, err := os.ReadFile(names[0]); err != nil || !bytes.Equal(pdf, written) {
		t.Errorf("the PDF downloaded is not the one written to out: %v", err)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		cmd := exec.Command("pdftotext", "-", "-")
		cmd.Stdin = bytes.NewReader(pdf)
		text, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.Join(strings.Fields(string(text)), " "), "Riverside & Hartwell <Engineering> Futures") {
			t.Error("the PDF does not carry the name as typed")
		}
	}
	// The saved file keeps every comment mou init wrote.
	data, _ := os.ReadFile(file)
	if got, want := comments(data), comments(starter); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Error("the saved file lost or changed comments")
	}
}

// TestBrowserAddAndRemovePartner adds a partner, fills it in, and removes
// it again: the file ends as it began, byte for byte.
func TestBrowserAddAndRemovePartner(t *testing.T) {
	dir, file := initFile(t, "bilateral")
	before, _ := os.ReadFile(file)
	b := start(t, dir, file)
	b.open("/part/partners")
	b.press(`button[value="add:partners"]`)
	if n := b.eval(`String(document.querySelectorAll("fieldset.item").length)`); n != "3" {
		t.Fatalf("%s partners shown after adding one, want 3", n)
	}
	b.checkAccessible("partners, with an empty one")
	b.fill(map[string]string{
		"f-partners-2-name":               "Hillside Primary School",
		"f-partners-2-id":                 "hillside",
		"f-partners-2-lead-name":          "Grace Obi",
		"f-partners-2-lead-role":          "Deputy Headteacher",
		"f-partners-2-lead-email":         "g.obi@hillside.example.org",
		"f-partners-2-signatory-name":     "Martin Shaw",
		"f-partners-2-signatory-position": "Headteacher",
	})
	b.do(chromedp.Click(chromedp.CSS(`label[for="f-partners-2-kind"]`)))
	b.press(`button[value="save"]`)
	snap, err := app.Read(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := snap.Problems.Err(); err != nil {
		t.Fatalf("the new partner is not valid: %v", err)
	}
	if p := snap.Questionnaire.Partner("hillside"); p == nil || string(p.Lead.Name) != "Grace Obi" {
		t.Fatal("the new partner was not saved")
	}
	if !bytes.Contains(comments2(t, file), []byte("# kind: school, college")) {
		t.Error("the comments of the first partner are gone")
	}
	b.press(`button[value="remove:partners[2]"]`)
	after, _ := os.ReadFile(file)
	if !bytes.Equal(after, before) {
		t.Errorf("after adding and removing a partner the file differs:\n%s", after)
	}
}

func comments2(t *testing.T, file string) []byte {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(strings.Join(comments(data), "\n"))
}

// TestBrowserBadDate: a date that does not exist is shown at its
// question, with mou validate's message, and the error summary's link
// takes the keyboard there.
func TestBrowserBadDate(t *testing.T) {
	dir, file := initFile(t, "bilateral")
	b := start(t, dir, file)
	b.open("/part/aims")
	// A browser without a date picker (or a person typing into a text
	// field the picker left) sends what was typed.
	b.eval(`document.getElementById("f-objectives-0-by").type = "text", "ok"`)
	b.fill(map[string]string{"f-objectives-0-by": "2027-02-30"})
	b.press(`button[value="save"]`)
	snap, _ := app.Read(file)
	errs := snap.Problems.Errors()
	if len(errs) != 1 || errs[0].Path != "objectives[0].by" {
		t.Fatalf("mou validate finds %v", errs)
	}
	if got := b.text("#f-objectives-0-by-error"); got != "Error: "+errs[0].Message {
		t.Errorf("at the question: %q, want %q", got, "Error: "+errs[0].Message)
	}
	if got := b.eval(`document.activeElement.closest(".error-summary") ? "summary" : document.activeElement.tagName`); got != "summary" {
		t.Errorf("the error summary does not have the focus (%s has)", got)
	}
	b.checkAccessible("aims, with a bad date")
	b.do(chromedp.Click(chromedp.CSS(`.error-summary a[href="#f-objectives-0-by"]`)))
	if got := b.eval(`document.activeElement.id`); got != "f-objectives-0-by" {
		t.Errorf("the summary's link puts the focus on %q", got)
	}
	if got := b.eval(`document.querySelector(".sidebar a[href='/part/aims']").parentElement.textContent`); !strings.Contains(got, "1 to fix") {
		t.Errorf("the list of parts does not count the problem: %q", got)
	}
}

// TestBrowserHandoverMatchesCommand: a handover made through the form
// gives the same file, byte for byte, as mou handover with the same
// values.
func TestBrowserHandoverMatchesCommand(t *testing.T) {
	_, cliFile := initFile(t, "bilateral")
	dir, file := initFile(t, "bilateral")
	var stdout, stderr bytes.Buffer
	if code := cli.Main([]string{"handover", cliFile, "--partner", "example-primary", "--role", "lead,signatory",
		"--name", "Dafydd Jones-Newman", "--email", "d.jones-newman@primary.example.org", "--position", "Acting Headteacher",
		"--acting", "--until", "2027-03-31", "--effective", "2027-01-06", "--reason", "Sam Taylor retired"}, &stdout, &stderr); code != 0 {
		t.Fatalf("mou handover: exit %d: %s", code, stderr.String())
	}
	b := start(t, dir, file)
	b.open("/life/handover")
	b.checkAccessible("handover")
	b.fill(map[string]string{
		"f-partner": "example-primary", "f-name": "Dafydd Jones-Newman", "f-email": "d.jones-newman@primary.example.org",
		"f-position": "Acting Headteacher", "f-until": "2027-03-31", "f-effective": "2027-01-06", "f-reason": "Sam Taylor retired",
	})
	b.do(chromedp.Click(chromedp.CSS(`#f-role-2`)), chromedp.Click(chromedp.CSS(`#f-acting`)))
	b.load(chromedp.Click(chromedp.CSS(`button[value="save"]`)), 0)
	if h := b.text("h1"); h != "Saved" {
		t.Fatalf("the form says %q: %s", h, b.text("main"))
	}
	b.checkAccessible("handover saved")
	if h := b.text("h1"); h != "Saved" {
		t.Fatalf("the form says %q", h)
	}
	want, _ := os.ReadFile(cliFile)
	got, _ := os.ReadFile(file)
	if !bytes.Equal(got, want) {
		t.Errorf("the form's handover differs from mou handover's:\n%s\n---\n%s", got, want)
	}
	// The same changes as mou handover prints, in words for people.
	if !strings.Contains(stdout.String(), "partners[0].lead.name: Sam Taylor → Dafydd Jones-Newman") {
		t.Fatalf("mou handover says:\n%s", stdout.String())
	}
	for _, want := range []string{"Example Primary School, partnership lead, name: Sam Taylor → Dafydd Jones-Newman",
		"Date of this version: 1 July 2026 → 6 January 2027", "Version of the agreement: 1 → 2"} {
		if !strings.Contains(b.text(".panel"), want) {
			t.Errorf("the page does not say %q: %s", want, b.text(".panel"))
		}
	}
}

// TestBrowserEveryPageAccessible runs axe-core on the pages the other
// tests do not reach: the parts with a problem shown, the life forms
// with a refusal, and a file changed elsewhere.
func TestBrowserEveryPageAccessible(t *testing.T) {
	chromium(t)
	if os.Getenv("MOU_HTML_TOOLS") == "" {
		t.Skip("MOU_HTML_TOOLS is not set: install axe-core with npm in a folder and name it there (.ci/run does)")
	}
	dir, file := initFile(t, "hub-and-spoke")
	b := start(t, dir, file)
	if b.axe == "" {
		t.Fatal("axe-core is not in $MOU_HTML_TOOLS/node_modules")
	}
	b.open("/")
	b.checkAccessible("home")
	b.open("/start")
	if !strings.Contains(b.text(".found"), "Example Teaching Hub") {
		t.Error("the start page does not list the questionnaire")
	}
	b.checkAccessible("start, with the folder's questionnaires")
	// The check itself finds a question without a label.
	b.eval(`document.querySelector("main").insertAdjacentHTML("beforeend", "<input type=text>"), "ok"`)
	if len(b.violations()) == 0 {
		t.Fatal("axe-core found nothing wrong with a field that has no label")
	}
	// Every part with a problem at its first question.
	data, _ := os.ReadFile(file)
	broken := strings.Replace(string(data), "  name: Example Teaching Hub", "  name:", 1)
	broken = strings.Replace(broken, "by: 2027-07-16", "by: 2027-02-30", 1)
	os.WriteFile(file, []byte(broken), 0o644)
	for _, part := range []string{"partnership", "partners", "aims", "activities", "governance", "finance", "safeguarding", "alteration", "code", "wording", "signing"} {
		b.open("/part/" + part)
		b.checkAccessible(part)
	}
	b.open("/review")
	b.checkAccessible("review with problems")
	// The standard clauses, with a choice that names none and a clause
	// of the partnership's own with a problem.
	os.WriteFile(file, []byte(strings.Replace(string(data), "  edition: \""+templates.Current+"\"\n",
		"  edition: \""+templates.Current+"\"\n  omit: [general.insurence]\n  insert:\n    - after: general.materials\n      text: Sign {{here}}.\n", 1)), 0o644)
	b.open("/clauses")
	b.checkAccessible("clauses")
	b.open("/clauses/general.materials")
	b.checkAccessible("a clause, with a problem")
	b.open("/clauses/general")
	b.checkAccessible("a section")
	os.WriteFile(file, data, 0o644)
	for _, form := range []string{"handover", "join", "leave", "signed", "review"} {
		b.open("/life/" + form)
		b.checkAccessible(form)
		b.press(`button[value="save"]`, 422)
		b.checkAccessible(form + ", refused")
	}
	b.open("/life/signed")
	b.fill(map[string]string{"f-partner": "example-hub", "f-by": "Ann Lee", "f-date": "2026-07-20"})
	b.press(`button[value="check"]`)
	b.checkAccessible("signed, checked")
	// A page open while the file changes elsewhere.
	b.open("/part/partnership")
	os.WriteFile(file, append(data, "\n# edited elsewhere\n"...), 0o644)
	b.press(`button[value="save"]`, 409)
	if !strings.Contains(b.text("main"), "were not saved") {
		t.Error("the conflict page does not say the answers were not saved")
	}
	b.checkAccessible("conflict")
}

// TestBrowserJoinMatchesCommand: a partner added through the join form
// gives the same file, byte for byte, as mou join with the same values.
func TestBrowserJoinMatchesCommand(t *testing.T) {
	_, cliFile := initFile(t, "hub-and-spoke")
	dir, file := initFile(t, "hub-and-spoke")
	var stdout, stderr bytes.Buffer
	if code := cli.Main([]string{"join", cliFile, "--partner", "hillside", "--name", "Hillside Primary School", "--kind", "school",
		"--urn", "104321", "--lead", "Grace Obi", "--title", "Deputy Headteacher", "--email", "g.obi@hillside.example.org",
		"--signatory", "Martin Shaw", "--position", "Headteacher", "--effective", "2027-09-01"}, &stdout, &stderr); code != 0 {
		t.Fatalf("mou join: exit %d: %s", code, stderr.String())
	}
	b := start(t, dir, file)
	b.open("/life/join")
	b.fill(map[string]string{
		"f-partner": "hillside", "f-name": "Hillside Primary School", "f-urn": "104321", "f-lead": "Grace Obi",
		"f-title": "Deputy Headteacher", "f-email": "g.obi@hillside.example.org", "f-signatory": "Martin Shaw",
		"f-position": "Headteacher", "f-effective": "2027-09-01",
	})
	b.do(chromedp.Click(chromedp.CSS(`#f-kind`))) // school
	b.load(chromedp.Click(chromedp.CSS(`button[value="save"]`)), 0)
	if h := b.text("h1"); h != "Saved" {
		t.Fatalf("the form says %q: %s", h, b.text("main"))
	}
	want, _ := os.ReadFile(cliFile)
	got, _ := os.ReadFile(file)
	if !bytes.Equal(got, want) {
		t.Errorf("the form's join differs from mou join's:\n%s\n---\n%s", got, want)
	}
}

// TestBrowserLivePreview: the preview shown beside a form is drawn again
// after a save, with the answer saved, and stays shown from page to
// page; without the script the link opens the same preview.
func TestBrowserLivePreview(t *testing.T) {
	dir, file := initFile(t, "employer")
	b := start(t, dir, file)
	b.open("/part/partnership")
	if got := b.eval(`document.getElementById("preview") ? "shown" : "none"`); got != "none" {
		t.Fatal("the preview is shown before it is asked for")
	}
	b.do(chromedp.Click(chromedp.CSS(".preview-toggle")))
	src := b.eval(`document.querySelector("#preview iframe").getAttribute("src")`)
	if !strings.HasPrefix(src, "/preview/mou?v=") {
		t.Fatalf("the preview shows %q", src)
	}
	b.checkAccessible("partnership, with the preview")
	b.fill(map[string]string{"f-partnership-name": "Hartwell Engineering Futures"})
	b.press(`button[value="save"]`)
	after := b.eval(`document.querySelector("#preview iframe") ? document.querySelector("#preview iframe").getAttribute("src") : ""`)
	if after == "" || after == src {
		t.Fatalf("after a save the preview shows %q (before, %q)", after, src)
	}
	pdf, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](
		`fetch(document.querySelector("#preview iframe").src).then(r => r.arrayBuffer()).then(a => btoa(Array.from(new Uint8Array(a), c => String.fromCharCode(c)).join("")))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	data, err := base64.StdEncoding.DecodeString(pdf)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("the preview is not a PDF: %v", err)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		cmd := exec.Command("pdftotext", "-", "-")
		cmd.Stdin = bytes.NewReader(data)
		text, _ := cmd.Output()
		if !strings.Contains(string(text), "Hartwell Engineering Futures") {
			t.Error("the preview does not show the answer saved")
		}
	}
	b.open("/part/code")
	if got := b.eval(`document.querySelector("#preview iframe").getAttribute("src")`); !strings.HasPrefix(got, "/preview/code-of-practice?v=") {
		t.Errorf("on the code of practice's part the preview shows %q", got)
	}
	if got := b.eval(`document.querySelector("[data-preview]").getAttribute("href")`); !strings.HasPrefix(got, "/preview/code-of-practice?v=") {
		t.Errorf("the link opens %q", got)
	}
}
