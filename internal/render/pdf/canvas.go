package pdf

// canvas is the drawing surface the layout draws on. Coordinates are in
// millimetres from the top left corner of the page; text is placed by its
// baseline. fpdfCanvas draws a PDF; tests use a recorder.
type canvas interface {
	// AddPage starts a new page; the drawing state is kept.
	AddPage()
	// SetFont selects the face and size (points) of following text.
	SetFont(f face, size float64)
	// SetTextColour, SetFillColour and SetDrawColour set the colours of
	// text, filled areas and lines.
	SetTextColour(c Colour)
	SetFillColour(c Colour)
	SetDrawColour(c Colour)
	// SetLineWidth sets the width of lines, in millimetres.
	SetLineWidth(w float64)
	// Text draws s with its baseline starting at (x, y).
	Text(x, y float64, s string)
	// Line draws a straight line.
	Line(x1, y1, x2, y2 float64)
	// FillRect fills a rectangle with the fill colour.
	FillRect(x, y, w, h float64)
	// Link makes a rectangle a link to url.
	Link(x, y, w, h float64, url string)
	// Bookmark adds an outline entry pointing at y on the current page.
	Bookmark(title string, level int, y float64)
	// Image draws a logo scaled into the rectangle.
	Image(img *logoImage, x, y, w, h float64)
	// SignatureLine draws the line a signatory signs on. It is the one
	// place every signature line passes, with a stable position and name;
	// a tagger wraps it to hide e-signature tags there.
	SignatureLine(s signatureLine)
}

// signatureLine is a place to sign or date: a horizontal line at baseline Y
// from X, W wide, on the current page.
type signatureLine struct {
	Block int // 1-based number of the signature block in the document
	Index int // 1-based number of the line within its block
	// Struck marks a line in a block a redline strikes out, which takes
	// no signing field and no tag.
	Struck bool
	Label  string  // text before the line, such as "Signed:"
	X, Y   float64 // start of the line, on the baseline
	W      float64
}
