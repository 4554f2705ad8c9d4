package questionnaire_test

import (
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/sampletest"
	"github.com/partnership-tools/mou/internal/schema"
)

// TestExampleAnswersWarn: a file that still holds mou init's examples is
// valid, but warns of each example left, by its answer; a real
// partnership that happens to share a common sentence or date with an
// example is told nothing, unless it also holds one that tells.
func TestExampleAnswersWarn(t *testing.T) {
	warned := func(src []byte) (paths []string, valid bool) {
		_, problems := questionnaire.Load("p.yaml", src, questionnaire.Options{})
		for _, p := range problems {
			if p.Warning && strings.Contains(p.Message, `is still mou's example`) {
				paths = append(paths, p.Path)
			}
		}
		return paths, problems.Err() == nil
	}
	for _, model := range initModels {
		data, err := schema.Starter(model)
		if err != nil {
			t.Fatal(err)
		}
		paths, valid := warned(data)
		joined := "|" + strings.Join(paths, "|") + "|"
		for _, want := range []string{"partnership.name", "partners[0].name", "partners[0].lead.email", "partners[0].lead.phone", "partners[0].urn", "partnership.start", "monitoring.review_dates", "clauses[0].text"} {
			if !strings.Contains(joined, "|"+want+"|") {
				t.Errorf("mou init --model %s: no warning for %s (warned of %d answers)", model, want, len(paths))
			}
		}
		if !valid || len(paths) < 40 {
			t.Errorf("mou init --model %s: valid %v, %d warnings", model, valid, len(paths))
		}
	}
	// The sample shares a review date list and a few plain sentences
	// with the employer model, and nothing that tells.
	if paths, _ := warned(sampletest.Edit(t, "school-employer.yaml")); len(paths) != 0 {
		t.Errorf("the sample is told of examples: %v", paths)
	}
	// One example that tells brings the common ones with it.
	data, err := schema.Starter("employer")
	if err != nil {
		t.Fatal(err)
	}
	var email string
	for _, a := range mustLoad(t, data).Answers() {
		if a.Path == "partners[0].lead.email" {
			email = a.Value
		}
	}
	src := sampletest.Edit(t, "school-employer.yaml", "email: j.smith@riverside.example.org", "email: "+email)
	paths, _ := warned(src)
	if len(paths) < 2 || !strings.Contains(strings.Join(paths, " "), "partners[0].lead.email") || !strings.Contains(strings.Join(paths, " "), "monitoring.review_dates") {
		t.Errorf("with init's email left in, warned of %v", paths)
	}
}

// TestExampleURNWarns: a URN left as mou init wrote it is as telling as
// a name: every school has its own, and a headteacher reading the parties
// would ask whose number it is.
func TestExampleURNWarns(t *testing.T) {
	src := sampletest.Edit(t, "school-employer.yaml", `urn: "138245"`, `urn: "123456"`)
	_, problems := questionnaire.Load("p.yaml", src, questionnaire.Options{})
	for _, p := range problems {
		if p.Path == "partners[0].urn" && strings.Contains(p.Message, `"123456" is still mou's example`) {
			if p.Line != 27 {
				t.Errorf("the URN's warning is at line %d, want 27", p.Line)
			}
			return
		}
	}
	t.Errorf("no warning of the example URN left in; problems: %v", problems)
}

func mustLoad(t *testing.T, data []byte) *questionnaire.Questionnaire {
	t.Helper()
	q, problems := questionnaire.Load("p.yaml", data, questionnaire.Options{})
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	return q
}
