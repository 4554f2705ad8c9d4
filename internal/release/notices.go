package release

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
)

// NoticesFile is the page that carries the licences of the code built into
// mou; every release archive ships it with the docs.
const NoticesFile = "docs/third-party-licences.md"

// module is one module whose code is built into the program.
type module struct {
	Path, Version, Dir string
}

// Notices writes the page of licences for the program main (such as
// "./cmd/mou") in the module at dir: the Go standard library's, then
// every module's whose packages the program imports, each licence file
// as the module ships it. Only modules built into the program count, so
// a test-only dependency is never listed.
func Notices(dir, main string) ([]byte, error) {
	mods, err := builtInto(dir, main)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString(`# Third-party licences

mou is MIT-licensed (see LICENSE). The program is built from the Go
standard library and the modules below, whose licences ask that their
notices travel with every copy. This page is written by
` + "`go run ./internal/release/notices`" + `; a test fails when it is out of date.
The Liberation Serif font's licence (SIL Open Font License 1.1) ships
beside LICENSE as LICENSE-LiberationSerif.txt.

`)
	type entry struct{ title, dir string }
	entries := []entry{{"The Go programming language (standard library and runtime)", runtime.GOROOT()}}
	for _, m := range mods {
		entries = append(entries, entry{m.Path + " " + m.Version, m.Dir})
	}
	for _, e := range entries {
		fmt.Fprintf(&b, "- [%s](#%s)\n", e.title, anchor(e.title))
	}
	for _, e := range entries {
		texts, err := licenceFiles(e.dir)
		if err != nil {
			return nil, err
		}
		if len(texts) == 0 {
			return nil, fmt.Errorf("%s: no licence file in %s", e.title, e.dir)
		}
		fmt.Fprintf(&b, "\n## %s\n", e.title)
		for _, t := range texts {
			fmt.Fprintf(&b, "\n%s:\n\n```text\n%s\n```\n", t.name, strings.TrimRight(t.text, "\n"))
		}
	}
	return b.Bytes(), nil
}

// builtInto lists, sorted by path, the modules other than main's own
// whose packages main imports on any system a release is built for
// (cobra imports mousetrap on Windows alone).
func builtInto(dir, main string) ([]module, error) {
	var lines []string
	for _, goos := range []string{"windows", "darwin", "linux"} {
		cmd := exec.Command("go", "list", "-deps", "-f", "{{with .Module}}{{if not .Main}}{{.Path}}\t{{.Version}}\t{{.Dir}}{{end}}{{end}}", main)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+goos, "GOARCH=amd64")
		out, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("go list (%s): %w", goos, err)
		}
		lines = append(lines, strings.Split(strings.TrimSpace(string(out)), "\n")...)
	}
	var mods []module
	for _, line := range lines {
		f := strings.Split(line, "\t")
		if len(f) != 3 || slices.ContainsFunc(mods, func(m module) bool { return m.Path == f[0] }) {
			continue
		}
		mods = append(mods, module{f[0], f[1], f[2]})
	}
	slices.SortFunc(mods, func(a, b module) int { return strings.Compare(a.Path, b.Path) })
	return mods, nil
}

type licence struct{ name, text string }

// licenceFiles reads the licence and notice files at the top of a module.
func licenceFiles(dir string) ([]licence, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []licence
	for _, e := range entries {
		name := strings.ToUpper(e.Name())
		if e.IsDir() || !(strings.HasPrefix(name, "LICENSE") || strings.HasPrefix(name, "LICENCE") ||
			strings.HasPrefix(name, "COPYING") || strings.HasPrefix(name, "NOTICE") || name == "PATENTS") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, licence{e.Name(), strings.ReplaceAll(string(data), "\r\n", "\n")})
	}
	return out, nil
}

// anchor is the id GitHub gives a heading: lower case, spaces as
// hyphens, other punctuation but hyphens and underscores dropped.
func anchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		}
	}
	return b.String()
}
