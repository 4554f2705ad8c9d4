package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/app"
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
