package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/cmdarg"
)

func newHandoverCommand() *cobra.Command {
	var o app.Handover
	cmd := &cobra.Command{
		Use:   "handover FILE",
		Short: "Record a change to a partner's people, as a new version of the questionnaire",
		Long: `Record a change to the people who hold one or more of a partner's roles:
its partnership lead, its safeguarding lead or its signatory. One run can
name a new person (one person may take several roles: --role lead,signatory),
change contact details, retitle a lead's role (--title), add a safeguarding
lead the partner did not have, or record acting cover (--acting --until DATE).

The questionnaire is updated in place, keeping every comment and the layout:
only values that really change are written, the version goes up by one, the
date becomes the effective date, and one entry is added to the amendment
record (history). The previous file is kept as FILE.bak. Then run
"mou generate FILE" to write the new version.

A change of people leaves the signed agreement standing: generate writes a
notice of change and a new Schedule 1 instead of asking every partner to sign
again. A new role title changes the signed text, so every partner signs.

Nothing is written if the partner is unknown, the effective date is before
the current version's date, the change changes nothing, something it needs
is missing (all such flags are named at once) or the file is not valid.`,
		Example: `  mou handover partnership.yaml --partner riverside --name "Dafydd Jones-Newman" \
      --email d.jones-newman@riverside.example.org --effective 2027-01-06 \
      --reason "Jane Smith retired"
  mou handover partnership.yaml --partner hartwell --role signatory \
      --name "Ruth Hartwell" --position "Chief Executive" --effective 2027-04-01 --dry-run
  mou handover partnership.yaml --partner oakfield --role lead,signatory --name "Owen Price" \
      --email o.price@oakfield.example.org --position "Acting Headteacher" \
      --acting --until 2027-03-31 --effective 2027-01-06`,
		Args: cobra.ExactArgs(1),
		RunE: recordChange(func(file string) (app.ChangeResult, error) { return o.Record(file) }, true),
	}
	f := cmd.Flags()
	f.StringVar(&o.Partner, "partner", "", "id of the partner whose people change (required)")
	f.StringSliceVar(&o.Roles, "role", []string{"lead"}, "which roles, comma-separated: lead, safeguarding, signatory")
	f.StringVar(&o.Name, "name", "", "the new person's name")
	f.StringVar(&o.Email, "email", "", "the email (lead and safeguarding; required with a new person)")
	f.StringVar(&o.Phone, "phone", "", "the phone number (lead and safeguarding)")
	f.StringVar(&o.Title, "title", "", "the role's new title (lead and safeguarding; this changes the signed text)")
	f.StringVar(&o.Position, "position", "", "the signatory's position (signatory)")
	f.BoolVar(&o.Acting, "acting", false, "the person covers the role for a time (needs --until)")
	f.StringVar(&o.Until, "until", "", "the last day of acting cover, YYYY-MM-DD")
	f.StringVar(&o.Effective, "effective", "", "the date the change takes effect, YYYY-MM-DD (required)")
	f.StringVar(&o.Reason, "reason", "", "why, for the amendment record")
	f.StringVar(&o.From, "from", "", "id of the partner that sends the notice of change (default: the lead partner)")
	f.BoolVar(&o.DryRun, "dry-run", false, "print what would change and write nothing")
	cmd.RegisterFlagCompletionFunc("partner", completePartners)
	cmd.RegisterFlagCompletionFunc("from", completePartners)
	cmd.RegisterFlagCompletionFunc("role", cobra.FixedCompletions([]string{"lead", "safeguarding", "signatory"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// recordChange runs a command that edits the questionnaire with record
// (a closure, so that it sees the flags as parsed),
// and prints what changed; generate says to run mou generate next.
func recordChange(record func(file string) (app.ChangeResult, error), generate bool) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		r, err := record(args[0])
		if err != nil {
			return fail(cmd, err)
		}
		next := ""
		if generate {
			next = "mou generate " + cmdarg.Quote(args[0])
		}
		printChange(cmd, args[0], r, next)
		return nil
	}
}

// printChange prints what a command that edits the questionnaire changed,
// and the command to run next ("" for none).
func printChange(cmd *cobra.Command, file string, r app.ChangeResult, next string) {
	out := cmd.OutOrStdout()
	verb := "Changed"
	if !r.Written {
		verb = "Would change"
	}
	fmt.Fprintf(out, "%s %s:\n", verb, file)
	for _, c := range r.Changes {
		fmt.Fprintln(out, "  "+c)
	}
	for _, n := range r.Notes {
		fmt.Fprintln(out, "Note: "+n.Describe(flagOf(cmd)))
	}
	if r.Written {
		fmt.Fprintf(out, "The previous file is kept as %s.bak.", file)
		if next != "" {
			fmt.Fprint(out, " Next: "+next)
		}
		fmt.Fprintln(out)
	}
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
