package questionnaire

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkLoad reads and checks every sample questionnaire.
func BenchmarkLoad(b *testing.B) {
	files, _ := filepath.Glob("../../samples/*.yaml")
	if len(files) == 0 {
		b.Skip("no samples")
	}
	var data [][]byte
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		data = append(data, d)
	}
	b.ReportAllocs()
	for b.Loop() {
		for i, d := range data {
			if _, problems := Load(files[i], d, Options{}); problems.Err() != nil {
				b.Fatal(problems)
			}
		}
	}
}
