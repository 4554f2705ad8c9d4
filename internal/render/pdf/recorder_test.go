package pdf

import (
	"fmt"
	"strings"
)

// recorder is a canvas that writes down what is drawn, one operation a line,
// with the state that matters to it, for golden tests.
type recorder struct {
	b      strings.Builder
	page   int
	face   face
	size   float64
	text   Colour
	fill   Colour
	draw   Colour
	lineW  float64
	fields []recordedField
}

// recordedField is a signature line with the page it was drawn on.
type recordedField struct {
	page int
	line signatureLine
}

func (r *recorder) printf(format string, args ...any) {
	fmt.Fprintf(&r.b, format, args...)
	r.b.WriteByte('\n')
}

func (r *recorder) AddPage() {
	r.page++
	r.printf("page %d", r.page)
}

func (r *recorder) SetFont(f face, size float64) { r.face, r.size = f, size }
func (r *recorder) SetTextColour(c Colour)       { r.text = c }
func (r *recorder) SetFillColour(c Colour)       { r.fill = c }
func (r *recorder) SetDrawColour(c Colour)       { r.draw = c }
func (r *recorder) SetLineWidth(w float64)       { r.lineW = w }

func (r *recorder) Text(x, y float64, s string) {
	r.printf("text %.2f,%.2f %s %.2f %s %q", x, y, r.face, r.size, r.text, s)
}

func (r *recorder) Line(x1, y1, x2, y2 float64) {
	r.printf("line %.2f,%.2f %.2f,%.2f %.2f %s", x1, y1, x2, y2, r.lineW, r.draw)
}

func (r *recorder) FillRect(x, y, w, h float64) {
	r.printf("fill %.2f,%.2f %.2fx%.2f %s", x, y, w, h, r.fill)
}

func (r *recorder) Link(x, y, w, h float64, url string) {
	r.printf("link %.2f,%.2f %.2fx%.2f %q", x, y, w, h, url)
}

func (r *recorder) Bookmark(title string, level int, y float64) {
	r.printf("bookmark %d %.2f %q", level, y, title)
}

func (r *recorder) Image(img *logoImage, x, y, w, h float64) {
	r.printf("image %s %s %.2f,%.2f %.2fx%.2f", img.name, img.kind, x, y, w, h)
}

func (r *recorder) SignatureLine(s signatureLine) {
	r.fields = append(r.fields, recordedField{r.page, s})
	r.printf("signature-line block=%d line=%d %q %.2f,%.2f w=%.2f", s.Block, s.Index, s.Label, s.X, s.Y, s.W)
}

// String returns the recording.
func (r *recorder) String() string { return r.b.String() }

// pageOf returns the page of the first recorded line containing s, or 0.
func (r *recorder) pageOf(s string) int {
	page := 0
	for _, ln := range strings.Split(r.b.String(), "\n") {
		if strings.HasPrefix(ln, "page ") {
			fmt.Sscanf(ln, "page %d", &page)
			continue
		}
		if strings.Contains(ln, s) {
			return page
		}
	}
	return 0
}

var _ canvas = (*recorder)(nil)
