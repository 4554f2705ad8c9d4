package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/status"
)

// exitOverdue is mou status's exit status when something is overdue.
const exitOverdue = 4

func newStatusCommand() *cobra.Command {
	var today string
	cmd := &cobra.Command{
		Use:   "status FILE",
		Short: "Say what the partnership has due: reviews, objectives, the end of its term",
		Long: fmt.Sprintf(`Say, in plain English, what the partnership has due today: the next review
date, objectives due within %d days or already past their date, and the end
of the term and the last day to give notice of dissolution when they are
within %d days (the notice deadline also once it has passed).

Once the questionnaire records them, it also names the partners still to sign
the current agreement (mou signed), counts the reviews held and names past
review dates with none recorded (mou review), and says when acting cover in a
role ends (mou handover --acting).

--today reports for another day (YYYY-MM-DD) instead of today's date.

Exit status: 0 nothing is overdue; %d something is overdue (an objective is
past its date, every review date has passed while the partnership still
runs, or acting cover has ended); 1 the questionnaire is not valid; 2 wrong
command line.`,
			status.ObjectiveWindow, status.EndWindow, exitOverdue),
		Example: `  mou status partnership.yaml
  mou status partnership.yaml --today 2027-07-01`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			day := questionnaire.NewDate(time.Now().Date())
			if today != "" {
				d, err := questionnaire.ParseDate(today)
				if err != nil {
					return fmt.Errorf("--today: %w", err)
				}
				day = d
			}
			r, err := app.Status(args[0], day)
			if err != nil {
				return fail(cmd, err)
			}
			if err := r.Write(cmd.OutOrStdout()); err != nil {
				return err
			}
			if r.Overdue() > 0 {
				return &exitError{code: exitOverdue}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&today, "today", "", "report for this day, YYYY-MM-DD (default: today)")
	return cmd
}
