package questionnaire

import (
	"maps"
	"reflect"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/partnership-tools/mou/templates"
)

// Wording chooses the standard wording the documents are written with:
// the edition, and within it the variants, the clauses left out or
// replaced and the partnership's own clauses put among them. Clause and
// section ids are listed by "mou clauses".
type Wording struct {
	// Edition is the edition of the built-in wording; a file that names
	// none keeps the first, 2026.1, which everything signed before
	// editions were named was written with.
	Edition string `yaml:"edition" enum:"editions"`
	// Status says whether the agreement binds the partners in law.
	Status string `yaml:"status" enum:"non-binding,binding"`
	// Nation chooses the statutory safeguarding guidance named.
	Nation string `yaml:"nation" enum:"england,wales"`
	// Title is the MOU's title, on its title page and in its metadata:
	// one of the suggested titles or, from edition 2026.3, the
	// partnership's own words.
	Title Text `yaml:"title" suggest:"Memorandum of Understanding,Partnership Agreement,Service Level Agreement"`
	// CodeTitle is the code of practice's title, chosen as Title is.
	CodeTitle Text `yaml:"code_title" suggest:"Code of Practice,Code of Conduct"`
	// PartiesTerm is the defined term the text calls the parties by,
	// "the Parties" say, in place of "the partners" (2026.3 on).
	PartiesTerm Text `yaml:"parties_term" suggest:"the partners,the Parties"`
	// Headings renames standard sections by id, keeping their clauses
	// (2026.3 on).
	Headings map[string]Text `yaml:"headings"`
	Omit     []string        `yaml:"omit"`
	Replace  map[string]Text `yaml:"replace"`
	Insert   []Insertion     `yaml:"insert"`
	// ScheduleNumbering names and numbers the partnership's own
	// schedules, "Annex A" say, which then start at 1 or A (2026.3 on).
	ScheduleNumbering string `yaml:"schedule_numbering" enum:"Schedule 1,Schedule A,Annex 1,Annex A,Appendix 1,Appendix A"`
}

// Titles are the titles mou suggests for each document, by the name its
// files carry; every edition takes them, and edition 2026.3 on takes any
// title too.
var Titles = map[string][]string{
	"mou":              {"Memorandum of Understanding", "Partnership Agreement", "Service Level Agreement"},
	"code-of-practice": {"Code of Practice", "Code of Conduct"},
}

// Insertion is one of the partnership's own clauses, put after a
// standard clause (as the next clause of its section) or after a section
// (as a new section, which needs a title).
type Insertion struct {
	// ID names the clause for cross-references; see OwnID.
	ID    string `yaml:"id"`
	After string `yaml:"after" mou:"required"`
	Title Text   `yaml:"title"`
	Text  Text   `yaml:"text" mou:"required"`
}

// Binding reports whether the partners chose a legally binding agreement.
func (w Wording) Binding() bool { return w.Status == "binding" }

// HasChoices reports whether anything beyond the edition is chosen.
func (w Wording) HasChoices() bool {
	return w.Status != "" || w.Nation != "" || w.Title != "" || w.CodeTitle != "" || len(w.Omit) > 0 || len(w.Replace) > 0 || len(w.Insert) > 0 ||
		w.PartiesTerm != "" || len(w.Headings) > 0 || w.ScheduleNumbering != ""
}

// Omitted reports whether the clause or section id, or the section the
// clause is in, is left out.
func (w Wording) Omitted(id string) bool {
	return slices.Contains(w.Omit, id) || slices.Contains(w.Omit, SectionOf(id))
}

// IsSection reports whether id names a section ("dissolution") rather
// than a clause ("dissolution.notice").
func IsSection(id string) bool { return !strings.Contains(id, ".") }

// SectionOf is the section the clause or section id is in: "general" of
// "general.insurance", and of "general" itself.
func SectionOf(id string) string {
	section, _, _ := strings.Cut(id, ".")
	return section
}

