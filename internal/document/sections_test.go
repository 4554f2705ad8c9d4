package document

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"testing"

	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/templates"
)

// TestSplitSectionsAsBefore: splitting a text into sections line by line
// gives what the expression over the whole text gave, for every sample's
// memorandum and code of practice and for headings at the ends of the
// text, after Windows line ends, and ones that only look like headings.
func TestSplitSectionsAsBefore(t *testing.T) {
	pack := locale.Get(locale.Default)
	whole := regexp.MustCompile(`(?m)^## (\d+\. .*|` + scheduleLabel(pack) + `: .*)$`)
	before := func(md []byte) []Section {
		out := []Section{{Heading: "Title page"}}
		start := 0
		for _, loc := range whole.FindAllSubmatchIndex(md, -1) {
			out[len(out)-1].Text = string(md[start:loc[0]])
			out = append(out, Section{Heading: string(md[loc[2]:loc[3]])})
			start = loc[0]
		}
		out[len(out)-1].Text = string(md[start:])
		return out
	}
	texts := []string{
		"", "## 1. Only", "Title\n## 1. First\ntext\n## Schedule 2: Last",
		"## 1. Windows\r\ntext\r\n## 2. Ends\r\n", "## 1.No space\n## x. Not\n###  2. Deeper\n ## 3. Indented\n## Schedule: none\n## 4. Yes\n\n",
		"\n\n## 10. Ten\n## Schedule 12: Twelve\n",
	}
	files, _ := filepath.Glob("../../samples/*.yaml")
	tmpl := &Templates{fsys: templates.FS}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		q, problems := questionnaire.Load(file, data, questionnaire.Options{})
		if problems.Err() != nil {
			t.Fatal(problems)
		}
		for _, kind := range KindsFor(q) {
			md, err := tmpl.Markdown(q, kind, "")
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(md))
		}
	}
	for _, text := range texts {
		if got, want := splitSections([]byte(text), pack), before([]byte(text)); !reflect.DeepEqual(got, want) {
			t.Errorf("%.60q: split into %d sections, want %d:\n%q\nwant\n%q", text, len(got), len(want), got, want)
		}
	}
}
