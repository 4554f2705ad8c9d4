package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/app"
)

func newThemeCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "theme",
		Short: "Print the built-in PDF theme, to copy and change",
		Long: `Print the built-in PDF theme as a theme file: paper size, margins, type size,
line height and colours. Save it, change what you like (every key is
optional) and pass it to "mou generate --theme FILE".`,
		Example: `  mou theme > theme.yaml
  mou generate partnership.yaml --theme theme.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprint(cmd.OutOrStdout(), app.DefaultTheme())
			return err
		},
	}
}
