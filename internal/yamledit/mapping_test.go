package yamledit

import (
	"slices"
	"testing"
)

func TestAddMapping(t *testing.T) {
	tests := []struct {
		name, src, path, want string
		reformatted           bool
	}{
		{"nested, comments kept", "partners:\n  - id: a # the first\n    lead:\n      name: X\n\n# after\nversion: 1\n", "partners[0].safeguarding_lead",
			"partners:\n  - id: a # the first\n    lead:\n      name: X\n    safeguarding_lead:\n      name: \"Y: Z\"\n      role: DSL\n\n# after\nversion: 1\n", false},
		{"top level", "a: 1\n", "b", "a: 1\nb:\n  name: \"Y: Z\"\n  role: DSL\n", false},
		{"flow mapping is re-encoded", "p: {a: 1}\n", "p.b", "p: {a: 1, b: {name: \"Y: Z\", role: DSL}}\n", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse([]byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if err := d.AddMapping(tc.path, [][2]string{{"name", "Y: Z"}, {"role", "DSL"}}); err != nil {
				t.Fatal(err)
			}
			if got := string(d.Bytes()); got != tc.want || d.Reformatted() != tc.reformatted {
				t.Errorf("got %q (reformatted %v), want %q", got, d.Reformatted(), tc.want)
			}
		})
	}
	d, _ := Parse([]byte("a:\n  b: 1\n"))
	if err := d.AddMapping("a", [][2]string{{"x", "1"}}); err == nil {
		t.Error("adding a key that exists was not refused")
	}
}

func TestKeys(t *testing.T) {
	d, err := Parse([]byte("w:\n  replace:\n    general.insurance: A\n    # note\n    status.type: B\n  omit: [x]\n  none:\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Keys("w.replace"); !slices.Equal(got, []string{"general.insurance", "status.type"}) {
		t.Errorf("keys %v", got)
	}
	for _, p := range []string{"w.omit", "w.none", "w.missing", "x.y", "w["} {
		if got := d.Keys(p); got != nil {
			t.Errorf("%s: keys %v", p, got)
		}
	}
}
