package pdf

import "github.com/yuin/goldmark/ast"

// Title page measurements, in millimetres.
const (
	logoHeight = 22 // tallest a logo is drawn
	logoGap    = 10 // space between logos side by side
	titleDrop  = 70 // from the top of the body area to the title
)

// startTitle begins the title page: logos on top, then the title lower down.
func (l *layouter) startTitle() {
	l.pageBreak()
	l.title = true
	l.titleHeadings = 0
	used := 0.0
	if len(l.logos) > 0 {
		l.content(logoHeight, 0, l.drawLogos)
		used = logoHeight
	}
	l.content(max(0, titleDrop-used), 0, nil)
}

// endTitle ends the title page; the body starts on a new page.
func (l *layouter) endTitle() {
	if !l.title {
		return
	}
	l.title = false
	l.pageBreak()
	if l.afterTitle < 0 {
		l.afterTitle = len(l.flow.boxes)
	}
}

// titleHeading lays out a heading on the title page: the first is the
// document's title, large, with a short rule under it; later ones are
// subtitles.
func (l *layouter) titleHeading(n *ast.Heading) {
	l.titleHeadings++
	body := l.theme.BodySize
	if l.titleHeadings == 1 {
		st := textStyle{face: faceBold, size: body * 2.4, colour: l.theme.Heading}
		last := l.headingLines(n, st, alignCentre, 0, 5)
		l.flow.boxes[last].keepNext = 3
		mid := (l.left + l.right) / 2
		l.content(1, 0, func(c canvas, top float64) {
			c.SetFillColour(l.theme.Heading)
			c.FillRect(mid-20, top, 40, 0.8)
		})
		l.gap(9)
		return
	}
	st := textStyle{face: faceBold, size: body * 1.35, colour: l.theme.Heading}
	l.headingLines(n, st, alignCentre, 6, 3)
}

// drawLogos draws the logos side by side, centred, each scaled to fit its
// share of the width and the logo height.
func (l *layouter) drawLogos(c canvas, top float64) {
	n := float64(len(l.logos))
	share := (l.geo.right - l.geo.left - logoGap*(n-1)) / n
	type placedLogo struct{ w, h float64 }
	sizes := make([]placedLogo, len(l.logos))
	total := logoGap * (n - 1)
	for i, img := range l.logos {
		ratio := float64(img.width) / float64(img.height)
		h := float64(logoHeight)
		w := h * ratio
		if w > share {
			w, h = share, share/ratio
		}
		sizes[i] = placedLogo{w, h}
		total += w
	}
	x := l.geo.left + (l.geo.right-l.geo.left-total)/2
	for i, img := range l.logos {
		s := sizes[i]
		c.Image(img, x, top+(logoHeight-s.h)/2, s.w, s.h)
		x += s.w + logoGap
	}
}
