package document_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/templates"
)

// TestReleasedEditionsAreFrozen fails when a file of a released edition
// changes, in any language: a signed partnership's text must never move.
// A new wording is made in the open edition, at the top level of
// templates (and of each language's folder), and frozen by "go run
// ./internal/freeze", which copies the files of templates.Frozen into
// editions/NAME and writes their SHA-256 into templates.Sums, which this
// test reads: every frozen edition holds every frozen file, and every one
// matches its sum.
func TestReleasedEditionsAreFrozen(t *testing.T) {
	for _, tag := range templates.Languages() {
		root, _ := templates.Root(tag)
		frozen := slices.DeleteFunc(slices.Clone(templates.LanguageEditions(tag)), func(e string) bool { return e == templates.Current })
		if tag == templates.Default && (len(frozen) == 0 || frozen[0] != templates.Unstated) {
			t.Fatalf("frozen editions %v; the first must be %s", frozen, templates.Unstated)
		}
		t.Run(tag, func(t *testing.T) { checkFrozen(t, root, frozen) })
	}
}

// checkFrozen checks the frozen editions of one language's templates.
func checkFrozen(t *testing.T, root fs.FS, frozen []string) {
	data, err := fs.ReadFile(root, templates.Sums)
	if err != nil && len(frozen) > 0 {
		t.Fatal(err)
	}
	sums := map[string]string{}
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if len(data) == 0 {
			break // a language with no frozen edition yet
		}
		sum, name, ok := strings.Cut(line, "  ")
		if !ok || len(sum) != 64 {
			t.Fatalf("%s: %q is not a line as sha256sum writes them", templates.Sums, line)
		}
		sums[name] = sum
	}
	for _, e := range frozen {
		held, _ := fs.Glob(root, "editions/"+e+"/*")
		var want []string
		for _, f := range templates.Frozen {
			want = append(want, "editions/"+e+"/"+f)
		}
		if !slices.Equal(held, want) {
			t.Errorf("edition %s holds %v, want exactly %v", e, held, want)
		}
		for _, f := range templates.Frozen {
			name := e + "/" + f
			data, err := fs.ReadFile(root, "editions/"+name)
			if err != nil {
				t.Error(err)
				continue
			}
			sum := sha256.Sum256(data)
			if got := hex.EncodeToString(sum[:]); got != sums[name] {
				t.Errorf("editions/%s has SHA-256 %s, and %s says %q: a released edition must not change", name, got, templates.Sums, sums[name])
			}
			delete(sums, name)
		}
	}
	for name := range sums {
		t.Errorf("%s lists %s, which is not a frozen file", templates.Sums, name)
	}
}

