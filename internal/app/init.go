package app

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/partnership-tools/mou/internal/cmdarg"
	"github.com/partnership-tools/mou/internal/output"
	"github.com/partnership-tools/mou/internal/schema"
)

// SchemaName is the schema file a questionnaire's first line names, for
// editors, in the questionnaire's own folder.
const SchemaName = "questionnaire.schema.json"

// Models are the partnership shapes a new questionnaire can start from.
var Models = []string{"bilateral", "hub-and-spoke", "broad-area", "formal-structure", "employer", "university"}

// Starter returns the questionnaire "mou init" writes for model.
func Starter(model string) ([]byte, error) {
	if !slices.Contains(Models, model) {
		return nil, request("unknown model %q (the models are %s)", model, strings.Join(Models, ", "))
	}
	return schema.Starter(model)
}

// Init writes the starting questionnaire for model to file, and the
// schema its first line names beside it. It refuses a file that exists
// unless force. It returns what it wrote and noticed, a note each.
func Init(file, model string, force bool) ([]Note, error) {
	text, err := Starter(model)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(file); err == nil && !force {
		return nil, fieldError(nil, "%s already exists; choose another name or use %v to replace it", file, FieldForce)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return nil, err
	}
	if err := output.WriteFile(file, text); err != nil {
		return nil, err
	}
	notes := []Note{note("wrote %s: fill it in, then run: mou validate %s", file, cmdarg.Quote(file))}
	// The schema the first line points to, for editors. One already
	// there that differs (from another release of mou, or edited) is
	// replaced with force, else named.
	schemaFile := filepath.Join(filepath.Dir(file), SchemaName)
	data, err := schema.Questionnaire()
	if err != nil {
		return notes, err
	}
	old, err := output.ReadFile(schemaFile, 4<<20)
	switch {
	case errors.Is(err, fs.ErrNotExist) || err == nil && force && !bytes.Equal(old, data):
		if err := output.WriteFile(schemaFile, data); err != nil {
			return notes, err
		}
		notes = append(notes, note("wrote %s, for editors that check YAML as you type", schemaFile))
	case err == nil && !bytes.Equal(old, data):
		notes = append(notes, note("Note: %s differs from this mou's schema (it is from another release, or edited): add %v to replace it, or run: mou schema > %s", schemaFile, FieldForce, cmdarg.Quote(schemaFile)))
	}
	return notes, nil
}
