package change

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// pair is one step through two lists: an item of each (a kept or
// changed item), or of one alone (-1 for the other: an item added or
// removed).
type pair struct{ old, new int }

// maxCells bounds the table of equal items align fills, and maxWeighed
// the table of items weighed for likeness, which costs far more a cell:
// past them (lists of hundreds of items that differ throughout) items
// are paired by position rather than spend the memory and time.
const (
	maxCells   = 1 << 20
	maxWeighed = 1 << 16
)

// align pairs the items of two lists so that an item added at the head
// of a list is one change, not a change to every item after it. Items
// equal in both are matched by a longest common subsequence. Between two
// matches, as many items on each side are paired in order, as items
// changed in place; where one side has more, the pairs are those most
// alike (see alike), and what is left over was added or removed.
func align(old, new []item) []pair {
	var out []pair
	head := 0
	for head < len(old) && head < len(new) && old[head].key == new[head].key {
		out = append(out, pair{head, head})
		head++
	}
	tail := 0
	for tail < len(old)-head && tail < len(new)-head && old[len(old)-1-tail].key == new[len(new)-1-tail].key {
		tail++
	}
	o, n := old[head:len(old)-tail], new[head:len(new)-tail]
	var matches []pair
	if (len(o)+1)*(len(n)+1) <= maxCells {
		matches = common(o, n)
	}
	i, j := 0, 0
	for _, m := range append(matches, pair{len(o), len(n)}) {
		for _, p := range gap(o[i:m.old], n[j:m.new]) {
			out = append(out, pair{at(head+i, p.old), at(head+j, p.new)})
		}
		i, j = m.old, m.new
		if m.old < len(o) {
			out = append(out, pair{head + i, head + j})
			i, j = i+1, j+1
		}
	}
	for k := range tail {
		out = append(out, pair{len(old) - tail + k, len(new) - tail + k})
	}
	return out
}

// at is start+i, or -1 for none.
func at(start, i int) int {
	if i < 0 {
		return -1
	}
	return start + i
}

// common is a longest common subsequence of a and b, as the index pairs
// of its items.
func common(a, b []item) []pair {
	return best(a, b, func(x, y item) float64 {
		if x.key == y.key {
			return 1
		}
		return 0
	})
}

// gap pairs the items between two matches: in order when both sides
// have as many (or too many to weigh), else those most alike, in order;
// the rest stand alone.
func gap(a, b []item) []pair {
	var pairs []pair
	if len(a) != len(b) && (len(a)+1)*(len(b)+1) <= maxWeighed {
		pairs = best(a, b, alike)
	} else {
		for i := range min(len(a), len(b)) {
			pairs = append(pairs, pair{i, i})
		}
	}
	var out []pair
	i, j := 0, 0
	for _, p := range append(pairs, pair{len(a), len(b)}) {
		for ; i < p.old; i++ {
			out = append(out, pair{i, -1})
		}
		for ; j < p.new; j++ {
			out = append(out, pair{-1, j})
		}
		if p.old < len(a) {
			out = append(out, p)
			i, j = i+1, j+1
		}
	}
	return out
}

// best pairs items of a and b, in order, so that the score of the pairs
// adds up to the most it can; pairs that score nothing are left out.
func best(a, b []item, score func(x, y item) float64) []pair {
	// total[i*w+j] is the best sum for a[i:] and b[j:].
	w := len(b) + 1
	total := make([]float64, (len(a)+1)*w)
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			t := max(total[(i+1)*w+j], total[i*w+j+1])
			if s := score(a[i], b[j]); s > 0 {
				t = max(t, total[(i+1)*w+j+1]+s)
			}
			total[i*w+j] = t
		}
	}
	var out []pair
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch t := total[i*w+j]; {
		case t == total[(i+1)*w+j]:
			i++
		case t == total[i*w+j+1]:
			j++
		default:
			out = append(out, pair{i, j})
			i, j = i+1, j+1
		}
	}
	return out
}

// alike scores how alike two items are, from 0 to 1: for items with
// fields, the share of fields that are equal; for a single text, the
// share of words the two have in common.
func alike(x, y item) float64 {
	if len(x.parts) > 1 && len(x.parts) == len(y.parts) {
		same := 0
		for i := range x.parts {
			if x.parts[i] == y.parts[i] {
				same++
			}
		}
		return float64(same) / float64(len(x.parts))
	}
	xs, ys := strings.Fields(x.key), strings.Fields(y.key)
	in := map[string]bool{}
	for _, w := range xs {
		in[w] = true
	}
	same := 0
	for _, w := range ys {
		if in[w] {
			same++
			delete(in, w)
		}
	}
	return float64(same) / float64(max(len(xs), len(ys)))
}

// item is a list item written out as fieldChanges compares it: key
// whole, so that two items are equal exactly when fieldChanges finds no
// change between them, and parts field by field.
type item struct {
	key   string
	parts []string
}

func items(list reflect.Value) []item {
	out := make([]item, list.Len())
	for i := range out {
		v := list.Index(i)
		if v.Kind() == reflect.Pointer {
			v = elem(v)
		}
		var b strings.Builder
		if _, ok := v.Interface().(fmt.Stringer); v.Kind() == reflect.Struct && !ok {
			for f := 0; f < v.NumField(); f++ {
				if v.Type().Field(f).IsExported() {
					var part strings.Builder
					writeKey(&part, v.Field(f))
					out[i].parts = append(out[i].parts, part.String())
					b.WriteString(part.String())
					b.WriteByte(',')
				}
			}
		} else {
			writeKey(&b, v)
		}
		out[i].key = b.String()
	}
	return out
}

func writeKey(b *strings.Builder, v reflect.Value) {
	if v.Kind() == reflect.Pointer {
		v = elem(v)
	}
	if st, ok := v.Interface().(fmt.Stringer); ok && v.Kind() == reflect.Struct {
		fmt.Fprintf(b, "%q", st.String())
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		b.WriteByte('{')
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				writeKey(b, v.Field(i))
				b.WriteByte(',')
			}
		}
		b.WriteByte('}')
	case reflect.Slice:
		b.WriteByte('[')
		for i := 0; i < v.Len(); i++ {
			writeKey(b, v.Index(i))
			b.WriteByte(',')
		}
		b.WriteByte(']')
	case reflect.Map:
		b.WriteByte('(')
		ks := v.MapKeys()
		slices.SortFunc(ks, func(x, y reflect.Value) int { return strings.Compare(x.String(), y.String()) })
		for _, k := range ks {
			fmt.Fprintf(b, "%q:", k.String())
			writeKey(b, v.MapIndex(k))
			b.WriteByte(',')
		}
		b.WriteByte(')')
	case reflect.String:
		fmt.Fprintf(b, "%q", v.String())
	default:
		fmt.Fprintf(b, "%q", fmt.Sprint(v.Interface()))
	}
}
