package questionnaire

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Problem is one thing wrong with a questionnaire, tied to where it is.
type Problem struct {
	File    string
	Line    int // 1-based; 0 when the problem is about the whole file
	Column  int
	Path    string // e.g. "objectives[2].by"
	Message string
	Warning bool // a warning does not make the file invalid
	// Example marks a warning of an answer left as "mou init" wrote it,
	// which a summary may count rather than list.
	Example bool
}

// String formats p as FILE:LINE:COL: path: message, with "warning: "
// before the path for warnings.
func (p Problem) String() string {
	var b strings.Builder
	if p.File != "" { // a problem with a command-line flag has no file
		b.WriteString(p.File)
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d:%d", p.Line, p.Column)
		}
		b.WriteString(": ")
	}
	if p.Warning {
		b.WriteString("warning: ")
	}
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Problems is every problem found in one file, in file order.
type Problems []Problem

// Errors returns the problems that are not warnings.
func (ps Problems) Errors() Problems { return ps.filter(false) }

// Warnings returns the problems that are warnings.
func (ps Problems) Warnings() Problems { return ps.filter(true) }

func (ps Problems) filter(warning bool) Problems {
	var out Problems
	for _, p := range ps {
		if p.Warning == warning {
			out = append(out, p)
		}
	}
	return out
}

// Err returns the errors (not warnings) as an error, or nil if there are none.
func (ps Problems) Err() error {
	if errs := ps.Errors(); len(errs) > 0 {
		return errs
	}
	return nil
}

// Error lists the problems, one a line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

func (ps Problems) sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Column < ps[j].Column
	})
}

// maxEcho is how many characters of a key or answer a message repeats.
const maxEcho = 80

// quote returns s in double quotes for a message: cut to maxEcho
// characters, ending in "…" when cut, with quotes and backslashes escaped
// and every character that cannot be printed written as an escape (\x1b,
// \u200e), so that a key echoed back cannot clear or recolour the
// terminal.
func quote(s string) string { return `"` + escape(cut(s), true) + `"` }

// plain is quote without the quotes, for paths and lists of ids.
func plain(s string) string { return escape(cut(s), false) }

func cut(s string) string {
	n := 0
	for i := range s {
		if n == maxEcho {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// escape writes the characters of s that cannot be printed as Go-style
// escapes; quoting also escapes double quotes and backslashes. Without
// quoting it leaves escapes already in s as they are, so a message can be
// passed through it twice.
func escape(s string, quoting bool) string {
	clean := true
	for _, r := range s {
		if !unicode.IsPrint(r) || (quoting && (r == '"' || r == '\\')) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case quoting && (r == '"' || r == '\\'):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case unicode.IsPrint(r):
			b.WriteRune(r)
		case r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r <= 0xFFFF:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
		i += size
	}
	return b.String()
}
