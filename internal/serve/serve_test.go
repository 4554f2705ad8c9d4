package serve

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/pdftest"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/templates"
)

// testServer serves a questionnaire made by "mou init --model model" in
// a folder of its own.
type testServer struct {
	*Server
	url, file string
	client    *http.Client
}

func newTestServer(t *testing.T, model string) *testServer {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "partnership.yaml")
	if model != "" {
		if _, err := app.Init(file, model, false); err != nil {
			t.Fatal(err)
		}
	} else {
		file = ""
	}
	s, err := New(Config{File: file, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	s.allowHost(ts.Listener.Addr().String())
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &testServer{Server: s, url: ts.URL, file: file, client: client}
}

// get fetches a page and returns its status and body.
func (ts *testServer) get(t *testing.T, path string) (int, string) {
	t.Helper()
	resp, err := ts.client.Get(ts.url + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// post sends a form as the server's own page would: with the token and
// the fingerprint of the file as it is now, unless v gives them.
func (ts *testServer) post(t *testing.T, path string, v url.Values) (int, string, *http.Response) {
	t.Helper()
	if _, ok := v["token"]; !ok {
		v.Set("token", ts.token)
	}
	if _, ok := v["hash"]; !ok && ts.file != "" {
		snap, err := app.Read(ts.file)
		if err != nil {
			t.Fatal(err)
		}
		v.Set("hash", snap.Hash)
	}
	req, _ := http.NewRequest(http.MethodPost, ts.url+path, strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", ts.url)
	resp, err := ts.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body), resp
}

func (ts *testServer) read(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(ts.file)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestRefusals: each request the server must not act on is refused, and
// the questionnaire is left as it was.
func TestRefusals(t *testing.T) {
	ts := newTestServer(t, "bilateral")
	before := ts.read(t)
	valid := func() url.Values {
		return url.Values{"token": {ts.token}, "partnership.name": {"Changed"}, "action": {"save"}}
	}
	tests := []struct {
		name   string
		method string
		path   string
		body   string
		header map[string]string
		want   int
	}{
		{"another host (DNS rebinding)", "GET", "/", "", map[string]string{"Host": "attacker.example:80"}, http.StatusMisdirectedRequest},
		{"another host with the right port", "GET", "/", "", map[string]string{"Host": "mou.attacker.example:" + port(ts.url)}, http.StatusMisdirectedRequest},
		{"no token", "POST", "/part/partnership", "partnership.name=Changed", nil, http.StatusForbidden},
		{"a wrong token", "POST", "/part/partnership", "token=00&partnership.name=Changed", nil, http.StatusForbidden},
		{"another origin", "POST", "/part/partnership", valid().Encode(), map[string]string{"Origin": "http://attacker.example"}, http.StatusForbidden},
		{"another site", "POST", "/part/partnership", valid().Encode(), map[string]string{"Sec-Fetch-Site": "cross-site"}, http.StatusForbidden},
		{"a body past the limit", "POST", "/part/partnership", valid().Encode() + "&x=" + strings.Repeat("a", maxBody), nil, http.StatusRequestEntityTooLarge},
		{"another method", "PUT", "/part/partnership", valid().Encode(), nil, http.StatusMethodNotAllowed},
		{"a download outside the output folder", "GET", "/download/..%2fpartnership.yaml", "", nil, http.StatusNotFound},
		{"a download of the questionnaire", "GET", "/download/partnership.yaml", "", nil, http.StatusNotFound},
		{"a download by a Windows path", "GET", "/download/..%5Cpartnership.pdf", "", nil, http.StatusNotFound},
		{"a hidden file", "GET", "/download/.mou.lock.json", "", nil, http.StatusNotFound},
		{"an unknown asset", "GET", "/assets/..%2fpages.go", "", nil, http.StatusNotFound},
		{"a preview loaded by another site", "GET", "/preview/mou", "", map[string]string{"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"}, http.StatusForbidden},
		{"a page fetched by another site", "GET", "/part/partnership", "", map[string]string{"Sec-Fetch-Site": "same-site", "Sec-Fetch-Mode": "cors"}, http.StatusForbidden},
		{"a link from another site", "GET", "/", "", map[string]string{"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"}, http.StatusOK},
		{"the preview in its own page's frame", "GET", "/preview/mou", "", map[string]string{"Sec-Fetch-Site": "same-origin", "Sec-Fetch-Mode": "navigate"}, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, ts.url+tt.path, strings.NewReader(tt.body))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			for k, v := range tt.header {
				if k == "Host" {
					req.Host = v
				} else {
					req.Header.Set(k, v)
				}
			}
			resp, err := ts.client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.want)
			}
		})
	}
	if ts.read(t) != before {
		t.Error("a refused request changed the questionnaire")
	}
	// The same form, from the server's own page, is accepted.
	if code, _, _ := ts.post(t, "/part/partnership", valid()); code != http.StatusSeeOther {
		t.Fatalf("a valid save: status %d", code)
	}
	if !strings.Contains(ts.read(t), "  name: Changed\n") {
		t.Error("a valid save was not written")
	}
}

