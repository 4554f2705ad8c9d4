package cli

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/app"
)

// schemaName is the schema file the questionnaire's first line names.
const schemaName = app.SchemaName

// models are the partnership shapes "mou init --model" can start from.
var models = app.Models

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
example answers make a valid file; replace them with your own.

--model picks the starting shape: ` + strings.Join(models, ", ") + `.`,
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
						"write it in the questionnaire's folder with:\n  mou schema > %s\n", schemaName, schemaName)
				}
				return nil
			}
			notes, err := app.Init(out, model, force)
			printLines(cmd.ErrOrStderr(), notes)
			if err != nil {
				return &exitError{code: exitInvalid, err: err}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&model, "model", "bilateral", "partnership model to start from: "+strings.Join(models, ", "))
	cmd.Flags().StringVarP(&out, "output", "o", "", "file to write (default: standard output)")
	cmd.Flags().BoolVar(&force, "force", false, "replace the file if it exists")
	return cmd
}
