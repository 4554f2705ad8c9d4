// Package templates holds mou's built-in templates, embedded so that the
// binary works on its own. Every answer a template prints is escaped for
// Markdown by the questionnaire's Text type.
//
//   - mou.md.tmpl: the memorandum of understanding
//   - code-of-practice.md.tmpl: the code of practice
//   - partials.md.tmpl: pieces both documents share (contacts, signatures)
//   - notice.md.tmpl, joining.md.tmpl, withdrawal.md.tmpl: the notice of
//     change, the joining agreement and the notice of withdrawal
//   - review.md.tmpl: the record of a review meeting
//   - questionnaire.yaml.tmpl: the file "mou init" writes; its guide
//     function (see internal/schema's Starter) writes the guidance for an
//     answer as a comment, from the one source the schema and "mou serve"
//     read too
//
// The files at the top level are the current edition of the wording.
// Each earlier edition is kept, byte for byte, in editions/NAME, so that a
// partnership signed under it keeps its text until it chooses to upgrade.
package templates

import (
	"embed"
	"io/fs"
	"slices"
)

// FS holds the built-in templates.
//
//go:embed *.tmpl editions
var FS embed.FS

// Editions of the built-in wording, oldest first. The last is the
// current one, at the top level of FS; "mou init" writes it.
var Editions = []string{"2026.1", "2026.2"}

// Current is the newest edition.
var Current = Editions[len(Editions)-1]

// Unstated is the edition of a questionnaire that names none: every file
// written before editions were named was signed with it.
const Unstated = "2026.1"

// IsEdition reports whether name is a built-in edition.
func IsEdition(name string) bool { return slices.Contains(Editions, name) }

// ForEdition returns the templates for an edition, given the set fsys the
// user chose: the built-in FS, or an Overlay of their own files, which is
// laid over that edition. Any other fs.FS is a complete set of the user's
// own and serves every edition. An earlier edition's folder holds only
// the files it froze; any other file comes from the current edition.
func ForEdition(fsys fs.FS, edition string) fs.FS {
	if edition == Current {
		return fsys
	}
	sub, err := fs.Sub(FS, "editions/"+edition)
	if err != nil {
		panic(err) // only for a malformed name; editions are checked first
	}
	base := layer{sub, FS}
	switch f := fsys.(type) {
	case embed.FS:
		if f == FS {
			return base
		}
	case Overlay:
		f.Base = base
		return f
	}
	return fsys
}

// layer is top with bottom showing through where top has no file.
type layer struct{ top, bottom fs.FS }

func (l layer) Open(name string) (fs.File, error) {
	f, err := l.top.Open(name)
	if err == nil || !errorsIsNotExist(err) {
		return f, err
	}
	return l.bottom.Open(name)
}

func (l layer) Glob(pattern string) ([]string, error) {
	return union(l.top, l.bottom, pattern)
}
