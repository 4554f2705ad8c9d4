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
	var today, out string
	cmd := &cobra.Command{
		Use:   "status FILE",
		Short: "Say what the partnership has due: reviews, objectives, the end of its term",
		Long: fmt.Sprintf(`Say, in plain English, what the partnership has due today: the next review
date, objectives due within %d days or already past their date, and the end
of the term and the last day to give notice of dissolution when they are
within %d days (the notice deadline also once it has passed).

Only the dates the agreement's text sets count: a partnership whose wording
leaves out the dissolution clauses has no notice deadline, and one whose text
prints no objectives or review dates has none due.

Once the questionnaire records any signature, it also says who has yet to
sign what: the agreement, the code of practice's endorsement, and a joining
agreement of the current version (mou signed --document). The previous
version's record in the output folder (--out) says whether a partner joining
signs a joining agreement or the new version with the others. It counts the
reviews held and names past review dates with none recorded (mou review), and
says when acting cover in a role ends (mou handover --acting).

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
			r, err := app.Status(args[0], out, day)
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
	cmd.Flags().StringVarP(&out, "out", "o", "out", "the output folder holding earlier versions' records")
	return cmd
}
