package doctest

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// read returns a page of the repository, such as "docs/life.md".
func read(t *testing.T, page string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, page))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestReadmeStartsWithSetUp checks that the README is short, opens with the
// two set-up commands (the main job on a bundled sample, then the tests),
// and that .ci/run runs both exactly as the README shows them.
func TestReadmeStartsWithSetUp(t *testing.T) {
	readme := read(t, "README.md")
	if n := strings.Count(readme, "\n"); n > 250 {
		t.Errorf("the README is %d lines; keep it to 250 and move the rest into docs/", n)
	}
	blocks, err := Blocks(readme)
	if err != nil {
		t.Fatal(err)
	}
	if len(blocks) == 0 {
		t.Fatal("the README has no commands")
	}
	first := blocks[0]
	if before := readme[:strings.Index(readme, "```sh")]; strings.Count(before, "\n") > 3 {
		t.Errorf("the set-up commands start after line 3:\n%s", before)
	}
	var commands []string
	for _, line := range strings.Split(first.Script, "\n") {
		command, _, _ := strings.Cut(line, "#")
		commands = append(commands, strings.TrimSpace(command))
	}
	want := []string{"go run ./cmd/mou generate samples/school-employer.yaml", "go test ./..."}
	if !slices.Equal(commands, want) {
		t.Errorf("the README's first commands are %q, want %q", commands, want)
	}
	ci := strings.Split(read(t, ".ci/run"), "\n")
	for i := range ci {
		ci[i] = strings.TrimSpace(ci[i])
	}
	for _, c := range commands {
		if !slices.Contains(ci, c) {
			t.Errorf(".ci/run has no line %q, as the README shows it", c)
		}
	}
}

// link matches a Markdown link or image, capturing its target.
var link = regexp.MustCompile(`\]\(([^)\s]+)\)`)

// TestLinksLeadSomewhere checks every link between the README and the
// docs pages: the file must exist, and a #section must be a heading of it.
func TestLinksLeadSomewhere(t *testing.T) {
	for _, page := range pages(t) {
		text := read(t, page)
		for _, m := range link.FindAllStringSubmatch(withoutCode(text), -1) {
			target := m[1]
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			file, anchor, _ := strings.Cut(target, "#")
			linked := page
			if file != "" {
				linked = filepath.ToSlash(filepath.Join(filepath.Dir(page), file))
				if _, err := os.Stat(filepath.Join(root, linked)); err != nil {
					t.Errorf("%s: the link to %s leads nowhere", page, target)
					continue
				}
			}
			if anchor != "" && !slices.Contains(anchors(read(t, linked)), anchor) {
				t.Errorf("%s: the link to %s: %s has no heading #%s", page, target, linked, anchor)
			}
		}
	}
}

// TestEveryPageHasContents checks that each docs page opens with a list of
// links to its own sections, after its title and a short introduction.
func TestEveryPageHasContents(t *testing.T) {
	for _, page := range pages(t)[1:] {
		text := read(t, page)
		top, _, found := strings.Cut(text, "\n## ")
		if !found {
			t.Errorf("%s has no sections", page)
			continue
		}
		own := anchors(text)
		listed := 0
		for _, m := range link.FindAllStringSubmatch(top, -1) {
			if strings.HasPrefix(m[1], "#") && slices.Contains(own, m[1][1:]) {
				listed++
			}
		}
		if sections := strings.Count(text, "\n## "); listed < sections {
			t.Errorf("%s: the contents at the top link to %d of its %d sections", page, listed, sections)
		}
	}
}

// anchors lists the ids GitHub gives the headings of a page: lower case,
// punctuation other than - and _ dropped, spaces made hyphens.
func anchors(page string) []string {
	var ids []string
	for _, line := range strings.Split(withoutCode(page), "\n") {
		if !strings.HasPrefix(line, "#") {
			continue
		}
		heading := strings.TrimSpace(strings.TrimLeft(line, "#"))
		var id strings.Builder
		for _, r := range strings.ToLower(heading) {
			switch {
			case r == ' ':
				id.WriteRune('-')
			case r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && r != '’' && r != '–' && r != '—':
				id.WriteRune(r)
			}
		}
		ids = append(ids, id.String())
	}
	return ids
}

// withoutCode is page with its fenced code blocks blanked out, so that a
// # comment in a block is not taken for a heading, nor a ](…) for a link.
func withoutCode(page string) string {
	lines := strings.Split(page, "\n")
	var fence string
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		switch {
		case fence == "":
			if f, _, ok := opening(trimmed); ok {
				fence, lines[i] = f, ""
			}
		default:
			if closing(trimmed, fence) {
				fence = ""
			}
			lines[i] = ""
		}
	}
	return strings.Join(lines, "\n")
}
