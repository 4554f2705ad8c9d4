package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/templates"
)

func newTemplatesCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "templates",
		Short: "Work with the document templates",
		Long: `The documents are written from Markdown templates (Go text/template). Export
the built-in ones, change them, and pass the folder to "mou generate
--templates DIR": a file there replaces the built-in one of the same name, and
any file missing falls back to the built-in one.`,
	}
	var force bool
	var edition string
	export := &cobra.Command{
		Use:     "export DIR",
		Short:   "Write the built-in templates into a folder, to start your own from",
		Example: "  mou templates export my-templates\n  mou generate partnership.yaml --templates my-templates",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			written, err := app.ExportEdition(args[0], force, edition)
			for _, path := range written {
				fmt.Fprintln(cmd.OutOrStdout(), "wrote", path)
			}
			if err != nil {
				return &exitError{code: exitInvalid, err: err}
			}
			return nil
		},
	}
	export.Flags().BoolVar(&force, "force", false, "replace templates already in the folder")
	export.Flags().StringVar(&edition, "edition", templates.Current, "the edition of the wording to export, such as the one your questionnaire names")
	cmd.AddCommand(export)
	return cmd
}
