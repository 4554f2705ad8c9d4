package yamledit

import (
	"errors"
	"strings"
	"testing"
)

// lead is a list item whose lead has comments between its entries and no
// phone, so that adding one must go after email and before the comment
// that belongs to signatory.
const lead = `partners:
  # The school.
  - id: riverside
    lead:
      # name: the person who holds the role now.
      name: Jane Smith
      # email: a work address.
      email: j.smith@riverside.example.org

    # signatory: someone who can commit the institution.
    signatory:
      name: Dr Amara Okafor
  - id: hartwell
    lead:
      name: Priya Patel
`

func TestSet(t *testing.T) {
	tests := []struct {
		name, src, path, value, want string
	}{
		{"plain", "a: 1\nb: old\n", "b", "new", "a: 1\nb: new\n"},
		{"plain with comment", "b: old   # keep me\nc: 2\n", "b", "Dafydd Jones-Newman", "b: Dafydd Jones-Newman   # keep me\nc: 2\n"},
		{"single-quoted", "name: 'Mark O''Connor' # dsl\n", "name", "Jo Bloggs", "name: Jo Bloggs # dsl\n"},
		{"single-quoted to quoted", "name: 'Mark O''Connor'\n", "name", "Siân's #1", "name: \"Siân's #1\"\n"},
		{"double-quoted", "urn: \"138245\"  # six digits\n", "urn", "138246", "urn: \"138246\"  # six digits\n"},
		// Text that reads as a number other than a small whole one is
		// quoted, so that no YAML reader takes it for a number.
		{"digits with a leading zero", "phone: x\n", "phone", "01632960118", "phone: \"01632960118\"\n"},
		{"a version", "version: 1\n", "version", "2", "version: 2\n"},
		{"double-quoted with escapes", `a: "say \"hi\" \\" # c` + "\n", "a", "x", "a: x # c\n"},
		{"nested", "p:\n  lead:\n    email: a@b.org # work\n", "p.lead.email", "j.smith@school.example.org", "p:\n  lead:\n    email: j.smith@school.example.org # work\n"},
		{"list item", "l:\n  - n: a\n  - n: b # second\n", "l[1].n", "c", "l:\n  - n: a\n  - n: c # second\n"},
		{"date", "date: 2026-09-01\n", "date", "2027-01-06", "date: 2027-01-06\n"},
		{"number", "version: 1 # raise by one\n", "version", "2", "version: 2 # raise by one\n"},
		{"yes stays plain", "a: no\n", "a", "yes", "a: yes\n"},
		{"unicode", "a: x\n", "a", "Gŵyl – été", "a: Gŵyl – été\n"},

		// Multi-byte characters before the value on its line.
		{"multi-byte key", "côté: old # é\nb: 1\n", "côté", "new", "côté: new # é\nb: 1\n"},
		{"multi-byte flow", "names: [Siân, Dafydd]  # ŵ\n", "names[1]", "Rhodri", "names: [Siân, Rhodri]  # ŵ\n"},
		{"multi-byte quoted key", "\"Siân's\": 'ŵ' # x\n", "Siân's", "é", "\"Siân's\": é # x\n"},

		// Values that need quotes.
		{"colon hash", "a: x\n", "a", "St Mary's: #1", `a: "St Mary's: #1"` + "\n"},
		{"leading space", "a: x\n", "a", " lead", `a: " lead"` + "\n"},
		{"trailing space", "a: x\n", "a", "trail ", `a: "trail "` + "\n"},
		{"empty", "a: x # c\n", "a", "", `a: "" # c` + "\n"},
		{"null word", "a: x\n", "a", "null", `a: "null"` + "\n"},
		{"tilde", "a: x\n", "a", "~", `a: "~"` + "\n"},
		{"dash", "a: x\n", "a", "- x", `a: "- x"` + "\n"},
		{"quote mark", "a: x\n", "a", `"q" and \`, `a: "\"q\" and \\"` + "\n"},
		{"hash", "a: x\n", "a", "#1", `a: "#1"` + "\n"},
		{"anchor", "a: x\n", "a", "&a", `a: "&a"` + "\n"},
		{"two lines", "a: x\n", "a", "one\ntwo", `a: "one\ntwo"` + "\n"},
		{"control", "a: x\n", "a", "bell\a\u2028", `a: "bell\x07\u2028"` + "\n"},
		{"flow item needs quotes", "a: [x, y]\n", "a[0]", "p, q", `a: ["p, q", y]` + "\n"},

		// Values that were null.
		{"null empty", "a:\nb: 1\n", "a", "x", "a: x\nb: 1\n"},
		{"null comment", "a: # none yet\nb: 1\n", "a", "x", "a: x # none yet\nb: 1\n"},
		{"null tilde", "a: ~\n", "a", "x", "a: x\n"},

		// Keys under a parent written empty.
		{"under null", "a: 1\nw:\n  # keep this comment\n", "w.e", "2026.2", "a: 1\nw:\n  e: \"2026.2\"\n  # keep this comment\n"},
		{"under null last line", "w:", "w.e", "x", "w:\n  e: x\n"},
		{"under null with comment", "w: # none yet\nb: >\n  one\n  two\n", "w.e", "x", "w: # none yet\n  e: x\nb: >\n  one\n  two\n"},
		{"under tilde", "w: ~\n", "w.e", "x", "w:\n  e: x\n"},
		{"under empty flow mapping", "w: {}  # c\nb: >\n  one\n  two\n", "w.e", "x", "w:  # c\n  e: x\nb: >\n  one\n  two\n"},
		{"under empty flow mapping nested", "p:\n  w: { }\n", "p.w.e", "a: b", "p:\n  w:\n    e: \"a: b\"\n"},

		// Keys that are missing.
		{"missing top", "a: 1\n\n# end\n", "b", "2", "a: 1\nb: 2\n\n# end\n"},
		{"missing no newline", "a: 1", "b", "2", "a: 1\nb: 2\n"},
		{"missing empty file", "", "b", "x: y", "b: \"x: y\"\n"},
		{"missing comment-only file", "# nothing yet\n", "b", "2", "# nothing yet\n\nb: 2\n"},
		{"missing after block scalar", "p:\n  a: |\n    text\n\n    # not a comment\n  # a comment\nq: 1\n", "p.b", "2",
			"p:\n  a: |\n    text\n\n    # not a comment\n  b: 2\n  # a comment\nq: 1\n"},
		{"missing after multi-line plain", "p:\n  a: one\n    two\n# c\nq: 1\n", "p.b", "2", "p:\n  a: one\n    two\n  b: 2\n# c\nq: 1\n"},
		// A note on a key the last entry leaves out stays with it.
		{"missing after a note on the last entry", "p:\n  a:\n    x: 1\n    # y (optional): a key a could have\n\n# next\nq: 1\n", "p.b", "2",
			"p:\n  a:\n    x: 1\n    # y (optional): a key a could have\n  b: 2\n\n# next\nq: 1\n"},
		{"missing before a note after a blank line", "p:\n  a:\n    x: 1\n\n    # about what follows\nq: 1\n", "p.b", "2",
			"p:\n  a:\n    x: 1\n  b: 2\n\n    # about what follows\nq: 1\n"},
		{"missing merged", "base: &b\n  name: A\nx:\n  <<: *b\n  role: r\n", "x.name", "B", "base: &b\n  name: A\nx:\n  <<: *b\n  role: r\n  name: B\n"},
		{"missing nested in list item", lead, "partners[0].lead.phone", "01632 960 118",
			strings.Replace(lead, "riverside.example.org\n", "riverside.example.org\n      phone: 01632 960 118\n", 1)},
		{"missing in last item", lead, "partners[1].lead.phone", "1", lead + "      phone: 1\n"},

		// Line endings and byte order marks.
		{"crlf", "a: 1\r\nb: 2 # c\r\n", "b", "3", "a: 1\r\nb: 3 # c\r\n"},
		{"crlf insert", "a: 1\r\nb: 2\r\n", "c", "3", "a: 1\r\nb: 2\r\nc: 3\r\n"},
		{"bom", "\uFEFFa: 1\n", "a", "2", "\uFEFFa: 2\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.src)
			if err := d.Set(tt.path, tt.value); err != nil {
				t.Fatal(err)
			}
			if got := string(d.Bytes()); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
			if d.Reformatted() {
				t.Error("Reformatted() = true, want an edit in place")
			}
			checkReads(t, d.Bytes(), tt.path, tt.value)
		})
	}
}

func TestAppend(t *testing.T) {
	item := [][2]string{
		{"version", "2"},
		{"date", "2027-01-06"},
		{"change", "Lead for Riverside: Jane Smith → Dafydd Jones-Newman"},
		{"reason", "Staff change"},
	}
	const indented = "    - version: 2\n" +
		"      date: 2027-01-06\n" +
		"      change: \"Lead for Riverside: Jane Smith → Dafydd Jones-Newman\"\n" +
		"      reason: Staff change\n"
	const top = "history:\n" +
		"  - version: 2\n" +
		"    date: 2027-01-06\n" +
		"    change: \"Lead for Riverside: Jane Smith → Dafydd Jones-Newman\"\n" +
		"    reason: Staff change\n"
	tests := []struct {
		name, src, path, want string
	}{
		{"indented", "x:\n  history:\n    - version: 1\n      date: 2026-09-01 # first\n\n  # more\ny: 1\n", "x.history",
			"x:\n  history:\n    - version: 1\n      date: 2026-09-01 # first\n" + indented + "\n  # more\ny: 1\n"},
		{"flush", "history:\n- version: 1\n  date: 2026-09-01\n# next\nnext: 1\n", "history",
			"history:\n- version: 1\n  date: 2026-09-01\n" +
				"- version: 2\n  date: 2027-01-06\n  change: \"Lead for Riverside: Jane Smith → Dafydd Jones-Newman\"\n  reason: Staff change\n" +
				"# next\nnext: 1\n"},
		{"wide", "history:\n  -   version: 1\n      date: x\n", "history",
			"history:\n  -   version: 1\n      date: x\n" +
				"  -   version: 2\n      date: 2027-01-06\n      change: \"Lead for Riverside: Jane Smith → Dafydd Jones-Newman\"\n      reason: Staff change\n"},
		{"after block scalar", "history:\n  - version: 1\n    change: |\n      # literal\n\n# end\n", "history",
			"history:\n  - version: 1\n    change: |\n      # literal\n" + top[len("history:\n"):] + "\n# end\n"},
		{"missing", "a: 1\n# end\n", "history", "a: 1\n# end\n\n" + top},
		{"missing no newline", "a: 1", "history", "a: 1\n\n" + top},
		{"missing after blank line", "a: 1\n\n", "history", "a: 1\n\n" + top},
		{"missing empty file", "", "history", top},
		{"missing nested", "x:\n  a: 1\n# c\ny: 2\n", "x.history", "x:\n  a: 1\n  history:\n" + indented + "# c\ny: 2\n"},
		{"empty flow", "# h\nhistory: []\nnext: 1\n", "history", "# h\n" + top + "next: 1\n"},
		{"empty flow comment", "history: [ ]  # none yet", "history", "history:  # none yet\n" + top[len("history:\n"):]},
		{"null", "history:\nnext: 1\n", "history", top + "next: 1\n"},
		{"tilde", "history: ~ # none\n", "history", "history: # none\n" + top[len("history:\n"):]},
		{"crlf", "a: 1\r\nhistory:\r\n  - version: 1\r\n", "history", "a: 1\r\nhistory:\r\n  - version: 1\r\n" +
			strings.ReplaceAll(top[len("history:\n"):], "\n", "\r\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.src)
			if err := d.Append(tt.path, item); err != nil {
				t.Fatal(err)
			}
			if got := string(d.Bytes()); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
			if d.Reformatted() {
				t.Error("Reformatted() = true, want an edit in place")
			}
		})
	}
}

func TestFallback(t *testing.T) {
	tests := []struct {
		name, src, path, value string
		check                  map[string]string // other values that must not change
	}{
		{"block scalar", "# top\nnotes: |\n  old\n  text\n# keep\nb: 1 # b\n", "notes", "new", map[string]string{"b": "1"}},
		{"folded to multi-line", "# top\nnotes: >\n  old\n# keep\nb: 1 # b\n", "notes", "two\nlines", map[string]string{"b": "1"}},
		{"multi-line plain", "# top\na: one\n  two # keep\nb: 1\n", "a", "x", map[string]string{"b": "1"}},
		{"multi-line double-quoted", "# top\na: \"one\n  two\" # keep\nb: 1\n", "a", "x", map[string]string{"b": "1"}},
		{"flow mapping parent", "# top\nlead: {name: A, email: a@b.org} # keep\n", "lead.phone", "01632 960 118", map[string]string{"lead.name": "A"}},
		{"alias value", "# top\nbase: &b A # keep\ncopy: *b\n", "copy", "B", map[string]string{"base": "A"}},
		{"alias parent", "# top\nbase: &b # keep\n  name: A\ncopy: *b\n", "copy.name", "B", map[string]string{"base.name": "A"}},
		{"anchored value", "# top\nbase: &b A # keep\ncopy: *b\n", "base", "B", map[string]string{"copy": "A"}},
		{"anchored parent", "# top\nbase: &b # keep\n  name: A\ncopy: *b\n", "base.name", "B", map[string]string{"copy.name": "A"}},
		{"anchored list item", "# top\np:\n  - s: &ceo # keep\n      name: A\n  - s: *ceo\n", "p[0].s.name", "B", map[string]string{"p[1].s.name": "A"}},
		{"anchor merged elsewhere", "# top\nbase: &b # keep\n  name: A\nx:\n  <<: *b\n  role: r\n", "base.name", "B", map[string]string{"x.name": "A", "x.role": "r"}},
		{"tagged", "# top\na: !!str 12 # keep\n", "a", "13", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.src)
			if err := d.Set(tt.path, tt.value); err != nil {
				t.Fatal(err)
			}
			if !d.Reformatted() {
				t.Errorf("Reformatted() = false; got:\n%s", d.Bytes())
			}
			out := d.Bytes()
			checkReads(t, out, tt.path, tt.value)
			for path, want := range tt.check {
				checkReads(t, out, path, want)
			}
			for _, c := range []string{"# top", "# keep"} {
				if !strings.Contains(string(out), c) {
					t.Errorf("comment %q lost:\n%s", c, out)
				}
			}
		})
	}
}

func TestAppendFallback(t *testing.T) {
	d := mustParse(t, "# top\nhistory: [{version: 1}] # keep\n")
	if err := d.Append("history", [][2]string{{"version", "2"}}); err != nil {
		t.Fatal(err)
	}
	if !d.Reformatted() {
		t.Error("Reformatted() = false")
	}
	checkReads(t, d.Bytes(), "history[0].version", "1")
	checkReads(t, d.Bytes(), "history[1].version", "2")
}

func TestGet(t *testing.T) {
	const src = `base: &b
  name: A
  role: R
x:
  <<: *b
  name: X
y: *b
list: [1, "two", ~]
empty:
`
	d := mustParse(t, src)
	tests := []struct {
		path, want string
		ok         bool
	}{
		{"base.name", "A", true},
		{"x.name", "X", true},
		{"x.role", "R", true}, // through the merge key
		{"y.name", "A", true}, // through the alias
		{"list[1]", "two", true},
		{"list[2]", "", true},
		{"empty", "", true},
		{"base", "", false}, // a mapping
		{"list[3]", "", false},
		{"nope", "", false},
		{"base.name.x", "", false},
		{"a..b", "", false},
	}
	for _, tt := range tests {
		got, ok := d.Get(tt.path)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Get(%q) = %q, %v; want %q, %v", tt.path, got, ok, tt.want, tt.ok)
		}
	}
}

func TestErrors(t *testing.T) {
	const src = "version: 1\npartners:\n  - id: a\n    lead:\n      name: A\nhistory:\n  - version: 1\n"
	tests := []struct {
		name, path string
		append     bool
		want       string // part of the message
		notFound   bool
	}{
		{"unknown parent", "partnres.lead", false, "partnres not found", true},
		{"unknown nested parent", "partners[0].leed.name", false, "partners[0].leed not found", true},
		{"index out of range", "partners[1].id", false, "index 1 out of range: partners has 1 items", false},
		{"index on mapping", "partners[0].lead[0]", false, "partners[0].lead is a mapping, not a list", false},
		{"key on list", "partners.id", false, "partners is a list, not a mapping", false},
		{"through a scalar", "version.major", false, "version is a single value, not a mapping", false},
		{"set on mapping", "partners[0].lead", false, "is a mapping; Set needs a single value", false},
		{"set on list", "history", false, "is a list; Set needs a single value", false},
		{"append to scalar", "version", true, "is a single value, not a list", false},
		{"append to mapping", "partners[0].lead", true, "is a mapping, not a list", false},
		{"append to missing parent", "nope.history", true, "nope not found", true},
		{"invalid path", "partners[x]", false, "invalid path", false},
		{"empty path", "", false, "invalid path", false},
		{"trailing dot", "version.", false, "invalid path", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, src)
			var err error
			if tt.append {
				err = d.Append(tt.path, [][2]string{{"a", "b"}})
			} else {
				err = d.Set(tt.path, "x")
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.path) {
				t.Fatalf("got error %v, want one naming %q and containing %q", err, tt.path, tt.want)
			}
			if errors.Is(err, ErrNotFound) != tt.notFound {
				t.Errorf("errors.Is(err, ErrNotFound) = %v, want %v", !tt.notFound, tt.notFound)
			}
			if string(d.Bytes()) != src {
				t.Errorf("a failed edit changed the document:\n%s", d.Bytes())
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, src := range []string{"a: [\n", "a: 1\n---\nb: 2\n", "a: b: c\n"} {
		if _, err := Parse([]byte(src)); err == nil {
			t.Errorf("Parse(%q) succeeded, want an error", src)
		}
	}
}

func TestInvalidUTF8(t *testing.T) {
	d := mustParse(t, "a: 1\n")
	if err := d.Set("a", "\xff"); err == nil {
		t.Error("Set with invalid UTF-8 succeeded")
	}
}

// TestEditAfterBytes checks that edits may carry on after Bytes, each
// seeing the ones before.
func TestEditAfterBytes(t *testing.T) {
	d := mustParse(t, "a: 1\n")
	if err := d.Set("b", "2"); err != nil {
		t.Fatal(err)
	}
	_ = d.Bytes()
	if err := d.Set("b", "3"); err != nil {
		t.Fatal(err)
	}
	if got, want := string(d.Bytes()), "a: 1\nb: 3\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func mustParse(t testing.TB, src string) *Doc {
	t.Helper()
	d, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// checkReads parses src afresh and checks the value at path.
func checkReads(t testing.TB, src []byte, path, want string) {
	t.Helper()
	d, err := Parse(src)
	if err != nil {
		t.Fatalf("result does not parse: %v\n%s", err, src)
	}
	if got, ok := d.Get(path); !ok || got != want {
		t.Errorf("Get(%q) = %q, %v; want %q\n%s", path, got, ok, want, src)
	}
}

// TestPaths: a path's keys and indexes, and keys quoted in brackets
// where they hold a dot, read and written back the same.
func TestPaths(t *testing.T) {
	for _, p := range []string{"a", "a.b", "a[0]", "a[0].b", "a[1][2]", `a["b.c"]`, `a["b.c"].d`, `a["b.c"][0]`, `["x.y"]`, "[0]", `a["[x]"]`} {
		segs, err := parsePath(p)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if got := formatPath(segs); got != p {
			t.Errorf("%s: written back as %s", p, got)
		}
	}
	if segs, _ := parsePath(`wording.replace["general.insurance"]`); len(segs) != 3 || segs[2].key != "general.insurance" {
		t.Errorf("a quoted key: %+v", segs)
	}
	for _, p := range []string{"", "a.", ".a", "a..b", "a[x]", "a[]", `a[""]`, `a["b"c"]`, "a]", "a[0]b", "a.[0]", `a"b`, `a["b`, "a[-1]"} {
		if segs, err := parsePath(p); err == nil {
			t.Errorf("%q: read as %+v", p, segs)
		}
	}
	if got := Key("wording.replace", "general.insurance"); got != `wording.replace["general.insurance"]` {
		t.Errorf("Key: %s", got)
	}
	if got := Key("wording.replace", "parties"); got != "wording.replace.parties" {
		t.Errorf("Key: %s", got)
	}
	d, _ := Parse([]byte("wording:\n  replace:\n    general.insurance: Old words.\n"))
	if err := d.Set(Key("wording.replace", "general.insurance"), "New words."); err != nil {
		t.Fatal(err)
	}
	if got := string(d.Bytes()); got != "wording:\n  replace:\n    general.insurance: New words.\n" {
		t.Errorf("set by a quoted key: %q", got)
	}
}
