package pdf

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// E-signature services whose text tags [New] can hide in the signature
// blocks. On upload, each service finds its tags in the PDF's
// text, puts a signing field where each tag is and paints over the tag.
const (
	// ESignDocuSeal tags follow DocuSeal's embedded text field tags,
	// {{Name;type=signature;role=Role;width=W;height=H}}.
	ESignDocuSeal = "docuseal"
	// ESignDocumenso tags follow Documenso's PDF placeholders,
	// {{signature, r1}}.
	ESignDocumenso = "documenso"
)

// tagColour is the colour of e-signature tags: white, unseen on the page.
var tagColour = Colour{R: 255, G: 255, B: 255}

const (
	// docuSealTagSize is the type size of DocuSeal tags, in points: small
	// enough for any line, as the tag gives the field's size in attributes.
	docuSealTagSize = 1
	// minTagSize is the smallest a tag is shrunk to fit its line, in points.
	minTagSize = 0.5
	// tagClearance is the space kept between a Documenso tag and its line,
	// in millimetres, so that the white box Documenso paints over the tag
	// (with a 1 pt border) leaves the printed line alone.
	tagClearance = 1
)

// fieldKind is the signing field a signature line gets.
type fieldKind int

const (
	fieldNone fieldKind = iota
	fieldSignature
	fieldDate
)

// fieldOf returns the field for the n-th line to sign on in a signature
// block: the first takes the signature, the second the date. Position,
// not the label, decides, so the labels may be in any language.
func fieldOf(n int) fieldKind {
	switch n {
	case 1:
		return fieldSignature
	case 2:
		return fieldDate
	}
	return fieldNone
}

// tagger is a canvas that hides an e-signature service's text tags at the
// signature lines drawn on it: one signature field and one date field per
// signature block, on the first line labelled for each. A tag is white text
// in the room above its line, starting where the line starts, so the page
// looks the same with or without tags.
type tagger struct {
	canvas
	m       *fontMetrics
	service string
	signers []string        // role names by block; "" for the default
	room    float64         // the room above a signature line, in millimetres
	tagged  map[[2]int]bool // block and fieldKind already tagged
}

// newTagger returns a tagger drawing on c for the service, nil for none,
// or an error for a signer's name the fonts cannot print. signers name
// who signs each block, in order: DocuSeal takes them as role names, and a
// block without one is signed by "Partner N"; Documenso numbers its
// recipients r1, r2 and so on by block and takes no names.
func newTagger(c canvas, m *fontMetrics, service string, signers []string, room float64) (*tagger, error) {
	if service == "" {
		return nil, nil
	}
	t := &tagger{canvas: c, m: m, service: service, room: room, tagged: map[[2]int]bool{}}
	if service == ESignDocuSeal {
		for _, s := range signers {
			s = roleName(s)
			if err := m.checkPrintable(s); err != nil {
				return nil, err
			}
			t.signers = append(t.signers, s)
		}
		t.uniqueRoles()
	}
	return t, nil
}

// uniqueRoles numbers a role that an earlier block has already, so that
// no two blocks share one: partners whose names differ only in what a
// role leaves out ("X" and "X;") or in capitals would otherwise be one
// DocuSeal signer, and either could sign for both.
func (t *tagger) uniqueRoles() {
	taken := map[string]bool{}
	for i := range t.signers {
		role := t.role(i + 1)
		for n := 2; taken[strings.ToLower(role)]; n++ {
			role = t.role(i+1) + " (" + strconv.Itoa(n) + ")"
		}
		taken[strings.ToLower(role)] = true
		t.signers[i] = role
	}
}

// SignatureLine draws the line, then its tag if it is one of the block's
// first two lines.
func (t *tagger) SignatureLine(s signatureLine) {
	t.canvas.SignatureLine(s)
	k := fieldOf(s.Index)
	key := [2]int{s.Block, int(k)}
	if k == fieldNone || t.tagged[key] || s.Struck {
		return
	}
	t.tagged[key] = true
	var (
		text string
		size float64
		y    float64
	)
	switch t.service {
	case ESignDocuSeal:
		// DocuSeal puts the field's top left corner at the tag's and takes
		// its size from the attributes: from the top of the room down to
		// the line, as wide as the line.
		text = docuSealTag(s.Block, k, t.role(s.Block), s.W, t.room)
		size = t.fit(text, docuSealTagSize, s.W)
		y = s.Y - t.room + t.m.ascent*mm(size)
	case ESignDocumenso:
		// Documenso sizes the field to the tag's box, so the tag fills
		// the room above the line, short of the line itself.
		text = documensoTag(s.Block, k)
		h := t.room - tagClearance
		size = t.fit(text, h*ptPerMM/(t.m.ascent+t.m.descent), s.W)
		y = s.Y - tagClearance - t.m.descent*mm(size)
	}
	drawText(t.canvas, s.X, y, text, textStyle{face: faceRegular, size: size, colour: tagColour})
}

// fit returns size, or a smaller size at which text fits in width, but
// never below minTagSize.
func (t *tagger) fit(text string, size, width float64) float64 {
	if w := t.m.width(faceRegular, size, text); w > width {
		size *= width / w
	}
	return max(size, minTagSize)
}

// role is the DocuSeal role of signature block n (1-based).
func (t *tagger) role(n int) string {
	if n <= len(t.signers) && t.signers[n-1] != "" {
		return t.signers[n-1]
	}
	return "Partner " + strconv.Itoa(n)
}

// docuSealTag is the DocuSeal text tag of a field of signature block n
// for role, w by h millimetres, as in "{{Signature 1;type=signature;
// role=Partner 1;width=408;height=23}}". Width and height are in PDF
// points, which DocuSeal calls pixels.
func docuSealTag(n int, k fieldKind, role string, w, h float64) string {
	name, typ := "Signature", "signature"
	if k == fieldDate {
		// datenow is the day the signer signs, filled in by DocuSeal;
		// date would ask the signer for any date
		name, typ = "Date", "datenow"
	}
	return fmt.Sprintf("{{%s %d;type=%s;role=%s;width=%d;height=%d}}",
		name, n, typ, role, int(math.Round(w*ptPerMM)), int(math.Round(h*ptPerMM)))
}

// documensoTag is the Documenso placeholder of a field of signature block
// n, as in "{{signature, r1}}": Documenso numbers recipients r1, r2, and so
// on, and takes no names.
func documensoTag(n int, k fieldKind) string {
	typ := "signature"
	if k == fieldDate {
		typ = "date"
	}
	return "{{" + typ + ", r" + strconv.Itoa(n) + "}}"
}

// roleName makes s safe as a DocuSeal role: the characters that end a tag
// or an attribute ({, } and ;), control characters and runs of white space
// become single spaces, and the ends are trimmed.
func roleName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == '{' || r == '}' || r == ';' || unicode.IsSpace(r) || unicode.IsControl(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
