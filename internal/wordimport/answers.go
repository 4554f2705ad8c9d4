package wordimport

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Marker is the marker that stands for answer n in a document written
// with its answers replaced: letters no template changes (a capital, a
// full stop added, escaping) and no answer holds.
func Marker(n int) string { return "⟦" + strconv.Itoa(n) + "⟧" }

var markerPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`⟦\d+⟧`) })

// HasMarker reports whether s holds an answer's marker.
func HasMarker(s string) bool { return markerPattern().MatchString(s) }

// Answers finds the answers a change to a part's text changed. template
// is the part as written with each answer replaced by its marker (see
// Marker), with the same blocks as old and new; paths gives each
// marker's answer, and values each answer's value now. It returns the
// new value of each answer that changed, and false if the change is not
// to answers alone: a word of the template's own changed, a block or a
// row was put in or taken out, or one answer printed twice now reads two
// ways.
func Answers(template, old, new []Block, paths, values map[string]string) (map[string]string, bool) {
	if len(template) != len(old) || len(old) != len(new) {
		return nil, false
	}
	out := map[string]string{}
	for i := range template {
		t, o, n := template[i], old[i], new[i]
		if t.Kind != o.Kind || o.Kind != n.Kind || len(t.Rows) != len(o.Rows) || len(o.Rows) != len(n.Rows) {
			return nil, false
		}
		triples := [][3]string{{t.Title, o.Title, n.Title}, {t.Text, o.Text, n.Text}}
		for r := range t.Rows {
			if len(t.Rows[r]) != len(o.Rows[r]) || len(o.Rows[r]) != len(n.Rows[r]) {
				return nil, false
			}
			for c := range t.Rows[r] {
				triples = append(triples, [3]string{t.Rows[r][c], o.Rows[r][c], n.Rows[r][c]})
			}
		}
		for _, tr := range triples {
			if tr[1] == tr[2] {
				continue
			}
			if !answersIn(tr[0], tr[1], tr[2], paths, values, out) {
				return nil, false
			}
		}
	}
	return out, true
}

// answersIn adds to out the answers that changed between old and new,
// two texts written from template.
func answersIn(template, old, new string, paths, values map[string]string, out map[string]string) bool {
	markers := markerPattern().FindAllString(template, -1)
	if len(markers) == 0 {
		return false
	}
	var re strings.Builder
	re.WriteString(`^(?s)`)
	for i, lit := range markerPattern().Split(template, -1) {
		re.WriteString(regexp.QuoteMeta(lit))
		if i < len(markers) {
			re.WriteString(`(.+?)`)
		}
	}
	re.WriteString(`$`)
	pattern, err := regexp.Compile(re.String())
	if err != nil {
		return false
	}
	was, is := pattern.FindStringSubmatch(old), pattern.FindStringSubmatch(new)
	if was == nil || is == nil {
		return false
	}
	// An answer printed more than once must read the same each time.
	first := map[string]string{}
	for i, m := range markers {
		if v, seen := first[m]; seen && v != is[i+1] {
			return false
		}
		first[m] = is[i+1]
	}
	for i, m := range markers {
		path, ok := paths[m]
		if !ok {
			return false
		}
		if was[i+1] == is[i+1] {
			continue
		}
		v, ok := restore(fold(values[path]), was[i+1], is[i+1])
		if !ok {
			return false
		}
		if prev, seen := out[path]; seen && prev != v {
			return false
		}
		out[path] = v
	}
	return true
}

// restore is the new value of an answer that read value and was printed
// as was, now printed as is: the same, with the full stop a template
// added taken off again and the capital it gave the first letter undone.
func restore(value, was, is string) (string, bool) {
	v, vn := utf8.DecodeRuneInString(value)
	w, wn := utf8.DecodeRuneInString(was)
	if unicode.ToLower(v) != unicode.ToLower(w) || !strings.HasPrefix(value[vn:], was[wn:]) {
		return "", false
	}
	// what the answer has that the template left off ("." before a
	// full stop of its own)
	out := is + value[vn+len(was)-wn:]
	if v != w {
		// the template gave the first letter a capital, or took it away
		i, in := utf8.DecodeRuneInString(out)
		if unicode.IsLower(v) {
			return string(unicode.ToLower(i)) + out[in:], true
		}
		return string(unicode.ToUpper(i)) + out[in:], true
	}
	return out, true
}

// Markdown writes blocks as a long answer in the Markdown that long
// answers take: paragraphs apart, list items a line each, a table as
// rows of cells.
func Markdown(blocks []Block) string {
	var out []string
	number := 0
	for i, b := range blocks {
		prev := Kind(255)
		if i > 0 {
			prev = blocks[i-1].Kind
		}
		line := b.Text
		if b.Title != "" {
			line = b.Title + ". " + line
		}
		switch b.Kind {
		case Bullet:
			line = "- " + line
		case Numbered:
			if prev != Numbered {
				number = 0
			}
			number++
			line = strconv.Itoa(number) + ". " + line
		case Table:
			line = table(b.Rows)
		}
		if len(out) > 0 && (b.Kind == Bullet || b.Kind == Numbered) && b.Kind == prev {
			out[len(out)-1] += "\n" + line
			continue
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n\n")
}

// table writes rows as a table of the Markdown long answers take.
func table(rows [][]string) string {
	if len(rows) == 0 {
		return ""
	}
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	row := func(cells []string) string {
		var b strings.Builder
		b.WriteString("|")
		for j := range cols {
			c := ""
			if j < len(cells) {
				c = strings.ReplaceAll(cells[j], "|", `\|`)
			}
			b.WriteString(" " + c + " |")
		}
		return b.String()
	}
	lines := []string{row(rows[0]), "|" + strings.Repeat(" --- |", cols)}
	for _, r := range rows[1:] {
		lines = append(lines, row(r))
	}
	return strings.Join(lines, "\n")
}
