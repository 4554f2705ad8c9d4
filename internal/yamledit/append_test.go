package yamledit

import "testing"

// TestAppendScalar: a scalar is added to a list in the list's own
// layout, and a key written with a dot in it is reached by quoting it.
func TestAppendScalar(t *testing.T) {
	tests := []struct {
		name, src, path, value, want string
	}{
		{"flow", "wording:\n  omit: [a, b.c] # left out\n", "wording.omit", "d.e", "wording:\n  omit: [a, b.c, d.e] # left out\n"},
		{"block", "wording:\n  omit:\n    - a\n  # after\n", "wording.omit", "b", "wording:\n  omit:\n    - a\n    - b\n  # after\n"},
		{"empty", "wording:\n  omit: []\n  title: T\n", "wording.omit", "x: y", "wording:\n  omit: [\"x: y\"]\n  title: T\n"},
		{"no value", "wording:\n  omit:\n  title: T\n", "wording.omit", "a", "wording:\n  omit: [a]\n  title: T\n"},
		{"missing", "wording:\n  edition: \"2026.2\"\n\nnext: 1\n", "wording.omit", "a", "wording:\n  edition: \"2026.2\"\n  omit: [a]\n\nnext: 1\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse([]byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if err := d.AppendScalar(tc.path, tc.value); err != nil {
				t.Fatal(err)
			}
			if got := string(d.Bytes()); got != tc.want || d.Reformatted() {
				t.Errorf("got (reformatted %v)\n%s\nwant\n%s", d.Reformatted(), got, tc.want)
			}
		})
	}
	d, _ := Parse([]byte("a: 1\n"))
	if err := d.AppendScalar("a", "x"); err == nil {
		t.Error("appended to a scalar")
	}
}

// TestQuotedKeys: a path may name a key with dots in it, quoted in
// brackets.
func TestQuotedKeys(t *testing.T) {
	src := "wording:\n  replace:\n    general.insurance: Old.\n"
	d, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := d.Get(`wording.replace["general.insurance"]`); !ok || v != "Old." {
		t.Errorf("Get: %q %v", v, ok)
	}
	if err := d.Set(`wording.replace["general.insurance"]`, "New."); err != nil {
		t.Fatal(err)
	}
	if err := d.Set(`wording.replace["dissolution.notice"]`, "Notice."); err != nil {
		t.Fatal(err)
	}
	want := "wording:\n  replace:\n    general.insurance: New.\n    dissolution.notice: Notice.\n"
	if got := string(d.Bytes()); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	for _, bad := range []string{`a["b`, `a["b"]c`, `a[""]`} {
		if _, err := parsePath(bad); err == nil {
			t.Errorf("parsePath(%q) accepted", bad)
		}
	}
}

// TestSetText: a long text of several lines is written as a literal
// block, in place of a one-line value or a block scalar, or as a new key.
func TestSetTextForImport(t *testing.T) {
	text := "First paragraph.\n\n- one\n- two"
	tests := []struct{ name, src, path, want string }{
		{"new key", "wording:\n  replace:\n    a.b: x\n", `wording.replace["c.d"]`, "wording:\n  replace:\n    a.b: x\n    c.d: |-\n      First paragraph.\n\n      - one\n      - two\n"},
		{"one line", "wording:\n  replace:\n    a.b: x\nnext: 1\n", `wording.replace["a.b"]`, "wording:\n  replace:\n    a.b: |-\n      First paragraph.\n\n      - one\n      - two\nnext: 1\n"},
		{"one line with a comment after it", "a: x # note\n", "a", "a: |- # note\n  First paragraph.\n\n  - one\n  - two\n"},
		{"literal block at the end", "a: |\n  old\n  text\n", "a", "a: |-\n  First paragraph.\n\n  - one\n  - two\n"},
		{"folded block", "wording:\n  replace:\n    a.b: >\n      Old text\n      runs on.\n\n    c.d: y\n", `wording.replace["a.b"]`, "wording:\n  replace:\n    a.b: |-\n      First paragraph.\n\n      - one\n      - two\n\n    c.d: y\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse([]byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if err := d.SetText(tc.path, text); err != nil {
				t.Fatal(err)
			}
			if v, _ := d.Get(tc.path); v != text {
				t.Errorf("reads back as %q", v)
			}
			if got := string(d.Bytes()); got != tc.want || d.Reformatted() {
				t.Errorf("got (reformatted %v)\n%s\nwant\n%s", d.Reformatted(), got, tc.want)
			}
		})
	}
}
