package app_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/sampletest"
	"github.com/partnership-tools/mou/templates"
)

func TestUpgradeWording(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "p.yaml")
	// No logos, so the copy is valid on its own.
	src := sampletest.Edit(t, "hub-and-spoke.yaml")
	src = []byte(dropLogos(string(src)))
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}

	dry, err := app.UpgradeWording(file, "", true)
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(file); !bytes.Equal(after, src) || dry.Written {
		t.Fatal("--dry-run changed the file")
	}
	if dry.From != templates.Unstated || dry.To != templates.Current {
		t.Errorf("edition %s → %s, want %s → %s", dry.From, dry.To, templates.Unstated, templates.Current)
	}
	// 2026.2 rewords status (3.2) and the governing body's part (3.3),
	// splits the safeguarding guidance from the DBS answer: 10.1 changes
	// and 10.2 is new; the clauses after it only move down. In Alteration
	// the answer on joining moves after the rule for Schedule 1 (14.2) and
	// a clause on leaving is new (14.4); the notice deadline says when the
	// memorandum ends, and is a day earlier (15.1).
	if want := []string{"3.2", "3.3", "10.1", "10.2", "14.2", "14.4", "15.1"}; !slices.Equal(dry.Clauses, want) || dry.OldReference == dry.NewReference {
		t.Errorf("references %s → %s, changed clauses %q; want a new reference and %q", dry.OldReference, dry.NewReference, dry.Clauses, want)
	}

	up, err := app.UpgradeWording(file, "", false)
	if err != nil {
		t.Fatal(err)
	}
	if !up.Written || up.NewReference != dry.NewReference {
		t.Errorf("upgrade: written %v, reference %s; want written, %s", up.Written, up.NewReference, dry.NewReference)
	}
	after, _ := os.ReadFile(file)
	if !bytes.HasPrefix(after, src) {
		t.Error("the upgrade changed the file's existing lines, comments included")
	}
	q, problems := questionnaire.Load(file, after, questionnaire.Options{})
	if problems.Err() != nil || q.Wording.Edition != templates.Current {
		t.Fatalf("after the upgrade: edition %q, problems %v", q.Wording.Edition, problems.Err())
	}

	// Once on the current edition there is nothing to do.
	again, err := app.UpgradeWording(file, "", false)
	if err != nil {
		t.Fatal(err)
	}
	if again.Written || again.From != again.To || len(again.Clauses) > 0 {
		t.Errorf("second upgrade = %+v, want nothing done", again)
	}
	if again.OldReference != up.NewReference {
		t.Errorf("the upgraded file gives Agreement ref. %s, the upgrade promised %s", again.OldReference, up.NewReference)
	}
}

// TestUpgradeWordingInPlace: a file that names an edition has just that
// value changed.
func TestUpgradeWordingInPlace(t *testing.T) {
	if templates.Unstated == templates.Current {
		t.Skip("only one edition")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "p.yaml")
	src := dropLogos(string(sampletest.Edit(t, "school-employer.yaml"))) +
		"\nwording:\n  edition: \"" + templates.Unstated + "\" # as signed\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := app.UpgradeWording(file, "", false); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(file)
	want := strings.Replace(src, `"`+templates.Unstated+`"`, `"`+templates.Current+`"`, 1)
	if string(after) != want {
		t.Errorf("after the upgrade the file ends\n%s\nwant\n%s", tail(string(after)), tail(want))
	}
}

func dropLogos(s string) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if !strings.Contains(line, "logo:") {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

func tail(s string) string { return s[max(0, len(s)-200):] }
