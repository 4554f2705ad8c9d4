package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/theme"
)

func newThemeCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "theme",
		Short: "Print the built-in theme, to copy and change",
		Long: `Print the built-in theme as a theme file: paper size, margins, type size,
line height, font, justification and colours. Save it, change what you like
(every key is optional) and pass it to "mou generate --theme FILE"; "mou
diff" and "mou review" take it too. The PDF, the Word file and the web page
all read it, each what it can show: a web page leaves the margins of the
printed page to the browser, and only the PDF draws the line height,
table stripes, code shading and quote bars.`,
		Example: `  mou theme > theme.yaml
  mou generate partnership.yaml --theme theme.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprint(cmd.OutOrStdout(), app.DefaultTheme())
			return err
		},
	}
}

// lookFlags are --theme and --paper, which choose how the documents
// look, in every command that draws them.
type lookFlags struct{ themeFile, paper string }

func (l *lookFlags) register(f *pflag.FlagSet) {
	f.StringVar(&l.paper, "paper", "a4", "paper size: a4 or letter")
	f.StringVar(&l.themeFile, "theme", "", "theme file: paper, margins, type size, font and colours, for every format (see \"mou theme\")")
}

// theme is the theme the flags choose: the theme file's, or the built-in
// one, with --paper over its paper when given or when there is no theme
// file. Its error is ready to return from RunE.
func (l *lookFlags) theme(cmd *cobra.Command) (theme.Theme, error) {
	var paper string
	switch strings.ToLower(l.paper) {
	case "a4":
		paper = "A4"
	case "letter":
		paper = "Letter"
	default:
		return theme.Theme{}, fmt.Errorf("unknown paper size %q (use a4 or letter)", l.paper)
	}
	th, err := app.LoadTheme(l.themeFile)
	if err != nil {
		return theme.Theme{}, &exitError{code: exitInvalid, err: err}
	}
	if cmd.Flags().Changed("paper") || l.themeFile == "" {
		th.Paper = paper
	}
	return th, nil
}
