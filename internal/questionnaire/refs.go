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
	list     string // "insert", "clauses", "schedules" or "protocols"
	place    int    // its index in the list
}

// ownItems lists the partnership's own clauses, sections and schedules.
func ownItems(q *Questionnaire) []ownItem {
	var out []ownItem
	for i, in := range q.Wording.Insert {
		out = append(out, ownItem{index("wording.insert", i) + ".id", OwnID("insert", i, in.ID), "insert", i})
	}
	for _, l := range []struct {
		name, path string
		items      []Clause
	}{{"clauses", "clauses", q.Clauses}, {"schedules", "schedules", q.Schedules}, {"protocols", "code_of_practice.protocols", q.CodeOfPractice.Protocols}} {
		for i, c := range l.items {
			out = append(out, ownItem{index(l.path, i) + ".id", OwnID(l.name, i, c.ID), l.name, i})
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
	for _, path := range slices.Sorted(maps.Keys(d.refs)) {
		if _, long := answers[path]; !long {
			d.warn(d.at(path), path, "[[%s]] prints as typed here: a cross-reference gives a number only in a long answer (your own clauses, sections and schedules, your words for a standard clause, the protocols, the background, the purpose of the code of practice); write the number, or move the sentence into one of those", plain(d.refs[path][0]))
		}
	}
	for _, path := range slices.Sorted(maps.Keys(answers)) {
		for _, id := range answers[path].Refs() {
			switch {
			case ids == nil:
				// the standard ids are not known: leave it to generate
			case !slices.Contains(known, id):
				msg := "refers to [[" + plain(id) + "]], which is no clause, section or schedule"
				if given := renamed(items, id); given != "" {
					msg += " (that item has an id of its own: write [[" + plain(given) + "]])"
				} else if s := d.suggest(id, known); s != "" {
					msg += " (did you mean " + quote(s) + "?)"
				}
				d.add(d.at(path), path, "%s; \"mou clauses\" lists the standard ids", msg)
			case q.Wording.Omitted(id):
				d.add(d.at(path), path, "refers to [[%s]], which wording.omit leaves out", plain(id))
			}
		}
	}
}

// renamed is the id given to the partnership's own item that id names
// by its list and place ("schedules.1"), which then goes by the id it
// was given alone; "" when id names no such item.
func renamed(items []ownItem, id string) string {
	list, place, ok := strings.Cut(id, ".")
	n, err := strconv.Atoi(place)
	if !ok || err != nil {
		return ""
	}
	for _, it := range items {
		if it.list == list && it.place == n-1 && it.id != id {
			return it.id
		}
	}
	return ""
}

// answerClause is the id of the clause, section or schedule that prints
// the long answer at path (see refAnswers): its place in the documents.
func answerClause(q *Questionnaire, path string) string {
	if id, ok := strings.CutPrefix(path, "wording.replace."); ok {
		return id
	}
	switch path {
	case "partnership.background":
		return "status"
	case "code_of_practice.purpose":
		return "purpose"
	}
	list, i := listItem(path)
	switch list {
	case "wording.insert":
		return OwnID("insert", i, q.Wording.Insert[i].ID)
	case "clauses":
		return OwnID("clauses", i, q.Clauses[i].ID)
	case "schedules":
		return OwnID("schedules", i, q.Schedules[i].ID)
	case "code_of_practice.protocols":
		return OwnID("protocols", i, q.CodeOfPractice.Protocols[i].ID)
	}
	return ""
}

// listItem splits "clauses[2].text" into "clauses" and 2.
func listItem(path string) (string, int) {
	open, end := strings.IndexByte(path, '['), strings.IndexByte(path, ']')
	if open < 0 || end < open {
		return "", 0
	}
	i, err := strconv.Atoi(path[open+1 : end])
	if err != nil {
		return "", 0
	}
	return path[:open], i
}

// documentWords names a document in a message.
var documentWords = map[string]string{"mou": "the memorandum", "code-of-practice": "the code of practice"}

// checkPrinted checks each cross-reference against what the documents
// print with these answers (see Options.Printed): a clause the answers
// leave out (an attendance clause with no attendance answer) or one in
// the other document cannot be referred to. A reference in an answer
// that is not printed either is let be.
func checkPrinted(d *decoder, q *Questionnaire, printed func(*Questionnaire) (map[string]string, error)) {
	if q.FirstEdition() {
		return
	}
	in, err := printed(q)
	if err != nil {
		return // generate says what is wrong with the templates
	}
	answers := refAnswers(q)
	for _, path := range slices.Sorted(maps.Keys(answers)) {
		doc := in[answerClause(q, path)]
		if doc == "" {
			continue
		}
		for _, id := range answers[path].Refs() {
			switch where := in[id]; {
			case where == "":
				d.add(d.at(path), path, "refers to [[%s]], which %s does not print: these answers leave it out", plain(id), documentWords[doc])
			case where != doc:
				d.add(d.at(path), path, "refers to [[%s]], which is in %s: a reference can only be to a clause, section or schedule of %s", plain(id), documentWords[where], documentWords[doc])
			}
		}
	}
}
