package cli

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/app"
)

// exitNeedsSignatures is mou diff's exit status when the signed text changed.
const exitNeedsSignatures = 3

func newDiffCommand() *cobra.Command {
	var format, templateDir, redlineFile, redlineCode string
	var look lookFlags
	cmd := &cobra.Command{
		Use:   "diff OLD.yaml NEW.yaml",
		Short: "Say what changed between two versions and whether new signatures are needed",
		Long: `Compare two versions of a questionnaire and say, in plain English, what
changed, then give a verdict: either the signed agreement stands and only
Schedule 1 (key contacts) needs reissuing, or the agreement text changed and
every partner must sign again.

With --redline FILE.pdf or FILE.docx, also write the new version's
memorandum with every change marked clause by clause, after a page that
gives the verdict: in the PDF added words are underlined and removed words
struck through; in the Word file they are tracked changes by "mou", dated
the new version's date, which Word's Review pane lists and can accept or
reject. --redline-code FILE.pdf or FILE.docx does the same for the code of
practice; give both to write both. A redline takes --paper and --theme as
generate does.

Exit status: 0 the agreement stands, 3 new signatures are needed, 1 a file is
not valid, 2 wrong command line.`,
		Example: `  mou diff partnership-v1.yaml partnership.yaml
  mou diff --format json old.yaml new.yaml
  mou diff partnership-v1.yaml partnership.yaml --redline changes.docx --paper letter
  mou diff partnership-v1.yaml partnership.yaml --redline mou-changes.pdf --redline-code code-changes.pdf`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return fmt.Errorf("unknown format %q (the formats are text and json)", format)
			}
			theme, err := look.theme(cmd)
			if err != nil {
				return err
			}
			r, err := app.DiffRedlines(args[0], args[1], templateDir, app.Redlines{MOU: redlineFile, CodeOfPractice: redlineCode, Theme: theme})
			if err != nil {
				return fail(cmd, err)
			}
			out := cmd.OutOrStdout()
			if format == "json" {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false) // a name's "<" reads as written, not "\u003c"
				if err := enc.Encode(r); err != nil {
					return err
				}
			} else {
				if len(r.Changes) > 0 {
					fmt.Fprintf(out, "Changes from %s to %s:\n", args[0], args[1])
				}
				for _, c := range r.Changes {
					fmt.Fprintln(out, "  "+c.Description)
				}
				fmt.Fprintln(out, "Verdict: "+r.Verdict)
			}
			for _, f := range []string{redlineFile, redlineCode} {
				if f != "" && format != "json" {
					fmt.Fprintln(out, "wrote "+f)
				}
			}
			if !r.Stands {
				return &exitError{code: exitNeedsSignatures}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	cmd.Flags().StringVar(&redlineFile, "redline", "", "also write the new memorandum with the changes marked: FILE.pdf or FILE.docx")
	cmd.Flags().StringVar(&redlineCode, "redline-code", "", "also write the new code of practice with the changes marked: FILE.pdf or FILE.docx")
	cmd.Flags().StringVar(&templateDir, "templates", "", "folder of your own templates, as given to generate")
	look.register(cmd.Flags())
	return cmd
}
