// Package templates holds mou's built-in templates, embedded so that the
// binary works on its own. Every answer a template prints is escaped for
// Markdown by the questionnaire's Text type.
//
//   - mou.md.tmpl: the memorandum of understanding
//   - code-of-practice.md.tmpl: the code of practice
//   - clauses.md.tmpl: the standard clauses, one template for each id
//   - partials.md.tmpl: pieces both documents share (contacts, signatures)
//   - notice.md.tmpl, joining.md.tmpl, withdrawal.md.tmpl: the notice of
//     change, the joining agreement and the notice of withdrawal
//   - review.md.tmpl: the record of a review meeting
//   - summary.txt.tmpl, changes.txt.tmpl: what a new version changes, in
//     plain text: the verdict, each change, a redline's first page
//   - calendar.txt.tmpl: the events of the partnership's calendar
//   - amendments.txt.tmpl: the entries join, leave and handover write in
//     the amendment record
//   - questionnaire.yaml.tmpl: the file "mou init" writes; its guide
//     function (see internal/schema's Starter) writes the guidance for an
//     answer as a comment, from the one source the schema and "mou serve"
//     read too
//
// The files at the top level are the open edition of the wording, Current.
// Each earlier edition is frozen, byte for byte, in editions/NAME, so that
// a partnership signed under it keeps its text until it chooses to
// upgrade. "go run ./internal/freeze" freezes the open edition and opens
// the next; editions/SHA256SUMS pins every frozen file.
package templates

import (
	"embed"
	"io/fs"
	"slices"
	"strconv"
	"strings"
)

// FS holds the built-in templates.
//
//go:embed *.tmpl editions languages
var FS embed.FS

// Current is the open edition: the files at the top level of FS. "mou
// init" writes it and "mou wording upgrade" moves to it. The freeze
// command rewrites this line when it opens the next edition.
const Current = "2026.3"

// Unstated is the edition of a questionnaire that names none: every file
// written before editions were named was signed with it.
const Unstated = "2026.1"

// Editions lists every edition of the built-in wording, oldest first: one
// for each folder in editions/, then Current. It is the one list of
// editions: the questionnaire, its schema and the command line read it.
var Editions = editions()

// Frozen lists the files an edition freezes: everything that makes the
// memorandum and the code of practice, which partners sign (the
// documents themselves, the standard clauses, and the partials for the
// title page, parties, contacts and signature blocks). The documents made
// afresh for each event (notice of change, joining agreement, notice of
// withdrawal, review record) and questionnaire.yaml.tmpl are shared by
// every edition, and run with the edition's own partials.
var Frozen = []string{"clauses.md.tmpl", "code-of-practice.md.tmpl", "mou.md.tmpl", "partials.md.tmpl"}

// Sums names the file in FS holding the SHA-256 of every frozen file, as
// sha256sum writes them ("HEX  2026.1/mou.md.tmpl").
const Sums = "editions/SHA256SUMS"

func editions() []string {
	entries, err := fs.ReadDir(FS, "editions")
	if err != nil {
		panic(err) // the folder is embedded
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	slices.SortFunc(out, CompareEditions)
	return append(out, Current)
}

// CompareEditions orders edition names such as "2026.2" and "2026.10" by
// year and then number.
func CompareEditions(a, b string) int {
	ay, an := editionParts(a)
	by, bn := editionParts(b)
	if ay != by {
		return ay - by
	}
	if an != bn {
		return an - bn
	}
	return strings.Compare(a, b)
}

func editionParts(name string) (year, n int) {
	y, rest, _ := strings.Cut(name, ".")
	year, _ = strconv.Atoi(y)
	n, _ = strconv.Atoi(rest)
	return year, n
}

// IsEdition reports whether name is a built-in edition.
func IsEdition(name string) bool { return slices.Contains(Editions, name) }

// ForEdition returns the templates for an edition in the language tag,
// given the set fsys the user chose: the built-in FS, or an Overlay of
// their own files, which is laid over that edition in that language. Any
// other fs.FS is a complete set of the user's own and serves every
// edition. A frozen edition's folder holds the files it froze; the
// shared files come from the top of the language's templates.
func ForEdition(fsys fs.FS, edition, tag string) fs.FS {
	root, ok := Root(tag)
	if !ok {
		root = FS // validation refuses a language with no templates first
	}
	base := root
	if edition != Current {
		sub, err := fs.Sub(root, "editions/"+edition)
		if err != nil {
			panic(err) // only for a malformed name; editions are checked first
		}
		base = layer{sub, root}
	}
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