// TestFrozenEditionsStandAlone: nothing outside a frozen edition's own
// folder changes its memorandum or code of practice. Each is written
// again from the edition's files alone, with the shared files (the
// notices, the joining agreement and the rest) replaced by empty ones,
// for every sample on that edition and every sample on the first edition
// moved to it. A change to a shared file that reached a signed text
// would fail here.
func TestFrozenEditionsStandAlone(t *testing.T) {
	tmpl := parse(t)
	shared, err := fs.Glob(templates.FS, "*.md.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	samples, _ := filepath.Glob("../../samples/*.yaml")
	for _, e := range templates.Editions[:len(templates.Editions)-1] {
		alone := fstest.MapFS{}
		for _, name := range shared {
			alone[name] = &fstest.MapFile{} // defines nothing
		}
		for _, name := range templates.Frozen {
			data, err := fs.ReadFile(templates.FS, "editions/"+e+"/"+name)
			if err != nil {
				t.Fatal(err)
			}
			alone[name] = &fstest.MapFile{Data: data}
		}
		own, err := document.ParseTemplates(alone)
		if err != nil {
			t.Fatalf("edition %s on its own: %v", e, err)
		}
		tried := 0
		for _, path := range samples {
			q := load(t, path)
			if q.Wording.Edition != e && !q.FirstEdition() {
				continue
			}
			q.Wording.Edition = e
			for _, kind := range document.KindsFor(q) {
				want, err := tmpl.Markdown(q, kind, "REF")
				if err != nil {
					t.Fatal(err)
				}
				got, err := own.Markdown(q, kind, "REF")
				if err != nil {
					t.Fatalf("%s, %s, edition %s on its own: %v", filepath.Base(path), kind.Name, e, err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s, %s: edition %s reads differently without the shared files, so a change to them would change its signed text", filepath.Base(path), kind.Name, e)
				}
				tried++
			}
		}
		if tried == 0 {
			t.Errorf("edition %s: no sample to try", e)
		}
	}
}

// TestUpgradingKeepsSignedText: upgrading the built-in wording leaves an
// existing partnership's reference unchanged. The samples name no
// edition, as every file signed before editions did; they must keep the
// references they were signed with, and render as the first edition.
func TestUpgradingKeepsSignedText(t *testing.T) {
	signed := map[string]string{
		"hub-and-spoke.yaml":     "XA6T-VGA0",
		"independent-state.yaml": "GRFP-QTB1",
		"school-employer.yaml":   "BH7A-3R8E",
		"university-school.yaml": "852V-HT1X",
	}
	tmpl := parse(t)
	for name, want := range signed {
		path := filepath.Join("..", "..", "samples", name)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(data, []byte("\nwording:")) {
			t.Fatalf("%s names an edition; this test needs a file that names none", name)
		}
		q := load(t, path)
		a, err := tmpl.Agreement(q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Reference != want {
			t.Errorf("%s: Agreement ref. %s, want %s as signed", name, a.Reference, want)
		}
		if got := tmpl.Wording(q); got != templates.Unstated {
			t.Errorf("%s: wording %q, want %q", name, got, templates.Unstated)
		}
		// Naming the first edition outright changes nothing.
		named := *q
		named.Wording.Edition = templates.Unstated
		for _, kind := range document.Kinds {
			a, _ := tmpl.Markdown(q, kind, "")
			b, _ := tmpl.Markdown(&named, kind, "")
			if !bytes.Equal(a, b) {
				t.Errorf("%s %s: naming edition %s changes the text", name, kind.Name, templates.Unstated)
			}
		}
		// The current edition is what "mou wording upgrade" moves to.
		named.Wording.Edition = templates.Current
		if got := tmpl.Wording(&named); got != templates.Current {
			t.Errorf("%s: wording %q, want %q", name, got, templates.Current)
		}
	}
}

// TestQuestionnaireTakesEveryEdition: a questionnaire may name any
// edition in templates.Editions, the one list, and no other.
func TestQuestionnaireTakesEveryEdition(t *testing.T) {
	data, err := os.ReadFile("../../samples/school-employer.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range append(slices.Clone(templates.Editions), "2025.9") {
		src := string(data) + "\nwording:\n  edition: \"" + e + "\"\n"
		q, problems := questionnaire.Load("f.yaml", []byte(src), questionnaire.Options{ClauseIDs: document.ClauseIDs})
		if templates.IsEdition(e) {
			if err := problems.Err(); err != nil || q.Wording.Edition != e {
				t.Errorf("edition %s: %v", e, err)
			}
			continue
		}
		if want := "is not one of: " + strings.Join(templates.Editions, ", "); !strings.Contains(fmt.Sprint(problems.Err()), want) {
			t.Errorf("edition %s: %v, want a problem saying %q", e, problems.Err(), want)
		}
	}
}

// TestOverlayAppliesToEachEdition: a user's template replaces the file of
// that name in whichever edition a questionnaire names, and the wording
// recorded says the text is custom.
func TestOverlayAppliesToEachEdition(t *testing.T) {
	dir := t.TempDir()
	// The overlay is written from the first edition's file and is used
	// for every edition.
	mou, err := fs.ReadFile(templates.ForEdition(templates.FS, templates.Unstated, templates.Default), "mou.md.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	mou = bytes.Replace(mou, []byte(`{{.Section "Mission"}}`), []byte(`{{.Section "Our mission"}}`), 1)
	if err := os.WriteFile(filepath.Join(dir, "mou.md.tmpl"), mou, 0o644); err != nil {
		t.Fatal(err)
	}
	tmpl, err := document.ParseTemplates(templates.Overlay{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	q := load(t, "../../samples/school-employer.yaml")
	for _, e := range templates.Editions {
		c := *q
		c.Wording.Edition = e
		md, err := tmpl.Markdown(&c, document.MOU, "")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(md, []byte(". Our mission\n")) {
			t.Errorf("edition %s: the overlay's mou.md.tmpl was not used", e)
		}
		if w := tmpl.Wording(&c); !strings.HasPrefix(w, e+"+custom.") {
			t.Errorf("edition %s: wording %q, want %s+custom.…", e, w, e)
		}
		// The code of practice is not overlaid: it stays built-in.
		cop, _ := tmpl.Markdown(&c, document.CodeOfPractice, "")
		want, _ := parse(t).Markdown(&c, document.CodeOfPractice, "")
		if !bytes.Equal(cop, want) {
			t.Errorf("edition %s: the code of practice changed though it is not overlaid", e)
		}
	}
}
