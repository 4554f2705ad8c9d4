// Package cli holds mou's commands. Each command lives in a file of its
// own and returns errors; Main turns them into exit codes.
package cli

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Exit codes, as documented in the README.
const (
	exitOK      = 0
	exitInvalid = 1 // the input is wrong, or something could not be written
	exitUsage   = 2 // the command line is wrong
)

// exitError carries an exit code with an error that has already been
// printed, or that should be printed as it is.
type exitError struct {
	code int
	err  error // nil when the problems were already printed
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// failed reports that the input was bad; the details were printed already.
func failed() error { return &exitError{code: exitInvalid} }

// Main runs mou with args and returns the process exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	root := newRootCommand(stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(stderr, "mou:", ee.err)
		}
		return ee.code
	}
	// Anything else comes from cobra: an unknown command, a bad flag or
	// the wrong number of arguments.
	fmt.Fprintln(stderr, "mou:", err)
	fmt.Fprintln(stderr, "Run 'mou --help' for usage.")
	return exitUsage
}

func newRootCommand(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "mou",
		Short: "Write a school partnership's memorandum of understanding and code of practice",
		Long: `mou turns one questionnaire file into the documents that hold a school
partnership together: a memorandum of understanding (MOU) for signature and a
code of practice, as PDF, Word, a web page and Markdown, and keeps them true
through the partnership's life.

  mou init -o partnership.yaml     write a questionnaire to fill in
  mou validate partnership.yaml    check it, pointing at every mistake
  mou generate partnership.yaml    write the documents into ./out
  mou serve                        answer the questions in your web browser instead`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetVersionTemplate("mou {{.Version}}\n")
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(
		newInitCommand(),
		newValidateCommand(),
		newGenerateCommand(),
		newHandoverCommand(),
		newSignedCommand(),
		newJoinCommand(),
		newLeaveCommand(),
		newReviewCommand(),
		newDiffCommand(),
		newImportCommand(),
		newCalendarCommand(),
		newStatusCommand(),
		newSchemaCommand(),
		newThemeCommand(),
		newTemplatesCommand(),
		newWordingCommand(),
		newClausesCommand(),
		newServeCommand(),
	)
	addCompletions(root)
	return root
}

// buildVersion is set by a release build:
//
//	go build -ldflags "-X github.com/partnership-tools/mou/internal/cli.buildVersion=v1.4.0" ./cmd/mou
var buildVersion string

// version is the version mou was built as: the one a release build sets,
// else the module version from the build information (the tag when
// installed with "go install …@v1.4.0", or the tag and commit Go stamps
// on a build in a clone), else the commit, else "(devel)".
func version() string {
	if buildVersion != "" {
		return buildVersion
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	switch {
	case rev == "":
		return "(devel)"
	case modified == "true":
		return "(devel) " + rev + "+changes"
	}
	return "(devel) " + rev
}
