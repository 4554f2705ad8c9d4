package document_test

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/schema"
	"github.com/partnership-tools/mou/templates"
)

// initModels are the models "mou init" writes a questionnaire for.
var initModels = []string{"bilateral", "hub-and-spoke", "broad-area", "formal-structure", "employer", "university"}

// TestNoRepeatedSentences renders every sample and every "mou init"
// model on the current edition, and fails if a sentence (of five words
// or more, compared without case, numbers or markup) appears twice in one
// document: the standard wording must not say again what an answer, or
// another clause, already says.
func TestNoRepeatedSentences(t *testing.T) {
	tmpl := parse(t)
	docs := map[string]*questionnaire.Questionnaire{}
	samples, _ := filepath.Glob("../../samples/*.yaml")
	for _, path := range samples {
		q := load(t, path)
		q.Wording.Edition = templates.Current
		docs[filepath.Base(path)] = q
	}
	for _, model := range initModels {
		data, err := schema.Starter(model)
		if err != nil {
			t.Fatal(err)
		}
		q, problems := questionnaire.Load(model+".yaml", data, questionnaire.Options{ClauseIDs: document.ClauseIDs})
		if err := problems.Err(); err != nil {
			t.Fatalf("mou init --model %s: %v", model, err)
		}
		if q.Wording.Edition != templates.Current {
			t.Errorf("mou init --model %s writes edition %q", model, q.Wording.Edition)
		}
		docs["init "+model] = q
	}
	for name, q := range docs {
		for _, kind := range document.KindsFor(q) {
			md, err := tmpl.Markdown(q, kind, "")
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range repeats(string(md)) {
				t.Errorf("%s, %s: said twice: %q", name, kind.Name, r)
			}
		}
	}
}

var (
	signatureBlock = regexp.MustCompile(`(?s)<!-- mou:signature -->.*?<!-- mou:end-signature -->`)
	markup         = regexp.MustCompile(`\*\*[\d.]+[^*]*\*\*|[\\*_#>]|^\s*(- |\d+\. )`)
	sentenceEnd    = regexp.MustCompile(`[.!?]\s+|[.!?]$`)
)

// repeats lists the sentences said more than once in md, normalised: a
// sentence given twice, or one that another sentence says within itself.
func repeats(md string) []string {
	md = signatureBlock.ReplaceAllString(md, "")
	var sentences []string
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "|") || strings.HasPrefix(line, "<!--") || strings.HasPrefix(line, "#") {
			continue // table cells, layout hints and headings, which name rather than say
		}
		line = markup.ReplaceAllString(line, "")
		for _, s := range sentenceEnd.Split(line, -1) {
			s = strings.ToLower(strings.Join(strings.Fields(s), " "))
			if len(strings.Fields(s)) >= 5 {
				sentences = append(sentences, s)
			}
		}
	}
	var out []string
	said := map[string]bool{}
	for i, s := range sentences {
		for j, other := range sentences {
			if i != j && strings.Contains(" "+other+" ", " "+s+" ") && (len(other) > len(s) || i > j) && !said[s] {
				said[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}

func TestRepeatsFindsRepeats(t *testing.T) {
	md := "**3.2** Each partner keeps its own identity.\n\n**3.3** each partner keeps its *own* identity!\n\n| A | None at all for now |\n| B | None at all for now |\n"
	if got := fmt.Sprint(repeats(md)); got != "[each partner keeps its own identity]" {
		t.Errorf("repeats = %s", got)
	}
	// Edition 2026.1 of the code of practice says what the employer
	// sample's own commitment says: the repeat the current edition fixed.
	q := load(t, "../../samples/school-employer.yaml")
	md2, err := parse(t).Markdown(q, document.CodeOfPractice, "")
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(repeats(string(md2))); got != "[never market products or services to pupils]" {
		t.Errorf("repeats in edition 2026.1 = %s", got)
	}
}