func port(u string) string { return u[strings.LastIndexByte(u, ':')+1:] }

// TestListenOnLoopbackOnly: an address other computers could reach is
// refused before anything listens.
func TestListenOnLoopbackOnly(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.168.1.10:0", "[::]:0", "example.org:0", "127.0.0.1"} {
		if l, err := Listen(addr); err == nil {
			l.Close()
			t.Errorf("%s: listened", addr)
		}
	}
	for _, addr := range []string{"127.0.0.1:0", "localhost:0"} {
		l, err := Listen(addr)
		if err != nil {
			t.Errorf("%s: %v", addr, err)
			continue
		}
		if !strings.HasPrefix(l.Addr().String(), "127.0.0.1:") {
			t.Errorf("%s: listens on %s", addr, l.Addr())
		}
		l.Close()
	}
}

// TestNewFileStaysInItsFolder: a new questionnaire is made only inside
// the folder mou serve was started in, and never over a file.
func TestNewFileStaysInItsFolder(t *testing.T) {
	ts := newTestServer(t, "")
	outside := filepath.Join(filepath.Dir(ts.dir), "escaped.yaml")
	for _, name := range []string{"../escaped.yaml", outside, "notes.txt", "", "missing/folder/p.yaml"} {
		code, body, _ := ts.post(t, "/new", url.Values{"model": {"bilateral"}, "file": {name}})
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, "There is a problem") {
			t.Errorf("%q: status %d, want the form again with its problem", name, code)
		}
	}
	if _, err := os.Stat(outside); err == nil {
		t.Error("wrote a file outside the folder")
	}
	existing := filepath.Join(ts.dir, "mine.yaml")
	os.WriteFile(existing, []byte("mine"), 0o644)
	if code, _, _ := ts.post(t, "/new", url.Values{"model": {"employer"}, "file": {"mine.yaml"}}); code != http.StatusUnprocessableEntity {
		t.Errorf("an existing file: status %d", code)
	}
	if data, _ := os.ReadFile(existing); string(data) != "mine" {
		t.Error("an existing file was replaced")
	}
	code, _, resp := ts.post(t, "/new", url.Values{"model": {"employer"}, "file": {"ours.yaml"}})
	if code != http.StatusSeeOther || resp.Header.Get("Location") != "/part/partnership" {
		t.Fatalf("status %d, location %q", code, resp.Header.Get("Location"))
	}
	want, _ := app.Starter("employer")
	if data, _ := os.ReadFile(filepath.Join(ts.dir, "ours.yaml")); string(data) != string(want) {
		t.Error("the new file is not the one mou init --model employer writes")
	}
}

// TestSaveKeepsTheRestOfTheFile: saving a part changes only the answers
// that changed; every comment and blank line stays.
func TestSaveKeepsTheRestOfTheFile(t *testing.T) {
	ts := newTestServer(t, "bilateral")
	before := ts.read(t)
	_, page := ts.get(t, "/part/partnership")
	v := formValues(t, page)
	v.Set("partnership.mission", "To make moving school a confident step for every pupil.")
	v.Set("partnership.level", "collaboration")
	v.Set("action", "next")
	code, _, resp := ts.post(t, "/part/partnership", v)
	if code != http.StatusSeeOther || resp.Header.Get("Location") != "/part/partners" {
		t.Fatalf("status %d, location %q", code, resp.Header.Get("Location"))
	}
	after := ts.read(t)
	want := strings.Replace(before, "  mission: >\n    To make the move from primary to secondary school a confident step for every pupil, with teachers from both schools planning it together.\n",
		"  mission: >\n    To make moving school a confident step for every pupil.\n", 1)
	want = strings.Replace(want, "  level: cooperation\n", "  level: collaboration\n", 1)
	if after != want {
		t.Errorf("the file changed beyond the two answers:\n%s", lineDiff(want, after))
	}
	// Saving the page again as it is changes nothing.
	_, page = ts.get(t, "/part/partnership")
	ts.post(t, "/part/partnership", formValues(t, page))
	if ts.read(t) != after {
		t.Error("saving an unchanged page changed the file")
	}
}

