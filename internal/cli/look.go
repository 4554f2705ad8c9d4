package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/theme"
)

// lookFlags are the flags that lay out the documents: the paper size and
// a theme file, in every command that draws documents, and the user's
// templates, which generate and serve take with them.
type lookFlags struct{ paper, themeFile, templates string }

// register adds --paper and --theme.
func (l *lookFlags) register(f *pflag.FlagSet) {
	f.StringVar(&l.paper, "paper", "a4", "paper size: a4 or letter")
	f.StringVar(&l.themeFile, "theme", "", "theme file: paper, margins, type size, font and colours, for every format (see \"mou theme\")")
}

// add adds --paper, --theme and --templates.
func (l *lookFlags) add(cmd *cobra.Command) {
	l.register(cmd.Flags())
	cmd.Flags().StringVar(&l.templates, "templates", "", "folder of your own templates, laid over the built-in ones (see \"mou templates export\")")
}

// theme is the theme the flags choose: the theme file's, or the built-in
// one, with --paper over its paper when given or when there is no theme
// file. An unknown paper size is a usage error; a theme that cannot be
// read is bad input. Its error is ready to return from RunE.
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
		return theme.Theme{}, fail(cmd, err)
	}
	if cmd.Flags().Changed("paper") || l.themeFile == "" {
		th.Paper = paper
	}
	return th, nil
}

// options returns the generator options the flags give: the theme, and
// the templates, which cannot be read are bad input.
func (l *lookFlags) options(cmd *cobra.Command) (app.Options, error) {
	th, err := l.theme(cmd)
	if err != nil {
		return app.Options{}, err
	}
	fsys, err := app.TemplateSet(l.templates)
	if err != nil {
		return app.Options{}, fail(cmd, err)
	}
	return app.Options{Theme: th, Templates: fsys}, nil
}
