package pdf

import (
	"github.com/partnership-tools/mou/internal/layout"

	"bytes"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/partnership-tools/mou/internal/pdftest"
)

// validPDF fails the test unless data is a valid PDF, and returns its
// number of pages.
func validPDF(t testing.TB, data []byte) int { t.Helper(); return pdftest.Valid(t, data) }

// renderBytes renders md with the default theme.
func renderBytes(t testing.TB, md []byte, doc testDocument) []byte {
	t.Helper()
	r, err := New(DefaultTheme(), doc.ESign)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.Render(&buf, parseOwned(md, doc.Owners), doc.Document); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return buf.Bytes()
}

// pdfText extracts the text of a PDF with pdftotext -layout.
func pdfText(t *testing.T, data []byte) string { t.Helper(); return pdftest.Text(t, data) }

func TestRenderAgreement(t *testing.T) {
	md, err := os.ReadFile("testdata/agreement.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := testDoc
	doc.Partnership = "Bro Ŵyn Learning Partnership"
	doc.Logos = sampleLogos(t)
	data := renderBytes(t, md, doc)
	if n := validPDF(t, data); n != 5 {
		t.Errorf("%d pages, want 5", n)
	}
	for _, want := range [][]byte{[]byte("/Lang (en-GB)"), []byte("/Outlines"), []byte("/URI (https://www.gov.uk/")} {
		if !bytes.Contains(data, want) {
			t.Errorf("PDF lacks %s", want)
		}
	}
	text := pdfText(t, data)
	for _, want := range []string{
		"St Mary's <b>#1</b> | *Stars*",
		"Ysgol Gymraeg Bro Ŵyn",
		"€1,500",
		"“the MOU”",
		"partners – each",
		"pupils in Key Stages 2 and 3",
		"sees a next step”",
		"Page 2 of 5",
		"Page 5 of 5",
		"Agreement ref. TEST-0001",
		"Raise reading ages",
		"Signed:",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("extracted text lacks %q", want)
		}
	}
	if strings.Contains(text, "Page 1 of") {
		t.Error("the title page has a footer")
	}
}

func TestRenderDeterministic(t *testing.T) {
	md, err := os.ReadFile("testdata/agreement.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := testDoc
	doc.Logos = sampleLogos(t)
	a := renderBytes(t, md, doc)
	b := renderBytes(t, md, doc)
	if !bytes.Equal(a, b) {
		t.Fatal("two renderings of the same input differ")
	}
	doc.Date = doc.Date.AddDate(0, 0, 1)
	if c := renderBytes(t, md, doc); bytes.Equal(a, c) {
		t.Error("the date does not reach the PDF")
	}
}

func TestRenderConcurrent(t *testing.T) {
	r, err := New(DefaultTheme(), "")
	if err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile("testdata/agreement.md")
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := r.Render(&want, parse(md), testDoc.Document); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var got bytes.Buffer
			if err := r.Render(&got, parse(md), testDoc.Document); err != nil {
				errs <- err
				return
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				errs <- errors.New("concurrent rendering differs")
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestRenderLetter(t *testing.T) {
	theme := DefaultTheme()
	theme.Paper = "Letter"
	r, err := New(theme, "")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.Render(&buf, parse([]byte("# Letter\n\nText.\n")), testDoc.Document); err != nil {
		t.Fatal(err)
	}
	validPDF(t, buf.Bytes())
	if !bytes.Contains(buf.Bytes(), []byte("/MediaBox [0 0 612.00 792.00]")) {
		t.Error("not US Letter")
	}
}

func TestNewRejectsBadTheme(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Theme)
	}{
		{"paper", func(t *Theme) { t.Paper = "A3" }},
		{"margin", func(t *Theme) { t.MarginLeft = 0 }},
		{"body size", func(t *Theme) { t.BodySize = 0 }},
		{"line height", func(t *Theme) { t.LineHeight = 0 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			theme := DefaultTheme()
			tc.change(&theme)
			if _, err := New(theme, ""); err == nil {
				t.Error("New accepted a bad theme")
			}
		})
	}
}

func TestRenderRejectsBadLogo(t *testing.T) {
	r, err := New(DefaultTheme(), "")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"gif", []byte("GIF89a..."), "not a PNG or JPEG"},
		{"truncated png", []byte("\x89PNG\r\n\x1a\n\x00\x00"), "logo \"truncated png\""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := testDoc
			doc.Logos = []layout.Logo{{Name: tc.name, Data: tc.data}}
			var buf bytes.Buffer
			err := r.Render(&buf, parse([]byte("Text.\n")), doc.Document)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
			if buf.Len() != 0 {
				t.Error("wrote output despite the error")
			}
		})
	}
}

func TestRenderEmpty(t *testing.T) {
	data := renderBytes(t, nil, testDocument{})
	if n := validPDF(t, data); n != 1 {
		t.Errorf("%d pages, want 1", n)
	}
}
