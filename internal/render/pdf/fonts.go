package pdf

import (
	_ "embed" // the serif family's font files

	"github.com/partnership-tools/mou/internal/theme"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
)

// face is one of the embedded typefaces.
type face uint8

// The embedded faces: the Go fonts.
const (
	faceRegular face = iota
	faceBold
	faceItalic
	faceBoldItalic
	faceMono
	faceCount
)

// faceInfo is what fpdf needs to register a face.
type faceInfo struct {
	family, style string // fpdf family and style ("", "B", "I", "BI")
	name          string // short name used in recordings
	ttf           []byte
}

// faces describes every face of the sans-serif family, the Go fonts
// (BSD licence), indexed by face.
var faces = [faceCount]faceInfo{
	faceRegular:    {"go", "", "regular", goregular.TTF},
	faceBold:       {"go", "B", "bold", gobold.TTF},
	faceItalic:     {"go", "I", "italic", goitalic.TTF},
	faceBoldItalic: {"go", "BI", "bold-italic", gobolditalic.TTF},
	faceMono:       {"gomono", "", "mono", gomono.TTF},
}

// The serif family is Liberation Serif (SIL Open Font License 1.1, see
// fonts/LICENSE-LiberationSerif.txt), with the Go monospace for code.
var (
	//go:embed fonts/LiberationSerif-Regular.ttf
	serifRegular []byte
	//go:embed fonts/LiberationSerif-Bold.ttf
	serifBold []byte
	//go:embed fonts/LiberationSerif-Italic.ttf
	serifItalic []byte
	//go:embed fonts/LiberationSerif-BoldItalic.ttf
	serifBoldItalic []byte
)

var serifFaces = [faceCount]faceInfo{
	faceRegular:    {"serif", "", "regular", serifRegular},
	faceBold:       {"serif", "B", "bold", serifBold},
	faceItalic:     {"serif", "I", "italic", serifItalic},
	faceBoldItalic: {"serif", "BI", "bold-italic", serifBoldItalic},
	faceMono:       {"gomono", "", "mono", gomono.TTF},
}

// The font families a theme may choose.
const (
	FontSans  = theme.Sans
	FontSerif = theme.Serif
)

// families are the faces of each font family, by name.
var families = map[string]*[faceCount]faceInfo{FontSans: &faces, FontSerif: &serifFaces}

// String returns the face's short name.
func (f face) String() string {
	if f < faceCount {
		return faces[f].name
	}
	return "unknown"
}

// styled returns the face with bold and italic switched on as asked; the mono
// face has no bold or italic and stays itself.
func (f face) styled(bold, italic bool) face {
	if f == faceMono {
		return f
	}
	switch {
	case bold && italic:
		return faceBoldItalic
	case bold:
		return faceBold
	case italic:
		return faceItalic
	}
	return faceRegular
}

// bold reports whether the face is bold.
func (f face) bold() bool { return f == faceBold || f == faceBoldItalic }

// italic reports whether the face is italic.
func (f face) italic() bool { return f == faceItalic || f == faceBoldItalic }
