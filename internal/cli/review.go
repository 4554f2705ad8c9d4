package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/app"
)

func newReviewCommand() *cobra.Command {
	var o app.Review
	var format string
	var look lookFlags
	cmd := &cobra.Command{
		Use:   "review FILE",
		Short: "Write the record of a review meeting, and record the review as held",
		Long: `Write the record of a review meeting as the guidance describes it: has the
partnership met its aims, has it met its targets, what do learners say, the
strategy for the coming year and what will change. The aims, the objectives
(with their targets, dates and owners) and the planned learner voice are
filled in; the rest has lines to write on at the meeting.

The record is written to --out as <slug>-review-<DATE>.md and .pdf. The
questionnaire, edited in place, gains an entry in its reviews list, so that
"mou status" counts the review as held, and each objective named with --met
(by its id, or its number in the record) gets met: true. Neither is part of
the signed text, so no new version is made. For a review already recorded,
the record is written again (in another format, say) and no second entry
is added, as long as the file is still at the version reviewed: once a
later version is made, the questionnaire no longer holds the one reviewed,
so keep the record written then.`,
		Example: `  mou review partnership.yaml --date 2027-07-15
  mou review partnership.yaml --date 2028-07-13 --met year-9-engineers,3`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			formats, err := app.ParseFormats(format)
			if err != nil {
				return err
			}
			o.Formats = formats
			if o.Theme, err = look.theme(cmd); err != nil {
				return err
			}
			r, err := o.Record(args[0])
			if err != nil {
				return fail(cmd, err)
			}
			verb := "wrote"
			if o.DryRun {
				verb = "would write"
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s %s\n", verb, strings.Join(prefixed(o.Out, r.Files), ", "))
			if len(r.Changes) == 0 {
				for _, n := range r.Notes {
					fmt.Fprintln(cmd.OutOrStdout(), "Note: "+n.Describe(flagOf(cmd)))
				}
				return nil
			}
			printChange(cmd, args[0], r.ChangeResult, "")
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Date, "date", "", "the date of the review meeting, YYYY-MM-DD (required)")
	f.StringSliceVar(&o.Met, "met", nil, "objectives the review found met: ids, or numbers in the record, comma-separated")
	f.StringVarP(&o.Out, "out", "o", "out", "the folder to write the record to")
	f.StringVar(&format, "format", app.DefaultFormats, "formats to write, comma-separated: "+strings.Join(app.Formats(), ", "))
	f.StringVar(&o.Templates, "templates", "", "a folder of templates laid over the built-in ones")
	look.register(f)
	f.BoolVar(&o.DryRun, "dry-run", false, "print what would change and write nothing")
	return cmd
}

func prefixed(dir string, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = strings.TrimSuffix(dir, "/") + "/" + n
	}
	return out
}
