package app_test

import (
	"io"
	"os"
	"testing"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/floor"
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

// BenchmarkBareFPDF is the yardstick for BenchmarkPDF: floor.Draw, a
// bare fpdf program that lays out the same words in the same fonts, with
// no Markdown parsing, no tables and no layout of our own.
func BenchmarkBareFPDF(b *testing.B) {
	t, err := document.ParseTemplates(templates.FS)
	if err != nil {
		b.Fatal(err)
	}
	q := loadSample(b, benchSample)
	var texts [][]byte
	for _, kind := range document.Kinds {
		md, err := t.Markdown(q, kind, "")
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, md)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, md := range texts {
			if err := floor.Draw(io.Discard, md); err != nil {
				b.Fatal(err)
			}
		}
	}
}
