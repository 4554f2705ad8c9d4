package pdf

import (
	"github.com/partnership-tools/mou/internal/layout"

	"bytes"
	"fmt"
	"reflect"

	"codeberg.org/go-pdf/fpdf"
)

// pageCountAlias is replaced by fpdf with the number of pages when the
// document is closed.
const pageCountAlias = "{nb}"

// fpdfCanvas draws on an fpdf document. Faces are registered the first time
// they are used, so a document without code never pays for the mono face.
type fpdfCanvas struct {
	pdf    *fpdf.Fpdf
	loaded [faceCount]bool
	faces  *[faceCount]faceInfo // the font family; nil for the Go fonts
	// subsets holds, by fpdf's name for each font, the document's own
	// copy of its font file parser, where the font cache made one.
	subsets map[string]reflect.Value
	// fpdfFonts leaves the embedded fonts' objects to fpdf rather than
	// to ownFonts, for tests that compare the two.
	fpdfFonts bool

	// signing fields, added to the output unless noFields is set
	fields   []formField
	noFields bool
	ids      []string // the owners' ids by signature block, naming the fields
	pageH    float64  // millimetres

	doc layout.Document // for the XMP metadata

	// current state, to skip redundant operators in the page stream
	face     face
	size     float64
	hasFont  bool
	text     Colour
	hasText  bool
	fill     Colour
	hasFill  bool
	draw     Colour
	hasDraw  bool
	lineW    float64
	hasLineW bool
}

// newFPDFCanvas starts an empty PDF on paper with the document's metadata,
// set up for reproducible output.
func newFPDFCanvas(paper paperSize, doc layout.Document) *fpdfCanvas {
	p := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "mm",
		Size:           fpdf.SizeType{Wd: paper.w, Ht: paper.h},
	})
	p.SetCompression(false) // deflateStreams compresses, more cheaply
	p.SetAutoPageBreak(false, 0)
	p.SetMargins(0, 0, 0)
	p.AliasNbPages(pageCountAlias)
	p.SetCatalogSort(true)
	date := doc.Date
	if date.IsZero() {
		date = fallbackDate
	}
	p.SetCreationDate(date)
	p.SetModificationDate(date)
	p.SetTitle(doc.FullTitle(), true)
	p.SetSubject(doc.Title, true)
	p.SetAuthor(doc.Authors(), true)
	p.SetKeywords(doc.Keywords, true)
	p.SetCreator("mou", true)
	p.SetProducer("mou", true)
	p.SetLang(doc.Language)
	p.SetDisplayMode("fullpage", "continuous")
	return &fpdfCanvas{pdf: p, pageH: paper.h, doc: doc}
}

// AddPage starts a new page. fpdf re-emits its own state on a new page, so
// the state cache is cleared.
func (c *fpdfCanvas) AddPage() {
	c.pdf.AddPage()
	c.hasFont, c.hasText, c.hasFill, c.hasDraw, c.hasLineW = false, false, false, false, false
}

// SetFont selects a face, registering it with fpdf on first use.
func (c *fpdfCanvas) SetFont(f face, size float64) {
	if c.hasFont && c.face == f && c.size == size {
		return
	}
	info := faces[f]
	if c.faces != nil {
		info = c.faces[f]
	}
	if !c.loaded[f] {
		if name, file := addFont(c.pdf, info); name != "" {
			if c.subsets == nil {
				c.subsets = map[string]reflect.Value{}
			}
			c.subsets[name] = file
		}
		c.loaded[f] = true
	}
	c.pdf.SetFont(info.family, info.style, size)
	c.face, c.size, c.hasFont = f, size, true
}

// SetTextColour sets the colour of following text.
func (c *fpdfCanvas) SetTextColour(col Colour) {
	if c.hasText && c.text == col {
		return
	}
	c.pdf.SetTextColor(int(col.R), int(col.G), int(col.B))
	c.text, c.hasText = col, true
}

// SetFillColour sets the colour of filled areas.
func (c *fpdfCanvas) SetFillColour(col Colour) {
	if c.hasFill && c.fill == col {
		return
	}
	c.pdf.SetFillColor(int(col.R), int(col.G), int(col.B))
	c.fill, c.hasFill = col, true
}

