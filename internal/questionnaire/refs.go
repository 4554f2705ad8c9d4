package questionnaire

import (
	"maps"
	"slices"
	"strconv"
	"strings"
)

// OwnID is the id of item i of the partnership's own list ("insert" for
// wording.insert, "clauses", "schedules" or "protocols"): the id it was
// given, or the list's name and the item's place, "insert.2". A given id
// cannot take that form (see isOwnID), so the two never meet.
func OwnID(list string, i int, given string) string {
	if given != "" {
		return given
	}
	return list + "." + strconv.Itoa(i+1)
}

// isOwnID reports whether s is what an id given to a clause of the partnership's own
// looks like: one or two words of lower-case letters, digits and
// hyphens, each starting with a letter, joined by a dot.
func isOwnID(s string) bool {
	first, second, two := strings.Cut(s, ".")
	return isOwnWord(first) && (!two || isOwnWord(second))
}

// isOwnWord reports whether s is one word of an own id: a lower-case
// letter, then at most 39 more of them, digits or hyphens.
func isOwnWord(s string) bool { return s != "" && isLower(s[0]) && isWord(s, 40) }

// ownItem is one clause, section or schedule of the partnership's own,
// with the path of its id.
type ownItem struct {
	path, id string
}

// ownItems lists the partnership's own clauses, sections and schedules.
func ownItems(q *Questionnaire) []ownItem {
	var out []ownItem
	for i, in := range q.Wording.Insert {
		out = append(out, ownItem{index("wording.insert", i) + ".id", OwnID("insert", i, in.ID)})
	}
	for _, l := range []struct {
		name, path string
		items      []Clause
	}{{"clauses", "clauses", q.Clauses}, {"schedules", "schedules", q.Schedules}, {"protocols", "code_of_practice.protocols", q.CodeOfPractice.Protocols}} {
		for i, c := range l.items {
			out = append(out, ownItem{index(l.path, i) + ".id", OwnID(l.name, i, c.ID)})
		}
	}
	return out
}

// refAnswers lists the long answers that may hold cross-references, by
// path: those printed in the Markdown subset of mdtext.Text.Blocks.
func refAnswers(q *Questionnaire) map[string]Text {
	out := map[string]Text{"partnership.background": q.Partnership.Background, "code_of_practice.purpose": q.CodeOfPractice.Purpose}
	for id, t := range q.Wording.Replace {
		out["wording.replace."+plain(id)] = t
	}
	for i, in := range q.Wording.Insert {
		out[index("wording.insert", i)+".text"] = in.Text
	}
	for i, c := range q.Clauses {
		out[index("clauses", i)+".text"] = c.Text
	}
	for i, c := range q.Schedules {
		out[index("schedules", i)+".text"] = c.Text
	}
	for i, c := range q.CodeOfPractice.Protocols {
		out[index("code_of_practice.protocols", i)+".text"] = c.Text
	}
	return out
}

// checkRefs checks the ids given to the partnership's own clauses and
// the cross-references in its long answers: each must name a clause,
// section or schedule the documents print. Edition 2026.1 prints
// "[[…]]" as it stands, and has no ids.
func checkRefs(d *decoder, q *Questionnaire, ids func(edition string) []string) {
	items := ownItems(q)
	if q.FirstEdition() {
		for _, it := range items {
			if _, given := d.pos[it.path]; given {
				d.add(d.at(it.path), it.path, "edition 2026.1 of the wording has no clause ids; name edition: \"2026.2\" under wording (\"mou wording upgrade\" does it and shows what changes)")
			}
		}
		return
	}
	var standard []string
	if ids != nil {
		standard = ids(q.Wording.Edition)
	}
	known := slices.Clone(standard)
	seen := map[string]string{}
	for _, it := range items {
		if _, given := d.pos[it.path]; given {
			switch {
			case !isOwnID(it.id):
				d.add(d.at(it.path), it.path, "%s is not an id: use lower-case letters, digits and hyphens, starting with a letter, with at most one dot (\"charges\", \"finance.late-payment\")", quote(it.id))
				continue
			case slices.Contains(standard, it.id):
				d.add(d.at(it.path), it.path, "%s is the id of a standard clause; choose another", quote(it.id))
				continue
			}
		}
		if first, dup := seen[it.id]; dup {
			d.add(d.at(it.path), it.path, "%s is already the id of %s", quote(it.id), first)
			continue
		}
		seen[it.id] = it.path[:len(it.path)-len(".id")]
		known = append(known, it.id)
	}
	answers := refAnswers(q)
	for _, path := range slices.Sorted(maps.Keys(answers)) {
		for _, id := range answers[path].Refs() {
			switch {
			case ids == nil:
				// the standard ids are not known: leave it to generate
			case !slices.Contains(known, id):
				msg := "refers to [[" + plain(id) + "]], which is no clause, section or schedule"
				if s := d.suggest(id, known); s != "" {
					msg += " (did you mean " + quote(s) + "?)"
				}
				d.add(d.at(path), path, "%s; \"mou clauses\" lists the standard ids", msg)
			case q.Wording.Omitted(id):
				d.add(d.at(path), path, "refers to [[%s]], which wording.omit leaves out", plain(id))
			}
		}
	}
}
