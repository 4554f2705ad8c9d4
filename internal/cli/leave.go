package cli

import (
	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/app"
)

func newLeaveCommand() *cobra.Command {
	var o app.Leave
	cmd := &cobra.Command{
		Use:   "leave FILE",
		Short: "Record that a partner withdraws by notice, as a new version",
		Long: `Record that one partner leaves while the partnership goes on. The
partner stays in the questionnaire with left: set to the day its withdrawal
takes effect, so the history stays readable; from that version on the
documents leave it out. The agreement stands for the partners who remain, so
they do not sign again.

A withdrawal that takes effect before the notice period the agreement sets
has run from --given is refused, unless the other partners agree to the
shorter notice (--short-notice): the notice of withdrawal then says that the
notice is short and takes effect early only with their agreement, and each
of them signs it.

The lead partner cannot leave without naming the partner that takes over
(--new-lead), and no partner can leave while it still owns an objective not
yet met, leads an activity, holds the budget or monitors the code of
practice: name the partner that takes that work over with --reassign-to, or
hand it to others in the file first. A partner that takes over the code of
practice monitors it through its own partnership lead's role. Either changes
the signed text, so the partners who remain sign the new version. Then "mou
generate FILE" writes the new version, the notice of withdrawal (from the
leaving partner, or the partner named with --from) and a notice of change,
and says who signs what.`,
		Example: `  mou leave partnership.yaml --partner millbrook --effective 2028-08-31 --given 2028-05-20
  mou leave partnership.yaml --partner millbrook --effective 2028-06-30 --given 2028-05-20 --short-notice
  mou leave partnership.yaml --partner severnside --new-lead oakhurst --reassign-to oakhurst --effective 2029-08-31`,
		Args: cobra.ExactArgs(1),
		RunE: recordChange(func(file string) (app.ChangeResult, error) { return o.Record(file) }, true),
	}
	f := cmd.Flags()
	f.StringVar(&o.Partner, "partner", "", "id of the partner that leaves (required)")
	f.StringVar(&o.Effective, "effective", "", "the day the withdrawal takes effect, YYYY-MM-DD (required)")
	f.StringVar(&o.Given, "given", "", "the day notice was given, YYYY-MM-DD: checked against the notice period")
	f.BoolVar(&o.ShortNotice, "short-notice", false, "the other partners agree to a withdrawal before the notice period ends: the notice of withdrawal says so, and they sign it")
	f.StringVar(&o.NewLead, "new-lead", "", "id of the partner that becomes the lead partner, when the lead partner leaves")
	f.StringVar(&o.ReassignTo, "reassign-to", "", "id of the partner that takes over the objectives, activities, budget and code monitoring of the partner that leaves")
	f.StringVar(&o.Reason, "reason", "", "why, for the amendment record")
	f.StringVar(&o.From, "from", "", "id of the partner that sends the notice (default: the leaving partner)")
	f.BoolVar(&o.DryRun, "dry-run", false, "print what would change and write nothing")
	cmd.RegisterFlagCompletionFunc("partner", completePartners)
	cmd.RegisterFlagCompletionFunc("new-lead", completePartners)
	cmd.RegisterFlagCompletionFunc("reassign-to", completePartners)
	cmd.RegisterFlagCompletionFunc("from", completePartners)
	return cmd
}
