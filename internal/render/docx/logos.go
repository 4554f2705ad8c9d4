package docx

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // register JPEG for image.DecodeConfig
	_ "image/png"  // register PNG for image.DecodeConfig
)

// Logo measurements, in millimetres, as in the PDF.
const (
	logoHeight = 22
	logoGap    = 10
	emuPerMM   = 36000
)

// addLogos checks and sizes the document's logos: side by side, each at
// most logoHeight high and its share of the width wide.
func (b *body) addLogos() error {
	logos := b.doc.Logos
	if len(logos) == 0 || !b.titlePage {
		return nil
	}
	n := float64(len(logos))
	widthMM := float64(b.textWidth()) * 25.4 / 1440
	share := (widthMM - logoGap*(n-1)) / n
	for i, l := range logos {
		ext := ""
		switch {
		case bytes.HasPrefix(l.Data, []byte("\x89PNG\r\n\x1a\n")):
			ext = "png"
		case bytes.HasPrefix(l.Data, []byte{0xff, 0xd8, 0xff}):
			ext = "jpeg"
		default:
			return fmt.Errorf("docx: logo %q: not a PNG or JPEG image", l.Name)
		}
		cfg, _, err := image.DecodeConfig(bytes.NewReader(l.Data))
		if err != nil {
			return fmt.Errorf("docx: logo %q: %w", l.Name, err)
		}
		if cfg.Width <= 0 || cfg.Height <= 0 {
			return fmt.Errorf("docx: logo %q: empty image", l.Name)
		}
		ratio := float64(cfg.Width) / float64(cfg.Height)
		h := float64(logoHeight)
		w := h * ratio
		if w > share {
			w, h = share, share/ratio
		}
		b.media = append(b.media, media{
			name: fmt.Sprintf("logo%d.%s", i+1, ext),
			rel:  fmt.Sprintf("rIdLogo%d", i+1),
			data: l.Data,
			w:    int(w * emuPerMM), h: int(h * emuPerMM),
		})
	}
	return nil
}

// logoParagraph writes the logos, centred, at the top of the title page.
func (b *body) logoParagraph() {
	if len(b.media) == 0 {
		return
	}
	b.startP("Logos", "", "")
	for i, m := range b.media {
		if i > 0 {
			b.out.WriteString(`<w:r><w:t xml:space="preserve">      </w:t></w:r>`)
		}
		fmt.Fprintf(&b.out, `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%[1]d" cy="%[2]d"/>`+
			`<wp:docPr id="%[3]d" name="Logo %[3]d" descr="%[4]s"/>`+
			`<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">`+
			`<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="%[3]d" name="%[5]s"/><pic:cNvPicPr/></pic:nvPicPr>`+
			`<pic:blipFill><a:blip r:embed="%[6]s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
			`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%[1]d" cy="%[2]d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>`+
			`</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`,
			m.w, m.h, i+1, escape(cleanText(b.doc.Logos[i].Alt)), m.name, m.rel)
	}
	b.endP()
}
