package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/app"
)

func newValidateCommand() *cobra.Command {
	var strict bool
	cmd := &cobra.Command{
		Use:   "validate FILE... | DIR",
		Short: "Check a questionnaire and list every problem with its line",
		Long: `Check one or more questionnaires. Every problem is listed at once, one a
line, as FILE:LINE:COL: field: message. Warnings (answers that are valid but
fall short of the DfE guidance, such as an objective with no number in its
target) do not fail the check unless --strict is given.

Exit status: 0 valid, 1 not valid, 2 wrong command line.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			files, notes, err := app.Files(args)
			if err != nil {
				return &exitError{code: exitInvalid, err: err}
			}
			printLines(cmd.ErrOrStderr(), notes)
			bad := false
			for _, file := range files {
				_, problems, err := app.Load(file)
				if err != nil {
					fmt.Fprintln(cmd.ErrOrStderr(), err)
					bad = true
					continue
				}
				for _, p := range problems {
					fmt.Fprintln(cmd.ErrOrStderr(), p)
				}
				errs, warns := len(problems.Errors()), len(problems.Warnings())
				if errs > 0 || (strict && warns > 0) {
					bad = true
					continue
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s: valid%s\n", file, plural(warns, " (%d warning%s)"))
			}
			if bad {
				return failed()
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&strict, "strict", false, "treat warnings as errors")
	return cmd
}

// plural formats n with format (which takes n and "s" or "") unless n is 0.
func plural(n int, format string) string {
	if n == 0 {
		return ""
	}
	s := "s"
	if n == 1 {
		s = ""
	}
	return fmt.Sprintf(format, n, s)
}
