// Command freeze freezes the open edition of mou's wording and opens the
// next. Run it from the repository's root before a release that changes
// the wording, once the open edition is as it will be signed:
//
//	go run ./internal/freeze -dry-run   # what it would write
//	go run ./internal/freeze            # 2026.3 frozen, 2026.4 opened
//	go run ./internal/freeze -next 2027.1
//
// It copies the files an edition freezes (templates.Frozen) from the top
// level of templates/ into templates/editions/NAME, adds their SHA-256 to
// templates/editions/SHA256SUMS, which TestReleasedEditionsAreFrozen
// checks, does the same in each language's folder templates/languages/TAG
// that has the open edition's files, names the next edition as templates.Current, and writes the
// questionnaire's schema again, since it lists the editions. The new
// edition starts as the frozen one, word for word. It is a tool for
// mou's developers and is never shipped.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/partnership-tools/mou/templates"
)

func main() {
	next := flag.String("next", nextEdition(templates.Current), "the name of the edition to open")
	dryRun := flag.Bool("dry-run", false, "say what would be written, and write nothing")
	flag.Parse()
	if err := run(".", templates.Current, *next, *dryRun); err != nil {
		fmt.Fprintln(os.Stderr, "freeze:", err)
		os.Exit(1)
	}
}

// schemaFile is the questionnaire's schema as its golden test keeps it.
const schemaFile = "internal/schema/testdata/questionnaire.schema.json"

func run(root, current, next string, dryRun bool) error {
	writes, err := plan(root, current, next)
	if err != nil {
		return err
	}
	if dryRun {
		fmt.Printf("would freeze edition %s and open %s, writing:\n", current, next)
	} else {
		if err := apply(root, writes); err != nil {
			return err
		}
		// The schema lists the editions: write it again, as its golden
		// test does, with the new list compiled in.
		cmd := exec.Command("go", "test", "./internal/schema", "-run", "^TestGolden$", "-update")
		cmd.Dir, cmd.Stdout, cmd.Stderr = root, os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			return err
		}
		fmt.Printf("froze edition %s and opened %s; files written:\n", current, next)
	}
	for _, w := range writes {
		fmt.Println("  " + w.path)
	}
	fmt.Println("  " + schemaFile)
	return nil
}

// editionName is the form of an edition's name: a year and a number.
var editionName = regexp.MustCompile(`^20[0-9]{2}\.[1-9][0-9]*$`)

// nextEdition is the edition after name in the same year: 2026.3 after
// 2026.2.
func nextEdition(name string) string {
	year, n, _ := strings.Cut(name, ".")
	i, _ := strconv.Atoi(n)
	return year + "." + strconv.Itoa(i+1)
}

// currentLine is the line of templates.go that names the open edition.
var currentLine = regexp.MustCompile(`(?m)^const Current = "([^"]*)"$`)

// write is a file to write, named relative to the repository's root.
type write struct {
	path string
	data []byte
}

// plan works out the files that freezing edition current in the
// repository at root and opening next writes, checking everything first.
func plan(root, current, next string) ([]write, error) {
	if !editionName.MatchString(next) || templates.CompareEditions(next, current) <= 0 {
		return nil, fmt.Errorf("the next edition must be named like 2026.4 and come after %s, not %q", current, next)
	}
	goFile := path.Join("templates", "templates.go")
	src, err := os.ReadFile(filepath.Join(root, goFile))
	if err != nil {
		return nil, err
	}
	if m := currentLine.FindAllSubmatch(src, -1); len(m) != 1 || string(m[0][1]) != current {
		return nil, fmt.Errorf("%s does not say const Current = %q on a line of its own", goFile, current)
	}
	roots, err := languageRoots(root)
	if err != nil {
		return nil, err
	}
	var writes []write
	for _, lr := range roots {
		w, err := freezeRoot(root, lr, current)
		if err != nil {
			return nil, err
		}
		writes = append(writes, w...)
	}
	return append(writes, write{goFile, currentLine.ReplaceAll(src, []byte(`const Current = "`+next+`"`))}), nil
}

// languageRoots lists the folders, relative to root, that hold one
// language's templates each: British English at the top of templates/,
// and every folder of templates/languages, laid out the same way.
func languageRoots(root string) ([]string, error) {
	out := []string{"templates"}
	entries, err := os.ReadDir(filepath.Join(root, "templates", "languages"))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, path.Join("templates", "languages", e.Name()))
		}
	}
	return out, nil
}

// freezeRoot works out the files that freezing edition current writes in
// one language's folder lr: a copy of each frozen file in
// lr/editions/CURRENT, and their sums added to the rest. A language other
// than English whose open edition has none of the files is not
// translated to this edition, and has nothing to freeze.
func freezeRoot(root, lr, current string) ([]write, error) {
	dir := path.Join(lr, "editions", current)
	if _, err := os.Stat(filepath.Join(root, dir)); err == nil {
		return nil, fmt.Errorf("%s exists: edition %s is frozen already", dir, current)
	}
	if lr != "templates" {
		if has, _ := filepath.Glob(filepath.Join(root, lr, "*.md.tmpl")); len(has) == 0 {
			return nil, nil
		}
	}
	sumsFile := path.Join(lr, templates.Sums)
	sums, err := os.ReadFile(filepath.Join(root, sumsFile))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	lines := strings.Split(strings.TrimSpace(string(sums)), "\n")
	var writes []write
	for _, name := range templates.Frozen {
		data, err := os.ReadFile(filepath.Join(root, lr, name))
		if err != nil {
			return nil, err
		}
		writes = append(writes, write{path.Join(dir, name), data})
		sum := sha256.Sum256(data)
		lines = append(lines, hex.EncodeToString(sum[:])+"  "+current+"/"+name)
	}
	lines = slices.DeleteFunc(lines, func(l string) bool { return l == "" })
	slices.SortFunc(lines, func(a, b string) int { return strings.Compare(a[66:], b[66:]) })
	return append(writes, write{sumsFile, []byte(strings.Join(lines, "\n") + "\n")}), nil
}

// apply writes the files, making the new edition's folder.
func apply(root string, writes []write) error {
	for _, w := range writes {
		p := filepath.Join(root, filepath.FromSlash(w.path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, w.data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
