package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/output"
	"github.com/partnership-tools/mou/internal/schema"
	"github.com/partnership-tools/mou/templates"
)

// schemaName is the schema file the questionnaire's first line names.
const schemaName = "questionnaire.schema.json"

// models are the partnership shapes "mou init --model" can start from.
var models = []string{"bilateral", "hub-and-spoke", "broad-area", "formal-structure", "employer", "university"}

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
			if !slices.Contains(models, model) {
				return fmt.Errorf("unknown model %q (the models are %s)", model, strings.Join(models, ", "))
			}
			text, err := templates.Questionnaire(model)
			if err != nil {
				return &exitError{code: exitInvalid, err: err}
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
			if _, err := os.Stat(out); err == nil && !force {
				return &exitError{code: exitInvalid, err: fmt.Errorf("%s already exists; choose another name or use --force to replace it", out)}
			} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return &exitError{code: exitInvalid, err: err}
			}
			if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
				return &exitError{code: exitInvalid, err: err}
			}
			if err := output.WriteFile(out, text); err != nil {
				return &exitError{code: exitInvalid, err: err}
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s: fill it in, then run \"mou validate %s\"\n", out, out)
			// The schema the first line points to, for editors. One
			// already there that differs (from another release of mou,
			// or edited) is replaced with --force, else named.
			schemaFile := filepath.Join(filepath.Dir(out), schemaName)
			data, err := schema.Questionnaire()
			if err != nil {
				return &exitError{code: exitInvalid, err: err}
			}
			old, err := output.ReadFile(schemaFile, 4<<20)
			switch {
			case errors.Is(err, fs.ErrNotExist) || err == nil && force && !bytes.Equal(old, data):
				if err := output.WriteFile(schemaFile, data); err != nil {
					return &exitError{code: exitInvalid, err: err}
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s, for editors that check YAML as you type\n", schemaFile)
			case err == nil && !bytes.Equal(old, data):
				fmt.Fprintf(cmd.ErrOrStderr(), "Note: %s differs from this mou's schema (it is from another release, or edited): add --force to replace it, or run \"mou schema > %s\"\n", schemaFile, schemaFile)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&model, "model", "bilateral", "partnership model to start from: "+strings.Join(models, ", "))
	cmd.Flags().StringVarP(&out, "output", "o", "", "file to write (default: standard output)")
	cmd.Flags().BoolVar(&force, "force", false, "replace the file if it exists")
	return cmd
}
