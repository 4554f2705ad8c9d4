package cli

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/cmdarg"
)

// schemaName is the schema file the questionnaire's first line names.
const schemaName = app.SchemaName

// models are the partnership shapes "mou init --model" can start from.
var models = app.Models

// modelHelp describes, for "mou init --help", the example partnership
// each model writes; TestInitHelpDescribesEachModel checks it against
// what init writes.
const modelHelp = `  bilateral         two schools: Example Primary School and Example
                    Secondary School, planning the move from primary to
                    secondary together (the default)
  hub-and-spoke     a lead school, Example Hub Primary School, with three
                    primary schools around it: a teaching hub
  broad-area        three schools working as equals: Example Primary
                    School, Example High School and Example Academy
  formal-structure  a trust, Example Learning Trust, with two schools it
                    works with to raise standards
  employer          a secondary school and an employer, Example
                    Engineering Ltd: careers and work experience
  university        a secondary school and a university, University of
                    Example: outreach and campus visits
`

func newInitCommand() *cobra.Command {
	var (
		model string
		out   string
		force bool
	)
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Write a commented questionnaire to fill in",
		Long: `Write a questionnaire to fill in, with a comment above every question that
says what the DfE guidance asks for and what a good answer looks like. The
example answers make a valid file, so that you can generate it at once and
see the documents; replace them with your own. Until you do, "mou validate"
warns of each one left (and --strict fails).

--model picks the starting shape, each an example partnership on the
current edition of the wording, with a memorandum and a code of practice:

` + modelHelp + `
Start from the nearest, and add or remove partners as yours has them.`,
		Example: `  mou init -o partnership.yaml
  mou init --model hub-and-spoke > partnership.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			text, err := app.Starter(model)
			if err != nil {
				return fail(cmd, err)
			}
			if out == "" || out == "-" {
				if _, err := cmd.OutOrStdout().Write(text); err != nil {
					return err
				}
				// Where standard output goes is not known, so the schema
				// the first line points to cannot be written beside it.
				if _, err := os.Stat(schemaName); err != nil {
					fmt.Fprintf(cmd.ErrOrStderr(), "The questionnaire's first line points editors to ./%s; "+
						"write it in the questionnaire's folder with:\n  mou schema > %s\n", schemaName, cmdarg.Quote(schemaName))
				}
				return nil
			}
			notes, err := app.Init(out, model, force)
			for _, n := range notes {
				fmt.Fprintln(cmd.ErrOrStderr(), n.Describe(flagOf(cmd)))
			}
			if err != nil {
				return &exitError{code: exitInvalid, err: said(cmd, err)}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&model, "model", "bilateral", "partnership model to start from: "+strings.Join(models, ", "))
	cmd.Flags().StringVarP(&out, "output", "o", "", "file to write (default: standard output)")
	cmd.Flags().BoolVar(&force, "force", false, "replace the file if it exists")
	return cmd
}