// decodeMap reads a mapping of keys to values, such as wording.replace;
// each value's path is the map's path and its key.
func (d *decoder) decodeMap(n *yaml.Node, v reflect.Value, path string) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.add(d.pos[path], path, "expected a set of \"key: value\" lines, found %s", describe(n))
		return
	}
	m := reflect.MakeMap(v.Type())
	seen := map[string]int{}
	for _, kv := range d.pairs(n, path) {
		key := kv[0].Value
		kpath := join(path, plain(key))
		if line, dup := seen[key]; dup {
			d.add(nodePos(kv[0]), kpath, "given twice (first on line %d)", line)
			continue
		}
		seen[key] = kv[0].Line
		d.pos[kpath] = nodePos(kv[0])
		val := reflect.New(v.Type().Elem()).Elem()
		folds := len(d.folded)
		d.decode(kv[1], val, kpath)
		d.pos[kpath] = nodePos(kv[0]) // problems with the id point at the key
		k := reflect.ValueOf(key)
		m.SetMapIndex(k, val)
		if len(d.folded) > folds {
			// The map holds a copy: fold the value in the map.
			d.folded[len(d.folded)-1] = func() {
				m.SetMapIndex(k, reflect.ValueOf(paragraphs(m.MapIndex(k).String())).Convert(v.Type().Elem()))
			}
		}
	}
	v.Set(m)
}

// noteFolded remembers a text answer written as a folded block (">"),
// whose paragraphs YAML has joined with single line breaks.
func (d *decoder) noteFolded(n *yaml.Node, v reflect.Value) {
	if n.Style&yaml.FoldedStyle != 0 && strings.Contains(v.String(), "\n") {
		d.folded = append(d.folded, func() { v.SetString(paragraphs(v.String())) })
	}
}

// paragraphs turns the single line breaks YAML leaves between the
// paragraphs of a folded block into blank lines, as in a literal block.
func paragraphs(s string) string { return strings.ReplaceAll(s, "\n", "\n\n") }

// FirstEdition reports whether q is written with the first edition of the
// wording, 2026.1, which a file that names no edition keeps: what was
// signed with it reads as it did, mistakes included.
func (q *Questionnaire) FirstEdition() bool {
	return q.Wording.Edition == "" || q.Wording.Edition == templates.Unstated
}

// foldParagraphs keeps the paragraphs of folded (">") answers, from
// edition 2026.2 of the wording on. Edition 2026.1 printed them as one
// paragraph, and what was signed with it must not change.
func foldParagraphs(d *decoder, q *Questionnaire) {
	if q.FirstEdition() {
		return
	}
	for _, f := range d.folded {
		f()
	}
}

// checkWording checks the wording choices against the ids of the
// edition's clauses, which ids gives (nil when it is not known).
func checkWording(d *decoder, q *Questionnaire, ids func(edition string) []string) {
	w := q.Wording
	checkShortNames(d, q)
	if q.FirstEdition() {
		// The first edition knows none of these: refuse them rather
		// than leave them out of the documents without a word.
		const upgrade = "; name edition: %q under wording (\"mou wording upgrade\" does it and shows what changes)"
		if w.HasChoices() {
			d.add(d.at("wording"), "wording", "edition 2026.1 of the wording has no variants or clause ids"+upgrade, templates.Current)
		}
		if len(q.Schedules) > 0 {
			d.add(d.at("schedules"), "schedules", "edition 2026.1 of the wording has no schedules of your own"+upgrade, templates.Current)
		}
		if _, given := d.pos["documents"]; given {
			// The first edition's code always sits beside an MOU.
			d.add(d.at("documents"), "documents", "edition 2026.1 of the wording always writes both documents"+upgrade, templates.Current)
		}
		if q.Signing == "counterparts" {
			d.add(d.at("signing"), "signing", "edition 2026.1 of the wording has no counterparts clause"+upgrade, templates.Current)
		}
		for i, p := range q.Partners {
			if !p.ShortName.IsZero() {
				path := index("partners", i) + ".short_name"
				d.add(d.at(path), path, "edition 2026.1 of the wording has no short names"+upgrade, templates.Current)
			}
			if !p.LegalStatus.IsZero() {
				path := index("partners", i) + ".legal_status"
				d.add(d.at(path), path, "edition 2026.1 of the wording has no legal status in the list of parties"+upgrade, templates.Current)
			}
		}
		return
	}
	checkOwnWords(d, q, ids)
	if !w.HasChoices() || ids == nil {
		return
	}
	known := ids(w.Edition)
	isKnown := map[string]bool{}
	for _, id := range known {
		isKnown[id] = true
	}
	unknown := func(path, id string) bool {
		if isKnown[id] {
			return false
		}
		msg := "unknown clause id " + quote(id)
		if s := d.suggest(id, known); s != "" {
			msg += " (did you mean " + quote(s) + "?)"
		}
		d.add(d.at(path), path, "%s; \"mou clauses\" lists them", msg)
		return true
	}
	omitted := map[string]int{}
	for i, id := range w.Omit {
		path := index("wording.omit", i)
		if unknown(path, id) {
			continue
		}
		if j, dup := omitted[id]; dup {
			d.add(d.at(path), path, "%s is already left out by wording.omit[%d]", quote(id), j)
			continue
		}
		omitted[id] = i
		if !omittable(id) {
			d.add(d.at(path), path, "%s cannot be left out: every agreement needs it", quote(id))
		}
	}
	for _, id := range slices.Sorted(maps.Keys(w.Replace)) {
		path := "wording.replace." + plain(id)
		if unknown(path, id) {
			continue
		}
		if IsSection(id) {
			d.add(d.at(path), path, "%s is a section; replace its clauses one by one, or leave it out and insert your own", quote(id))
		}
		if w.Omitted(id) {
			d.add(d.at(path), path, "%s is both left out (wording.omit) and replaced; choose one", quote(id))
		}
	}
	for i, in := range w.Insert {
		path := index("wording.insert", i)
		if in.After == "" || unknown(path+".after", in.After) {
			continue
		}
		section := SectionOf(in.After)
		switch {
		case IsSection(in.After) && in.Title.IsZero():
			d.add(d.at(path), path+".title", "missing: a clause put after a section (%s) is a section of its own and needs a title", quote(in.After))
		case !IsSection(in.After) && slices.Contains(w.Omit, section):
			d.add(d.at(path+".after"), path+".after", "%s is in the section %s, which wording.omit leaves out; put the clause after the section instead", quote(in.After), quote(section))
		}
	}
}

