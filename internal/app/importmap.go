package app

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/wordimport"
	"github.com/partnership-tools/mou/internal/yamledit"
)

// take works out what one change in the Word file means for the
// questionnaire, and notes it: as edits to the file where the
// questionnaire can say it, else as a change to make by hand.
func (c *comparison) take(ch wordimport.Change) {
	p := ch.Part
	where := c.where(p)
	switch ch.What {
	case wordimport.Removed:
		c.removed(p, where)
	case wordimport.Changed:
		c.changed(ch, where)
	case wordimport.AddedClause:
		c.addedClause(ch, where)
	case wordimport.AddedSection:
		c.addedSection(ch, where)
	case wordimport.RemovedClause:
		c.cannot(where, "lost a clause", "", "the clause is written from the answers: change them in the questionnaire")
	}
}

// own finds the partnership's own item that has the id: its list
// ("insert", "clauses", "schedules", "protocols") and index, or -1.
func (c *comparison) own(id string) (string, int) {
	q := c.q
	for i, in := range q.Wording.Insert {
		if questionnaire.OwnID("insert", i, in.ID) == id {
			return "insert", i
		}
	}
	for _, l := range []struct {
		name  string
		items []questionnaire.Clause
	}{{"clauses", q.Clauses}, {"schedules", q.Schedules}, {"protocols", q.CodeOfPractice.Protocols}} {
		for i, it := range l.items {
			if questionnaire.OwnID(l.name, i, it.ID) == id {
				return l.name, i
			}
		}
	}
	return "", -1
}

// ownInside lists, as paths, the partnership's own clauses put in after
// a clause of the section id: they print inside it. A clause has none.
func (c *comparison) ownInside(id string) []string {
	var out []string
	for i, in := range c.q.Wording.Insert {
		if strings.HasPrefix(in.After, id+".") {
			out = append(out, displayPath(ownPath("insert", i)))
		}
	}
	return out
}

// ownPath is the yamledit path of the list item list[i].
func ownPath(list string, i int) string {
	switch list {
	case "insert":
		return fmt.Sprintf("wording.insert[%d]", i)
	case "protocols":
		return fmt.Sprintf("code_of_practice.protocols[%d]", i)
	}
	return fmt.Sprintf("%s[%d]", list, i)
}

// removed notes a part left out of the Word file.
func (c *comparison) removed(p wordimport.Part, where spot) {
	switch {
	case p.ID == "":
		c.cannot(where, "was taken out", "", "mou writes this part from the answers; it cannot be taken out of the document")
	case c.std[p.ID]:
		if c.omitted[questionnaire.SectionOf(p.ID)] {
			return // the section goes, and its clauses with it
		}
		c.omitted[p.ID] = true
		if own := c.ownInside(p.ID); len(own) > 0 {
			c.cannot(where, "was taken out", "", fmt.Sprintf("it holds clauses of your own (%s): take them out of the questionnaire by hand, then leave the section out under wording.omit", strings.Join(own, ", ")))
			return
		}
		// The partnership's words for the clause, or for the section's
		// clauses, go with it.
		set := []string{"wording.omit: + " + p.ID}
		var replaced []string
		for _, id := range slices.Sorted(maps.Keys(c.q.Wording.Replace)) {
			if id == p.ID || strings.HasPrefix(id, p.ID+".") {
				replaced = append(replaced, id)
				set = append(set, "wording.replace."+id+": removed")
			}
		}
		c.note(where, "left out", "", set, func(e *edit) error {
			for _, id := range replaced {
				if err := e.doc.Delete(`wording.replace["` + id + `"]`); err != nil {
					return err
				}
			}
			return e.doc.AppendScalar("wording.omit", p.ID)
		})
	default:
		list, i := c.own(p.ID)
		c.cannot(where, "was taken out", "", fmt.Sprintf("take %s out of the questionnaire by hand", displayPath(ownPath(list, i))))
	}
}

