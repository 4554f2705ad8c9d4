package wordimport

import "slices"

// What is what happened to a part.
type What uint8

// What can happen to a part.
const (
	Changed       What = iota // its blocks read differently
	Removed                   // it is gone
	AddedClause               // a clause without an id was put in after it
	AddedSection              // a section was put in after it
	RemovedClause             // a clause of its own without an id is gone
)

// Change is one thing that changed between the Word file mou wrote and
// the edited one.
type Change struct {
	What What
	// Part is the part of the Word file mou wrote that it is in, or after.
	Part Part
	// Old and New are the blocks as they were and are: for Changed, the
	// part's own blocks; for a clause without an id that changed, that
	// clause's (Clause is then its index in Part.Clauses, else -1); for
	// one put in, New alone, a section's heading first.
	Old, New []Block
	Clause   int
}

// Compare lists what changed from the parts of the Word file mou wrote,
// was, to those of the edited one, is, in the order of the file.
func Compare(was, is []Part) []Change {
	edited := map[string]Part{}

	for _, p := range is {
		if p.Label != "" && p.ID == "" {
			continue // matched in order below
		}
		edited[p.Key()] = p
	}
	// Parts without ids are matched by their heading, in order; a heading
	// the old file does not have is a new section.
	labels := map[string]bool{}
	for _, p := range was {
		if p.ID == "" {
			labels[p.Label] = true
		}
	}
	var added []Change
	var prev Part
	for _, p := range is {
		switch {
		case p.ID == "" && p.Label != "" && labels[p.Label]:
			edited[p.Key()] = p
		case p.ID == "" && p.Label != "":
			added = append(added, Change{What: AddedSection, Part: prev, New: append(append([]Block(nil), p.Blocks...), flatten(p.Clauses)...), Clause: -1})
			continue
		}
		prev = p
	}
	var out []Change
	for _, w := range was {
		e, ok := edited[w.Key()]
		if !ok || len(e.Blocks) == 0 && len(e.Clauses) == 0 {
			out = append(out, Change{What: Removed, Part: w, Old: w.Blocks, Clause: -1})
			continue
		}
		if !Equal(w.Blocks, e.Blocks) {
			out = append(out, Change{What: Changed, Part: w, Old: w.Blocks, New: e.Blocks, Clause: -1})
		}
		out = append(out, compareClauses(w, e)...)
		for _, a := range added {
			if a.Part.Key() == w.Key() {
				a.Part = w
				out = append(out, a)
			}
		}
	}
	out = unmoved(out)
	// A section put in before anything with an id follows the title page.
	for _, a := range added {
		if a.Part.Key() == (Part{}).Key() && len(was) > 0 {
			a.Part = was[0]
			out = append(out[:0:0], append([]Change{a}, out...)...)
		}
	}
	return out
}

// unmoved drops, from what changed, the clauses without ids that were
// not put in but belonged to a part taken out, and so now follow the
// part before it.
func unmoved(changes []Change) []Change {
	var orphans [][]Block
	for _, c := range changes {
		if c.What == Removed {
			orphans = append(orphans, c.Part.Clauses...)
		}
	}
	out := changes[:0:0]
	for _, c := range changes {
		if c.What == AddedClause {
			if i := slices.IndexFunc(orphans, func(o []Block) bool { return Equal(o, c.New) }); i >= 0 {
				orphans = append(orphans[:i], orphans[i+1:]...)
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// compareClauses compares the clauses without ids of a part: matched in
// order where they read alike or nearly, with those the old part lacks
// put in, and those the new one lacks removed.
func compareClauses(w, e Part) []Change {
	var out []Change
	j := 0
	for i, c := range w.Clauses {
		// the next new clause that is this one, as it was or changed
		k := -1
		for n := j; n < len(e.Clauses); n++ {
			if Equal(c, e.Clauses[n]) {
				k = n
				break
			}
		}
		if k < 0 && j < len(e.Clauses) && len(e.Clauses)-j >= len(w.Clauses)-i {
			k = j // changed in place
		}
		if k < 0 {
			out = append(out, Change{What: RemovedClause, Part: w, Old: c, Clause: i})
			continue
		}
		for ; j < k; j++ {
			out = append(out, Change{What: AddedClause, Part: w, New: e.Clauses[j], Clause: i - 1})
		}
		if !Equal(c, e.Clauses[k]) {
			out = append(out, Change{What: Changed, Part: w, Old: c, New: e.Clauses[k], Clause: i})
		}
		j = k + 1
	}
	for ; j < len(e.Clauses); j++ {
		out = append(out, Change{What: AddedClause, Part: w, New: e.Clauses[j], Clause: len(w.Clauses) - 1})
	}
	return out
}

// flatten joins clauses' blocks in order.
func flatten(clauses [][]Block) []Block {
	var out []Block
	for _, c := range clauses {
		out = append(out, c...)
	}
	return out
}
