// Command notices writes docs/third-party-licences.md: the licences of
// the Go standard library and of every module built into mou. Run it from
// the repository's root after a dependency changes:
//
//	go run ./internal/release/notices
package main

import (
	"fmt"
	"os"

	"github.com/partnership-tools/mou/internal/output"
	"github.com/partnership-tools/mou/internal/release"
)

func main() {
	data, err := release.Notices(".", "./cmd/mou")
	if err == nil {
		err = output.WriteFile(release.NoticesFile, data)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "notices:", err)
		os.Exit(1)
	}
}
