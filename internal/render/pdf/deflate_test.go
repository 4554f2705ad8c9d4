package pdf

import (
	"bytes"
	"os"
	"runtime"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// TestDeflateStreams checks the compression pass on a real document: the
// result is valid, smaller, every plain stream is compressed, and the
// text reads the same as the plain PDF's.
func TestDeflateStreams(t *testing.T) {
	plain := plainAgreement(t)
	packed, err := deflateStreams(plain.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if validPDF(t, packed) != validPDF(t, plain.Bytes()) {
		t.Error("page counts differ")
	}
	if len(packed) >= plain.Len() {
		t.Errorf("%d bytes from %d: not compressed", len(packed), plain.Len())
	}
	if n, f := bytes.Count(packed, []byte("endstream")), bytes.Count(packed, []byte("/Filter")); n != f {
		t.Errorf("%d streams but %d filters", n, f)
	}
	if pdfText(t, packed) != pdfText(t, plain.Bytes()) {
		t.Error("the text changed")
	}
}

// TestDeflateInParallel: a PDF large enough for two goroutines to
// compress its streams comes out as one goroutine compresses it.
func TestDeflateInParallel(t *testing.T) {
	plain := plainAgreement(t)
	if plain.Len() < 2*parallelDeflate {
		t.Fatalf("the sample, %d bytes, is too small to be compressed on two goroutines", plain.Len())
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	two, err := deflateStreams(plain.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	runtime.GOMAXPROCS(1)
	one, err := deflateStreams(plain.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(two, one) {
		t.Error("two goroutines compressed the streams otherwise than one")
	}
}

// plainAgreement is the sample agreement as fpdf writes it, its streams
// uncompressed.
func plainAgreement(t *testing.T) *bytes.Buffer {
	t.Helper()
	md, err := os.ReadFile("testdata/agreement.md")
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(DefaultTheme(), "")
	if err != nil {
		t.Fatal(err)
	}
	c := newFPDFCanvas(r.paper, testDoc.Document)
	if err := r.draw(c, parse(md), testDoc.Document); err != nil {
		t.Fatal(err)
	}
	var plain bytes.Buffer
	if err := c.pdf.Output(&plain); err != nil {
		t.Fatal(err)
	}
	return &plain
}

func TestDeflateStreamsRefusesWhatItDoesNotKnow(t *testing.T) {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCompression(false)
	p.AddPage()
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	for name, bad := range map[string][]byte{
		"empty":        nil,
		"no xref":      bytes.Replace(good, []byte("\nxref\n"), []byte("\nxrif\n"), 1),
		"wrong length": bytes.Replace(good, []byte("/Length "), []byte("/Length 9"), 1),
		"not a PDF":    []byte("hello\nxref\ntrailer\nstartxref\n"),
	} {
		if _, err := deflateStreams(bad); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
