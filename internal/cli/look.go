package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/app"
)

// lookFlags are the flags that lay out the documents, which generate and
// serve share: the paper size, a theme file and the user's templates.
type lookFlags struct{ paper, theme, templates string }

func (l *lookFlags) add(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&l.paper, "paper", "a4", "paper size of the PDF: a4 or letter")
	f.StringVar(&l.theme, "theme", "", "PDF theme file: paper, margins, type size and colours (see \"mou theme\")")
	f.StringVar(&l.templates, "templates", "", "folder of your own templates, laid over the built-in ones (see \"mou templates export\")")
}

// options returns the generator options the flags give: the theme, with
// the paper size of --paper when given or when there is no theme file
// (whose own size otherwise stands), and the templates. An unknown
// paper size is a usage error; a theme or templates that cannot be read
// are bad input.
func (l lookFlags) options(cmd *cobra.Command) (app.Options, error) {
	var paper string
	switch strings.ToLower(l.paper) {
	case "a4":
		paper = "A4"
	case "letter":
		paper = "Letter"
	default:
		return app.Options{}, fmt.Errorf("unknown paper size %q (use a4 or letter)", l.paper)
	}
	theme, err := app.LoadTheme(l.theme)
	if err != nil {
		return app.Options{}, &exitError{code: exitInvalid, err: err}
	}
	if cmd.Flags().Changed("paper") || l.theme == "" {
		theme.Paper = paper
	}
	fsys, err := app.TemplateSet(l.templates)
	if err != nil {
		return app.Options{}, &exitError{code: exitInvalid, err: err}
	}
	return app.Options{Theme: theme, Templates: fsys}, nil
}
