package cli

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/templates"
)

// addCompletions teaches shell completion ("mou completion bash" and the
// others cobra provides) the values of mou's flags and the files its
// commands read. It walks the whole command tree, so a command added
// later gets the same help if its flags share these names:
//
//   - --format: the formats of the command (generate and review take a
//     list, separated by commas; diff takes text or json);
//   - --esign: the e-signature services;
//   - --paper: the paper sizes;
//   - --model: the models "mou init" starts from.
//
// A command whose arguments are questionnaires (FILE or .yaml in its
// usage line) completes them to *.yaml and *.yml files, and folders,
// until it has all the arguments it takes. A completion a command sets
// for itself is left alone.
func addCompletions(root *cobra.Command) {
	visit(root, func(cmd *cobra.Command) {
		for flag, words := range flagWords(cmd) {
			if cmd.Flags().Lookup(flag) == nil {
				continue
			}
			if _, ok := cmd.GetFlagCompletionFunc(flag); ok {
				continue
			}
			complete := completeWords(words)
			if flag == "format" && (cmd.Name() == "generate" || cmd.Name() == "review") {
				complete = completeList(words)
			}
			// The flag exists and has no completion yet, so this
			// cannot fail.
			_ = cmd.RegisterFlagCompletionFunc(flag, complete)
		}
		if cmd.ValidArgsFunction == nil && len(cmd.ValidArgs) == 0 && readsQuestionnaires(cmd) {
			cmd.ValidArgsFunction = completeQuestionnaires
		}
	})
}

// visit calls f for cmd and every command below it.
func visit(cmd *cobra.Command, f func(*cobra.Command)) {
	f(cmd)
	for _, c := range cmd.Commands() {
		visit(c, f)
	}
}

// flagWords returns the values each of cmd's flags may take, by flag name.
func flagWords(cmd *cobra.Command) map[string][]cobra.Completion {
	words := map[string][]cobra.Completion{
		"esign": app.ESignServices,
		"paper": {"a4", "letter"},
		"model": models,
		// The editions of the wording, for templates export --edition.
		"edition": templates.Editions,
	}
	switch cmd.Name() {
	case "generate", "review":
		words["format"] = app.Formats()
	case "diff":
		words["format"] = []cobra.Completion{"text", "json"}
	}
	return words
}

// completeList completes a comma-separated list of words, such as
// "md,pdf": it offers the words not yet in the list after what has been
// typed, and adds no space, so another can follow a comma.
func completeList(words []string) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		cut := strings.LastIndex(toComplete, ",") + 1
		done := strings.Split(toComplete[:cut], ",")
		var out []cobra.Completion
		for _, w := range words {
			if !slices.Contains(done, w) && strings.HasPrefix(w, toComplete[cut:]) {
				out = append(out, toComplete[:cut]+w)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	}
}

// readsQuestionnaires reports whether cmd's arguments are questionnaire
// files, going by its usage line: "validate FILE... | DIR" and "diff
// OLD.yaml NEW.yaml" do; "templates export DIR" does not.
func readsQuestionnaires(cmd *cobra.Command) bool {
	_, args, _ := strings.Cut(cmd.Use, " ")
	return strings.Contains(args, "FILE") || strings.Contains(args, ".yaml")
}

// completeQuestionnaires completes an argument to a YAML file (the shell
// offers folders too, to look inside), and to nothing once the command
// has all the arguments it takes.
func completeQuestionnaires(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if !roomFor(cmd, len(args)+1) {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return []cobra.Completion{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
}

// roomFor reports whether cmd takes n arguments or a few more: whether
// the nth may be given.
func roomFor(cmd *cobra.Command, n int) bool {
	if cmd.Args == nil {
		return true
	}
	for k := n; k < n+8; k++ {
		if cmd.Args(cmd, make([]string, k)) == nil {
			return true
		}
	}
	return false
}

// completeWords completes to the words that start with what has been
// typed.
func completeWords(words []string) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var out []cobra.Completion
		for _, w := range words {
			if strings.HasPrefix(w, toComplete) {
				out = append(out, w)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}
