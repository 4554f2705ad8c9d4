package change

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// steps writes an alignment as "=" for an item kept, "~" for one
// changed in place, "+" added and "-" removed, with the indices.
func steps(old, new []item, ps []pair) string {
	var out []string
	for _, p := range ps {
		switch {
		case p.old < 0:
			out = append(out, "+"+strconv.Itoa(p.new))
		case p.new < 0:
			out = append(out, "-"+strconv.Itoa(p.old))
		case old[p.old].key == new[p.new].key:
			out = append(out, "="+strconv.Itoa(p.old)+strconv.Itoa(p.new))
		default:
			out = append(out, "~"+strconv.Itoa(p.old)+strconv.Itoa(p.new))
		}
	}
	return strings.Join(out, " ")
}

func TestAlign(t *testing.T) {
	type row struct{ Title, Owner, Target string }
	tests := []struct {
		name     string
		old, new any
		want     string
	}{
		{"same", []string{"a", "b"}, []string{"a", "b"}, "=00 =11"},
		{"added at the head", []string{"a", "b", "c"}, []string{"x", "a", "b", "c"}, "+0 =01 =12 =23"},
		{"added in the middle", []string{"a", "b", "c"}, []string{"a", "x", "b", "c"}, "=00 +1 =12 =23"},
		{"removed at the head", []string{"a", "b", "c"}, []string{"b", "c"}, "-0 =10 =21"},
		{"changed in place", []string{"a", "b", "c"}, []string{"a", "B", "c"}, "=00 ~11 =22"},
		{"moved", []string{"a", "b", "c"}, []string{"b", "c", "a"}, "-0 =10 =21 +2"},
		{"all new, as many", []string{"a", "b"}, []string{"x", "y"}, "~00 ~11"},
		{"emptied", []string{"a", "b"}, []string{}, "-0 -1"},
		{"from nothing", []string{}, []string{"a"}, "+0"},
		{"added at the head, a word changed after",
			[]string{"raise awareness of careers", "meet an engineer"},
			[]string{"new first aim", "raise awareness of engineering careers", "meet an engineer"}, "+0 ~01 =12"},
		{"removed, the next changed",
			[]row{{"visits", "riverside", "95%"}, {"survey", "riverside", "30%"}, {"placements", "hartwell", "20"}},
			[]row{{"survey", "riverside", "35%"}, {"placements", "hartwell", "20"}}, "-0 ~10 =21"},
		{"added, the one before changed",
			[]row{{"visits", "riverside", "95%"}, {"placements", "hartwell", "20"}},
			[]row{{"visits", "riverside", "90%"}, {"mentoring", "hartwell", "10"}, {"placements", "hartwell", "20"}}, "~00 +1 =12"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			old, new := items(reflect.ValueOf(tc.old)), items(reflect.ValueOf(tc.new))
			if got := steps(old, new, align(old, new)); got != tc.want {
				t.Errorf("align = %s, want %s", got, tc.want)
			}
		})
	}
}

// TestAlignBounded: two long lists that differ throughout are paired by
// position rather than weighed pair by pair, which for lists of a
// thousand texts took 1.4 s.
func TestAlignBounded(t *testing.T) {
	for _, size := range []int{300, 5000} {
		var old, new []string
		for i := range size {
			old = append(old, "an aim, the old "+strconv.Itoa(i))
			new = append(new, "an aim, the new "+strconv.Itoa(i))
		}
		new = append(new, "one more")
		o, n := items(reflect.ValueOf(old)), items(reflect.ValueOf(new))
		var ps []pair
		// Weighing each pair for likeness allocates; pairing by position
		// hardly does (29 against 180,000 for 300 items).
		if allocs := testing.AllocsPerRun(1, func() { ps = align(o, n) }); allocs > 100 {
			t.Errorf("%d items: %.0f allocations: the pairs were weighed", size, allocs)
		}
		if len(ps) != size+1 || ps[0] != (pair{0, 0}) || ps[size] != (pair{-1, size}) {
			t.Errorf("%d items: got %d pairs, first %v, last %v", size, len(ps), ps[0], ps[len(ps)-1])
		}
	}
}