// TestBrowsersSavingAtOnce: pages opened on the same file in several
// browsers and saved at once save one browser's answer; every other is
// told the file changed, and none is said to be saved but lost.
func TestBrowsersSavingAtOnce(t *testing.T) {
	ts := newTestServer(t, "bilateral")
	_, page := ts.get(t, "/part/partnership")
	const browsers = 8
	codes := make(chan int, browsers)
	var wg sync.WaitGroup
	for i := range browsers {
		v := formValues(t, page)
		v.Set("partnership.name", fmt.Sprintf("Browser %d", i))
		wg.Add(1)
		go func() {
			defer wg.Done()
			code, _, _ := ts.post(t, "/part/partnership", v)
			codes <- code
		}()
	}
	wg.Wait()
	close(codes)
	saved := 0
	for code := range codes {
		switch code {
		case http.StatusSeeOther:
			saved++
		case http.StatusConflict:
		default:
			t.Errorf("status %d", code)
		}
	}
	if n := strings.Count(ts.read(t), "name: Browser "); saved != 1 || n != 1 {
		t.Errorf("%d browsers were told their answers were saved, and the file holds %d", saved, n)
	}
}

// TestEditedElsewhereIsNotOverwritten: a page opened before the file was
// changed in another program saves nothing, and says so.
func TestEditedElsewhereIsNotOverwritten(t *testing.T) {
	ts := newTestServer(t, "bilateral")
	_, page := ts.get(t, "/part/partnership")
	v := formValues(t, page)
	v.Set("partnership.name", "From the browser")
	edited := strings.Replace(ts.read(t), "review_cycle: annually", "review_cycle: termly", 1)
	os.WriteFile(ts.file, []byte(edited), 0o644)
	code, body, _ := ts.post(t, "/part/partnership", v)
	if code != http.StatusConflict || !strings.Contains(body, "were not saved") || !strings.Contains(body, "From the browser") {
		t.Errorf("status %d; want the conflict page with the answer sent", code)
	}
	if ts.read(t) != edited {
		t.Error("the file changed on disk was overwritten")
	}
}

// TestProblemsAtTheirQuestions: every problem mou validate finds is shown
// at its question, with the same message.
func TestProblemsAtTheirQuestions(t *testing.T) {
	ts := newTestServer(t, "bilateral")
	edited := strings.Replace(ts.read(t), "by: 2027-07-16", "by: 2027-02-30", 1)
	edited = strings.Replace(edited, "owner: example-secondary", "owner: example-secundary", 1)
	os.WriteFile(ts.file, []byte(edited), 0o644)
	snap, _ := app.Read(ts.file)
	errs := snap.Problems.Errors()
	if len(errs) != 2 {
		t.Fatalf("want 2 problems, got %v", errs)
	}
	_, page := ts.get(t, "/part/aims")
	for _, p := range errs {
		id := htmlID(p.Path)
		re := regexp.MustCompile(`(?s)id="` + regexp.QuoteMeta(id) + `-group">.*?<p class="error-message" id="` + regexp.QuoteMeta(id) + `-error"><span class="visually-hidden">Error:</span> ` + regexp.QuoteMeta(htmlEscape(p.Message)))
		if !re.MatchString(page) {
			t.Errorf("%s: %q is not shown at its question", p.Path, p.Message)
		}
		if !strings.Contains(page, `<a href="#`+id+`">`) {
			t.Errorf("%s: the error summary does not link to the question", p.Path)
		}
	}
}

func htmlEscape(s string) string {
	return strings.NewReplacer(`"`, "&#34;", "'", "&#39;", "<", "&lt;", ">", "&gt;", "&", "&amp;").Replace(s)
}

