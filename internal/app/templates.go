package app

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/output"
	"github.com/partnership-tools/mou/templates"
)

// TemplateSet returns the built-in templates, or those in dir laid over
// them.
func TemplateSet(dir string) (fs.FS, error) {
	if dir == "" {
		return templates.FS, nil
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fieldError(err, "%v: %v", FieldTemplates, UnwrapPath(err))
	}
	if !st.IsDir() {
		return nil, fieldError(nil, "%v: %s is not a folder", FieldTemplates, dir)
	}
	return templates.Overlay{Dir: dir}, nil
}

// parseTemplates parses the templates for a --templates folder.
func parseTemplates(dir string) (*document.Templates, error) {
	fsys, err := TemplateSet(dir)
	if err != nil {
		return nil, err
	}
	return document.ParseTemplates(fsys)
}

// ExportEdition writes the built-in templates of the given edition of the
// wording into dir, to start one's own from, and returns the files
// written: the files that edition froze, or for the current one every
// document template and the plain text said outside the documents.
// Unless force is set, it writes nothing if any of them is already there.
func ExportEdition(dir string, force bool, edition string) ([]string, error) {
	if !templates.IsEdition(edition) {
		return nil, fieldError(nil, "%v: no edition %q (the editions are %s)", FieldEdition, edition, strings.Join(templates.Editions, ", "))
	}
	var fsys fs.FS = templates.FS
	if edition != templates.Current {
		var err error
		if fsys, err = fs.Sub(templates.FS, "editions/"+edition); err != nil {
			return nil, err
		}
	}
	names, err := fs.Glob(fsys, "*.md.tmpl")
	if err != nil {
		return nil, err
	}
	if edition == templates.Current {
		text, _ := fs.Glob(fsys, "*.txt.tmpl")
		names = append(names, text...)
	}
	if !force {
		for _, name := range names {
			if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
				return nil, fieldError(nil, "%s already exists; use %v to replace the templates in %s", filepath.Join(dir, name), FieldForce, dir)
			}
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var written []string
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return written, err
		}
		path := filepath.Join(dir, name)
		if err := output.WriteFile(path, data); err != nil {
			return written, err
		}
		written = append(written, path)
	}
	return written, nil
}
