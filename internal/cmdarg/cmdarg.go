// Package cmdarg writes a file name into a command that mou suggests
// running next, so that it can be copied into a terminal as it is.
package cmdarg

import (
	"strings"
	"unicode"
)

// Quote returns s as one argument of a command line: as it is when it
// holds only letters, digits and the marks that mean nothing to a shell,
// else in double quotes, which Command Prompt, PowerShell and the Mac's
// and Linux's shells all read as one argument ("St Mary's & Moreton
// MOU.yaml"). Inside them, the marks a Mac's or Linux's shell would
// still act on ($, ` and ") have a backslash before them.
func Quote(s string) string {
	if s != "" && strings.IndexFunc(s, unsafe) < 0 {
		return s
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if r == '"' || r == '$' || r == '`' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

// unsafe reports whether a shell might read r as more than itself.
func unsafe(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("._-/\\:+,@=", r)
}
