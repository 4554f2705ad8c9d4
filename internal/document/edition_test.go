package document_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/templates"
)

// TestReleasedEditionsAreFrozen fails when a file of a released edition
// changes: a signed partnership's text must never move. A new wording is
// a new edition, at the top level of templates. An edition freezes the
// wording (the memorandum and the code of practice); the partials (title
// page, contacts table, signature block) and the notices are shared by
// every edition, and the first edition's goldens hold their output.
func TestReleasedEditionsAreFrozen(t *testing.T) {
	frozen := map[string]string{
		"2026.1/code-of-practice.md.tmpl": "acdfb53b77e6bbddef019bd8caa4b6b03485beac6f92d80170f9290740ac880d",
		"2026.1/mou.md.tmpl":              "e4bea9ba03e761c87d299b564a0eed578c107c541acedc772906f5d8ace29034",
	}
	for name, want := range frozen {
		data, err := fs.ReadFile(templates.FS, "editions/"+name)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if got := hex.EncodeToString(sum[:]); got != want {
			t.Errorf("editions/%s has SHA-256 %s, want %s: a released edition must not change", name, got, want)
		}
	}
	for _, e := range templates.Editions[:len(templates.Editions)-1] {
		names, _ := fs.Glob(templates.FS, "editions/"+e+"/*")
		if len(names) == 0 {
			t.Errorf("edition %s has no folder of its own", e)
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

// TestEditionsMatchQuestionnaire: the editions a questionnaire may name
// are the ones the binary holds.
func TestEditionsMatchQuestionnaire(t *testing.T) {
	f, _ := reflect.TypeOf(questionnaire.Wording{}).FieldByName("Edition")
	if got := strings.Split(f.Tag.Get("enum"), ","); !slices.Equal(got, templates.Editions) {
		t.Errorf("questionnaire allows editions %v; the templates hold %v", got, templates.Editions)
	}
}

// TestOverlayAppliesToEachEdition: a user's template replaces the file of
// that name in whichever edition a questionnaire names, and the wording
// recorded says the text is custom.
func TestOverlayAppliesToEachEdition(t *testing.T) {
	dir := t.TempDir()
	// The overlay is written from the first edition's file and is used
	// for every edition.
	mou, err := fs.ReadFile(templates.ForEdition(templates.FS, templates.Unstated), "mou.md.tmpl")
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
