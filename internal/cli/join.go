package cli

import (
	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/app"
)

func newJoinCommand() *cobra.Command {
	var o app.Join
	cmd := &cobra.Command{
		Use:   "join FILE",
		Short: "Add a partner that joins by a joining agreement, as a new version",
		Long: `Add a partner to a signed partnership. The new partner signs a short
joining agreement that binds it to the memorandum the others signed; the
agreement stands for them, so they do not sign again. A legally binding
agreement (wording.status: binding) is different: adding a party varies it,
so every existing partner signs the joining agreement too.

The questionnaire is updated in place, keeping every comment: the partner is
added with joined: set to the effective date, the version goes up by one and
the amendment record gains an entry. Then "mou generate FILE" writes the new
version, the joining agreement and a notice of change, and says who signs
what. The joining agreement is accepted for the partnership by the lead
partner, or by the partner named with --from.`,
		Example: `  mou join partnership.yaml --partner hillside --name "Hillside Primary School" --kind school \
      --lead "Grace Obi" --title "Deputy Headteacher" --email g.obi@hillside.example.org \
      --signatory "Martin Shaw" --position Headteacher --effective 2027-09-01`,
		Args: cobra.ExactArgs(1),
		RunE: recordChange(func(file string) (app.ChangeResult, error) { return o.Record(file) }, true),
	}
	f := cmd.Flags()
	f.StringVar(&o.Partner, "partner", "", "the new partner's id: lower-case letters, digits and hyphens (required)")
	f.StringVar(&o.Name, "name", "", "the institution's full name (required)")
	f.StringVar(&o.Kind, "kind", "", "school, college, university, trust, employer, charity, local-authority or other (required)")
	f.StringVar(&o.URN, "urn", "", "a school's six-digit unique reference number")
	f.StringVar(&o.Address, "address", "", "postal address on one line")
	f.StringVar(&o.Lead, "lead", "", "the partnership lead's name (required)")
	f.StringVar(&o.Title, "title", "", "the lead's role title (required)")
	f.StringVar(&o.Email, "email", "", "the lead's email (required)")
	f.StringVar(&o.Phone, "phone", "", "the lead's phone number")
	f.StringVar(&o.Signatory, "signatory", "", "who signs for the new partner (default: the lead)")
	f.StringVar(&o.Position, "position", "", "the signatory's position (required)")
	f.StringVar(&o.Effective, "effective", "", "the day it joins, YYYY-MM-DD (required)")
	f.StringVar(&o.Reason, "reason", "", "why, for the amendment record")
	f.StringVar(&o.From, "from", "", "id of the partner that accepts it for the partnership (default: the lead partner)")
	f.BoolVar(&o.DryRun, "dry-run", false, "print what would change and write nothing")
	cmd.RegisterFlagCompletionFunc("from", completePartners)
	cmd.RegisterFlagCompletionFunc("kind", cobra.FixedCompletions([]string{"school", "college", "university", "trust", "employer", "charity", "local-authority", "other"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}