// checkShortNames refuses a short name two partners share, or one that
// is another partner's name.
func checkShortNames(d *decoder, q *Questionnaire) {
	used := map[string]int{}
	for i, p := range q.Partners {
		used[strings.ToLower(strings.TrimSpace(string(p.Name)))] = i
	}
	short := map[string]int{}
	for i, p := range q.Partners {
		if p.ShortName.IsZero() {
			continue
		}
		path := index("partners", i) + ".short_name"
		key := strings.ToLower(strings.TrimSpace(string(p.ShortName)))
		if j, dup := short[key]; dup {
			d.add(d.at(path), path, "%s is already the short name of partners[%d]; each partner needs its own", quote(string(p.ShortName)), j)
		} else if j, ok := used[key]; ok && j != i {
			d.add(d.at(path), path, "%s is the name of partners[%d]", quote(string(p.ShortName)), j)
		}
		short[key] = i
	}
}

// omittable reports whether the standard text with this id may be left
// out: the parties make the agreement.
func omittable(id string) bool { return id != "parties" }

// Writes reports whether the questionnaire asks for the document named
// ("mou" or "code-of-practice"): every document when it names none.
func (q *Questionnaire) Writes(name string) bool {
	return len(q.Documents) == 0 || slices.Contains(q.Documents, name)
}

// DocumentKeys are the top-level keys only one document prints: their
// answers are required only when that document is written.
var DocumentKeys = map[string][]string{
	"mou":              {"aims", "objectives", "activities", "governance", "monitoring", "finance", "safeguarding", "data_protection", "alteration", "dissolution"},
	"code-of-practice": {"code_of_practice"},
}

// checkDocuments checks the documents asked for.
func checkDocuments(d *decoder, q *Questionnaire) {
	seen := map[string]bool{}
	for i, name := range q.Documents {
		path := index("documents", i)
		if !slices.Contains([]string{"mou", "code-of-practice"}, name) {
			msg := quote(name) + " is not one of: mou, code-of-practice"
			if s := d.suggestAnswer(name, []string{"mou", "code-of-practice"}); s != "" {
				msg += " (did you mean " + quote(s) + "?)"
			}
			d.add(d.at(path), path, "%s", msg)
		} else if seen[name] {
			d.add(d.at(path), path, "%s is listed twice", quote(name))
		}
		seen[name] = true
	}
	if _, given := d.pos["documents"]; given && len(q.Documents) == 0 {
		d.add(d.at("documents"), "documents", "lists no document; list mou, code-of-practice or both, or leave the key out for both")
	}
}

