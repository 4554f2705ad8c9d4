package cli

import (
	"errors"
	"strings"

	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/app"
)

// The use cases name the values they are given as app.Fields; a command
// names each as its own flag. A field is the flag of the same name, or
// else of a name fieldFlags gives.
var fieldFlags = map[app.Field][]string{
	app.FieldOut: {"output"}, // calendar and init write one file
}

// flagOf names each field as cmd's flag, "--effective".
func flagOf(cmd *cobra.Command) func(app.Field) string {
	return func(f app.Field) string {
		for _, name := range append([]string{string(f)}, fieldFlags[f]...) {
			if fl := cmd.Flags().Lookup(name); fl != nil {
				return "--" + fl.Name
			}
		}
		return "--" + string(f)
	}
}

// saidError is an error as a command says it, its fields named as flags.
type saidError struct {
	err error
	msg string
}

func (e *saidError) Error() string { return e.msg }
func (e *saidError) Unwrap() error { return e.err }

// said returns err with every field a use case's error names said as
// cmd's flag.
func said(cmd *cobra.Command, err error) error {
	var d app.Describer
	if err == nil || !errors.As(err, &d) {
		return err
	}
	msg := strings.Replace(err.Error(), d.Error(), d.Describe(flagOf(cmd)), 1)
	return &saidError{err, msg}
}