// changed notes a part, or a clause without an id, whose words changed.
func (c *comparison) changed(ch wordimport.Change, where spot) {
	p := ch.Part
	tpl, ok := c.tpl[p.Key()]
	var blocks []wordimport.Block
	if ok {
		blocks = tpl.Blocks
		if ch.Clause >= 0 {
			blocks = nil
			if ch.Clause < len(tpl.Clauses) {
				blocks = tpl.Clauses[ch.Clause]
			}
		}
	}
	words := wordimport.Markdown(ch.New)
	if p.ID == "" && ch.Clause < 0 {
		c.cannot(where, "was changed", words, c.whyNot(p))
		return
	}
	if set, ok := c.answers(blocks, ch.Old, ch.New); ok && len(set) > 0 {
		c.setAnswers(where, set)
		return
	}
	_, replaced := c.q.Wording.Replace[p.ID]
	switch {
	case listedAnswers(blocks) && len(ch.Old) != len(ch.New):
		c.cannot(where, "was changed", words, "an item was put into or taken out of a list or table the answers give (aims, objectives, activities, measures…): add or remove it in the questionnaire")
	case ch.Clause < 0 && c.std[p.ID] && !strings.Contains(p.ID, ".") && c.q.OwnWords() && renamed(ch.Old, ch.New) != "":
		heading := renamed(ch.Old, ch.New)
		c.note(where, "renamed", heading, []string{"wording.headings." + p.ID + ": " + heading}, func(e *edit) error {
			return setKeyed(e, "wording.headings", p.ID, heading)
		})
	case ch.Clause < 0 && c.std[p.ID] && !strings.Contains(p.ID, ".") && !replaced:
		c.cannot(where, "was changed", words, "mou cannot change the words around a standard section's clauses, nor, before edition 2026.3 of the wording, its heading; change its answers in the questionnaire")
	case ch.Clause < 0 && c.std[p.ID] && !hasTable(ch.Old) && !hasTable(ch.New) && len(ch.New) > 0 && ch.New[0].Kind == wordimport.Clause && ch.New[0].Title == "":
		text := wordimport.Markdown(ch.New)
		path := `wording.replace["` + p.ID + `"]`
		c.note(where, "reworded", text, []string{"wording.replace." + p.ID + ": the clause's new words"}, func(e *edit) error {
			return setReplace(e, p.ID, text, path)
		})
	default:
		c.cannot(where, "was changed", words, "the change is not only to answers the questionnaire gives; make it there, or ask for the clause's own words under wording.replace")
	}
}

// whyNot says why a change to a part without an id cannot be written.
func (c *comparison) whyNot(p wordimport.Part) string {
	names := document.NamesOf(c.q) // the schedules' labels, as the edition numbers them
	switch {
	case p.Label == "":
		return "the title page is written from the answers (the partnership's name, the partners, the version): change them in the questionnaire"
	case names.Schedule && strings.HasPrefix(p.Label, names.Contacts+":"):
		return names.Contacts + " is written from the partners' contacts: record a change of person with mou handover"
	case names.Schedule && strings.HasPrefix(p.Label, names.Record+":"):
		return "the amendment record is written from history"
	}
	return "mou writes this part (the signature blocks, from each partner's signatory) from the answers: change them in the questionnaire"
}

// listedAnswers reports whether the list items or table cells of blocks,
// as written with the answers marked, print answers: a list the
// questionnaire gives item by item.
func listedAnswers(blocks []wordimport.Block) bool {
	for _, b := range blocks {
		switch b.Kind {
		case wordimport.Bullet, wordimport.Numbered:
			if wordimport.HasMarker(b.Text) {
				return true
			}
		case wordimport.Table:
			for _, row := range b.Rows {
				if wordimport.HasMarker(strings.Join(row, " ")) {
					return true
				}
			}
		}
	}
	return false
}

