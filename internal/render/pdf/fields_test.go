package pdf

import (
	"bytes"
	"os"
	"slices"
	"testing"

	"github.com/partnership-tools/mou/internal/pdftest"
)

// TestSigningFields reads the signing fields back with qpdf and checks
// their names, kinds and pages, and that each sits on its line: just
// after its label ("Signed:" or "Date:"), with the label's baseline
// inside the field's foot.
func TestSigningFields(t *testing.T) {
	agreement, err := os.ReadFile("testdata/agreement.md")
	if err != nil {
		t.Fatal(err)
	}
	const linked = "# Signatures\n\n<!-- mou:signature -->\n\n**Alpha** at <https://alpha.example.org>\n\nSigned: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\n\nDate: \\_\\_\\_\\_\\_\\_\n\n<!-- mou:end-signature -->\n"
	tests := []struct {
		name  string
		md    []byte
		ids   []string
		esign string
		want  []string // fields in document order, "name type"
	}{
		{"named after the partners", agreement, []string{"bro-wyn", "st-marys", "northgate"}, "", []string{
			"signature.bro-wyn /Sig", "date.bro-wyn /Tx", "signature.st-marys /Sig", "date.st-marys /Tx",
			"signature.northgate /Sig", "date.northgate /Tx"}},
		{"more blocks than partners", agreement, []string{"bro-wyn"}, "", []string{
			"signature.bro-wyn /Sig", "date.bro-wyn /Tx", "signature.partner-2 /Sig", "date.partner-2 /Tx",
			"signature.partner-3 /Sig", "date.partner-3 /Tx"}},
		{"beside a link on the page", []byte(linked), []string{"alpha"}, "", []string{"signature.alpha /Sig", "date.alpha /Tx"}},
		{"none with e-signature tags", agreement, []string{"bro-wyn"}, ESignDocuSeal, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := testDoc
			doc.Owners = ids(tc.ids...)
			doc.ESign = tc.esign
			data := renderBytes(t, tc.md, doc)
			validPDF(t, data)
			pdftest.Check(t, data)
			fields := pdftest.Fields(t, data)
			var got []string
			for _, f := range fields {
				got = append(got, f.Name+" "+f.Type)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("fields:\n got %q\nwant %q", got, tc.want)
			}
			words := pdftest.Words(t, data)
			for _, f := range fields {
				label := map[string]string{"/Sig": "Signed:", "/Tx": "Date:"}[f.Type]
				if !onLine(f, label, words) {
					t.Errorf("%s at %v on page %d is not on a line labelled %q", f.Name, f.Rect, f.Page, label)
				}
			}
			if again := renderBytes(t, tc.md, doc); !bytes.Equal(data, again) {
				os.WriteFile("/tmp/sign-a.pdf", data, 0o644)
				os.WriteFile("/tmp/sign-b.pdf", again, 0o644)
				t.Error("the same input gave different bytes")
			}
		})
	}
}

// onLine reports whether f starts just after a word label on its page and
// reaches from just below the label's baseline to well above it.
func onLine(f pdftest.Field, label string, words []pdftest.Word) bool {
	for _, w := range words {
		if w.Text != label || w.Page != f.Page {
			continue
		}
		gap := f.Rect[0] - w.XMax
		foot := w.PageHeight - w.YMax // near the baseline, in points from the bottom
		if gap >= 0 && gap < 10 && foot >= f.Rect[1] && foot < f.Rect[1]+8 && f.Rect[3]-f.Rect[1] > 20 && f.Rect[2]-f.Rect[0] > 30 {
			return true
		}
	}
	return false
}

// TestUnsignedSignatureFields checks that pdfsig, an independent reader,
// finds every signature field, unsigned.
func TestUnsignedSignatureFields(t *testing.T) {
	md, err := os.ReadFile("testdata/agreement.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := testDoc
	doc.Owners = ids("bro-wyn", "st-marys", "northgate")
	got := pdftest.UnsignedSignatures(t, renderBytes(t, md, doc))
	want := []string{"signature.bro-wyn", "signature.st-marys", "signature.northgate"}
	if !slices.Equal(got, want) {
		t.Errorf("pdfsig found %q, want %q", got, want)
	}
}

// TestSignaturePairs checks that signature blocks share a row, two by
// two, where the column is wide enough, and stand alone where it is not.
func TestSignaturePairs(t *testing.T) {
	md, err := os.ReadFile("testdata/agreement.md")
	if err != nil {
		t.Fatal(err)
	}
	narrow := DefaultTheme()
	narrow.MarginLeft, narrow.MarginRight = 60, 60
	for _, tc := range []struct {
		name   string
		theme  Theme
		paired bool
	}{{"wide", DefaultTheme(), true}, {"narrow", narrow, false}} {
		t.Run(tc.name, func(t *testing.T) {
			at := map[string]pdftest.Field{}
			for _, f := range pdftest.Fields(t, renderThemed(t, tc.theme, md)) {
				at[f.Name] = f
			}
			a, b, c := at["signature.a"], at["signature.b"], at["signature.c"]
			besideB := a.Page == b.Page && b.Rect[0] > a.Rect[2]
			if besideB != tc.paired {
				t.Errorf("blocks 1 and 2 side by side: %v, want %v (%v and %v)", besideB, tc.paired, a, b)
			}
			if c.Page == b.Page && c.Rect[1] >= min(a.Rect[1], b.Rect[1]) {
				t.Errorf("block 3 is not below block 2: %v and %v", b, c)
			}
			// The third block, alone in its row, is as wide as the
			// others and lines up with the first.
			if width := func(f pdftest.Field) float64 { return f.Rect[2] - f.Rect[0] }; abs(width(c)-width(a)) > 0.5 || abs(c.Rect[0]-a.Rect[0]) > 0.5 {
				t.Errorf("block 3's field is %v, block 1's %v: not the same column", c.Rect, a.Rect)
			}
		})
	}
}

func abs(x float64) float64 { return max(x, -x) }

// TestLastSignatureKeepsToItsRow: however far down the page the blocks
// start, the last of an odd number never stands alone on a new page: it
// shares a page with the row before it.
func TestLastSignatureKeepsToItsRow(t *testing.T) {
	md, err := os.ReadFile("testdata/agreement.md")
	if err != nil {
		t.Fatal(err)
	}
	at := bytes.Index(md, []byte("<!-- mou:signature -->"))
	pagesSeen := map[int]bool{}
	for filler := 0; filler <= 24; filler += 2 {
		doc := slices.Concat(md[:at], bytes.Repeat([]byte("A line of filler text that moves the blocks down the page.\n\n"), filler), md[at:])
		fields := map[string]pdftest.Field{}
		for _, f := range pdftest.Fields(t, renderThemed(t, DefaultTheme(), doc)) {
			fields[f.Name] = f
		}
		a, c := fields["signature.a"], fields["signature.c"]
		if a.Page != c.Page {
			t.Errorf("with %d lines of filler, block 3 is on page %d and the row before it on page %d", filler, c.Page, a.Page)
		}
		pagesSeen[a.Page] = true
	}
	if len(pagesSeen) < 2 {
		t.Errorf("the filler never moved the blocks to another page (%v): the test proves nothing", pagesSeen)
	}
}

// renderThemed renders md with theme, its signature blocks signed by
// partners a, b and c.
func renderThemed(t *testing.T, theme Theme, md []byte) []byte {
	t.Helper()
	r, err := New(theme, "")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.Render(&buf, parseOwned(md, ids("a", "b", "c")), testDoc.Document); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
