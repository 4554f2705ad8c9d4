// Command crossbuild builds mou for every target of the release
// configuration with plain "go build", as goreleaser will, so that CI
// proves each release target builds on a machine with nothing but Go:
//
//	go run ./internal/release/crossbuild
//
// It runs from the repository's root, builds into a temporary folder and
// removes it, and exits 1 if any target fails to build.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/partnership-tools/mou/internal/release"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "crossbuild:", err)
		os.Exit(1)
	}
}

func run() error {
	config, err := release.Load(".")
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "mou-crossbuild-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	failed := 0
	for _, build := range config.Builds {
		for _, target := range build.Targets() {
			out := filepath.Join(dir, build.ID+"-"+target.Goos+"-"+target.Goarch)
			args, env, err := build.Command(target, "0.0.0-ci", out)
			if err != nil {
				return err
			}
			cmd := exec.Command("go", args...)
			cmd.Env = append(os.Environ(), env...)
			cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
			if err := cmd.Run(); err != nil {
				fmt.Printf("%s %s: FAILED (%v)\n", build.ID, target, err)
				failed++
				continue
			}
			st, err := os.Stat(out)
			if err != nil {
				return err
			}
			fmt.Printf("%s %s: built, %.1f MB\n", build.ID, target, float64(st.Size())/1e6)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d targets failed to build", failed)
	}
	return nil
}
