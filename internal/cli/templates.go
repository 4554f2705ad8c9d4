package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"mou/internal/document"
	"mou/internal/output"
	"mou/templates"
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
	export := &cobra.Command{
		Use:     "export DIR",
		Short:   "Write the built-in templates into a folder, to start your own from",
		Example: "  mou templates export my-templates\n  mou generate partnership.yaml --templates my-templates",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			names, err := fs.Glob(templates.FS, "*.md.tmpl")
			if err != nil {
				return err
			}
			if !force {
				for _, name := range names {
					if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
						return &exitError{code: exitInvalid, err: fmt.Errorf("%s already exists; use --force to replace the templates in %s", filepath.Join(dir, name), dir)}
					}
				}
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return &exitError{code: exitInvalid, err: err}
			}
			for _, name := range names {
				data, err := fs.ReadFile(templates.FS, name)
				if err != nil {
					return err
				}
				if err := output.WriteFile(filepath.Join(dir, name), data); err != nil {
					return &exitError{code: exitInvalid, err: err}
				}
				fmt.Fprintln(cmd.OutOrStdout(), "wrote", filepath.Join(dir, name))
			}
			return nil
		},
	}
	export.Flags().BoolVar(&force, "force", false, "replace templates already in the folder")
	cmd.AddCommand(export)
	return cmd
}

// templateSet returns the built-in templates, or those in dir laid over them.
func templateSet(dir string) (fs.FS, error) {
	if dir == "" {
		return templates.FS, nil
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("--templates: %w", unwrapPath(err))
	}
	if !st.IsDir() {
		return nil, errors.New("--templates: " + dir + " is not a folder")
	}
	return templates.Overlay{Dir: dir}, nil
}

// parseTemplates parses the templates for a command's --templates flag.
func parseTemplates(dir string) (*document.Templates, error) {
	fsys, err := templateSet(dir)
	if err != nil {
		return nil, err
	}
	return document.ParseTemplates(fsys)
}
