package pdf

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedTestdata is where the CommonMark and GFM examples live, relative to
// this package.
const sharedTestdata = "../../../shared/testdata"

// corpusExample is one Markdown example from a shared test file.
type corpusExample struct {
	name     string
	markdown string
}

// commonMarkExamples reads the CommonMark specification's examples.
func commonMarkExamples(t testing.TB) []corpusExample {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(sharedTestdata, "commonmark-spec.json"))
	if err != nil {
		t.Skipf("CommonMark examples not found (%v); CI provides them in %s", err, sharedTestdata)
	}
	var spec []struct {
		Markdown string `json:"markdown"`
		Example  int    `json:"example"`
		Section  string `json:"section"`
	}
	if err := json.Unmarshal(data, &spec); err != nil {
		t.Fatalf("commonmark-spec.json: %v", err)
	}
	out := make([]corpusExample, len(spec))
	for i, e := range spec {
		out[i] = corpusExample{name: e.Section + " " + strings.Repeat("0", 3-len(itoa(e.Example))) + itoa(e.Example), markdown: e.Markdown}
	}
	return out
}

// gfmTableExamples reads goldmark's GFM table cases: a number line, the
// Markdown between //- - -// lines, then the HTML up to a //= = =// line.
func gfmTableExamples(t testing.TB) []corpusExample {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(sharedTestdata, "gfm-tables.txt"))
	if err != nil {
		t.Skipf("GFM table examples not found (%v); CI provides them in %s", err, sharedTestdata)
	}
	var out []corpusExample
	for i, c := range strings.Split(string(data), "//= = = = = = = = = = = = = = = = = = = = = = = =//") {
		parts := strings.Split(c, "//- - - - - - - - -//\n")
		if len(parts) < 3 {
			continue
		}
		out = append(out, corpusExample{name: "gfm table " + itoa(i+1), markdown: parts[1]})
	}
	if len(out) == 0 {
		t.Fatal("gfm-tables.txt: no examples found")
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// TestCorpus renders every CommonMark and GFM table example to a PDF, in
// parallel shards, and validates every tenth with pdfcpu. Examples with
// runes the fonts cannot print must fail with an UnprintableError, and
// nothing else may fail.
func TestCorpus(t *testing.T) {
	examples := append(commonMarkExamples(t), gfmTableExamples(t)...)
	r, err := New(DefaultTheme(), "")
	if err != nil {
		t.Fatal(err)
	}
	const shards = 4
	for shard := range shards {
		t.Run("shard"+itoa(shard), func(t *testing.T) {
			t.Parallel()
			for i := shard; i < len(examples); i += shards {
				renderExample(t, r, examples[i], i%10 == 0)
			}
		})
	}
}

// renderExample renders one example and checks the outcome.
func renderExample(t *testing.T, r *Renderer, ex corpusExample, validate bool) {
	var buf bytes.Buffer
	err := r.Render(&buf, parse([]byte(ex.markdown)), testDoc.Document)
	var ue *UnprintableError
	switch {
	case errors.As(err, &ue):
		if len(Unprintable(ex.markdown)) == 0 && !strings.Contains(ex.markdown, "&") {
			t.Errorf("%s: refused %U, which Unprintable does not report", ex.name, ue.Rune)
		}
	case err != nil:
		t.Errorf("%s: %v\n%s", ex.name, err, ex.markdown)
	case validate:
		validPDF(t, buf.Bytes())
	}
}