// formValues reads the values a browser would send for the first form on
// page, pressing its first button.
func formValues(t *testing.T, page string) url.Values {
	t.Helper()
	v := url.Values{}
	input := regexp.MustCompile(`<input[^>]*>`)
	attr := func(tag, name string) (string, bool) {
		m := regexp.MustCompile(` ` + name + `="([^"]*)"`).FindStringSubmatch(tag)
		if m == nil {
			return "", false
		}
		return unescape(m[1]), true
	}
	for _, tag := range input.FindAllString(page, -1) {
		name, ok := attr(tag, "name")
		if !ok {
			continue
		}
		value, _ := attr(tag, "value")
		switch typ, _ := attr(tag, "type"); typ {
		case "radio", "checkbox":
			if strings.Contains(tag, " checked") {
				v.Add(name, value)
			}
		default:
			v.Add(name, value)
		}
	}
	for _, m := range regexp.MustCompile(`(?s)<textarea[^>]* name="([^"]*)"[^>]*>(.*?)</textarea>`).FindAllStringSubmatch(page, -1) {
		v.Add(unescape(m[1]), unescape(m[2]))
	}
	for _, m := range regexp.MustCompile(`(?s)<select[^>]* name="([^"]*)"[^>]*>(.*?)</select>`).FindAllStringSubmatch(page, -1) {
		if o := regexp.MustCompile(`<option value="([^"]*)" selected>`).FindStringSubmatch(m[2]); o != nil {
			v.Add(unescape(m[1]), unescape(o[1]))
		}
	}
	v.Set("action", "save")
	return v
}

func unescape(s string) string {
	return strings.NewReplacer("&#34;", `"`, "&#39;", "'", "&lt;", "<", "&gt;", ">", "&amp;", "&", "&#43;", "+").Replace(s)
}

// lineDiff shows where got first differs from want, with the lines
// around it.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	from := max(i-2, 0)
	show := func(lines []string) string {
		return strings.Join(lines[min(from, len(lines)):min(i+3, len(lines))], "\n")
	}
	return fmt.Sprintf("from line %d, want:\n%s\ngot:\n%s", from+1, show(w), show(g))
}

// TestStartListsQuestionnaires: without a file, the start page lists the
// questionnaires in the folder, the latest first, and opens the one
// chosen; other files are passed over, and nothing outside the folder
// can be opened.
func TestStartListsQuestionnaires(t *testing.T) {
	ts := newTestServer(t, "")
	write := func(name, data string, age time.Duration) {
		path := filepath.Join(ts.dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		at := time.Now().Add(-age)
		os.Chtimes(path, at, at)
	}
	employer, _ := app.Starter("employer")
	bilateral, _ := app.Starter("bilateral")
	write("older.yml", string(employer), 48*time.Hour)
	write("newer.yaml", strings.Replace(string(bilateral), "by: 2027-07-16", "by: 2027-02-30", 1), time.Hour)
	write("broken.yaml", "partnership:\n  name: Stray: colon\n    mission: [\n", 72*time.Hour)
	write("compose.yaml", "services:\n  web:\n    image: nginx\n", 0)
	write("notes.txt", "partnership:\n", 0)
	write("huge.yaml", "partnership:\n  name: "+strings.Repeat("a", questionnaire.MaxFileBytes)+"\n", 0)
	os.Mkdir(filepath.Join(ts.dir, "folder.yaml"), 0o755)

	_, page := ts.get(t, "/")
	opens := regexp.MustCompile(`name="open" value="([^"]*)"`).FindAllStringSubmatch(page, -1)
	var listed []string
	for _, m := range opens {
		listed = append(listed, m[1])
	}
	if want := []string{"newer.yaml", "older.yml", "broken.yaml"}; !slices.Equal(listed, want) {
		t.Errorf("listed %v, want %v", listed, want)
	}
	for _, want := range []string{"Example Primary–Secondary Transition Partnership", "Version 1, 1 July 2026. 1 problem to put right.",
		"Example Engineering Futures", "No problems.", "It cannot be read as it is", "Or start a new partnership"} {
		if !strings.Contains(page, htmlEscape(want)) {
			t.Errorf("the start page does not say %q", want)
		}
	}

	for _, bad := range []string{"../older.yml", "compose.yaml", "notes.txt", "missing.yaml", filepath.Join(ts.dir, "older.yml")} {
		if code, _, _ := ts.post(t, "/open", url.Values{"open": {bad}}); code != http.StatusNotFound {
			t.Errorf("opening %q: status %d", bad, code)
		}
	}
	if file, _ := ts.current(); file != "" {
		t.Fatalf("%s was opened", file)
	}
	code, _, resp := ts.post(t, "/open", url.Values{"open": {"older.yml"}})
	if code != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
		t.Fatalf("opening: status %d, location %q", code, resp.Header.Get("Location"))
	}
	ts.file = filepath.Join(ts.dir, "older.yml")
	if _, home := ts.get(t, "/"); !strings.Contains(home, "<h1>Example Engineering Futures</h1>") {
		t.Error("the questionnaire opened is not shown")
	}
	_, form := ts.get(t, "/part/partnership")
	v := formValues(t, form)
	v.Set("partnership.name", "Changed")

	// Another questionnaire opened meanwhile: the form for the first
	// saves nothing in either.
	ts.post(t, "/open", url.Values{"open": {"newer.yaml"}})
	before, _ := os.ReadFile(filepath.Join(ts.dir, "newer.yaml"))
	v.Set("hash", app.Fingerprint(before))
	code, body, _ := ts.post(t, "/part/partnership", v)
	if code != http.StatusConflict || !strings.Contains(body, "Another questionnaire is open now") {
		t.Errorf("a form for another questionnaire: status %d", code)
	}
	if after, _ := os.ReadFile(filepath.Join(ts.dir, "newer.yaml")); !bytes.Equal(after, before) {
		t.Error("a form for one questionnaire changed another")
	}
	if data, _ := os.ReadFile(filepath.Join(ts.dir, "older.yml")); !bytes.Equal(data, employer) {
		t.Error("the questionnaire no longer open was changed")
	}
}