// SetDrawColour sets the colour of lines.
func (c *fpdfCanvas) SetDrawColour(col Colour) {
	if c.hasDraw && c.draw == col {
		return
	}
	c.pdf.SetDrawColor(int(col.R), int(col.G), int(col.B))
	c.draw, c.hasDraw = col, true
}

// SetLineWidth sets the width of lines.
func (c *fpdfCanvas) SetLineWidth(w float64) {
	if c.hasLineW && c.lineW == w {
		return
	}
	c.pdf.SetLineWidth(w)
	c.lineW, c.hasLineW = w, true
}

// Text draws s on its baseline.
func (c *fpdfCanvas) Text(x, y float64, s string) { c.pdf.Text(x, y, s) }

// Line draws a line.
func (c *fpdfCanvas) Line(x1, y1, x2, y2 float64) { c.pdf.Line(x1, y1, x2, y2) }

// FillRect fills a rectangle.
func (c *fpdfCanvas) FillRect(x, y, w, h float64) { c.pdf.Rect(x, y, w, h, "F") }

// Link makes a rectangle a link.
func (c *fpdfCanvas) Link(x, y, w, h float64, url string) { c.pdf.LinkString(x, y, w, h, url) }

// Bookmark adds an outline entry.
func (c *fpdfCanvas) Bookmark(title string, level int, y float64) {
	if !c.hasFont {
		c.SetFont(faceRegular, 10)
	}
	c.pdf.Bookmark(title, level, y)
}

// Image draws a logo.
func (c *fpdfCanvas) Image(img *logoImage, x, y, w, h float64) {
	opt := fpdf.ImageOptions{ImageType: img.kind}
	if c.pdf.GetImageInfo(img.name) == nil {
		c.pdf.RegisterImageOptionsReader(img.name, opt, bytes.NewReader(img.data))
	}
	c.pdf.ImageOptions(img.name, x, y, w, h, false, opt, 0, "")
}

// SignatureLine draws the line to sign on and notes where its signing
// field goes. E-signature tags are added around it by a tagger, when the
// document asks for them.
func (c *fpdfCanvas) SignatureLine(s signatureLine) {
	c.pdf.Line(s.X, s.Y, s.X+s.W, s.Y)
	if k := fieldOf(s.Index); k != fieldNone && !c.noFields && !s.Struck {
		c.fields = append(c.fields, formField{kind: k, block: s.Block, page: c.pdf.PageNo(), x: s.X, y: s.Y, w: s.W})
	}
}

// err returns the error latched in fpdf, if any.
func (c *fpdfCanvas) err() error {
	if err := c.pdf.Error(); err != nil {
		return fmt.Errorf("pdf: draw: %w", err)
	}
	return nil
}

// subset returns the tables of the subset fpdf embedded of the font it
// names, where the font cache kept them.
func (c *fpdfCanvas) subset(name string) ([]sfntTable, bool) {
	file, ok := c.subsets[name]
	if !ok {
		return nil, false
	}
	return subsetTables(file)
}

// output returns the finished PDF.
func (c *fpdfCanvas) output() ([]byte, error) {
	if err := c.err(); err != nil {
		return nil, err
	}
	var own []ownFont
	if !c.fpdfFonts {
		own = ownFonts(c.pdf)
	}
	var plain bytes.Buffer
	if err := c.pdf.Output(&plain); err != nil {
		return nil, fmt.Errorf("pdf: write: %w", err)
	}
	f, err := splitPDF(plain.Bytes())
	if err != nil {
		if len(c.fields) > 0 || len(own) > 0 {
			return nil, fmt.Errorf("pdf: post-pass: %w", err)
		}
		return plain.Bytes(), nil // valid as it is, only larger
	}
	if err := f.writeOwnFonts(own); err != nil {
		return nil, fmt.Errorf("pdf: fonts: %w", err)
	}
	if err := addFields(f, c.fields, c.ids, c.pageH); err != nil {
		return nil, fmt.Errorf("pdf: signing fields: %w", err)
	}
	// What fpdf gets wrong or leaves out (fontfix.go, metadata.go).
	f.fixFonts(c.subset)
	f.orderImages()
	f.raiseVersion()
	if err := f.deflate(); err != nil {
		return nil, fmt.Errorf("pdf: compress: %w", err)
	}
	if err := f.addMetadata(c.doc); err != nil {
		return nil, fmt.Errorf("pdf: metadata: %w", err)
	}
	return f.bytes(), nil
}
