package calendar

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// maxLine is the longest a content line may be, in octets, not counting
// the CRLF that ends it (RFC 5545, section 3.1).
const maxLine = 75

// writer builds an iCalendar stream one content line at a time.
type writer struct {
	b strings.Builder
}

// line writes name:value as a folded content line ending in CRLF. The
// value must already be in its iCalendar form (see escapeText).
func (w *writer) line(name, value string) {
	fold(&w.b, name+":"+value)
}

// add writes content lines, each already name:value.
func (w *writer) add(lines ...string) {
	for _, l := range lines {
		fold(&w.b, l)
	}
}

// text writes a TEXT property, escaping value.
func (w *writer) text(name, value string) {
	w.line(name, escapeText(value))
}

func (w *writer) bytes() []byte { return []byte(w.b.String()) }

// fold writes s to b as one content line, breaking it so that no line is
// longer than maxLine octets. Each continuation line starts with a space,
// which counts towards its length, and a break never falls inside a UTF-8
// sequence. Every line ends in CRLF.
func fold(b *strings.Builder, s string) {
	limit := maxLine
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		if cut == 0 { // not UTF-8: break anywhere rather than loop
			cut = limit
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = maxLine - 1
	}
	b.WriteString(s)
	b.WriteString("\r\n")
}

// escapeText returns s as an iCalendar TEXT value: backslashes,
// semicolons and commas are escaped, line breaks become \n and other
// control characters, which TEXT may not hold, become spaces.
func escapeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s) + len(s)/16)
	for _, r := range s {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n' || r == '\r':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// oneLine folds runs of white space, line breaks included, to single
// spaces and trims the ends, for values that must read as one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// maxSequence bounds the SEQUENCE read from an earlier calendar, which
// may have been edited by hand.
const maxSequence = 1_000_000

// readEvents reads what a calendar says of each event, by UID: its
// SEQUENCE, its DTSTAMP and the rest of its content lines, unfolded. It
// reads the calendars Marshal writes; what it cannot read it leaves out.
func readEvents(data []byte) map[string]stamped {
	out := map[string]stamped{}
	s := strings.NewReplacer("\r\n ", "", "\r\n\t", "").Replace(string(data))
	var uid, dtstamp string
	var e stamped
	var lines []string
	in := false
	for _, l := range strings.Split(s, "\r\n") {
		name, value, _ := strings.Cut(l, ":")
		switch {
		case l == "BEGIN:VEVENT":
			in, uid, dtstamp, e, lines = true, "", "", stamped{}, nil
		case !in:
		case l == "END:VEVENT":
			in = false
			if t, err := time.Parse(stampLayout, dtstamp); err == nil && uid != "" {
				e.at, e.lines = t, strings.Join(lines, "\n")
				out[uid] = e
			}
		case name == "UID":
			uid = value
		case name == "DTSTAMP":
			dtstamp = value
		case name == "SEQUENCE":
			if n, err := strconv.Atoi(value); err == nil && n >= 0 && n <= maxSequence {
				e.sequence = n
			}
		default:
			lines = append(lines, l)
		}
	}
	return out
}
