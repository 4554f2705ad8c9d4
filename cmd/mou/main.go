// Command mou turns a partnership questionnaire into a memorandum of
// understanding and a code of practice, as Markdown and PDF.
package main

import (
	"os"

	"github.com/partnership-tools/mou/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
