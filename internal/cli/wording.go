package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/app"
)

func newWordingCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "wording",
		Short: "Work with the edition of mou's standard wording",
		Long: `mou's standard wording comes in editions. A questionnaire names its edition
under "wording: edition:" (a file that names none uses 2026.1), and mou keeps
every edition, so a newer mou never changes the text or the agreement
reference of a partnership that has signed.`,
	}
	var templateDir string
	var dryRun bool
	upgrade := &cobra.Command{
		Use:   "upgrade FILE",
		Short: "Move a questionnaire to the current edition of the wording",
		Long: `Show which clauses of the agreement the current edition of the wording
changes, then write that edition into the questionnaire, keeping its comments
and layout. If the text changes, the next "mou generate" makes a new version
of the agreement, which every partner signs again.`,
		Example: "  mou wording upgrade partnership.yaml --dry-run\n  mou wording upgrade partnership.yaml",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			up, err := app.UpgradeWording(args[0], templateDir, dryRun)
			if err != nil {
				return fail(cmd, err)
			}
			printUpgrade(cmd, args[0], up, dryRun)
			return nil
		},
	}
	upgrade.Flags().StringVar(&templateDir, "templates", "", "folder of your own templates, as given to generate")
	upgrade.Flags().BoolVar(&dryRun, "dry-run", false, "show what would change without changing the file")
	cmd.AddCommand(upgrade)
	return cmd
}

func printUpgrade(cmd *cobra.Command, file string, up app.WordingUpgrade, dryRun bool) {
	out := cmd.OutOrStdout()
	if up.From == up.To {
		fmt.Fprintf(out, "%s already uses the current edition of the wording, %s: nothing to do.\n", file, up.To)
		return
	}
	fmt.Fprintf(out, "Wording edition %s → %s.\n", up.From, up.To)
	if up.NoEarlierText {
		fmt.Fprintf(out, "The file asks for wording that edition %s does not have, so there is no earlier text to compare; on %s its Agreement ref. is %s.\n", up.From, up.To, up.NewReference)
	} else if len(up.Clauses) == 0 {
		fmt.Fprintf(out, "The agreement text does not change (Agreement ref. %s): nothing needs signing again.\n", up.OldReference)
	} else {
		fmt.Fprintf(out, "Clauses whose text changes: %s, in %s.\n", strings.Join(up.Clauses, "; "), up.Sections)
		for _, c := range up.Changes {
			fmt.Fprintf(out, "  %s: %s\n", c.Name, c.Words())
		}
		fmt.Fprintf(out, "The agreement text changes (Agreement ref. %s → %s).\n", up.OldReference, up.NewReference)
	}
	if len(up.Renumbered) > 0 {
		fmt.Fprintf(out, "Edition %s names the schedules afresh: %s.\n", up.To, strings.Join(up.Renumbered, "; "))
		if len(up.Mentions) > 0 {
			fmt.Fprintf(out, "These answers name a schedule by its old label; check each: %s.\n", strings.Join(up.Mentions, ", "))
		}
	}
	switch {
	case dryRun:
		fmt.Fprintf(out, "Nothing was written (--dry-run).\n")
	case len(up.Clauses) > 0:
		fmt.Fprintf(out, "Wrote edition %s into %s. The next \"mou generate\" is a new version of the agreement that every partner must sign: raise version and date in the file first, and record the change in history.\n", up.To, file)
	default:
		fmt.Fprintf(out, "Wrote edition %s into %s.\n", up.To, file)
	}
	if up.Reformatted {
		fmt.Fprintln(out, "Note: part of the file could not be edited in place, so the whole file was rewritten; every comment is kept, but blank lines and line breaks inside answers may have moved.")
	}
	if up.Written {
		fmt.Fprintf(out, "The previous file is kept as %s.bak.\n", file)
	}
}
