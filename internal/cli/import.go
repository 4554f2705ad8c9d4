package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/cmdarg"
	"github.com/partnership-tools/mou/internal/docxread"
)

func newImportCommand() *cobra.Command {
	var im app.Import
	cmd := &cobra.Command{
		Use:   "import FILE EDITED.docx",
		Short: "Take the changes made to a Word file mou wrote back into the questionnaire",
		Long: `Read a Word file that "mou generate" wrote from FILE and someone then edited,
in Word or LibreOffice, and list what changed, with the new words: a standard
clause reworded, put in or taken out, an answer changed (an objective's target
in its table, an aim, a clause of the partnership's own), a section added.
Each clause is found by the bookmark mou puts round it, named after its id.

The changes are written into FILE as its next version, keeping its comments
and layout (the previous file is kept as FILE.bak): the answer itself where the
words are an answer, and wording.replace, wording.insert or wording.omit for
mou's standard wording, with an entry in the amendment record (history) that
names the Word file. Then run "mou generate FILE" for the new version, and
"mou diff" to see whether every partner must sign again.

Tracked changes still pending in the Word file are listed and refused; accept
or reject them in Word, or take them all with --accept-all. Comments are
listed. What the questionnaire cannot say (a changed signature block, a new
row in a table, the title page) is listed to change by hand, never dropped.
Nothing is written if the Word file is not one mou wrote from this version of
FILE, or if the changes would make FILE invalid.`,
		Example: `  mou import partnership.yaml returned.docx --dry-run
  mou import partnership.yaml returned.docx --accept-all`,
		Args: cobra.ExactArgs(2),
		// The questionnaire, then the Word file.
		ValidArgsFunction: func(cmd *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			switch len(args) {
			case 0:
				return []cobra.Completion{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
			case 1:
				return []cobra.Completion{"docx"}, cobra.ShellCompDirectiveFilterFileExt
			}
			return nil, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			im.File, im.Word = args[0], args[1]
			res, err := im.Run()
			var pe *app.PendingError
			if errors.As(err, &pe) {
				printPending(cmd.ErrOrStderr(), pe.Changes, pe.Where, "Tracked changes still pending")
				printComments(cmd.ErrOrStderr(), res.Comments, res.CommentWhere)
				return &exitError{code: exitInvalid, err: said(cmd, err)}
			}
			if err != nil {
				return fail(cmd, err)
			}
			printImport(cmd, im, res)
			return nil
		},
	}
	f := cmd.Flags()
	f.BoolVar(&im.AcceptAll, "accept-all", false, "take the tracked changes still pending in the Word file as accepted")
	f.BoolVar(&im.DryRun, "dry-run", false, "list what changed and write nothing")
	f.StringVar(&im.Templates, "templates", "", "the --templates folder the Word file was written with")
	return cmd
}

// printPending lists tracked changes, each where it is.
func printPending(w io.Writer, changes []docxread.Change, where []string, heading string) {
	if len(changes) == 0 {
		return
	}
	fmt.Fprintf(w, "%s (%d):\n", heading, len(changes))
	for i, c := range changes {
		what := c.Kind
		if c.Text == "" {
			what += " of a paragraph break"
		}
		by := ""
		if c.Author != "" {
			by = " by " + docxread.Shown(c.Author, maxAuthor)
		}
		line := fmt.Sprintf("  %s: %s%s", where[i], what, by)
		if c.Text != "" {
			line += ": " + quoted(c.Text)
		}
		fmt.Fprintln(w, line)
	}
}

// printComments lists a Word file's comments, each where it is.
func printComments(w io.Writer, comments []docxread.Comment, where []string) {
	if len(comments) == 0 {
		return
	}
	fmt.Fprintf(w, "Comments (%d), for you to answer; they are not taken into the file:\n", len(comments))
	for i, c := range comments {
		line := fmt.Sprintf("  %s: %s", where[i], docxread.Shown(c.Author, maxAuthor))
		if c.Anchor != "" {
			line += ", on " + quoted(c.Anchor)
		}
		fmt.Fprintln(w, line+": "+quoted(c.Text))
	}
}

// maxAuthor is as much of an author's name from a Word file as is
// shown.
const maxAuthor = 80

// quoted puts text from a Word file in quotation marks, shortened to a
// line.
func quoted(s string) string {
	return "“" + docxread.Shown(strings.Join(strings.Fields(s), " "), 119) + "”"
}

// printImport says what a Word file changed and what was written.
func printImport(cmd *cobra.Command, im app.Import, res app.ImportResult) {
	w := cmd.OutOrStdout()
	fmt.Fprintf(w, "%s holds the %s of %s.\n", im.Word, res.Document, im.File)
	printPending(w, res.Pending, res.PendingWhere, "Tracked changes taken as accepted (--accept-all)")
	printComments(w, res.Comments, res.CommentWhere)
	if len(res.Changes)+len(res.Unmapped) == 0 {
		fmt.Fprintln(w, "Its text is the text mou writes: nothing changed, and nothing was written.")
		return
	}
	if len(res.Changes) > 0 {
		fmt.Fprintf(w, "Changes (%d):\n", len(res.Changes))
		for _, c := range res.Changes {
			printImportChange(w, c, "  → ")
		}
	}
	if len(res.Unmapped) > 0 {
		fmt.Fprintf(w, "Changes to make by hand (%d), which the questionnaire cannot say:\n", len(res.Unmapped))
		for _, c := range res.Unmapped {
			printImportChange(w, c, "  ! ")
		}
	}
	switch {
	case len(res.Changes) == 0:
		fmt.Fprintln(w, "Nothing was written.")
	case im.DryRun:
		fmt.Fprintf(w, "Nothing was written (--dry-run); without it, the changes would make version %d, dated %s.\n", res.Version, res.Date)
	case res.Written:
		fmt.Fprintf(w, "Wrote version %d of %s, dated %s, with the change in its amendment record (the previous file is %s.bak).\n", res.Version, im.File, res.Date, im.File)
		fmt.Fprintf(w, "Next: mou generate %s, and mou diff to see whether every partner must sign again.\n", cmdarg.Quote(im.File))
	}
	for _, n := range res.Notes {
		fmt.Fprintln(w, "Note: "+n.Describe(flagOf(cmd)))
	}
}

// printImportChange prints one change: where and what, the new words, and what
// it sets or why it cannot.
func printImportChange(w io.Writer, c app.ImportChange, mark string) {
	// Where, Words and Set hold words of the Word file.
	fmt.Fprintf(w, "  %s %s\n", docxread.Shown(c.Where, 0), c.What)
	if c.Words != "" {
		for _, line := range strings.Split(docxread.Shown(c.Words, 0), "\n") {
			fmt.Fprintln(w, "      "+line)
		}
	}
	for _, s := range c.Set {
		fmt.Fprintln(w, mark+docxread.Shown(s, 0))
	}
}
