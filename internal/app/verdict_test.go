package app_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/agreement"
	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/questionnaire"
)

// TestOneVerdict: for every sample and every kind of change, mou diff of
// the two files and mou generate of the new one against the old one's
// record give one verdict, and neither names a schedule the documents do
// not have. Measured before: after a handover in the volunteer code of
// conduct, diff said "reissue Schedule 1 version 2 to all partners" (the
// code has no Schedule 1) while generate said "send the notice of
// change"; after a binding join, diff said "no other partner signs".
func TestOneVerdict(t *testing.T) {
	later := func(q *questionnaire.Questionnaire) string { return q.Date.AddDays(60).ISO() }
	changes := []struct {
		name   string
		change func(t *testing.T, file string, q *questionnaire.Questionnaire)
	}{
		{"handover", func(t *testing.T, file string, q *questionnaire.Questionnaire) {
			recorded(t)(app.Handover{Partner: q.Partners[0].ID, Roles: []string{"lead"}, Name: "Ann Other", Email: "ann.other@example.org", Effective: later(q)}.Record(file))
		}},
		{"title change", func(t *testing.T, file string, q *questionnaire.Questionnaire) {
			recorded(t)(app.Handover{Partner: q.Partners[0].ID, Roles: []string{"lead"}, Title: "Partnership Coordinator", Effective: later(q)}.Record(file))
		}},
		{"objective change", func(t *testing.T, file string, q *questionnaire.Questionnaire) {
			text := string(mustReadFile(t, file))
			target := regexp.MustCompile(`(?m)^    target: .*$`)
			if !target.MatchString(text) {
				t.Skip("no objective with a target")
			}
			text = strings.Replace(text, target.FindString(text), "    target: 75% of the pupils taking part", 1)
			text = strings.Replace(text, "version: 1\n", "version: 2\n", 1)
			text = regexp.MustCompile(`(?m)^date: .*$`).ReplaceAllString(text, "date: "+later(q))
			if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"join", join},
		{"leave", func(t *testing.T, file string, q *questionnaire.Questionnaire) {
			if len(q.Partners) < 3 {
				t.Skip("a partnership of two cannot lose one and go on")
			}
			leaver := q.Partners[len(q.Partners)-1]
			if leaver.ID == q.Partnership.LeadPartner {
				leaver = q.Partners[len(q.Partners)-2]
			}
			l := app.Leave{Partner: leaver.ID, Effective: later(q)}
			if len(q.Duties(leaver.ID)) > 0 {
				l.ReassignTo = q.Partners[0].ID
			}
			recorded(t)(l.Record(file))
		}},
		{"binding join", func(t *testing.T, file string, q *questionnaire.Questionnaire) {
			join(t, file, q)
		}},
	}
	for _, sample := range samples(t) {
		for _, c := range changes {
			t.Run(filepath.Base(sample)+"/"+c.name, func(t *testing.T) {
				old := copied(t, sample)
				if c.name == "binding join" {
					bind(t, old)
				}
				q := loadSample(t, old)
				g := newGenerator(t)
				first, err := g.Generate(old, q, []string{"md"}, nil, nil)
				if err != nil {
					t.Fatal(err)
				}
				new := filepath.Join(filepath.Dir(old), "new.yaml")
				if err := os.WriteFile(new, mustReadFile(t, old), 0o644); err != nil {
					t.Fatal(err)
				}
				c.change(t, new, q)

				r, err := app.Diff(old, new, "")
				if err != nil {
					t.Fatal(err)
				}
				sameVerdict(t, g, new, first.Record, r.Verdict)
				if !q.Writes("mou") {
					said := []string{r.Verdict}
					for _, ch := range r.Changes {
						said = append(said, ch.Description)
					}
					for _, s := range said {
						if strings.Contains(s, "Schedule") {
							t.Errorf("diff names a schedule the %s does not have: %s", q.Documents, s)
						}
					}
				}
				if c.name == "binding join" && !strings.Contains(r.Verdict, "Every existing partner signs the joining agreement too") {
					t.Errorf("the verdict on a binding join does not have every existing partner sign:\n%s", r.Verdict)
				}
			})
		}
	}
}

// sameVerdict checks that generate gives the new file, against the old
// one's record, the verdict diff gave.
func sameVerdict(t *testing.T, g *app.Generator, new string, prev *agreement.Record, diff string) {
	t.Helper()
	second, err := g.Generate(new, loadSample(t, new), []string{"md"}, prev, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := second.Verdict.String(); got != diff {
		t.Errorf("generate says:\n%s\ndiff says:\n%s", got, diff)
	}
}

// join adds a school to the partnership in file, two months on.
func join(t *testing.T, file string, q *questionnaire.Questionnaire) {
	t.Helper()
	recorded(t)(app.Join{Partner: "newjoiner", Name: "Newjoiner Primary School", Kind: "school", Lead: "Grace Obi", Title: "Deputy Headteacher",
		Email: "g.obi@newjoiner.example.org", Position: "Headteacher", Effective: q.Date.AddDays(60).ISO()}.Record(file))
}

// bind makes the agreement in file legally binding, from its first
// version, in the edition that has the choice.
func bind(t *testing.T, file string) {
	t.Helper()
	text := string(mustReadFile(t, file))
	switch {
	case strings.Contains(text, "  status: binding\n"):
	case strings.Contains(text, "\nwording:\n"):
		text = strings.Replace(text, "\nwording:\n", "\nwording:\n  status: binding\n", 1)
	default:
		text += "wording:\n  edition: \"2026.2\"\n  status: binding\n"
	}
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// recorded fails the test when a change to the questionnaire was refused.
func recorded(t *testing.T) func(app.ChangeResult, error) {
	return func(_ app.ChangeResult, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
}

func mustReadFile(t *testing.T, file string) []byte {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
