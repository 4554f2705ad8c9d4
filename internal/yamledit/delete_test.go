package yamledit

import "testing"

func TestDelete(t *testing.T) {
	tests := []struct {
		name, src, path, want string
		reformatted           bool
	}{
		{"a line of its own", "a: 1\nb: 2\nc: 3\n", "b", "a: 1\nc: 3\n", false},
		{"with its comment", "a: 1\nb: \"\" # gone\nc: 3\n", "b", "a: 1\nc: 3\n", false},
		{"comment above stays", "a: 1\n# about c\nb: x\nc: 3\n", "b", "a: 1\n# about c\nc: 3\n", false},
		{"empty value", "p:\n  name: A\n  until:\n  role: B\n", "p.until", "p:\n  name: A\n  role: B\n", false},
		{"last line without newline", "a: 1\nb: 2", "b", "a: 1\n", false},
		{"in a list item", "l:\n  - n: a\n    until: \"\"\n    m: b\n", "l[0].until", "l:\n  - n: a\n    m: b\n", false},
		{"crlf", "a: 1\r\nb: 2\r\nc: 3\r\n", "b", "a: 1\r\nc: 3\r\n", false},
		{"missing", "a: 1\n", "b", "a: 1\n", false},
		{"first key of a list item", "l:\n  - until: x\n    n: a\n", "l[0].until", "l:\n  - n: a\n", true},
		{"flow mapping", "p: {a: 1, b: 2}\n", "p.b", "p: {a: 1}\n", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse([]byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if err := d.Delete(tc.path); err != nil {
				t.Fatal(err)
			}
			if got := string(d.Bytes()); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if d.Reformatted() != tc.reformatted {
				t.Errorf("reformatted %v, want %v", d.Reformatted(), tc.reformatted)
			}
		})
	}
	for _, bad := range []struct{ src, path string }{{"a: [1]\n", "a"}, {"a: {b: 1}\n", "a"}, {"a: [1]\n", "a[0]"}} {
		d, _ := Parse([]byte(bad.src))
		if err := d.Delete(bad.path); err == nil {
			t.Errorf("Delete(%q) of %q did not fail", bad.path, bad.src)
		}
	}
}

func TestDeleteGroup(t *testing.T) {
	tests := []struct {
		name, src, path, want string
		reformatted           bool
	}{
		{"a block mapping", "p:\n  a: 1\n  # about s\n  s:\n    # inside\n    name: A\n    role: |\n      B\n\n      C\n  z: 2\n", "p.s", "p:\n  a: 1\n  # about s\n  z: 2\n", false},
		{"the last key", "p:\n  a: 1\n  s:\n    name: A\n# after\nq: 1\n", "p.s", "p:\n  a: 1\n# after\nq: 1\n", false},
		{"a block list", "a: 1\nl:\n- x\n- y\nb: 2\n", "l", "a: 1\nb: 2\n", false},
		{"an empty group", "p:\n  s:\n  z: 2\n", "p.s", "p:\n  z: 2\n", false},
		{"in a list item", "l:\n  - n: a\n    s:\n      name: A\n    m: b\n", "l[0].s", "l:\n  - n: a\n    m: b\n", false},
		{"missing", "a: 1\n", "b", "a: 1\n", false},
		{"a flow mapping", "a: 1\ns: {name: A}\nb: 2\n", "s", "a: 1\nb: 2\n", false},
		{"a flow list over lines", "w:\n  omit: [a,\n    b] # note\n  # next\n  z: 1\n", "w.omit", "w:\n  # next\n  z: 1\n", false},
		{"an empty flow list", "w:\n  insert: []\n  z: 1\n", "w.insert", "w:\n  z: 1\n", false},
		{"a flow list after a dash", "l:\n  - omit: [a]\n    z: 1\n", "l[0].omit", "l:\n  - z: 1\n", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse([]byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if err := d.DeleteGroup(tc.path); err != nil {
				t.Fatal(err)
			}
			if got := string(d.Bytes()); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if d.Reformatted() != tc.reformatted {
				t.Errorf("reformatted %v, want %v", d.Reformatted(), tc.reformatted)
			}
		})
	}
	d, _ := Parse([]byte("a: 1\n"))
	if err := d.DeleteGroup("a"); err == nil {
		t.Error("DeleteGroup of a single value did not fail")
	}
}