// TestLookAsGenerate: mou serve lays the documents out as generate does
// with the same --paper, --theme and --templates: the preview is on the
// paper asked for and uses the user's templates, and so does the text of
// each standard clause shown.
func TestLookAsGenerate(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "partnership.yaml")
	if _, err := app.Init(file, "bilateral", false); err != nil {
		t.Fatal(err)
	}
	mine := filepath.Join(dir, "my-templates")
	os.Mkdir(mine, 0o755)
	clauses, err := fs.ReadFile(templates.FS, "clauses.md.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	const ours = "Insurance: each partner keeps cover of five million pounds."
	changed := regexp.MustCompile(`(?s)(define "clause:general.insurance" -}}\n).*?(\n\{\{- end}})`).ReplaceAll(clauses, []byte("${1}"+ours+"${2}"))
	if bytes.Equal(changed, clauses) {
		t.Fatal("the insurance clause was not found to change")
	}
	os.WriteFile(filepath.Join(mine, "clauses.md.tmpl"), changed, 0o644)
	theme, _ := app.LoadTheme("")
	theme.Paper = "Letter"
	fsys, err := app.TemplateSet(mine)
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{File: file, Dir: dir, Theme: theme, Templates: mine})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	s.allowHost(ts.Listener.Addr().String())
	get := func(path string) []byte {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d", path, resp.StatusCode)
		}
		return body
	}
	if page := get("/clauses/general.insurance"); !bytes.Contains(page, []byte(ours)) {
		t.Error("the clause's page does not show the user's template")
	}
	pdf := get("/preview/mou")
	if text := strings.Join(strings.Fields(pdftest.Text(t, pdf)), " "); !strings.Contains(text, "five million pounds") {
		t.Error("the preview does not use the user's template")
	}
	if info := pdftest.Info(t, pdf); !regexp.MustCompile(`Page size:\s+612 x 792 pts \(letter\)`).MatchString(info) {
		t.Errorf("the preview is not on letter paper:\n%s", info)
	}

	// The forms that write a document, or commit to the text, do so as
	// the server's generator writes it: a review record on letter paper,
	// a signature on the reference of the text the user's templates print.
	ts2 := &testServer{Server: s, url: ts.URL, file: file, client: http.DefaultClient}
	post := func(path string, v url.Values) {
		t.Helper()
		if code, body, _ := ts2.post(t, path, v); code != http.StatusOK {
			t.Fatalf("%s: status %d\n%s", path, code, body)
		}
	}
	post("/life/review", url.Values{"date": {"2027-07-15"}, "format": {"pdf"}, "action": {"save"}})
	records, _ := filepath.Glob(filepath.Join(dir, "out", "*-review-2027-07-15.pdf"))
	if len(records) != 1 {
		t.Fatalf("review records written: %q", records)
	}
	record, err := os.ReadFile(records[0])
	if err != nil {
		t.Fatal(err)
	}
	if info := pdftest.Info(t, record); !regexp.MustCompile(`Page size:\s+612 x 792 pts \(letter\)`).MatchString(info) {
		t.Errorf("the review record is not on letter paper:\n%s", info)
	}
	snap, err := app.Read(file)
	if err != nil {
		t.Fatal(err)
	}
	q := snap.Questionnaire
	post("/life/signed", url.Values{"version": {strconv.Itoa(q.Version)}, "partner": {q.Partners[0].ID}, "by": {"Ann Other"}, "date": {q.Date.ISO()}, "action": {"save"}})
	g, err := app.New(app.Options{Theme: theme, Templates: fsys})
	if err != nil {
		t.Fatal(err)
	}
	res, err := g.Generate(file, q, []string{"md"}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "reference: " + res.Record.Reference; !strings.Contains(ts2.read(t), want) {
		t.Errorf("the signature does not commit to the text the documents print (%s):\n%s", want, ts2.read(t))
	}

	// The clause pages read the templates the server parsed when it
	// started, as its preview does, not the folder again for each page.
	if err := os.RemoveAll(mine); err != nil {
		t.Fatal(err)
	}
	if page := get("/clauses/general.insurance"); !bytes.Contains(page, []byte(ours)) {
		t.Error("the clause's page no longer shows the user's template once its folder is gone")
	}
}

