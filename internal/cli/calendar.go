package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/app"
)

func newCalendarCommand() *cobra.Command {
	var out string
	var force bool
	cmd := &cobra.Command{
		Use:   "calendar FILE",
		Short: "Write the partnership's dates as a calendar file (.ics)",
		Long: `Write the partnership's dates as an iCalendar file (RFC 5545) to import into
Outlook, Google Calendar or Apple Calendar: each review meeting (with a
reminder 7 days before), each objective's due date, the end of the term and
the last day to give notice of dissolution so that it takes effect by then.

Every event lasts all day. The same questionnaire always gives the same file,
and each event keeps its identity when dates, leads or wording change, so
importing a regenerated file updates the events instead of adding copies.
A file named with -o is never replaced with different contents unless you
add --force, as with generate.

Exit status: 0 written, 1 the questionnaire is not valid or the file could
not be written, 2 wrong command line.`,
		Example: `  mou calendar partnership.yaml -o reviews.ics
  mou calendar partnership.yaml > reviews.ics`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" || out == "-" {
				data, _, err := app.Calendar(args[0], nil)
				if err != nil {
					return fail(cmd, err)
				}
				_, err = cmd.OutOrStdout().Write(data)
				return err
			}
			n, written, err := app.WriteCalendar(args[0], out, force)
			if err != nil {
				return fail(cmd, err)
			}
			if !written {
				fmt.Fprintf(cmd.ErrOrStderr(), "%s already holds this calendar: %d events\n", out, n)
				return nil
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s: %d events\n", out, n)
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "file to write (default: standard output)")
	cmd.Flags().BoolVar(&force, "force", false, "replace the file named with -o if it holds a different calendar")
	return cmd
}
