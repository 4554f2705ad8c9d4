package cli

import (
	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/schema"
)

func newSchemaCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the questionnaire, for editors",
		Long: `Print the JSON Schema (draft-07) of the questionnaire. An editor that knows
the schema completes the keys as you type, shows what each question asks for,
offers the allowed words and marks a misspelt key, a missing answer or a badly
written date at once.

In VS Code, install the YAML extension (Red Hat's, which runs
yaml-language-server), save the schema beside the questionnaire and put this
line at the very top of the questionnaire:

  # yaml-language-server: $schema=./questionnaire.schema.json

Other editors that use yaml-language-server read the same line.

The schema checks the keys, the kind of each answer, the allowed words and
the form of dates, lengths of time and amounts. Rules that span answers, such
as an objective's owner being the id of a partner, are checked only by "mou
validate", so still run it before "mou generate".`,
		Example: `  mou schema > questionnaire.schema.json`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := schema.Questionnaire()
			if err != nil {
				return err
			}
			_, err = cmd.OutOrStdout().Write(data)
			return err
		},
	}
}