// hasTable reports whether blocks hold a table.
func hasTable(blocks []wordimport.Block) bool {
	for _, b := range blocks {
		if b.Kind == wordimport.Table {
			return true
		}
	}
	return false
}

// answers finds the answers a change to blocks writes: blocks is the
// part as written with its answers marked. A long answer (a clause of the
// partnership's own, a background) is all the blocks from its marker on.
func (c *comparison) answers(tpl, old, new []wordimport.Block) (map[string]string, bool) {
	if len(tpl) == 0 {
		return nil, false
	}
	long := -1
	for i, b := range tpl {
		if path := c.marks.paths[b.Text]; path != "" && isLong(path) {
			long = i
		}
	}
	if long < 0 {
		return wordimport.Answers(tpl, old, new, c.marks.paths, c.marks.values)
	}
	if len(old) <= long || len(new) <= long || long != len(tpl)-1 {
		return nil, false
	}
	set, ok := wordimport.Answers(tpl[:long], old[:long], new[:long], c.marks.paths, c.marks.values)
	if !ok {
		return nil, false
	}
	rest := new[long:]
	if head := tpl[long]; head.Kind == wordimport.Clause {
		// A clause of the partnership's own: its title, then its text,
		// which starts in the clause's own paragraph.
		if old[long].Kind != wordimport.Clause || new[long].Kind != wordimport.Clause {
			return nil, false
		}
		title := func(b wordimport.Block) []wordimport.Block {
			return []wordimport.Block{{Kind: wordimport.Clause, Title: b.Title}}
		}
		titles, ok := wordimport.Answers(title(head), title(old[long]), title(new[long]), c.marks.paths, c.marks.values)
		if !ok {
			return nil, false
		}
		for p, v := range titles {
			set[p] = v
		}
		_, text := clauseWords(new[long:])
		text = c.asTyped(text)
		path := c.marks.paths[head.Text]
		if oneLine(text) != oneLine(c.marks.values[path]) {
			set[path] = text
		}
		return set, true
	}
	path := c.marks.paths[tpl[long].Text]
	if text := c.asTyped(wordimport.Markdown(rest)); oneLine(text) != oneLine(c.marks.values[path]) {
		set[path] = text
	}
	return set, true
}

// setAnswers notes answers changed: the new words are the answers'.
func (c *comparison) setAnswers(where spot, set map[string]string) {
	var paths []string
	for path := range set {
		paths = append(paths, path)
	}
	slices.Sort(paths)
	var list []string
	for _, path := range paths {
		list = append(list, displayPath(path)+": "+set[path])
	}
	c.note(where, "changed an answer", "", list, func(e *edit) error {
		for _, path := range paths {
			if err := setAnswer(e, path, set[path]); err != nil {
				return err
			}
		}
		return nil
	})
}

// setAnswer writes one answer, a long one as a block of lines.
func setAnswer(e *edit, path, value string) error {
	if isLong(path) {
		return e.doc.SetText(path, value)
	}
	return e.doc.Set(path, value)
}

// setReplace writes the partnership's own words for a standard clause.
func setReplace(e *edit, id, text, path string) error {
	err := e.doc.SetText(path, text)
	if errors.Is(err, yamledit.ErrNotFound) {
		// no wording.replace yet
		if err := e.doc.AddMapping("wording.replace", [][2]string{{id, "x"}}); err != nil {
			return err
		}
		err = e.doc.SetText(path, text)
	}
	return err
}

// setKeyed writes a one-line answer under the key id of the mapping at
// path, which it adds if the file has none.
func setKeyed(e *edit, path, id, value string) error {
	at := path + `["` + id + `"]`
	err := e.doc.Set(at, value)
	if errors.Is(err, yamledit.ErrNotFound) {
		if err := e.doc.AddMapping(path, [][2]string{{id, "x"}}); err != nil {
			return err
		}
		err = e.doc.Set(at, value)
	}
	return err
}