// TestOnlyThePreviewIsFramed: the pages may frame the preview, and only
// the preview may be framed, and only by the server's own pages.
func TestOnlyThePreviewIsFramed(t *testing.T) {
	ts := newTestServer(t, "bilateral")
	for path, framed := range map[string]bool{"/preview/mou": true, "/preview/code-of-practice": true, "/part/partnership": false, "/": false, "/review": false} {
		resp, err := ts.client.Get(ts.url + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		csp := resp.Header.Get("Content-Security-Policy")
		if resp.StatusCode != http.StatusOK || !strings.Contains(csp, "frame-src 'self'") {
			t.Errorf("%s: status %d, policy %q", path, resp.StatusCode, csp)
		}
		want, ancestors := "DENY", "frame-ancestors 'none'"
		if framed {
			want, ancestors = "SAMEORIGIN", "frame-ancestors 'self'"
		}
		if got := resp.Header.Get("X-Frame-Options"); got != want || !strings.Contains(csp, ancestors) {
			t.Errorf("%s: X-Frame-Options %s, policy %q; want %s and %s", path, got, csp, want, ancestors)
		}
	}
}

// TestSignedFormRecordsTheDocument: the signature form records which
// document was signed, as "mou signed --document" does, and a refusal
// that names a value given is shown at its question.
func TestSignedFormRecordsTheDocument(t *testing.T) {
	ts := newTestServer(t, "bilateral")
	sign := func(document, date string) (int, string) {
		v := url.Values{"version": {"1"}, "partner": {"example-primary"}, "document": {document},
			"by": {"Ann Other"}, "date": {date}, "action": {"save"}}
		code, body, _ := ts.post(t, "/life/signed", v)
		return code, body
	}
	if code, body := sign("code-of-practice", "2026-09-10"); code != http.StatusOK {
		t.Fatalf("status %d:\n%s", code, body)
	}
	if got := ts.read(t); !strings.Contains(got, "document: code-of-practice") {
		t.Errorf("the signature was not recorded on the code of practice:\n%s", got)
	}
	code, body := sign("", "2026-13-01")
	if code != http.StatusUnprocessableEntity {
		t.Fatalf("a bad date: status %d, want 422", code)
	}
	if !regexp.MustCompile(`(?s)id="f-date-group">.*?class="error-message"`).MatchString(body) {
		t.Errorf("the bad date is not shown at its question:\n%s", body)
	}
}
