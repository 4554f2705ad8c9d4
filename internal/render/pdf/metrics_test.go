package pdf

import (
	"math"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// TestWidthsMatchFPDF checks that the layout measures text exactly as fpdf's
// GetStringWidth does, in every face.
func TestWidthsMatchFPDF(t *testing.T) {
	m, err := loadMetrics()
	if err != nil {
		t.Fatal(err)
	}
	p := fpdf.New("P", "mm", "A4", "")
	for _, s := range []string{"Hello, world", "Ysgol Gymraeg Bro Ŵyn", "€1,500 – “quoted” — £2·0", "iiii WWWW", "ŵŷŴŶéü"} {
		for f := range faceCount {
			info := faces[f]
			p.AddUTF8FontFromBytes(info.family, info.style, info.ttf)
			p.SetFont(info.family, info.style, 10.5)
			want := p.GetStringWidth(s)
			if got := m.width(f, 10.5, s); math.Abs(got-want) > 1e-9 {
				t.Errorf("%s %q: width %.6f, fpdf says %.6f", f, s, got, want)
			}
		}
	}
	if err := p.Error(); err != nil {
		t.Fatal(err)
	}
}

func TestUnescape(t *testing.T) {
	tests := []struct{ in, want string }{
		{`\# \* \| \< \[ \_ \\ \>`, `# * | < [ _ \ >`},
		{`&amp; &copy; &#35; &#x22; &#0; &#xD800;`, "& © # \" \uFFFD \uFFFD"},
		{`\&amp; &#92;*`, `&amp; \*`},
		{`&nosuchentity; & &#; &#x; &#12345678;`, `&nosuchentity; & &#; &#x; &#12345678;`},
		{`\a \ plain`, `\a \ plain`},
	}
	for _, tc := range tests {
		if got := unescape([]byte(tc.in)); got != tc.want {
			t.Errorf("unescape(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