// renamed is the new heading of a section whose heading alone changed
// between old and new, its blocks; "" for any other change.
func renamed(old, new []wordimport.Block) string {
	if len(old) == 0 || len(old) != len(new) || old[0].Kind != wordimport.Heading || new[0].Kind != wordimport.Heading ||
		strings.TrimSpace(new[0].Text) == "" || !wordimport.Equal(old[1:], new[1:]) {
		return ""
	}
	return strings.TrimSpace(new[0].Text)
}

// displayPath is a yamledit path as messages print paths.
func displayPath(path string) string { return strings.ReplaceAll(path, `"`, "") }

// anchor is the standard clause a clause put in after the part p follows,
// or "" where none can: wording.insert puts a clause after a standard one.
func (c *comparison) anchor(p wordimport.Part) string {
	switch {
	case p.ID == "":
		return ""
	case c.std[p.ID] && strings.Contains(p.ID, "."):
		return p.ID
	}
	if list, i := c.own(p.ID); list == "insert" && strings.Contains(c.q.Wording.Insert[i].After, ".") {
		return c.q.Wording.Insert[i].After
	}
	return ""
}

// section is the standard section a section put in after the part p
// follows, or "".
func (c *comparison) section(p wordimport.Part) string {
	if c.std[p.ID] {
		return questionnaire.SectionOf(p.ID)
	}
	if list, i := c.own(p.ID); list == "insert" {
		return questionnaire.SectionOf(c.q.Wording.Insert[i].After)
	}
	return ""
}

// addedClause notes a clause put in after a part.
func (c *comparison) addedClause(ch wordimport.Change, where spot) {
	title, text := clauseWords(ch.New)
	words := wordimport.Markdown(ch.New)
	after := c.anchor(ch.Part)
	if after == "" || ch.Clause >= 0 {
		c.cannot(where, "has a new clause after it", words, "mou puts a clause of the partnership's own after a standard clause; add this one under wording.insert after the clause it should follow")
		return
	}
	item := [][2]string{{"after", after}}
	if title != "" {
		item = append(item, [2]string{"title", title})
	}
	item = append(item, [2]string{"text", text})
	c.note(where, "has a new clause after it", words, []string{"wording.insert: + after " + after}, func(e *edit) error {
		return appendInsert(e, item)
	})
}

// addedSection notes a section put in after a part.
func (c *comparison) addedSection(ch wordimport.Change, where spot) {
	title := ch.New[0].Text
	_, text := clauseWords(ch.New[1:])
	words := wordimport.Markdown(ch.New)
	after := c.section(ch.Part)
	if after == "" || text == "" {
		c.cannot(where, "has a new section after it", words, "mou puts a section of the partnership's own after a standard section; add this one under wording.insert")
		return
	}
	item := [][2]string{{"after", after}, {"title", title}, {"text", text}}
	c.note(where, "has a new section after it", words, []string{"wording.insert: + after " + after + ", titled " + title}, func(e *edit) error {
		return appendInsert(e, item)
	})
}

// clauseWords splits a clause's blocks into its title and its text.
func clauseWords(blocks []wordimport.Block) (title, text string) {
	if len(blocks) == 0 {
		return "", ""
	}
	first := blocks[0]
	title = first.Title
	rest := blocks[1:]
	if first.Text != "" {
		rest = append([]wordimport.Block{{Kind: wordimport.Para, Text: first.Text}}, rest...)
	}
	return title, wordimport.Markdown(rest)
}

// appendInsert adds a clause of the partnership's own under
// wording.insert, its text as a block of lines.
func appendInsert(e *edit, item [][2]string) error {
	if err := e.doc.Append("wording.insert", item); err != nil {
		return err
	}
	n := 0
	for {
		if _, ok := e.doc.Get(fmt.Sprintf("wording.insert[%d].after", n)); !ok {
			break
		}
		n++
	}
	return e.doc.SetText(fmt.Sprintf("wording.insert[%d].text", n-1), item[len(item)-1][1])
}
