package questionnaire

import (
	"slices"
	"strings"
	"testing"
)

func TestWarnings(t *testing.T) {
	tests := []struct {
		name  string
		edits []edit
		want  []string
	}{
		{"vague target", []edit{{"target: 100% pass", "target: Lots of passes"}},
			[]string{`f.yaml:38:13: warning: objectives[0].target: the target has no number, so it is hard to measure: say how many, how much or what percentage (SMART)`}},
		{"no measure, target or date", []edit{{"    measure: Tests passed.\n    target: 100% pass\n    by: 2027-07-01\n", ""}},
			[]string{
				`f.yaml:36:5: warning: objectives[0].measure: no measure: say how progress will be measured (SMART: measurable)`,
				`f.yaml:36:5: warning: objectives[0].target: no target: say what result counts as success (SMART: specific)`,
				`f.yaml:36:5: warning: objectives[0].by: no date: say when the objective is due (SMART: time-bound)`,
			}},
		{"review outside term", []edit{{"review_dates: [2027-07-10]", "review_dates: [2027-07-10, 2027-09-30]"}},
			[]string{`f.yaml:54:30: warning: monitoring.review_dates[1]: review on 30 September 2027 falls outside the partnership's term (1 September 2026 to 31 August 2027)`}},
		{"reviews further apart than the cycle", []edit{{"review_cycle: annually", "review_cycle: twice-yearly"}, {"review_dates: [2027-07-10]", "review_dates: [2026-10-01, 2027-07-10]"}},
			[]string{`f.yaml:54:30: warning: monitoring.review_dates[1]: reviews on 1 October 2026 and 10 July 2027 are further apart than partnership.review_cycle (twice-yearly) allows: give a date for each review, or change the cycle`}},
		{"reviews further apart than the cycle, the later given first", []edit{{"review_cycle: annually", "review_cycle: twice-yearly"}, {"review_dates: [2027-07-10]", "review_dates: [2027-07-10, 2026-10-01]"}},
			[]string{`f.yaml:54:18: warning: monitoring.review_dates[0]: reviews on 1 October 2026 and 10 July 2027 are further apart than partnership.review_cycle (twice-yearly) allows: give a date for each review, or change the cycle`}},
		{"reviews at the cycle", []edit{{"review_cycle: annually", "review_cycle: termly"}, {"review_dates: [2027-07-10]", "review_dates: [2026-12-10, 2027-04-01, 2027-07-10]"}}, nil},
		{"DfE monitoring prompts", []edit{{"  ethics: None arise\n", ""}},
			[]string{`f.yaml:52:3: warning: monitoring.ethics: not answered: the DfE guidance asks partners to plan ethical issues in collecting data`}},
		{"objective before start", []edit{{"by: 2027-07-01", "by: 2026-07-01"}},
			[]string{`f.yaml:39:9: warning: objectives[0].by: due 1 July 2026, before the partnership starts on 1 September 2026`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := readMinimal(t)
			for _, e := range tc.edits {
				if !strings.Contains(src, e.old) {
					t.Fatalf("edit %q does not apply", e.old)
				}
				src = strings.Replace(src, e.old, e.new, 1)
			}
			_, problems := Load("f.yaml", []byte(src), Options{})
			if problems.Err() != nil {
				t.Fatalf("warnings only expected, got errors:\n%s", problems.Errors())
			}
			if got := problems.Error(); got != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", got, strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestFileProblems(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"empty", "", `f.yaml: the file is empty; run "mou init" for a questionnaire to fill in`},
		{"only comments", "# nothing here\n", `f.yaml: the file is empty; run "mou init" for a questionnaire to fill in`},
		{"a list", "- a\n- b\n", `f.yaml:1:1: expected a questionnaire (a set of "key: value" lines), found a list`},
		{"a word", "hello\n", `f.yaml:1:1: expected a questionnaire (a set of "key: value" lines), found "hello"`},
		{"colon in an answer", "version: 1\npartnership:\n  name: Learning: together\n", `f.yaml:3:17: not valid YAML: mapping values are not allowed in this context (an answer containing ": " must be put in double quotes)`},
		{"curly quotes", "version: 1\npartnership:\n  name: “Learning: together”\n", `f.yaml:3:18: not valid YAML: mapping values are not allowed in this context (curly quotes do not quote in YAML: put the answer in straight double quotes ")`},
		{"malformed", "version: 1\npartnership:\n  name: [unclosed\n", `f.yaml:3:1: not valid YAML: did not find expected ',' or ']'`},
		{"tab indent", "version: 1\npartnership:\n\tname: x\n", `f.yaml:3:1: not valid YAML: found character that cannot start any token (a tab character: indent with spaces, not tabs)`},
		{"non-breaking space deeper in the indent", "version: 1\npartnership:\n  id: p\npartners:\n  - id: a\n    kind: school\n  \u00a0 urn: \"123456\"\n", `f.yaml:7:3: not valid YAML: a non-breaking space (U+00A0), as Word pastes, where YAML needs an ordinary space: delete it and type a space`},
		{"non-breaking space after a dash", "version: 1\npartners:\n  -\u00a0id: a\n    kind: school\n", `f.yaml:3:4: not valid YAML: a non-breaking space (U+00A0), as Word pastes, where YAML needs an ordinary space: delete it and type a space`},
		{"non-breaking space after a colon", "version: 1\npartnership:\n  id: p\n  name:\u00a0x\n  type: formal\n", `f.yaml:4:8: not valid YAML: a non-breaking space (U+00A0), as Word pastes, where YAML needs an ordinary space: delete it and type a space`},
		{"end-of-file mark", "version: 1\n\x1a", `f.yaml:2:1: the file contains the control character U+001A; remove it (it is the end-of-file mark some old Windows programs add)`},
		{"NUL", "version: 1\nda\x00te: x\n", `f.yaml:2:3: the file contains a NUL byte: it is not a text file`},
		{"latin-1", "version: 1\npartnership:\n  name: Caf\xe9\n", `f.yaml:3:12: byte 0xE9 at offset 35 is not UTF-8; save the file as UTF-8 (in Word or Notepad: Save As, Encoding: UTF-8)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := Load("f.yaml", []byte(tc.src), Options{})
			if problems.Err() == nil {
				t.Fatal("no error")
			}
			if got := problems[0].String(); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestWordSpaceInAKey: a non-breaking space at the start of a line can
// make a key of its own; the message says what the odd character is.
func TestWordSpaceInAKey(t *testing.T) {
	src := "version: 1\r\npartners:\r\n  - id: a\r\n\u00a0   kind: school\r\n"
	_, problems := Load("f.yaml", []byte(src), Options{})
	want := `f.yaml:4:1: \u00a0   kind: unknown field "\u00a0   kind" (a non-breaking space (U+00A0), as Word pastes, where YAML needs an ordinary space: delete it and type a space)`
	if !slices.Contains(strings.Split(problems.Error(), "\n"), want) {
		t.Errorf("no line\n%s\nin\n%s", want, problems.Error())
	}
}

// TestCurlyQuotedKey: a key Word has put in curly quotes is named as
// the key it would be without them.
func TestCurlyQuotedKey(t *testing.T) {
	src := "version: 1\npartners:\n  - id: a\n    “urn”: \"123456\"\n"
	_, problems := Load("f.yaml", []byte(src), Options{})
	want := `f.yaml:4:5: partners[0].“urn”: unknown field "“urn”" (curly quotes do not quote in YAML: write urn without them)`
	if !slices.Contains(strings.Split(problems.Error(), "\n"), want) {
		t.Errorf("no line\n%s\nin\n%s", want, problems.Error())
	}
}

func TestAliasBombIsRefused(t *testing.T) {
	// Each activity is an alias of one mapping whose year_groups is an
	// alias of a long list: a small file that expands to millions of values.
	src := "x: &yg [" + strings.Repeat("y, ", 2000) + "y]\n" +
		"y: &act {title: t, lead: a, when: w, year_groups: *yg}\n" +
		"activities: [" + strings.Repeat("*act, ", 2000) + "*act]\n"
	_, problems := Load("f.yaml", []byte(src), Options{})
	if !strings.Contains(problems.Error(), "too large to be a questionnaire") {
		t.Errorf("alias bomb not refused: %.300s", problems.Error())
	}
}

func TestUnprintable(t *testing.T) {
	src := strings.Replace(readMinimal(t), "name: Test Partnership", "name: Test Partnership 😀", 1)
	_, problems := Load("f.yaml", []byte(src), Options{Unprintable: func(s string) []rune {
		var out []rune
		for _, r := range s {
			if r > 0xFFFF {
				out = append(out, r)
			}
		}
		return out
	}})
	want := `f.yaml:4:9: partnership.name: character U+1F600 ('😀') cannot be printed in the PDF; remove it or use a plain-text alternative`
	if got := problems.Error(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestAliasesAndMergeKeys(t *testing.T) {
	src := strings.Replace(readMinimal(t), "    signatory:\n      name: Beth Beta\n      position: Principal\n",
		"    signatory: *sig\n", 1)
	src = strings.Replace(src, "    signatory:\n      name: Alan Alpha", "    signatory: &sig\n      name: Alan Alpha", 1)
	q, problems := Load("f.yaml", []byte(src), Options{})
	if problems.Err() != nil {
		t.Fatal(problems)
	}
	if q.Partners[1].Signatory.Name != "Alan Alpha" {
		t.Errorf("alias not followed: %+v", q.Partners[1].Signatory)
	}
}

func TestEmptySection(t *testing.T) {
	src := strings.Replace(readMinimal(t), "alteration:\n  process: In writing.\n", "alteration:\n", 1)
	_, problems := Load("f.yaml", []byte(src), Options{})
	want := "f.yaml:66:12: alteration.process: missing (this answer is required)"
	if got := problems.Error(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestWalesIsNotToldOfTheDfE: the DfE's guidance is England's, so a
// partnership in Wales is prompted by good practice instead.
func TestWalesIsNotToldOfTheDfE(t *testing.T) {
	src := strings.Replace(readMinimal(t), "  ethics: None arise\n", "", 1) + "wording:\n  edition: \"2026.2\"\n  nation: wales\n"
	_, problems := Load("f.yaml", []byte(src), Options{})
	want := `f.yaml:52:3: warning: monitoring.ethics: not answered: good practice is for partners to plan ethical issues in collecting data`
	if got := problems.Error(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
