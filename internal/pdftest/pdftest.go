// Package pdftest reads back PDFs in tests: it validates them, counts
// their pages and extracts their text, page by page.
package pdftest

import (
	"bytes"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

var once sync.Once

// config returns a relaxed pdfcpu configuration that never reads or
// writes a configuration folder.
func config() *model.Configuration {
	once.Do(api.DisableConfigDir)
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	return conf
}

// Valid fails the test unless data is a valid PDF, and returns its
// number of pages.
func Valid(t testing.TB, data []byte) int {
	t.Helper()
	if err := api.Validate(bytes.NewReader(data), config()); err != nil {
		t.Fatalf("pdfcpu: invalid PDF: %v", err)
	}
	n, err := api.PageCount(bytes.NewReader(data), config())
	if err != nil {
		t.Fatalf("pdfcpu: page count: %v", err)
	}
	return n
}

// Text extracts the text of a PDF with pdftotext -layout, or skips the
// test with a message where poppler-utils is not installed.
func Text(t testing.TB, data []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed: apt-get install poppler-utils")
	}
	cmd := exec.Command(bin, "-layout", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// Pages extracts the text of each page, in order.
func Pages(t testing.TB, data []byte) []string {
	t.Helper()
	pages := strings.Split(Text(t, data), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}
