package cli

import (
	"errors"
	"io"

	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/questionnaire"
)

// shownExamples is how many warnings of answers left as "mou init" wrote
// them a command other than validate prints before it counts the rest.
const shownExamples = 3

// printProblems prints problems one a line, but only a few of the
// warnings of answers left as "mou init" wrote them (see
// questionnaire.Problems.Summary).
func printProblems(w io.Writer, problems questionnaire.Problems) {
	printLines(w, problems.Summary(shownExamples))
}

// fail turns a use case's error into the command's: a questionnaire's
// problems are printed one a line, a usage error exits 2, and anything
// else exits 1 with its message.
func fail(cmd *cobra.Command, err error) error {
	if err == nil {
		return nil
	}
	var pe *app.ProblemsError
	if errors.As(err, &pe) {
		printProblems(cmd.ErrOrStderr(), pe.Describe(flagOf(cmd)))
		if pe.Message == "" {
			return failed()
		}
	}
	var re *app.RequestError
	if errors.As(err, &re) {
		return said(cmd, err) // cobra's kind of error: exit 2
	}
	return &exitError{code: exitInvalid, err: said(cmd, err)}
}
