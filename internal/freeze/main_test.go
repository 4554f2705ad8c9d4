package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/templates"
)

// copyTemplates copies the repository's templates folder into a new
// root, to freeze there.
func copyTemplates(t *testing.T) string {
	root := t.TempDir()
	src := filepath.Join("..", "..", "templates")
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		dst := filepath.Join(root, "templates", rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// TestFreeze freezes the open edition in a copy of the templates: its
// folder holds the frozen files as they are, their sums are added to
// the rest, and the next edition is named as the current one.
func TestFreeze(t *testing.T) {
	root := copyTemplates(t)
	cur := templates.Current
	next := nextEdition(cur)
	// A dry run writes nothing.
	unfrozen := snapshot(t, root)
	if err := run(root, cur, next, true); err != nil {
		t.Fatal(err)
	}
	if after := snapshot(t, root); after != unfrozen {
		t.Error("a dry run changed the templates")
	}
	writes, err := plan(root, cur, next)
	if err != nil {
		t.Fatal(err)
	}
	roots, err := languageRoots(root)
	if err != nil {
		t.Fatal(err)
	}
	if want := len(roots)*(len(templates.Frozen)+1) + 1; len(writes) != want {
		t.Errorf("would write %d files, want %d: the %d frozen files and the sums of each of %v, and templates.go", len(writes), want, len(templates.Frozen), roots)
	}
	if err := apply(root, writes); err != nil {
		t.Fatal(err)
	}
	sums, err := os.ReadFile(filepath.Join(root, "templates", templates.Sums))
	if err != nil {
		t.Fatal(err)
	}
	before, _ := fs.ReadFile(templates.FS, templates.Sums)
	for _, line := range strings.Split(string(before), "\n") {
		if !bytes.Contains(sums, []byte(line)) {
			t.Errorf("the sums lost %q", line)
		}
	}
	for _, name := range templates.Frozen {
		open, _ := os.ReadFile(filepath.Join(root, "templates", name))
		frozen, err := os.ReadFile(filepath.Join(root, "templates", "editions", cur, name))
		if err != nil || !bytes.Equal(open, frozen) {
			t.Errorf("editions/%s/%s is not a copy of %s: %v", cur, name, name, err)
		}
		sum := sha256.Sum256(frozen)
		if line := hex.EncodeToString(sum[:]) + "  " + cur + "/" + name + "\n"; !bytes.Contains(sums, []byte(line)) {
			t.Errorf("the sums lack %q", line)
		}
	}
	src, _ := os.ReadFile(filepath.Join(root, "templates", "templates.go"))
	if !bytes.Contains(src, []byte("\nconst Current = \""+next+"\"\n")) {
		t.Errorf("templates.go does not name %s as current", next)
	}

	// Freezing the same edition again, or opening one out of order,
	// is refused.
	again := copyTemplates(t)
	os.Mkdir(filepath.Join(again, "templates", "editions", cur), 0o755)
	for _, tc := range []struct{ root, next string }{{root, nextEdition(next)}, {again, next}, {copyTemplates(t), cur}, {copyTemplates(t), "next"}} {
		if _, err := plan(tc.root, cur, tc.next); err == nil {
			t.Errorf("freezing %s again, opening %q: no error", cur, tc.next)
		}
	}
}

// snapshot lists the files under root/templates with their sizes and
// sums, to tell whether anything changed.
func snapshot(t *testing.T, root string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(filepath.Join(root, "templates"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		sum := sha256.Sum256(data)
		b.WriteString(path + " " + hex.EncodeToString(sum[:]) + "\n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestFreezeLanguages: freezing an edition freezes it in every language
// translated to it, each in its own folder with its own sums, and passes
// over a language whose translation stopped at an earlier edition.
func TestFreezeLanguages(t *testing.T) {
	root := copyTemplates(t)
	cur := templates.Current
	lang := func(tag string) string { return filepath.Join(root, "templates", "languages", tag) }
	translated := lang("xx-OPEN")
	if err := os.MkdirAll(translated, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range templates.Frozen {
		if err := os.WriteFile(filepath.Join(translated, name), []byte("translated "+name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	behind := filepath.Join(lang("xx-OLD"), "editions", "2026.2")
	if err := os.MkdirAll(behind, 0o755); err != nil {
		t.Fatal(err)
	}
	before, err := plan(copyTemplates(t), cur, nextEdition(cur))
	if err != nil {
		t.Fatal(err)
	}
	writes, err := plan(root, cur, nextEdition(cur))
	if err != nil {
		t.Fatal(err)
	}
	if want := len(before) + len(templates.Frozen) + 1; len(writes) != want {
		t.Errorf("would write %d files, want %d: those without the two languages and the frozen files and sums of xx-OPEN", len(writes), want)
	}
	if err := apply(root, writes); err != nil {
		t.Fatal(err)
	}
	sums, err := os.ReadFile(filepath.Join(translated, "editions", "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range templates.Frozen {
		frozen, err := os.ReadFile(filepath.Join(translated, "editions", cur, name))
		if err != nil || string(frozen) != "translated "+name {
			t.Errorf("xx-OPEN's %s of edition %s is %q, %v", name, cur, frozen, err)
		}
		sum := sha256.Sum256(frozen)
		if line := hex.EncodeToString(sum[:]) + "  " + cur + "/" + name + "\n"; !bytes.Contains(sums, []byte(line)) {
			t.Errorf("xx-OPEN's sums lack %q", line)
		}
	}
	if _, err := os.Stat(filepath.Join(lang("xx-OLD"), "editions", cur)); err == nil {
		t.Errorf("xx-OLD, which has no files of edition %s, was frozen at it", cur)
	}
}
