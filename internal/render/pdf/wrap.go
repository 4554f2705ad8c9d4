package pdf

import "strings"

// wrapEpsilon absorbs rounding when comparing widths.
const wrapEpsilon = 1e-6

// fragment is a piece of a line in one style, placed at x from the start of
// the line.
type fragment struct {
	x, w  float64
	text  string
	style textStyle
	field bool // a line to sign on rather than text
}

// line is one line of wrapped text.
type line struct {
	frags []fragment
	width float64 // from the start of the line to the end of its last fragment
	size  float64 // largest type size on the line, in points
	brk   bool    // the line ends at a hard break
}

// hasField reports whether the line holds a line to sign on.
func (l line) hasField() bool {
	for _, f := range l.frags {
		if f.field {
			return true
		}
	}
	return false
}

// word is an unbreakable item for the line breaker: a word, possibly in
// several styles, or a signature line, or a hard break.
type word struct {
	parts []fragment // x unset; w measured
	w     float64
	space float64 // width of the space before it, 0 when it is glued on
	brk   bool
	field bool
}

// words splits runs into words at spaces; consecutive spaces count as one.
func words(m *fontMetrics, runs []run) []word {
	var out []word
	var cur *word
	space := 0.0
	for _, r := range runs {
		switch r.kind {
		case runBreak:
			out = append(out, word{brk: true})
			cur, space = nil, 0
			continue
		case runField:
			w := m.width(r.style.face, r.style.size, r.text)
			out = append(out, word{parts: []fragment{{w: w, text: r.text, style: r.style, field: true}}, w: w, field: true, space: space})
			cur, space = nil, 0
			continue
		}
		s := r.text
		for s != "" {
			if s[0] == ' ' {
				n := len(s) - len(strings.TrimLeft(s, " "))
				if space == 0 {
					space = m.width(r.style.face, r.style.size, " ")
				}
				cur = nil
				s = s[n:]
				continue
			}
			n := strings.IndexByte(s, ' ')
			if n < 0 {
				n = len(s)
			}
			text := s[:n]
			s = s[n:]
			for i, piece := range breakPoints(text) {
				if i > 0 {
					cur = nil // a new word, glued to the one before
				}
				f := fragment{w: m.width(r.style.face, r.style.size, piece), text: piece, style: r.style}
				if cur == nil {
					out = append(out, word{space: space})
					cur = &out[len(out)-1]
					space = 0
				}
				cur.parts = append(cur.parts, f)
				cur.w += f.w
			}
		}
	}
	return out
}

// breakPoints splits a word where a line may break inside it: after a
// hyphen, a dash, a slash or an at sign, and after a full stop between
// letters, so that long names, email addresses and web addresses wrap
// at natural places instead of squeezing a table.
func breakPoints(word string) []string {
	var out []string
	start := 0
	prev := rune(0)
	for i, r := range word {
		if i > start+1 && isBreakAfter(prev) && !isBreakAfter(r) && (prev != '.' || isLetterByte(word, i)) {
			out = append(out, word[start:i])
			start = i
		}
		prev = r
	}
	return append(out, word[start:])
}

func isBreakAfter(r rune) bool {
	return r == '-' || r == '–' || r == '—' || r == '/' || r == '@' || r == '.'
}

func isLetterByte(s string, i int) bool {
	c := s[i] | 0x20
	return c >= 'a' && c <= 'z'
}

// minFieldWidth is the shortest a line to sign on is made to stay on the
// line of its label, in millimetres.
const minFieldWidth = 30

// wrap breaks runs into lines no wider than width (millimetres), breaking at
// spaces and, for a word longer than a line, between letters. Each line gets
// at least one letter, so wrapping always ends.
func wrap(m *fontMetrics, runs []run, width float64) []line {
	return wrapWords(m, words(m, runs), width)
}

// wrapWords is wrap for runs already split into words, which a table
// measures first to share out its columns.
func wrapWords(m *fontMetrics, ws []word, width float64) []line {
	var lines []line
	var cur line
	x := 0.0
	flush := func() {
		cur.width = x
		lines = append(lines, cur)
		cur, x = line{}, 0
	}
	// place puts f at x, after gap; a fragment in the same style as the one
	// before it joins it, with a space when the gap is exactly one.
	place := func(f fragment, gap float64) {
		f.x = x + gap
		x = f.x + f.w
		if f.style.size > cur.size {
			cur.size = f.style.size
		}
		if n := len(cur.frags); n > 0 && !f.field && !cur.frags[n-1].field && cur.frags[n-1].style == f.style {
			last := &cur.frags[n-1]
			switch {
			case gap == 0:
				last.text += f.text
				last.w = x - last.x
				return
			case gap == m.width(f.style.face, f.style.size, " "):
				last.text += " " + f.text
				last.w = x - last.x
				return
			}
		}
		cur.frags = append(cur.frags, f)
	}
	for _, wd := range ws {
		if wd.brk {
			cur.brk = true
			flush()
			continue
		}
		gap := 0.0
		if len(cur.frags) > 0 {
			gap = wd.space
		}
		if x+gap+wd.w <= width+wrapEpsilon {
			for i, p := range wd.parts {
				if i > 0 {
					gap = 0
				}
				place(p, gap)
			}
			continue
		}
		if wd.field && len(cur.frags) > 0 && width-x-gap >= minFieldWidth {
			// a line to sign on shortens to stay beside its label
			p := wd.parts[0]
			p.w = width - x - gap
			place(p, gap)
			continue
		}
		if len(cur.frags) > 0 {
			flush()
		}
		if wd.w <= width+wrapEpsilon {
			for _, p := range wd.parts {
				place(p, 0)
			}
			continue
		}
		if wd.field {
			p := wd.parts[0]
			p.w = width
			place(p, 0)
			continue
		}
		for _, p := range wd.parts {
			for _, r := range p.text {
				rw := m.runeWidth(p.style.face, p.style.size, r)
				if x+rw > width+wrapEpsilon && len(cur.frags) > 0 {
					flush()
				}
				place(fragment{w: rw, text: string(r), style: p.style}, 0)
			}
		}
	}
	if len(cur.frags) > 0 {
		flush()
	}
	stretchFields(lines, width)
	return lines
}

// stretchFields extends a signature line that ends its line to the full
// width.
func stretchFields(lines []line, width float64) {
	for i := range lines {
		l := &lines[i]
		n := len(l.frags)
		if n == 0 || !l.frags[n-1].field {
			continue
		}
		f := &l.frags[n-1]
		if end := f.x + f.w; end < width {
			f.w += width - end
		}
		l.width = width
	}
}

// extent returns the narrowest width runs can wrap to without breaking a
// word (the widest word) and the width they take unwrapped (the widest line
// between hard breaks).
func extent(ws []word) (narrow, wide float64) {
	line := 0.0
	for _, wd := range ws {
		if wd.brk {
			line = 0
			continue
		}
		if line > 0 {
			line += wd.space
		}
		line += wd.w
		narrow = max(narrow, wd.w)
		wide = max(wide, line)
	}
	return narrow, wide
}
