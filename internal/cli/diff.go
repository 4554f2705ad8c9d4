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
	var format, templateDir string
	cmd := &cobra.Command{
		Use:   "diff OLD.yaml NEW.yaml",
		Short: "Say what changed between two versions and whether new signatures are needed",
		Long: `Compare two versions of a questionnaire and say, in plain English, what
changed, then give a verdict: either the signed agreement stands and only
Schedule 1 (key contacts) needs reissuing, or the agreement text changed and
every partner must sign again.

Exit status: 0 the agreement stands, 3 new signatures are needed, 1 a file is
not valid, 2 wrong command line.`,
		Example: `  mou diff partnership-v1.yaml partnership.yaml
  mou diff --format json old.yaml new.yaml`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return fmt.Errorf("unknown format %q (the formats are text and json)", format)
			}
			r, err := app.Diff(args[0], args[1], templateDir)
			if err != nil {
				return fail(cmd, err)
			}
			out := cmd.OutOrStdout()
			if format == "json" {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
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
			if !r.Stands {
				return &exitError{code: exitNeedsSignatures}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	cmd.Flags().StringVar(&templateDir, "templates", "", "folder of your own templates, as given to generate")
	return cmd
}
