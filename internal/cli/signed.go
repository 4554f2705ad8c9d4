package cli

import (
	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/app"
)

func newSignedCommand() *cobra.Command {
	var o app.Signed
	cmd := &cobra.Command{
		Use:   "signed FILE",
		Short: "Record that a partner signed a version of the agreement",
		Long: `Record who signed which version, as a fact kept in the questionnaire's
signatures list (with the agreement reference of the text signed). It is not
part of the signed text, so it never changes the agreement reference and
makes no new version.

"mou status" then names the partners that have still to sign the current
agreement, and a later version whose agreement stands (the same agreement
reference) shows each earlier signature on its signature page instead of an
empty line: "Signed on 3 October 2026 by Jane Smith, version 1."

For an earlier version than the file's, its record in the output folder
(--out) says which agreement it was.`,
		Example: `  mou signed partnership.yaml --version 1 --partner riverside --by "Dr Amara Okafor" --date 2026-10-03`,
		Args:    cobra.ExactArgs(1),
		RunE:    recordChange(func(file string) (app.ChangeResult, error) { return o.Record(file) }, false),
	}
	f := cmd.Flags()
	f.IntVar(&o.Version, "version", 0, "the version that was signed (required)")
	f.StringVar(&o.Partner, "partner", "", "id of the partner that signed (required)")
	f.StringVar(&o.By, "by", "", "the name of the person who signed (required)")
	f.StringVar(&o.Date, "date", "", "the date it was signed, YYYY-MM-DD (required)")
	f.StringVarP(&o.Out, "out", "o", "out", "the output folder holding earlier versions' records")
	f.StringVar(&o.Templates, "templates", "", "the --templates folder the documents were written with")
	f.BoolVar(&o.DryRun, "dry-run", false, "print what would change and write nothing")
	cmd.RegisterFlagCompletionFunc("partner", completePartners)
	return cmd
}
