package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/pdftest"
	"github.com/partnership-tools/mou/internal/theme"
)

// TestSharedLogo: two partners with one logo file give one image, so
// qpdf --check finds no key twice in the page's resources.
func TestSharedLogo(t *testing.T) {
	doc := testDoc
	logo := sampleLogos(t)[0]
	doc.Logos = []layout.Logo{logo, {Name: "another/name.png", Data: logo.Data}}
	md := []byte("<!-- mou:title -->\n\n# Agreement\n\n<!-- mou:end-title -->\n\nText.\n")
	data := renderBytes(t, md, doc)
	pdftest.Check(t, data) // fails on qpdf's warnings too
	if n := bytes.Count(data, []byte("/Subtype /Image")); n != 1 {
		t.Errorf("%d images, want 1", n)
	}
}

// TestEmbeddedFonts: every embedded font is a subset named with its tag
// ("ABCDEF+name"), and fontTools reads every table of each, the
// character map mapping letters.
func TestEmbeddedFonts(t *testing.T) {
	const python = "/usr/bin/python3"
	if exec.Command(python, "-c", "import fontTools").Run() != nil {
		t.Skip("fontTools not installed: apt-get install python3-fonttools")
	}
	md, err := os.ReadFile("testdata/agreement.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, font := range []string{FontSans, FontSerif} {
		th, _ := theme.Parse("t.yaml", []byte("font: "+font+"\n"))
		fonts := pdftest.FontPrograms(t, renderThemed(t, th, md))
		if len(fonts) < 2 {
			t.Fatalf("%s: %d fonts embedded, want a regular and a bold face at least", font, len(fonts))
		}
		for name, program := range fonts {
			if !regexp.MustCompile(`^/[A-Z]{6}\+utf8`).MatchString(name) {
				t.Errorf("%s: %s has no subset tag", font, name)
			}
			path := filepath.Join(t.TempDir(), "font.ttf")
			os.WriteFile(path, program, 0o644)
			out, err := exec.Command(python, "-c", `import sys
from fontTools.ttLib import TTFont
f = TTFont(sys.argv[1])
for tag in f.keys():
    f[tag]
cmap = f.getBestCmap()
print("".join(sorted(chr(c) for c in cmap if chr(c).isalpha())))`, path).CombinedOutput()
			if err != nil {
				t.Errorf("%s: fontTools cannot read %s: %v\n%s", font, name, err, out)
				continue
			}
			if letters := strings.TrimSpace(string(out)); letters == "" {
				t.Errorf("%s: %s maps no letter", font, name)
			}
		}
	}
}

// TestHeaderAndMetadata: the header states the version the file uses
// (1.4: the catalogue's language entry and the XMP metadata), and the XMP
// metadata holds the title, parties, language and the document's dates,
// the same in every run.
func TestHeaderAndMetadata(t *testing.T) {
	doc := testDoc
	doc.Parties = []string{"Riverside & Hartwell <Academy>", "Ysgol Bro Ŵyn"}
	doc.Keywords = "memorandum of understanding"
	data := renderBytes(t, []byte("# Agreement\n\nText.\n"), doc)
	if !bytes.HasPrefix(data, []byte("%PDF-1.4\n")) {
		t.Errorf("header %q, want %%PDF-1.4", data[:9])
	}
	pdftest.Check(t, data)
	if again := renderBytes(t, []byte("# Agreement\n\nText.\n"), doc); !bytes.Equal(data, again) {
		t.Error("the same document gave different bytes")
	}
	pdfinfo, err := exec.LookPath("pdfinfo")
	if err != nil {
		t.Skip("pdfinfo not installed: apt-get install poppler-utils")
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	os.WriteFile(path, data, 0o644)
	meta, err := exec.Command(pdfinfo, "-meta", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Partnership: Test</rdf:li></rdf:Alt></dc:title>`,
		`<dc:creator><rdf:Seq><rdf:li>Riverside &amp; Hartwell &lt;Academy&gt;</rdf:li><rdf:li>Ysgol Bro Ŵyn</rdf:li></rdf:Seq></dc:creator>`,
		`<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>`,
		`<xmp:CreateDate>2026-09-01T00:00:00</xmp:CreateDate>`,
		`<xmp:ModifyDate>2026-09-01T00:00:00</xmp:ModifyDate>`,
		`<pdf:Keywords>memorandum of understanding</pdf:Keywords>`,
	} {
		if !strings.Contains(string(meta), want) {
			t.Errorf("the XMP metadata lacks %s:\n%s", want, meta)
		}
	}
}

func TestRenameFont(t *testing.T) {
	in := "/BaseFont /utf8go\n/BaseFont /utf8goB\n/FontName /utf8go /Flags"
	got := string(renameFont(renameFont([]byte(in), "/BaseFont /utf8go", "/BaseFont /AAAAAA+utf8go"), "/FontName /utf8go", "/FontName /AAAAAA+utf8go"))
	want := "/BaseFont /AAAAAA+utf8go\n/BaseFont /utf8goB\n/FontName /AAAAAA+utf8go /Flags"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestFixCmapRefusesOtherFonts: a font program not laid out as fpdf
// writes a subset, or cut short anywhere, is left alone, without a panic.
func TestFixCmapRefusesOtherFonts(t *testing.T) {
	doc := testDoc
	data := renderBytes(t, []byte("# Agreement\n\nText.\n"), doc)
	var program []byte
	for _, p := range pdftest.FontPrograms(t, data) {
		program = p
	}
	if _, ok := fixCmap(program); !ok {
		t.Fatal("a fixed subset is not recognised")
	}
	whole := faces[faceRegular].ttf // Go Regular as published: cmap subtables of other kinds
	if _, ok := fixCmap(whole); ok {
		t.Error("a whole font was taken for fpdf's subset")
	}
	for n := 0; n < len(program); n += 97 {
		fixCmap(program[:n])
	}
}

// TestImagesInAFixedOrder: logos of the same width, one with a soft mask,
// come out in the same order in every run (fpdf orders them by width and
// then as its map gives them), each still drawn where it belongs.
func TestImagesInAFixedOrder(t *testing.T) {
	logo := func(c color.NRGBA) []byte {
		img := image.NewNRGBA(image.Rect(0, 0, 100, 50))
		for i := range img.Pix {
			img.Pix[i] = []uint8{c.R, c.G, c.B, c.A}[i%4]
		}
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	doc := testDoc
	doc.Logos = []layout.Logo{
		{Name: "red.png", Data: logo(color.NRGBA{200, 0, 0, 255})},
		{Name: "blue.png", Data: logo(color.NRGBA{0, 0, 200, 128})}, // half transparent: a soft mask
		{Name: "green.png", Data: logo(color.NRGBA{0, 200, 0, 255})},
	}
	md := []byte("<!-- mou:title -->\n\n# Agreement\n\n<!-- mou:end-title -->\n\nText.\n")
	first := renderBytes(t, md, doc)
	pdftest.Check(t, first)
	for range 12 {
		if !bytes.Equal(renderBytes(t, md, doc), first) {
			t.Fatal("the same logos gave different bytes")
		}
	}
	if n := bytes.Count(first, []byte("/Subtype /Image")); n != 4 {
		t.Errorf("%d images, want three logos and a soft mask", n)
	}
}
