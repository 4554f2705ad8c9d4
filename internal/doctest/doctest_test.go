package doctest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// root is the repository's root, seen from this package's folder.
const root = "../.."

// blockTime bounds one block's commands: the slowest, a batch or a
// redline, take a few seconds.
const blockTime = 2 * time.Minute

// Pages are the pages whose commands run: the README, then docs/.
func pages(t *testing.T) []string {
	t.Helper()
	docs, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(docs)
	list := []string{"README.md"}
	for _, d := range docs {
		rel, _ := filepath.Rel(root, d)
		list = append(list, filepath.ToSlash(rel))
	}
	return list
}

// TestEveryCommandRunsAsShown runs the shell blocks of each page in a
// fresh copy of the repository, in order, so that a later block sees what
// an earlier one wrote, with a mou built from this tree first on PATH. It
// checks each block's exit status (0 unless the page says otherwise) and,
// where the page shows output right after a block, that the output is
// that, with … standing for any text.
func TestEveryCommandRunsAsShown(t *testing.T) {
	if testing.Short() {
		t.Skip("builds mou and runs every command of the docs: skipped with -short")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not installed: the docs' commands are for a POSIX shell")
	}
	bin := buildMou(t)
	env := commandEnv(t, bin)
	var (
		mu           sync.Mutex
		ran, skipped int
		reasons      = map[string]int{}
	)
	for _, page := range pages(t) {
		t.Run(page, func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(filepath.Join(root, page))
			if err != nil {
				t.Fatal(err)
			}
			blocks, err := Blocks(string(data))
			if err != nil {
				t.Fatalf("%s:%v", page, err)
			}
			dir := copyRepository(t)
			for _, b := range blocks {
				where := fmt.Sprintf("%s:%d", page, b.Line)
				reason := b.Skip
				for _, tool := range b.Needs {
					if _, err := exec.LookPath(tool); err != nil && reason == "" {
						reason = tool + " is not installed"
					}
				}
				mu.Lock()
				if reason != "" {
					skipped++
					reasons[reason]++
				} else {
					ran++
				}
				mu.Unlock()
				if reason != "" {
					t.Logf("%s: skipped: %s", where, reason)
					continue
				}
				out, code := runBlock(t, bash, dir, env, b.Script)
				if code != b.WantExit {
					t.Errorf("%s: exit status %d, want %d; the commands:\n%s\nprinted:\n%s", where, code, b.WantExit, b.Script, out)
					continue
				}
				if b.HasOut && !Matches(b.Output, out) {
					t.Errorf("%s: the page shows:\n%s\nthe commands printed:\n%s", where, b.Output, out)
				}
			}
		})
	}
	t.Cleanup(func() {
		var why []string
		for r, n := range reasons {
			why = append(why, fmt.Sprintf("%d: %s", n, r))
		}
		sort.Strings(why)
		t.Logf("ran %d blocks of commands; skipped %d:\n  %s", ran, skipped, strings.Join(why, "\n  "))
	})
}

// buildMou builds mou from this tree into a folder of its own, for PATH.
func buildMou(t *testing.T) (dir string) {
	t.Helper()
	dir = t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "mou"), "./cmd/mou")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/mou: %v\n%s", err, out)
	}
	return dir
}

// commandEnv is the environment the docs' commands run in: this one, with
// the mou just built first on PATH, a home folder of their own (for files
// such as a shell's completion scripts), and Go's caches where they are
// now, so that "go install" or "go build" in a block neither downloads
// again nor installs over a mou of the developer's.
func commandEnv(t *testing.T, bin string) []string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOCACHE", "GOMODCACHE", "GOPATH").Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	caches := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(caches) != 3 {
		t.Fatalf("go env printed %q", out)
	}
	return append(os.Environ(),
		"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"HOME="+t.TempDir(),
		"GOCACHE="+caches[0], "GOMODCACHE="+caches[1], "GOPATH="+caches[2],
		"GOBIN="+t.TempDir())
}

// runBlock runs a block's commands in dir with bash, stopping at the first
// that fails, and returns what they printed (standard output and error
// together, as a terminal shows them) and the exit status.
func runBlock(t *testing.T, bash, dir string, env []string, script string) (string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), blockTime)
	defer cancel()
	cmd := exec.CommandContext(ctx, bash, "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", script)
	cmd.Dir = dir
	cmd.Env = env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("the commands took longer than %v:\n%s", blockTime, script)
	}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return out.String(), exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return out.String(), 0
}

// copyRepository copies the repository's files, less .git and out, into a
// new folder, so the commands can write what they like.
func copyRepository(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if rel == ".git" || rel == "out" {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case d.Type().IsRegular():
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			return os.WriteFile(target, data, info.Mode().Perm())
		}
		return nil // links and the like: the docs do not use them
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}
