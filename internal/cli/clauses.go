package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/app"
)

func newClausesCommand() *cobra.Command {
	var templateDir string
	cmd := &cobra.Command{
		Use:   "clauses [FILE]",
		Short: "List the standard sections and clauses, with their ids",
		Long: `List every standard section and clause of the memorandum and the code of
practice with the id a questionnaire uses to leave it out, replace it or put
its own clauses after it (under "wording:"), its text and the answers it
depends on.

Without a file, the text is that of the current edition of the wording, with
each answer shown as its key in brackets. Given a questionnaire, it is that
file's edition, worded for that partnership, and says which clauses the file
leaves out or replaces.`,
		Example: "  mou clauses\n  mou clauses partnership.yaml",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			file := ""
			if len(args) == 1 {
				file = args[0]
			}
			edition, clauses, err := app.Clauses(file, templateDir)
			if err != nil {
				return fail(cmd, err)
			}
			out := cmd.OutOrStdout()
			if len(clauses) == 0 {
				fmt.Fprintf(out, "Edition %s of the wording has no clause ids; \"mou wording upgrade\" moves a file to the edition that has them.\n", edition)
				return nil
			}
			fmt.Fprintf(out, "Edition %s of the wording.\n", edition)
			document := ""
			for _, c := range clauses {
				if c.Document != document {
					document = c.Document
					fmt.Fprintf(out, "\n%s\n", map[string]string{"mou": "# The memorandum", "code-of-practice": "# The code of practice"}[document])
				}
				fmt.Fprintln(out)
				mark := ""
				switch {
				case c.Omitted:
					mark = " (left out)"
				case c.Replaced:
					mark = " (replaced)"
				}
				if !strings.Contains(c.ID, ".") {
					fmt.Fprintf(out, "%s: section “%s”%s\n", c.ID, c.Section, mark)
					continue
				}
				fmt.Fprintf(out, "%s%s\n", c.ID, mark)
				if c.Text == "" {
					fmt.Fprintln(out, "  (not in this partnership's documents: the answer it prints is not given)")
				} else {
					fmt.Fprintln(out, indent(c.Text))
				}
				if len(c.Answers) > 0 && file == "" {
					fmt.Fprintf(out, "  Depends on: %s\n", strings.Join(c.Answers, ", "))
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&templateDir, "templates", "", "folder of your own templates, as given to generate")
	return cmd
}

// indent indents every line of s by two spaces.
func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}
