package pdf

import (
	"io"
	"os"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// BenchmarkRender renders the sample agreement, five pages with a title
// page, two logos, tables, lists and three signature blocks.
func BenchmarkRender(b *testing.B) {
	md, err := os.ReadFile("testdata/agreement.md")
	if err != nil {
		b.Fatal(err)
	}
	r, err := New(DefaultTheme(), "")
	if err != nil {
		b.Fatal(err)
	}
	doc := testDoc
	doc.Logos = sampleLogos(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := r.Render(io.Discard, parse(md), doc.Document); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLayout lays out the sample agreement without drawing a PDF.
func BenchmarkLayout(b *testing.B) {
	md, err := os.ReadFile("testdata/agreement.md")
	if err != nil {
		b.Fatal(err)
	}
	r, err := New(DefaultTheme(), "")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := r.draw(&recorder{}, parse(md), testDoc.Document); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFontLoad measures what registering one face costs each document:
// fpdf parses the font afresh for every document.
func BenchmarkFontLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		p := fpdf.New("P", "mm", "A4", "")
		p.AddUTF8FontFromBytes(faces[faceRegular].family, "", faces[faceRegular].ttf)
		if err := p.Error(); err != nil {
			b.Fatal(err)
		}
	}
}
