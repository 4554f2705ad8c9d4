// Command mou turns a partnership questionnaire into a memorandum of
// understanding and a code of practice, as PDF, Word, a web page and
// Markdown.
package main

import (
	"os"

	"github.com/inconshreveable/mousetrap"

	"github.com/partnership-tools/mou/internal/cli"
)

func main() {
	exe, _ := os.Executable()
	os.Exit(cli.Launch(os.Args[1:], mousetrap.StartedByExplorer(), exe, os.Stdin, os.Stdout, os.Stderr))
}
