package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/app"
)

func newHandoverCommand() *cobra.Command {
	var o app.Handover
	cmd := &cobra.Command{
		Use:   "handover FILE",
		Short: "Record a change of person in a role, as a new version of the questionnaire",
		Long: `Record that a new person holds one of a partner's roles: its partnership
lead, its safeguarding lead or its signatory. The questionnaire is updated in
place, keeping every comment and the layout: the person's details change, the
version goes up by one, the date becomes the effective date, and an entry is
added to the amendment record (history). The previous file is kept as
FILE.bak. Then run "mou generate FILE" to write the new version.

A handover changes people, not the agreement, so the signed MOU stands:
generate writes a notice of change and a new Schedule 1 instead of asking
every partner to sign again.

Nothing is written if the partner is unknown, the effective date is before
the current version's date, or the file is not valid.`,
		Example: `  mou handover partnership.yaml --partner riverside --name "Dafydd Jones-Newman" \
      --email d.jones-newman@riverside.example.org --effective 2027-01-06 \
      --reason "Jane Smith retired"
  mou handover partnership.yaml --partner hartwell --role signatory \
      --name "Ruth Hartwell" --position "Chief Executive" --effective 2027-04-01 --dry-run`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := o.Record(args[0])
			if err != nil {
				return fail(cmd, err)
			}
			out := cmd.OutOrStdout()
			verb := "Changed"
			if !r.Written {
				verb = "Would change"
			}
			fmt.Fprintf(out, "%s %s:\n", verb, args[0])
			for _, c := range r.Changes {
				fmt.Fprintln(out, "  "+c)
			}
			for _, n := range r.Notes {
				fmt.Fprintln(out, "Note: "+n)
			}
			if r.Written {
				fmt.Fprintf(out, "The previous file is kept as %s.bak. Next: mou generate %s\n", args[0], args[0])
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Partner, "partner", "", "id of the partner whose person changes (required)")
	f.StringVar(&o.Role, "role", "lead", "which role: lead, safeguarding or signatory")
	f.StringVar(&o.Name, "name", "", "the new person's name (required)")
	f.StringVar(&o.Email, "email", "", "the new person's email (lead and safeguarding)")
	f.StringVar(&o.Phone, "phone", "", "the new person's phone number (lead and safeguarding)")
	f.StringVar(&o.Position, "position", "", "the new signatory's position (signatory)")
	f.StringVar(&o.Effective, "effective", "", "the date the change takes effect, YYYY-MM-DD (required)")
	f.StringVar(&o.Reason, "reason", "", "why, for the amendment record")
	f.BoolVar(&o.DryRun, "dry-run", false, "print what would change and write nothing")
	cmd.RegisterFlagCompletionFunc("partner", completePartners)
	cmd.RegisterFlagCompletionFunc("role", cobra.FixedCompletions([]string{"lead", "safeguarding", "signatory"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// completePartners offers the partner ids of the questionnaire named on
// the command line, each with the partner's name, for shell completion.
func completePartners(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) == 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	q, _, err := app.Load(args[0])
	if err != nil || q == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, p := range q.Partners {
		if strings.HasPrefix(p.ID, toComplete) {
			out = append(out, p.ID+"\t"+strings.Join(strings.Fields(string(p.Name)), " "))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
