package app

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/partnership-tools/mou/internal/agreement"
	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/output"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/render/pdf"
	"github.com/partnership-tools/mou/internal/theme"
)

// Load reads and checks a questionnaire file. A non-nil error means the
// file could not be read at all; problems holds what is wrong inside it.
func Load(file string) (*questionnaire.Questionnaire, questionnaire.Problems, error) {
	return load(file, LoadOptions(file))
}

// load is Load with the given checks.
func load(file string, opts questionnaire.Options) (*questionnaire.Questionnaire, questionnaire.Problems, error) {
	data, err := readQuestionnaire(file)
	if err != nil {
		return nil, nil, err
	}
	q, problems := questionnaire.Load(file, data, opts)
	return q, problems, nil
}

// readQuestionnaire reads a questionnaire file's bytes, refusing a folder
// and reading one byte past the size limit, so that an oversized file is
// reported as such without reading all of it.
func readQuestionnaire(file string) ([]byte, error) {
	if st, err := os.Stat(file); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s: is a folder, not a questionnaire file", file)
	}
	f, err := output.Open(file)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read: %w", file, UnwrapPath(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, questionnaire.MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read: %w", file, UnwrapPath(err))
	}
	return data, nil
}

// LoadOptions are the checks every command makes of a questionnaire:
// characters the PDF can print, logos beside the file, the wording's
// clause ids, which answers the documents print, and what their
// cross-references refer to.
func LoadOptions(file string) questionnaire.Options {
	return questionnaire.Options{Unprintable: pdf.Unprintable, Dir: filepath.Dir(file), Logo: pdf.CheckLogo, ClauseIDs: document.ClauseIDs, Prints: document.Prints,
		Printed: printed}
}

// printed says which document prints each id, as the documents show q.
func printed(q *questionnaire.Questionnaire) (map[string]string, error) {
	return document.Printed(agreement.Shown(q))
}

// ProblemsError is a questionnaire that is not valid; its problems are
// listed in full, for printing.
type ProblemsError struct {
	File     string
	Problems questionnaire.Problems
	// Given names, for each problem with a value given rather than read
	// from the file, its field, whose name is then the problem's path;
	// "" for the others. It is nil when every problem is the file's.
	Given []Field
	// Message says what was refused because of them, when it is more
	// than that the file is not valid.
	Message string
	// said holds, for a problem whose message names fields, the message
	// with them, so that Describe names them as it names the paths; it
	// is as long as Problems or shorter.
	said []message
}

// Describe returns the problems with each given value's field named by
// name, as its path and in its message.
func (e *ProblemsError) Describe(name func(Field) string) questionnaire.Problems {
	out := slices.Clone(e.Problems)
	for i, f := range e.Given {
		if f != "" && i < len(out) {
			out[i].Path = name(f)
		}
	}
	for i, m := range e.said {
		if m.format != "" && i < len(out) {
			out[i].Message = m.text(name)
		}
	}
	return out
}

func (e *ProblemsError) Error() string {
	if e.Message != "" {
		return e.File + ": " + e.Message
	}
	return e.File + ": the questionnaire is not valid"
}

// LoadValid loads a questionnaire and fails with a *ProblemsError unless
// it is valid; warnings come back with a valid questionnaire.
//
// Its cross-references are checked as the version's documents are
// written, rather than first as well: see build.
func LoadValid(file string) (*questionnaire.Questionnaire, questionnaire.Problems, error) {
	opts := LoadOptions(file)
	opts.Printed = nil
	q, problems, err := load(file, opts)
	if err != nil {
		return nil, nil, err
	}
	if problems.Err() != nil {
		return nil, nil, &ProblemsError{File: file, Problems: problems}
	}
	return q, problems, nil
}

// UnwrapPath drops the path from an *os.PathError, which messages name
// already.
func UnwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// logos reads the partners' logos, named relative to the questionnaire.
func logos(file string, q *questionnaire.Questionnaire) ([]layout.Logo, error) {
	var out []layout.Logo
	for _, p := range q.Partners {
		if p.Logo == "" {
			continue
		}
		data, err := questionnaire.ReadLogo(filepath.Dir(file), p.Logo)
		if err != nil {
			return nil, fmt.Errorf("%s: logo of %s: %w", file, p.ID, err)
		}
		out = append(out, layout.Logo{Name: p.Logo, Alt: string(p.Name), Data: data})
	}
	return out, nil
}

// maxThemeBytes bounds a theme file; the built-in one is under 2 KB.
const maxThemeBytes = 1 << 20

// LoadTheme reads a theme file, or gives the built-in theme for "".
func LoadTheme(file string) (theme.Theme, error) {
	if file == "" {
		return theme.Default(), nil
	}
	data, err := output.ReadFile(file, maxThemeBytes)
	if err != nil {
		return theme.Theme{}, fmt.Errorf("%s: cannot read: %w", file, UnwrapPath(err))
	}
	return theme.Parse(file, data)
}

// DefaultTheme is the built-in theme as a theme file.
func DefaultTheme() string { return theme.DefaultFile() }

// build works out q's version (see agreement.Build). A cross-reference
// its documents do not print, which writing them finds, comes back as
// the problem at the answer's line that validation gives.
func build(t *document.Templates, file string, q *questionnaire.Questionnaire, prev *agreement.Record) (*agreement.Version, error) {
	v, err := agreement.Build(t, file, q, prev)
	if problems := unprinted(file, err); problems != nil {
		return nil, &ProblemsError{File: file, Problems: problems}
	}
	return v, err
}

// unprinted gives a document's cross-reference to a clause it does not
// print, which writing it found, as the problems at the answers' lines
// that validation gives; nil for any other error, or one validation
// cannot place (the user's own templates may print other clauses).
func unprinted(file string, err error) questionnaire.Problems {
	var ue *document.UnprintedRefsError
	if !errors.As(err, &ue) {
		return nil
	}
	if _, problems, err := Load(file); err == nil && problems.Err() != nil {
		return problems
	}
	return nil
}
