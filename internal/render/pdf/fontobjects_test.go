package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/pdftest"
	"github.com/partnership-tools/mou/internal/theme"
)

// fontsMarkdown uses every face of a theme with characters from across
// the fonts: accents, Welsh, quotation marks, dashes, a pound sign.
const fontsMarkdown = "# Ysgol Gymraeg Aberdâr — ŵ ŷ\n\n" +
	"Café, naïve, “quoted” and ‘quoted’ – £1,250 … ½ Œuvre ﬁne ß.\n\n" +
	"**Bold Ŵ Ŷ – “strong” £20**, *italic é ü*, ***both ñ***, and `mono {x}`.\n\n" +
	"| Partner | Lead |\n| --- | --- |\n| Ysgol Bro Ŵyr | Siân Ŷ |\n"

// fontsDocument returns a renderer in the font family named and
// fontsMarkdown parsed.
func fontsDocument(t *testing.T, font string) (*Renderer, *layout.Tree) {
	t.Helper()
	th, err := theme.Parse("t.yaml", []byte("font: "+font+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(th, "")
	if err != nil {
		t.Fatal(err)
	}
	return r, parse([]byte(fontsMarkdown))
}

// TestOwnFontsUsed: the fonts of a drawn PDF are written by ownFonts, not
// by fpdf, for every face of both families: the objects fpdf would write
// are there, and no placeholder is left. If this fails, fpdf keeps its
// fonts otherwise now, and every PDF is slower again (fontobjects.go).
func TestOwnFontsUsed(t *testing.T) {
	for _, font := range []string{FontSans, FontSerif} {
		r, tree := fontsDocument(t, font)
		c := newFPDFCanvas(r.paper, testDoc.Document)
		c.faces = r.m.faces
		if err := r.draw(c, tree, testDoc.Document); err != nil {
			t.Fatal(err)
		}
		if own := ownFonts(c.pdf); len(own) < 4 {
			t.Fatalf("%s: ownFonts took %d fonts, want the four faces and mono", font, len(own))
		}
		data, err := r.pdf(tree, testDoc.Document, false)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"/Subtype /Type0", "/Subtype /CIDFontType2", "/CIDToGIDMap ", "/FontFile2 ", "/ToUnicode "} {
			if !bytes.Contains(data, []byte(want)) {
				t.Errorf("%s: no %q in the PDF", font, want)
			}
		}
		if bytes.Contains(data, []byte("mou-font-")) || bytes.Contains(data, []byte("/Type1")) {
			t.Errorf("%s: a placeholder font is left in the PDF", font)
		}
		pdftest.Check(t, data)
	}
}

// TestOwnFontsDrawAsFpdfDid: a PDF whose fonts ownFonts wrote reads and
// looks the same as one whose fonts fpdf wrote: the same text extracted,
// the same fonts listed, and the same pixels on every page.
func TestOwnFontsDrawAsFpdfDid(t *testing.T) {
	for _, tool := range []string{"pdftotext", "pdffonts", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed: apt-get install poppler-utils", tool)
		}
	}
	for _, font := range []string{FontSans, FontSerif} {
		r, tree := fontsDocument(t, font)
		own, err := r.pdf(tree, testDoc.Document, false)
		if err != nil {
			t.Fatal(err)
		}
		theirs, err := r.pdf(tree, testDoc.Document, true)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Equal(own, theirs) {
			t.Fatalf("%s: the two PDFs are the same bytes: ownFonts was not used", font)
		}
		dir := t.TempDir()
		for name, data := range map[string][]byte{"own.pdf": own, "fpdf.pdf": theirs} {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		run := func(args ...string) string {
			out, err := exec.Command(args[0], args[1:]...).Output()
			if err != nil {
				t.Fatalf("%v: %v", args, err)
			}
			return string(out)
		}
		for _, tool := range [][]string{{"pdftotext", "-layout", "FILE", "-"}, {"pdffonts", "FILE"}} {
			read := func(name string) string {
				args := slices.Clone(tool)
				args[slices.Index(args, "FILE")] = filepath.Join(dir, name)
				out := run(args...)
				if tool[0] == "pdffonts" {
					out = withoutObjectNumbers(out)
				}
				return out
			}
			if a, b := read("own.pdf"), read("fpdf.pdf"); a != b {
				t.Errorf("%s: %s differs:\nown fonts:\n%s\nfpdf's:\n%s", font, tool[0], a, b)
			}
		}
		run("pdftoppm", "-r", "50", "-png", filepath.Join(dir, "own.pdf"), filepath.Join(dir, "own"))
		run("pdftoppm", "-r", "50", "-png", filepath.Join(dir, "fpdf.pdf"), filepath.Join(dir, "fpdf"))
		pages, _ := filepath.Glob(filepath.Join(dir, "own-*.png"))
		if len(pages) == 0 {
			t.Fatal("pdftoppm drew no page")
		}
		for _, p := range pages {
			a, _ := os.ReadFile(p)
			b, err := os.ReadFile(filepath.Join(dir, "fpdf"+filepath.Base(p)[len("own"):]))
			if err != nil || !bytes.Equal(a, b) {
				t.Errorf("%s: page %s looks different (%v)", font, filepath.Base(p), err)
			}
		}
	}
}

// withoutObjectNumbers drops from pdffonts' lines the font's object
// number and generation, and the subset tag, drawn from the font
// program's bytes.
func withoutObjectNumbers(s string) string {
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		f := strings.Fields(line)
		if len(f) > 2 {
			f = f[:len(f)-2]
		}
		if len(f) > 0 && strings.IndexByte(f[0], '+') == 6 {
			f[0] = f[0][6:]
		}
		lines[i] = strings.Join(f, " ")
	}
	return strings.Join(lines, "\n")
}
