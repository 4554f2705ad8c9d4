package app_test

import "testing"

// BenchmarkGenerateDOCX is BenchmarkGenerate with Word files in place of
// PDFs, to compare the two on the same sample.
func BenchmarkGenerateDOCX(b *testing.B) {
	g := newGenerator(b)
	q := loadSample(b, benchSample)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := g.Generate("", q, []string{"md", "docx"}, nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}
