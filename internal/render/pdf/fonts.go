package pdf

import (
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

// faces describes every face, indexed by face.
var faces = [faceCount]faceInfo{
	faceRegular:    {"go", "", "regular", goregular.TTF},
	faceBold:       {"go", "B", "bold", gobold.TTF},
	faceItalic:     {"go", "I", "italic", goitalic.TTF},
	faceBoldItalic: {"go", "BI", "bold-italic", gobolditalic.TTF},
	faceMono:       {"gomono", "", "mono", gomono.TTF},
}

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
