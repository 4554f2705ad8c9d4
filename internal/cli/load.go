package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"mou/internal/pdf"
	"mou/internal/questionnaire"
)

// load reads and checks a questionnaire file. A non-nil error means the
// file could not be read at all; problems holds what is wrong inside it.
func load(file string) (*questionnaire.Questionnaire, questionnaire.Problems, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: cannot read: %w", file, unwrapPath(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, nil, fmt.Errorf("%s: is a folder, not a questionnaire file", file)
	}
	// Read one byte past the limit so an oversized file is reported as
	// such without reading all of it.
	data, err := io.ReadAll(io.LimitReader(f, questionnaire.MaxFileBytes+1))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: cannot read: %w", file, unwrapPath(err))
	}
	q, problems := questionnaire.Load(file, data, loadOptions(file))
	return q, problems, nil
}

// loadOptions are the checks every command makes of a questionnaire:
// characters the PDF can print, and logos beside the file.
func loadOptions(file string) questionnaire.Options {
	return questionnaire.Options{Unprintable: pdf.Unprintable, Dir: filepath.Dir(file)}
}

// loadValid loads a questionnaire and prints its problems; it fails
// unless the file is valid.
func loadValid(cmd *cobra.Command, file string) (*questionnaire.Questionnaire, error) {
	q, problems, err := load(file)
	if err != nil {
		return nil, &exitError{code: exitInvalid, err: err}
	}
	for _, p := range problems {
		fmt.Fprintln(cmd.ErrOrStderr(), p)
	}
	if problems.Err() != nil {
		return nil, failed()
	}
	return q, nil
}

// unwrapPath drops the path from an *os.PathError, which we print already.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// logos reads the partners' logos, named relative to the questionnaire.
func logos(file string, q *questionnaire.Questionnaire) ([]pdf.Logo, error) {
	var out []pdf.Logo
	for _, p := range q.Partners {
		if p.Logo == "" {
			continue
		}
		data, err := os.ReadFile(questionnaire.LogoPath(filepath.Dir(file), p.Logo))
		if err != nil {
			return nil, fmt.Errorf("%s: logo of %s: %w", file, p.ID, err)
		}
		out = append(out, pdf.Logo{Name: p.Logo, Data: data})
	}
	return out, nil
}
