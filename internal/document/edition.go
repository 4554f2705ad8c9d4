package document

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"

	"github.com/partnership-tools/mou/templates"
)

// wording names the wording a set of templates for an edition gives: the
// edition for the built-in templates, or the edition with "+custom." and a
// fingerprint of the files when a user's own templates are laid over them.
// A built-in template changes a word of an agreement only in a new edition,
// so a version record says which wording a signed text was written with.
func wording(fsys fs.FS, edition, tag string) (string, error) {
	sum, err := fingerprint(fsys)
	if err != nil {
		return "", err
	}
	builtIn, err := fingerprint(templates.ForEdition(templates.FS, edition, tag))
	if err != nil {
		return "", err
	}
	if sum == builtIn {
		return edition, nil
	}
	return edition + "+custom." + sum[:12], nil
}

// fingerprint is a SHA-256 over the names and contents of the document
// templates in fsys, in name order.
func fingerprint(fsys fs.FS) (string, error) {
	names, err := fs.Glob(fsys, "*.md.tmpl")
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return "", err
		}
		h.Write([]byte(name))
		h.Write([]byte{0})
		h.Write(data)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
