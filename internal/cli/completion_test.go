package cli

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/app"
)

// complete asks mou for completions as a shell does, through cobra's
// hidden __complete command, and returns the words offered and the
// directive's number.
func complete(t *testing.T, args ...string) (words []string, directive string) {
	t.Helper()
	code, stdout, stderr := run(t, append([]string{"__complete"}, args...)...)
	if code != 0 {
		t.Fatalf("__complete %q: exit %d: %s", args, code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, ":") {
		t.Fatalf("__complete %q: no directive in %q", args, stdout)
	}
	return lines[:len(lines)-1], last[1:]
}

func TestCompletion(t *testing.T) {
	var (
		noFiles   = itoa(cobra.ShellCompDirectiveNoFileComp)
		list      = itoa(cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace)
		yamlFiles = itoa(cobra.ShellCompDirectiveFilterFileExt)
		anyFile   = itoa(cobra.ShellCompDirectiveDefault)
		// The formats come from app's table, md first.
		formats = app.Formats()
		afterMD []string
	)
	for _, f := range formats[1:] {
		afterMD = append(afterMD, "md,"+f)
	}
	tests := []struct {
		args      []string
		words     []string
		directive string
	}{
		{[]string{"generate", "--format", ""}, formats, list},
		{[]string{"generate", "--format", "p"}, []string{"pdf"}, list},
		{[]string{"generate", "--format", "md,"}, afterMD, list},
		{[]string{"generate", "--format", "md,pdf,h"}, []string{"md,pdf,html"}, list},
		{[]string{"review", "x.yaml", "--format", "md,"}, afterMD, list},
		{[]string{"diff", "--format", ""}, []string{"text", "json"}, noFiles},
		{[]string{"generate", "--esign", ""}, []string{"docuseal", "documenso"}, noFiles},
		{[]string{"generate", "--paper", ""}, []string{"a4", "letter"}, noFiles},
		{[]string{"init", "--model", ""}, models, noFiles},
		{[]string{"init", "--model", "h"}, []string{"hub-and-spoke"}, noFiles},

		{[]string{"validate", ""}, []string{"yaml", "yml"}, yamlFiles},
		{[]string{"validate", "a.yaml", ""}, []string{"yaml", "yml"}, yamlFiles},
		{[]string{"generate", "--paper", "a4", ""}, []string{"yaml", "yml"}, yamlFiles},
		{[]string{"handover", ""}, []string{"yaml", "yml"}, yamlFiles},
		{[]string{"calendar", ""}, []string{"yaml", "yml"}, yamlFiles},
		{[]string{"status", ""}, []string{"yaml", "yml"}, yamlFiles},
		{[]string{"diff", ""}, []string{"yaml", "yml"}, yamlFiles},
		{[]string{"diff", "old.yaml", ""}, []string{"yaml", "yml"}, yamlFiles},
		// import takes a questionnaire, then the Word file.
		{[]string{"import", ""}, []string{"yaml", "yml"}, yamlFiles},
		{[]string{"import", "p.yaml", ""}, []string{"docx"}, yamlFiles},
		{[]string{"import", "p.yaml", "edited.docx", ""}, nil, noFiles},
		// Once a command has its files, nothing more is offered.
		{[]string{"diff", "old.yaml", "new.yaml", ""}, nil, noFiles},
		{[]string{"status", "a.yaml", ""}, nil, noFiles},
		// A folder is not a questionnaire: any path will do.
		{[]string{"templates", "export", ""}, nil, anyFile},
		// Flags that take a path keep cobra's file completion.
		{[]string{"generate", "--theme", ""}, nil, anyFile},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			words, directive := complete(t, tt.args...)
			if !slices.Equal(words, tt.words) || directive != tt.directive {
				t.Errorf("got %q, directive %s; want %q, directive %s", words, directive, tt.words, tt.directive)
			}
		})
	}
}

// TestCompletionKeepsOwn checks that a completion a command sets for
// itself is not replaced.
func TestCompletionKeepsOwn(t *testing.T) {
	own := func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return []cobra.Completion{"mine"}, cobra.ShellCompDirectiveNoFileComp
	}
	cmd := &cobra.Command{Use: "check FILE", ValidArgsFunction: own, Run: func(*cobra.Command, []string) {}}
	cmd.Flags().String("paper", "", "")
	if err := cmd.RegisterFlagCompletionFunc("paper", own); err != nil {
		t.Fatal(err)
	}
	root := &cobra.Command{Use: "mou"}
	root.AddCommand(cmd)
	addCompletions(root)
	got, _ := cmd.ValidArgsFunction(cmd, nil, "")
	flag, _ := cmd.GetFlagCompletionFunc("paper")
	words, _ := flag(cmd, nil, "")
	if !slices.Equal(got, []string{"mine"}) || !slices.Equal(words, []string{"mine"}) {
		t.Errorf("a command's own completions were replaced: %q, %q", got, words)
	}
}

func itoa(d cobra.ShellCompDirective) string { return strconv.Itoa(int(d)) }
