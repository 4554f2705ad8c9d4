package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"mou/internal/generate"
	"mou/internal/output"
	"mou/internal/pdf"
	"mou/templates"
)

func newGenerateCommand() *cobra.Command {
	var (
		outDir    string
		formats   string
		force     bool
		paper     string
		themeFile string
	)
	cmd := &cobra.Command{
		Use:   "generate FILE",
		Short: "Write the MOU and code of practice from a questionnaire",
		Long: `Write the memorandum of understanding and the code of practice for a
questionnaire, named after the partnership and the questionnaire's version:

  DIR/<slug>-mou-v<N>.md            DIR/<slug>-mou-v<N>.pdf
  DIR/<slug>-code-of-practice-v<N>.md   DIR/<slug>-code-of-practice-v<N>.pdf

When the previous version's MOU Markdown is in DIR, generate also says whether
the signed text changed; if only the contacts did, it writes a notice of
change (DIR/<slug>-notice-of-change-v<N>.md and .pdf) to send to all partners.

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
			switch strings.ToLower(paper) {
			case "a4":
				paper = "A4"
			case "letter":
				paper = "Letter"
			default:
				return fmt.Errorf("unknown paper size %q (use a4 or letter)", paper)
			}
			file := args[0]
			q, err := loadValid(cmd, file)
			if err != nil {
				return err
			}
			theme, err := loadTheme(themeFile)
			if err != nil {
				return &exitError{code: exitInvalid, err: err}
			}
			if cmd.Flags().Changed("paper") || themeFile == "" {
				theme.Paper = paper
			}
			g, err := generate.New(templates.FS, theme)
			if err != nil {
				return &exitError{code: exitInvalid, err: err}
			}
			logos, err := logos(file, q)
			if err != nil {
				return &exitError{code: exitInvalid, err: err}
			}
			prev, err := generate.FindPrevious(outDir, q)
			if err != nil {
				return &exitError{code: exitInvalid, err: err}
			}
			gen, err := g.Generate(q, names, prev, logos)
			if err != nil {
				return &exitError{code: exitInvalid, err: fmt.Errorf("%s: %w", file, err)}
			}
			res, err := output.WriteAll(outDir, gen.Files, force)
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
			fmt.Fprintln(cmd.OutOrStdout(), verdict(q.Version, gen))
			return nil
		},
	}
	cmd.Flags().StringVarP(&outDir, "out", "o", "out", "folder to write the documents into")
	cmd.Flags().StringVar(&formats, "format", strings.Join(generate.Formats(), ","), "formats to write, separated by commas: "+strings.Join(generate.Formats(), ", "))
	cmd.Flags().StringVar(&paper, "paper", "a4", "paper size of the PDF: a4 or letter")
	cmd.Flags().StringVar(&themeFile, "theme", "", "PDF theme file: paper, margins, type size and colours (see \"mou theme\")")
	cmd.Flags().BoolVar(&force, "force", false, "replace files of this version that hold different contents")
	return cmd
}

// verdict tells the user whether the partners must sign again.
func verdict(version int, gen generate.Result) string {
	switch {
	case gen.Compared == 0:
		return fmt.Sprintf("Agreement ref. %s, version %d.", gen.Reference, version)
	case gen.Stands:
		return fmt.Sprintf("The signed agreement stands (Agreement ref. %s, as in version %d): only the contacts changed. "+
			"Send the notice of change and Schedule 1 to all partners; no new signatures are needed.", gen.Reference, gen.Compared)
	default:
		return fmt.Sprintf("The agreement text changed since version %d (Agreement ref. %s → %s): every partner must sign version %d. "+
			"Run \"mou diff\" on the two questionnaires to see what changed.", gen.Compared, orUnknown(gen.OldReference), gen.Reference, version)
	}
}

func orUnknown(ref string) string {
	if ref == "" {
		return "unknown"
	}
	return ref
}

// loadTheme reads a theme file, or gives the built-in theme for "".
func loadTheme(file string) (pdf.Theme, error) {
	if file == "" {
		return pdf.DefaultTheme(), nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return pdf.Theme{}, fmt.Errorf("%s: cannot read: %w", file, unwrapPath(err))
	}
	return pdf.ParseTheme(file, data)
}