// letOffDocuments drops the problems of required answers that only a
// document not written needs. It runs once every problem is final, as it
// moves them.
func letOffDocuments(d *decoder, q *Questionnaire) {
	for name, keys := range DocumentKeys {
		if q.Writes(name) {
			continue
		}
		kept := d.problems[:0]
		for _, p := range d.problems {
			top, _, _ := strings.Cut(strings.SplitN(p.Path, "[", 2)[0], ".")
			if slices.Contains(keys, top) && isRequiredProblem(p) {
				continue
			}
			kept = append(kept, p)
		}
		d.problems = kept
	}
}

// letOffUnprinted drops the problems of required answers that no
// document prints, the wording leaving out every section or clause that
// would, and warns of answers given that are unprinted for that reason.
// It runs once every problem is final, as letOffDocuments does.
func letOffUnprinted(d *decoder, q *Questionnaire, prints func(*Questionnaire, string) bool) {
	if prints == nil || len(q.Wording.Omit) == 0 {
		return
	}
	kept := d.problems[:0]
	for _, p := range d.problems {
		if !isRequiredProblem(p) || prints(q, WithoutIndices(p.Path, "")) {
			kept = append(kept, p)
		}
	}
	d.problems = kept
	whole := *q
	whole.Wording.Omit = nil
	var warned []string
	for _, path := range slices.Sorted(maps.Keys(d.pos)) {
		if path == "" || strings.Contains(path, "[") || slices.ContainsFunc(warned, func(w string) bool { return strings.HasPrefix(path, w+".") }) {
			continue
		}
		if !prints(q, path) && prints(&whole, path) {
			d.warn(d.at(path), path, "answered, but the documents do not print it: wording.omit leaves out every part of them that would; remove the answer, or stop leaving that part out")
			warned = append(warned, path)
		}
	}
}

// WithoutIndices returns the answer path with each list index ("[2]")
// replaced by with: "partners[2].lead" is "partners.lead" or
// "partners[].lead".
func WithoutIndices(path, with string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(path, '[')
		if i < 0 {
			if b.Len() == 0 {
				return path
			}
			b.WriteString(path)
			return b.String()
		}
		j := i + 1
		for j < len(path) && isDigit(path[j]) {
			j++
		}
		if j > i+1 && j < len(path) && path[j] == ']' {
			b.WriteString(path[:i])
			b.WriteString(with)
			path = path[j+1:]
		} else {
			b.WriteString(path[:i+1])
			path = path[i+1:]
		}
	}
}

func isRequiredProblem(p Problem) bool {
	return strings.HasSuffix(p.Message, "(this answer is required)")
}

// warnContradictions warns where answers contradict the standard wording
// or each other: the file is valid, but the text would say two things.
func warnContradictions(d *decoder, q *Questionnaire) {
	pm := q.Partnership
	if pm.Type == "informal" && (pm.Level == "cooperation" || pm.Level == "collaboration") {
		d.warn(d.at("partnership.level"), "partnership.level",
			"an informal partnership commits no staff or money beyond the agreement, but at the level of %s the partners commit staff, resources or premises; make type formal, or level networking or coordination", pm.Level)
	}
	if !q.Wording.Binding() {
		return
	}
	own := map[string]Text{}
	for i, c := range q.Clauses {
		own[index("clauses", i)+".text"] = c.Text
	}
	for i, c := range q.Schedules {
		own[index("schedules", i)+".text"] = c.Text
	}
	for id, t := range q.Wording.Replace {
		own["wording.replace."+plain(id)] = t
	}
	for i, in := range q.Wording.Insert {
		own[index("wording.insert", i)+".text"] = in.Text
	}
	for _, path := range slices.Sorted(maps.Keys(own)) {
		text := strings.ToLower(strings.Join(strings.Fields(string(own[path])), " "))
		if strings.Contains(text, "not legally binding") || strings.Contains(text, "not binding") {
			d.warn(d.at(path), path, "says the agreement is not binding, but wording.status is binding; reword it or choose status: non-binding")
		}
	}
}
