package questionnaire

import "fmt"

// Limits on the text of a questionnaire as it is printed. An alias (*x)
// repeats in full every time it is used, and a partner's id prints as the
// partner's name, so a small file can otherwise ask for thousands of
// pages: these bound what validate accepts to what generate can draw
// within its own limits (16 MiB of Markdown a document).
const (
	maxListText = 512 << 10 // the answers in one list, each use of an alias in full
	maxAllText  = 1 << 20   // every answer, and every partner's name where an id names it
)

// listText is the text of one list being decoded so far.
type listText struct {
	path     string
	bytes    int
	reported bool
}

// spendText counts an answer of size bytes against the limits on text:
// those of each list it is in, and the whole file's. A problem is reported
// where the answer is given, or at the use of the alias that brings it in.
// When the whole file's limit is passed decoding stops, as at maxNodes,
// and spendText returns false.
func (d *decoder) spendText(path string, size int) bool {
	at, this, note := d.pos[path], "with this answer", ""
	if d.alias != nil {
		at, this = nodePos(d.alias), "with this use of *"+plain(d.alias.Value)
		note = " (each use of an alias counts in full, as each is printed in full)"
	}
	for _, l := range d.lists {
		if l.bytes += size; l.bytes > maxListText && !l.reported {
			l.reported = true
			d.add(at, path, "%s the answers in %s come to more than %s, the limit for one list%s", this, plain(l.path), kib(maxListText), note)
			d.overLists = append(d.overLists, d.problems[len(d.problems)-1])
		}
	}
	if d.textLeft -= size; d.textLeft >= 0 {
		return true
	}
	d.add(at, path, "%s the answers in the file come to more than %s, the limit for a questionnaire%s", this, kib(maxAllText), note)
	limit := d.problems[len(d.problems)-1]
	d.exhausted = &limit
	return false
}

// spendMention counts a partner's name, printed where path names the
// partner by its id. Past the whole file's limit it reports the problem
// once.
func (d *decoder) spendMention(path string, name int) {
	if d.textLeft < 0 {
		return
	}
	if d.textLeft -= name; d.textLeft < 0 {
		d.add(d.at(path), path, "each use of a partner's id prints the partner's name (%d bytes here): with them the answers in the file come to more than %s, the limit for a questionnaire; give the partner a short_name", name, kib(maxAllText))
	}
}

// kib says a size of whole KiB or MiB in words: "512 KiB", "1 MiB".
func kib(n int) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d KiB", n>>10)
}
