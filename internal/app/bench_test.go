package app_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/render/pdf"
	"github.com/partnership-tools/mou/templates"
)

const benchSample = "../../samples/school-employer.yaml"

// BenchmarkGenerate is the whole job for one questionnaire: the MOU and
// the code of practice, as Markdown and PDF.
func BenchmarkGenerate(b *testing.B) {
	g := newGenerator(b)
	q := loadSample(b, benchSample)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := g.Generate("", q, []string{"md", "pdf"}, nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkValidate reads and checks one questionnaire.
func BenchmarkValidate(b *testing.B) {
	data, err := os.ReadFile(benchSample)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, problems := questionnaire.Load(benchSample, data, questionnaire.Options{Unprintable: pdf.Unprintable}); problems.Err() != nil {
			b.Fatal(problems)
		}
	}
}

// BenchmarkMarkdown writes both documents' Markdown, with the agreement
// reference.
func BenchmarkMarkdown(b *testing.B) {
	t, err := document.ParseTemplates(templates.FS)
	if err != nil {
		b.Fatal(err)
	}
	q := loadSample(b, benchSample)
	b.ReportAllocs()
	for b.Loop() {
		a, err := t.Agreement(q)
		if err != nil {
			b.Fatal(err)
		}
		for _, kind := range document.Kinds {
			if _, err := t.Markdown(q, kind, a.Reference); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkPDF draws both documents' PDFs from their Markdown.
func BenchmarkPDF(b *testing.B) {
	g := newGenerator(b)
	q := loadSample(b, benchSample)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := g.Generate("", q, []string{"pdf"}, nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBareFPDF is the yardstick for BenchmarkPDF: a bare fpdf
// program that lays out the same words in the same fonts, with no
// Markdown parsing, no tables and no layout of our own: each line of the
// two documents' Markdown is drawn as a paragraph with MultiCell, and
// headings in bold.
func BenchmarkBareFPDF(b *testing.B) {
	t, err := document.ParseTemplates(templates.FS)
	if err != nil {
		b.Fatal(err)
	}
	q := loadSample(b, benchSample)
	var texts [][]string
	for _, kind := range document.Kinds {
		md, err := t.Markdown(q, kind, "")
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, strings.Split(string(md), "\n"))
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, lines := range texts {
			if err := bareFPDF(lines); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func bareFPDF(lines []string) error {
	p := fpdf.New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes("go", "", goregular.TTF)
	p.AddUTF8FontFromBytes("go", "B", gobold.TTF)
	p.AliasNbPages("{nb}")
	p.SetFooterFunc(func() {
		p.SetY(-15)
		p.SetFont("go", "", 8)
		p.CellFormat(0, 10, fmt.Sprintf("Page %d of {nb}", p.PageNo()), "", 0, "C", false, 0, "")
	})
	p.AddPage()
	for _, line := range lines {
		switch {
		case strings.HasPrefix(line, "#"):
			p.SetFont("go", "B", 14)
			p.MultiCell(0, 7, strings.TrimLeft(line, "# "), "", "L", false)
		case line != "":
			p.SetFont("go", "", 10.5)
			p.MultiCell(0, 5, line, "", "L", false)
		}
	}
	var buf bytes.Buffer
	return p.Output(&buf)
}
