package yamledit

import (
	"strings"
	"testing"
)

// edited applies edit to src and returns the result, failing the test on
// an error or when the file had to be re-encoded.
func edited(t *testing.T, src string, edit func(d *Doc) error) string {
	t.Helper()
	d, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if err := edit(d); err != nil {
		t.Fatal(err)
	}
	if d.Reformatted() {
		t.Errorf("re-encoded the whole file:\n%s", d.Bytes())
	}
	return string(d.Bytes())
}

func TestSetText(t *testing.T) {
	long := strings.Repeat("word ", 20) + "end."
	tests := []struct {
		name, src, path, value, want string
	}{
		{"folded stays folded", "# m\nmission: >\n  old text\n  here\n\n# next\nb: 1\n", "mission", "New words.\n",
			"# m\nmission: >\n  New words.\n\n# next\nb: 1\n"},
		{"folded is wrapped", "p:\n  mission: >\n    old\nb: 1\n", "p.mission", long + "\n",
			"p:\n  mission: >\n    " + strings.Repeat("word ", 14) + "word\n    word word word word word end.\nb: 1\n"},
		{"folded without a final line break", "a: >\n  old\n", "a", "new", "a: >-\n  new\n"},
		{"folded to lines becomes literal", "a: >\n  old\nb: 1\n", "a", "one\n\ntwo\n", "a: |\n  one\n\n  two\nb: 1\n"},
		{"literal keeps lines", "t: |\n  - x\n  - y\nb: 1\n", "t", "- x\n- z\n- w\n", "t: |\n  - x\n  - z\n  - w\nb: 1\n"},
		{"plain to literal, comment kept", "t: old # note\nb: 1\n", "t", "one\ntwo", "t: |- # note\n  one\n  two\nb: 1\n"},
		{"list item to literal", "l:\n  - old\n  - x\n", "l[0]", "a\nb\n", "l:\n  - |\n    a\n    b\n  - x\n"},
		{"one line stays plain", "a: old # c\n", "a", "new", "a: new # c\n"},
		{"block to one line keeps the block", "a: |\n  old\n", "a", "new\n", "a: |\n  new\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := edited(t, tt.src, func(d *Doc) error { return d.SetText(tt.path, tt.value) })
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			d, _ := Parse([]byte(got))
			if v, _ := d.Get(tt.path); v != tt.value {
				t.Errorf("reads back as %q, want %q", v, tt.value)
			}
		})
	}
}

// TestSetTextFallsBack: a value no block can hold as it is is still
// written, quoted, by Set.
func TestSetTextFallsBack(t *testing.T) {
	for _, value := range []string{" leading space\nx", "two breaks\n\n", "\nstarts blank"} {
		d, _ := Parse([]byte("a: |\n  old\nb: 1\n"))
		if err := d.SetText("a", value); err != nil {
			t.Fatal(err)
		}
		if v, _ := d.Get("a"); v != value {
			t.Errorf("%q reads back as %q", value, v)
		}
	}
}

func TestRemove(t *testing.T) {
	tests := []struct {
		name, src, path, want string
	}{
		{"mapping item with comments", "l:\n  # first\n  - id: a\n    # inside\n    n: 1\n  # second\n  - id: b\n    n: 2\n# end\n", "l[0]",
			"l:\n  # first\n  # second\n  - id: b\n    n: 2\n# end\n"},
		{"last item", "l:\n  - id: a\n  - id: b\n    t: >\n      long\n\nnext: 1\n", "l[1]", "l:\n  - id: a\n\nnext: 1\n"},
		{"only item", "l: # c\n  - id: a\nnext: 1\n", "l[0]", "l: [] # c\nnext: 1\n"},
		{"scalar item", "aims:\n  - one\n  - two # keep\n  - three\n", "aims[0]", "aims:\n  - two # keep\n  - three\n"},
		{"flow item", "y: [Year 6, Year 7] # groups\n", "y[0]", "y: [Year 7] # groups\n"},
		{"nested list", "p:\n  - w:\n      - a\n      - b\n", "p[0].w[1]", "p:\n  - w:\n      - a\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := edited(t, tt.src, func(d *Doc) error { return d.Remove(tt.path) })
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
	d, _ := Parse([]byte("a: 1\n"))
	if err := d.Remove("a"); err == nil {
		t.Error("Remove took a key")
	}
}

func TestSetList(t *testing.T) {
	tests := []struct {
		name, src, path string
		values          []string
		want            string
	}{
		{"flow", "y: [Year 6]  # groups\nb: 1\n", "y", []string{"Year 6", "Year 7"}, "y: [Year 6, Year 7]  # groups\nb: 1\n"},
		{"flow needs quotes", "y: [a]\n", "y", []string{"a, b", "c"}, "y: [\"a, b\", c]\n"},
		{"flow emptied", "y: [a, b]\n", "y", nil, "y: []\n"},
		{"block changed in place", "aims:\n  # one\n  - One.\n  # two\n  - Two.\nb: 1\n", "aims", []string{"One.", "Deux."},
			"aims:\n  # one\n  - One.\n  # two\n  - Deux.\nb: 1\n"},
		{"block grows", "aims:\n  - One.\n\nb: 1\n", "aims", []string{"One.", "Two: yes", "Three."}, "aims:\n  - One.\n  - \"Two: yes\"\n  - Three.\n\nb: 1\n"},
		{"block shrinks", "aims:\n  - One.\n  - Two.\n  - Three.\nb: 1\n", "aims", []string{"One."}, "aims:\n  - One.\nb: 1\n"},
		{"empty flow", "h: []\nb: 1\n", "h", []string{"x"}, "h:\n  - x\nb: 1\n"},
		{"missing", "p:\n  a: 1\nb: 1\n", "p.l", []string{"x", "y"}, "p:\n  a: 1\n  l:\n    - x\n    - y\nb: 1\n"},
		{"missing and none", "b: 1\n", "l", nil, "b: 1\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := edited(t, tt.src, func(d *Doc) error { return d.SetList(tt.path, tt.values) })
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestLenAndStrings(t *testing.T) {
	d, _ := Parse([]byte("a: [x, 'y z']\nb:\n  - k: 1\n  - k: 2\n  - k: 3\nc: 1\n"))
	if got := d.Strings("a"); strings.Join(got, "|") != "x|y z" {
		t.Errorf("Strings: %q", got)
	}
	if d.Len("b") != 3 || d.Len("c") != 0 || d.Len("missing") != 0 {
		t.Errorf("Len: %d %d %d", d.Len("b"), d.Len("c"), d.Len("missing"))
	}
}
