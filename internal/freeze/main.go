// Command freeze freezes the open edition of mou's wording and opens the
// next. Run it from the repository's root before a release that changes
// the wording, once the open edition is as it will be signed:
//
//	go run ./internal/freeze            # 2026.3 frozen, 2026.4 opened
//	go run ./internal/freeze -next 2027.1
//
// It copies the files an edition freezes (templates.Frozen) from the top
// level of templates/ into templates/editions/NAME, adds their SHA-256 to
// templates/editions/SHA256SUMS, which TestReleasedEditionsAreFrozen
// checks, names the next edition as templates.Current, and writes the
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
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/partnership-tools/mou/templates"
)

func main() {
	next := flag.String("next", nextEdition(templates.Current), "the name of the edition to open")
	flag.Parse()
	touched, err := freeze(".", templates.Current, *next)
	if err == nil {
		// The schema lists the editions: write it again, as its golden
		// test does, with the new list compiled in.
		cmd := exec.Command("go", "test", "./internal/schema", "-run", "^TestGolden$", "-update")
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err = cmd.Run(); err == nil {
			touched = append(touched, "internal/schema/testdata/questionnaire.schema.json")
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "freeze:", err)
		os.Exit(1)
	}
	fmt.Printf("froze edition %s and opened %s; files written:\n", templates.Current, *next)
	for _, f := range touched {
		fmt.Println("  " + f)
	}
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

// freeze freezes edition current in the repository at root and opens
// next, returning the files it wrote, relative to root. It checks all it
// needs before it writes anything.
func freeze(root, current, next string) ([]string, error) {
	if !editionName.MatchString(next) || templates.CompareEditions(next, current) <= 0 {
		return nil, fmt.Errorf("the next edition must be named like 2026.4 and come after %s, not %q", current, next)
	}
	dir := filepath.Join(root, "templates", "editions", current)
	if _, err := os.Stat(dir); err == nil {
		return nil, fmt.Errorf("%s exists: edition %s is frozen already", dir, current)
	}
	goFile := filepath.Join(root, "templates", "templates.go")
	src, err := os.ReadFile(goFile)
	if err != nil {
		return nil, err
	}
	if m := currentLine.FindAllSubmatch(src, -1); len(m) != 1 || string(m[0][1]) != current {
		return nil, fmt.Errorf("%s does not say const Current = %q on a line of its own", goFile, current)
	}
	sumsFile := filepath.Join(root, "templates", filepath.FromSlash(templates.Sums))
	sums, err := os.ReadFile(sumsFile)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	lines := strings.Split(strings.TrimSpace(string(sums)), "\n")
	files := map[string][]byte{}
	for _, name := range templates.Frozen {
		data, err := os.ReadFile(filepath.Join(root, "templates", name))
		if err != nil {
			return nil, err
		}
		files[name] = data
		sum := sha256.Sum256(data)
		lines = append(lines, hex.EncodeToString(sum[:])+"  "+current+"/"+name)
	}
	lines = slices.DeleteFunc(lines, func(l string) bool { return l == "" })
	slices.SortFunc(lines, func(a, b string) int { return strings.Compare(a[66:], b[66:]) })

	if err := os.Mkdir(dir, 0o755); err != nil {
		return nil, err
	}
	var touched []string
	rel := func(path string) string { r, _ := filepath.Rel(root, path); return filepath.ToSlash(r) }
	for _, name := range templates.Frozen {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return touched, err
		}
		touched = append(touched, rel(path))
	}
	if err := os.WriteFile(sumsFile, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		return touched, err
	}
	touched = append(touched, rel(sumsFile))
	src = currentLine.ReplaceAll(src, []byte(`const Current = "`+next+`"`))
	if err := os.WriteFile(goFile, src, 0o644); err != nil {
		return touched, err
	}
	return append(touched, rel(goFile)), nil
}
