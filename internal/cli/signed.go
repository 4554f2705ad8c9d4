package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/signing"
)

func newSignedCommand() *cobra.Command {
	var o app.Signed
	cmd := &cobra.Command{
		Use:   "signed FILE",
		Short: "Record that a partner signed a document of a version",
		Long: `Record who signed which document of which version, as a fact kept in the
questionnaire's signatures list (with the reference of the text signed). It is
not part of the signed text, so it never changes the agreement reference and
makes no new version.

Without --document, it records the partner's signature of the agreement: the
memorandum, or, for a partner joining with that version, its joining
agreement. --document names another document of the version: code-of-practice
(the endorsement beside the memorandum), joining-agreement (an existing
partner agreeing to, or accepting, a newcomer), notice-of-change,
notice-of-withdrawal or review. For the current version, mou refuses a
document the version does not have, and a partner with no block in it.

"mou status" then names who has still to sign what, and a later version whose
text stands (the same reference) shows each earlier signature on its
signature page instead of an empty line: "Signed on 3 October 2026 by Jane
Smith, version 1."

For an earlier version than the file's, its record in the output folder
(--out) says which agreement it was.`,
		Example: `  mou signed partnership.yaml --version 1 --partner riverside --by "Dr Amara Okafor" --date 2026-10-03
  mou signed partnership.yaml --version 1 --partner riverside --by "Dr Amara Okafor" --date 2026-10-03 --document code-of-practice
  mou signed hub.yaml --version 3 --partner severnside --by "Richard Penhaligon" --date 2027-09-10 --document joining-agreement`,
		Args: cobra.ExactArgs(1),
		RunE: recordChange(func(file string) (app.ChangeResult, error) { return o.Record(file) }, false),
	}
	f := cmd.Flags()
	f.IntVar(&o.Version, "version", 0, "the version that was signed (required)")
	f.StringVar(&o.Partner, "partner", "", "id of the partner that signed (required)")
	f.StringVar(&o.By, "by", "", "the name of the person who signed (required)")
	f.StringVar(&o.Date, "date", "", "the date it was signed, YYYY-MM-DD (required)")
	f.StringVar(&o.Document, "document", "", "the document signed: "+strings.Join(signing.Kinds, ", ")+" (default: the agreement)")
	f.StringVarP(&o.Out, "out", "o", "out", "the output folder holding earlier versions' records")
	f.StringVar(&o.Templates, "templates", "", "the --templates folder the documents were written with")
	f.BoolVar(&o.DryRun, "dry-run", false, "print what would change and write nothing")
	cmd.RegisterFlagCompletionFunc("partner", completePartners)
	cmd.RegisterFlagCompletionFunc("document", cobra.FixedCompletions(signing.Kinds, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}
