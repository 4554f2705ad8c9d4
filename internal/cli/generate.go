package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"mou/internal/generate"
	"mou/internal/output"
	"mou/templates"
)

func newGenerateCommand() *cobra.Command {
	var (
		outDir  string
		formats string
		force   bool
	)
	cmd := &cobra.Command{
		Use:   "generate FILE",
		Short: "Write the MOU and code of practice from a questionnaire",
		Long: `Write the memorandum of understanding and the code of practice for a
questionnaire, named after the partnership and the questionnaire's version:

  DIR/<slug>-mou-v<N>.md
  DIR/<slug>-code-of-practice-v<N>.md

If the questionnaire has any error, the errors are listed as "mou validate"
lists them and nothing is written. A file that already exists with the same
contents is left alone; one with different contents is never overwritten:
raise the version (or use "mou handover") instead.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			names, err := generate.ParseFormats(formats)
			if err != nil {
				return err // a usage error: exit 2
			}
			file := args[0]
			q, err := loadValid(cmd, file)
			if err != nil {
				return err
			}
			g, err := generate.New(templates.FS)
			if err != nil {
				return &exitError{code: exitInvalid, err: err}
			}
			files, err := g.Files(q, names)
			if err != nil {
				return &exitError{code: exitInvalid, err: fmt.Errorf("%s: %w", file, err)}
			}
			res, err := output.WriteAll(outDir, files, force)
			if errors.Is(err, output.ErrConflict) {
				return &exitError{code: exitInvalid, err: fmt.Errorf("%w\nThe answers changed but the version did not: raise \"version\" in %s (or use \"mou handover\") so the earlier documents are kept", err, file)}
			}
			if err != nil {
				return &exitError{code: exitInvalid, err: err}
			}
			for _, p := range res.Written {
				fmt.Fprintln(cmd.OutOrStdout(), "wrote", p)
			}
			for _, p := range res.Unchanged {
				fmt.Fprintln(cmd.OutOrStdout(), "unchanged", p)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&outDir, "out", "o", "out", "folder to write the documents into")
	cmd.Flags().StringVar(&formats, "format", strings.Join(generate.Formats(), ","), "formats to write, separated by commas: "+strings.Join(generate.Formats(), ", "))
	cmd.Flags().BoolVar(&force, "force", false, "replace files of this version that hold different contents")
	return cmd
}
