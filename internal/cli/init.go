package cli

import "github.com/spf13/cobra"

func newInitCommand() *cobra.Command {
	return &cobra.Command{Use: "init", Short: "Write a commented questionnaire to fill in"}
}
