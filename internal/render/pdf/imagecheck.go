package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
)

// The PDF holds a logo's compressed data as the file has it, so what
// matters is that the data is whole. Decoding every pixel to find out
// took most of the time of a run's checks; these read the files'
// structure and checksums instead.

// errCutShort is the problem of a file that ends before its last part.
var errCutShort = errors.New("is incomplete: the file ends before the image does; copy or save it again")

// pngComplete checks a non-interlaced PNG's chunks against their CRCs
// and its image data against the zlib checksum, the size the header
// gives and the filter each row names: what image/png checks, without
// unfiltering a pixel.
func pngComplete(data []byte) error {
	var idat []io.Reader
	var width, height uint32
	var bitsPerPixel int
	for i := len(pngSignature); ; {
		if len(data)-i < 12 {
			return errCutShort
		}
		n := int(binary.BigEndian.Uint32(data[i:]))
		if n < 0 || n > len(data)-i-12 {
			return errCutShort
		}
		kind, body := string(data[i+4:i+8]), data[i+8:i+8+n]
		if crc32.ChecksumIEEE(data[i+4:i+8+n]) != binary.BigEndian.Uint32(data[i+8+n:]) {
			return fmt.Errorf("is damaged: its %s part fails its checksum", kind)
		}
		first := i == len(pngSignature)
		i += 12 + n
		if first != (kind == "IHDR") {
			return errors.New("is damaged: its parts are out of order")
		}
		switch kind {
		case "IHDR":
			if n < 13 || body[9] >= byte(len(pngChannels)) || pngChannels[body[9]] == 0 {
				return errors.New("is damaged: its header is unreadable")
			}
			width, height = binary.BigEndian.Uint32(body), binary.BigEndian.Uint32(body[4:])
			bitsPerPixel = int(body[8]) * pngChannels[body[9]]
		case "IDAT":
			idat = append(idat, bytes.NewReader(body))
		case "IEND":
			if bitsPerPixel == 0 || len(idat) == 0 {
				return errors.New("is damaged: it has no picture data")
			}
			return pngRows(io.MultiReader(idat...), int(width), int(height), bitsPerPixel)
		}
	}
}

// pngSignature starts every PNG file.
const pngSignature = "\x89PNG\r\n\x1a\n"

// pngChannels is how many samples a pixel has, by PNG colour type.
var pngChannels = [7]int{0: 1, 2: 3, 3: 1, 4: 2, 6: 4}

// pngRows inflates a PNG's image data, checking that it holds height
// rows, each a filter byte (0 to 4) and the row's bytes, and no more.
func pngRows(r io.Reader, width, height, bitsPerPixel int) error {
	zr, err := zlib.NewReader(r)
	if err != nil {
		return fmt.Errorf("is damaged: its picture data cannot be read: %v", err)
	}
	row := 1 + (width*bitsPerPixel+7)/8
	rows := &rowChecker{row: row, left: row * height}
	if _, err = io.Copy(rows, zr); err == nil {
		err = zr.Close()
	}
	if rows.err != nil {
		return rows.err
	}
	if err != nil {
		return fmt.Errorf("is damaged: its picture data cannot be read: %v", err)
	}
	if rows.left > 0 {
		return errors.New("is damaged: its picture data ends before the image does")
	}
	return nil
}

// rowChecker counts a PNG's inflated rows as they are written to it.
type rowChecker struct {
	row, at, left int   // bytes a row, position in this row, bytes still due
	err           error // what is wrong with the rows, told apart from zlib's errors
}

func (c *rowChecker) Write(p []byte) (int, error) {
	if len(p) > c.left {
		c.err = errors.New("is damaged: it holds more picture data than its size")
		return 0, c.err
	}
	for i := 0; i < len(p); {
		if c.at == 0 && p[i] > 4 {
			c.err = errors.New("is damaged: a row of its picture data is unreadable")
			return 0, c.err
		}
		step := min(len(p)-i, c.row-c.at)
		i += step
		c.at = (c.at + step) % c.row
	}
	c.left -= len(p)
	return len(p), nil
}

// jpegComplete checks that a JPEG's parts follow one another whole, from
// its start to its end-of-image marker, with picture data among them.
// Stray bytes between parts, which some cameras and editors write, are
// skipped, as image/jpeg and the readers of PDFs skip them.
// The picture data is not decoded: a file damaged inside it, rather than
// cut short, is not caught.
func jpegComplete(data []byte) error {
	scanned := false
	for i := 2; ; { // after the start-of-image marker
		if len(data)-i < 2 {
			return errCutShort
		}
		switch marker := data[i+1]; {
		case data[i] != 0xff || marker == 0: // stray bytes, skipped as libjpeg and image/jpeg do
			i++
			continue
		case marker == 0xff: // fill before a marker
			i++
			continue
		case marker == 0xd9: // end of image
			if !scanned {
				return errors.New("is damaged: it has no picture data")
			}
			return nil
		case marker == 0x01 || marker >= 0xd0 && marker <= 0xd7: // no length
			i += 2
			continue
		case len(data)-i < 4:
			return errCutShort
		default:
			n := int(binary.BigEndian.Uint16(data[i+2:]))
			if n < 2 || n > len(data)-i-2 {
				return errCutShort
			}
			i += 2 + n
			if marker != 0xda { // start of scan: picture data follows
				continue
			}
			scanned = true
			for {
				j := bytes.IndexByte(data[i:], 0xff)
				if j < 0 || i+j+1 >= len(data) {
					return errCutShort
				}
				i += j
				if next := data[i+1]; next != 0 && (next < 0xd0 || next > 0xd7) {
					break // a marker, or fill before one
				}
				i += 2 // a stuffed 0xff or a restart marker
			}
		}
	}
}
