package questionnaire

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// loadQuickly loads src and fails the test if that takes more than two
// seconds: a hostile file must be cheap to reject.
func loadQuickly(t *testing.T, src string) (*Questionnaire, Problems) {
	t.Helper()
	start := time.Now()
	q, problems := Load("f.yaml", []byte(src), Options{})
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("Load took %v", took)
	}
	return q, problems
}

// editMinimal applies edits to minimal.yaml; each old text must occur.
func editMinimal(t *testing.T, edits []edit) string {
	t.Helper()
	src := readMinimal(t)
	for _, e := range edits {
		if !strings.Contains(src, e.old) {
			t.Fatalf("edit %q does not apply", e.old)
		}
		src = strings.Replace(src, e.old, e.new, 1)
	}
	return src
}

// mergeBomb returns a file in which each mapping merges the one before
// twice, so the last brings in 2^levels copies of the first.
func mergeBomb(levels int, list bool) string {
	var b strings.Builder
	b.WriteString("a0: &a0 {x: 1, y: 2}\n")
	for i := 1; i < levels; i++ {
		if list {
			fmt.Fprintf(&b, "a%d: &a%d {<<: [*a%d, *a%d]}\n", i, i, i-1, i-1)
		} else {
			fmt.Fprintf(&b, "a%d: &a%d {<<: *a%d, <<: *a%d}\n", i, i, i-1, i-1)
		}
	}
	fmt.Fprintf(&b, "partnership:\n  <<: *a%d\n", levels-1)
	return b.String()
}

func TestMergeBombIsRefused(t *testing.T) {
	for _, list := range []bool{false, true} {
		for _, levels := range []int{25, 40} {
			t.Run(fmt.Sprintf("list=%v/levels=%d", list, levels), func(t *testing.T) {
				src := mergeBomb(levels, list)
				_, problems := loadQuickly(t, src)
				want := fmt.Sprintf(`f.yaml:%d:3: partnership: the file has more than 250000 values (counting every use of an alias); it is too large to be a questionnaire`, levels+2)
				if got := problems.Error(); got != want {
					t.Errorf("got  %.500s\nwant %s", got, want)
				}
			})
		}
	}
}

func TestMergeList(t *testing.T) {
	// gamma merges beta then alpha: beta's answers win over alpha's,
	// alpha fills in what beta lacks, and gamma's own answers win over both.
	src := editMinimal(t, []edit{
		{"  - id: alpha\n", "  - &a\n    id: alpha\n    urn: \"100001\"\n"},
		{"  - id: beta\n", "  - &b\n    id: beta\n"},
		{"aims:", "  - <<: [*b, *a]\n    id: gamma\n    kind: school\naims:"},
	})
	q, problems := loadQuickly(t, src)
	if problems.Err() != nil {
		t.Fatal(problems)
	}
	g := q.Partners[2]
	if g.ID != "gamma" || g.Kind != "school" || g.Name != "Beta College" || g.URN != "100001" || g.Lead.Name != "Bob Brown" {
		t.Errorf("merged wrongly: %+v", g)
	}
}

func TestBadMerges(t *testing.T) {
	tests := []struct {
		name  string
		edits []edit
		want  string
	}{
		{"a merge of text", []edit{{"  name: Test Partnership\n", "  name: Test Partnership\n  <<: hello\n"}},
			`f.yaml:5:7: partnership: a merge ("<<") must bring in a set of "key: value" lines (such as <<: *defaults) or a list of them (<<: [*a, *b]); found "hello"`},
		{"a list with a list in it", []edit{{"  name: Test Partnership\n", "  name: Test Partnership\n  <<: [[a]]\n"}},
			`f.yaml:5:8: partnership: a merge ("<<") must bring in a set of "key: value" lines (such as <<: *defaults) or a list of them (<<: [*a, *b]); found a list`},
		{"a mapping merging itself", []edit{{"partnership:\n", "partnership: &p\n  <<: *p\n"}},
			`f.yaml:4:3: partnership: the merge ("<<") brings in the mapping it is part of`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := loadQuickly(t, editMinimal(t, tc.edits))
			if got := problems.Error(); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestEchoedTextIsCutAndEscaped(t *testing.T) {
	long := strings.Repeat("x", 200)
	cut := `"` + strings.Repeat("x", 80) + `…"`
	tests := []struct {
		name  string
		edits []edit
		want  string
	}{
		{"escape in a key", []edit{{"  name: Test Partnership\n", "  name: Test Partnership\n  \"na\\e[2Jme\": x\n"}},
			`f.yaml:5:3: partnership.na\x1b[2Jme: unknown field "na\x1b[2Jme"`},
		{"bell and bidi in a key", []edit{{"  name: Test Partnership\n", "  name: Test Partnership\n  \"a\\a\\u202eb\": x\n"}},
			`f.yaml:5:3: partnership.a\x07\u202eb: unknown field "a\x07\u202eb"`},
		{"long key", []edit{{"  name: Test Partnership\n", "  name: Test Partnership\n  " + long + ": x\n"}},
			`f.yaml:5:3: partnership.` + strings.Repeat("x", 80) + `…: unknown field ` + cut},
		{"long enum value", []edit{{"type: formal", "type: " + long}},
			`f.yaml:6:9: partnership.type: ` + cut + ` is not one of: formal, informal`},
		{"long date", []edit{{"start: 2026-09-01", "start: " + long}},
			`f.yaml:9:10: partnership.start: ` + cut + ` is not a date (YYYY-MM-DD)`},
		{"escape in an email", []edit{{"ann@alpha.example.org", "\"ann\\e]0;x\\aalpha\""}},
			"f.yaml:19:14: partners[0].lead.email: contains the control character U+001B; remove it\n" +
				`f.yaml:19:14: partners[0].lead.email: "ann\x1b]0;x\x07alpha" is not an email address (like name@school.example.org)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := loadQuickly(t, editMinimal(t, tc.edits))
			if got := problems.Error(); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}
