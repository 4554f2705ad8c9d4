package pdf

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"image"
	"sync"

	"codeberg.org/go-pdf/fpdf"
)

// MaxLogoSide is the most pixels a logo may have across or down. A logo
// is drawn at most 22 mm tall, so 2,000 pixels is far sharper than any
// printer, and decoding one stays within tens of megabytes.
const MaxLogoSide = 2000

// CheckLogo says why data ("is …") cannot be drawn as a logo, or returns nil. It
// checks the header first, so that a huge image is refused cheaply; then
// that the file is whole (imagecheck.go), so that a truncated or corrupt
// file is refused; then hands it to the PDF writer, which takes less than
// every valid PNG.
//
// A logo is checked by validate and again by each PDF drawn, so the
// answer for each content is kept for the life of the process.
func CheckLogo(data []byte) error {
	key := sha256.Sum256(data)
	if err, ok := checked.Load(key); ok {
		return err.(errBox).err
	}
	err := checkLogo(data)
	checked.Store(key, errBox{err})
	return err
}

// checked holds CheckLogo's answer by the SHA-256 of the logo's bytes.
var checked sync.Map

// errBox lets a nil error be stored in a sync.Map.
type errBox struct{ err error }

func checkLogo(data []byte) error {
	kind := imageKind(data)
	if kind == "" {
		return errors.New("is not a PNG or JPEG image")
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	switch {
	case err != nil:
		return fmt.Errorf("is not a readable %s image: %v", kind, err)
	case cfg.Width <= 0 || cfg.Height <= 0:
		return fmt.Errorf("is an empty image (%d×%d pixels)", cfg.Width, cfg.Height)
	case cfg.Width > MaxLogoSide || cfg.Height > MaxLogoSide:
		return fmt.Errorf("is %d×%d pixels, larger than the limit of %d×%d: save a smaller copy", cfg.Width, cfg.Height, MaxLogoSide, MaxLogoSide)
	}
	if kind == "PNG" {
		// The PDF writer copies PNG rows as they are: it cannot take
		// interlaced rows or 16 bits a channel.
		if depth := data[24]; depth > 8 {
			return fmt.Errorf("is a PNG with %d bits a channel, which the PDF cannot take: save it with 8 bits a channel", depth)
		}
		if data[28] != 0 {
			return errors.New("is an interlaced PNG, which the PDF cannot take: save it without interlacing")
		}
	}
	complete := jpegComplete
	if kind == "PNG" {
		complete = pngComplete
	}
	if err := complete(data); err != nil {
		return err
	}
	return tryDraw(kind, data)
}

// tryDraw registers the image with a throwaway PDF, catching a panic in
// the writer as an error.
func tryDraw(kind string, data []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("is a %s image the PDF writer cannot read", kind)
		}
	}()
	doc := fpdf.New("P", "mm", "A4", "")
	doc.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: kind}, bytes.NewReader(data))
	if err := doc.Error(); err != nil {
		return fmt.Errorf("is a %s image the PDF writer cannot read: %v", kind, err)
	}
	return nil
}
