package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
)

func readLogo(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("../../../samples/logos/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestImagesWhole: a whole PNG or JPEG passes; one cut short, damaged in
// a checksummed part, with rows the header does not promise, or with its
// parts out of order is refused, and says why.
func TestImagesWhole(t *testing.T) {
	png, jpeg := readLogo(t, "riverside-logo.png"), readLogo(t, "hartwell-logo.jpg")
	afterFirstPart := 4 + int(binary.BigEndian.Uint16(jpeg[4:]))
	flipped := func(data []byte, at int) []byte {
		d := bytes.Clone(data)
		d[at] ^= 0x40
		return d
	}
	tests := []struct {
		name  string
		data  []byte
		check func([]byte) error
		want  string // in the error; "" for none
	}{
		{"PNG", png, pngComplete, ""},
		{"PNG cut short", png[:len(png)/2], pngComplete, "is incomplete"},
		{"PNG without its end", png[:len(png)-12], pngComplete, "is incomplete"},
		{"PNG damaged in its picture data", flipped(png, len(png)-100), pngComplete, "IDAT part fails its checksum"},
		{"PNG with a row of unknown filter", rewriteIDAT(t, png, func(rows []byte) []byte { rows[0] = 9; return rows }), pngComplete, "row of its picture data"},
		{"PNG with a row missing", rewriteIDAT(t, png, func(rows []byte) []byte { return rows[:len(rows)-100] }), pngComplete, "ends before the image does"},
		{"PNG with rows to spare", rewriteIDAT(t, png, func(rows []byte) []byte { return append(rows, make([]byte, 721)...) }), pngComplete, "more picture data"},
		{"JPEG", jpeg, jpegComplete, ""},
		{"JPEG cut short", jpeg[:len(jpeg)/2], jpegComplete, "is incomplete"},
		{"JPEG without its end", jpeg[:len(jpeg)-2], jpegComplete, "is incomplete"},
		{"JPEG with no picture data", []byte("\xff\xd8\xff\xe0\x00\x04ab\xff\xd9"), jpegComplete, "no picture data"},
		// Stray bytes before a marker: libjpeg and image/jpeg skip them.
		{"JPEG with stray bytes between parts", slices.Concat(jpeg[:afterFirstPart], []byte{0, 0, 0xff, 0}, jpeg[afterFirstPart:]), jpegComplete, ""},
		{"JPEG with stray bytes and no picture data", []byte("\xff\xd8\xff\xe0\x00\x04ab\x00\xff\xd9"), jpegComplete, "no picture data"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.check(tc.data)
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("got %v, want an error saying %q", err, tc.want)
			}
		})
	}
}

// TestImagesWholeAgreeWithDecoding: wherever a sample logo is cut short,
// and whichever byte of the PNG is damaged, a file the image packages
// cannot decode is refused.
func TestImagesWholeAgreeWithDecoding(t *testing.T) {
	for _, tc := range []struct {
		name  string
		check func([]byte) error
	}{{"riverside-logo.png", pngComplete}, {"hartwell-logo.jpg", jpegComplete}} {
		data := readLogo(t, tc.name)
		var cases [][]byte
		for n := 20; n < len(data); n += 7 {
			cases = append(cases, data[:n])
		}
		if tc.name == "riverside-logo.png" {
			for at := 8; at < len(data); at += 5 {
				d := bytes.Clone(data)
				d[at] ^= 0x10
				cases = append(cases, d)
			}
		}
		for _, d := range cases {
			if _, _, err := image.Decode(bytes.NewReader(d)); err != nil && tc.check(d) == nil {
				t.Errorf("%s (%d bytes): decoding fails (%v), the check passes", tc.name, len(d), err)
			}
		}
	}
}

// rewriteIDAT returns the PNG with its picture data inflated, changed by
// edit and deflated again into one IDAT chunk with a right checksum.
func rewriteIDAT(t *testing.T, png []byte, edit func([]byte) []byte) []byte {
	t.Helper()
	var idat bytes.Buffer
	var before, after []byte
	for i := 8; i < len(png); {
		n := int(binary.BigEndian.Uint32(png[i:]))
		kind := string(png[i+4 : i+8])
		switch {
		case kind == "IDAT":
			idat.Write(png[i+8 : i+8+n])
		case idat.Len() == 0:
			before = append(before, png[i:i+12+n]...)
		default:
			after = append(after, png[i:i+12+n]...)
		}
		i += 12 + n
	}
	zr, err := zlib.NewReader(&idat)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(edit(rows))
	zw.Close()
	chunk := binary.BigEndian.AppendUint32(nil, uint32(z.Len()))
	chunk = append(chunk, "IDAT"...)
	chunk = append(chunk, z.Bytes()...)
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(chunk[4:]))
	out := append([]byte(pngSignature), before...)
	return append(append(out, chunk...), after...)
}

// TestImagesDamagedSayWhy: a PNG with a second header, or whose picture
// data fails its zlib checksum, is refused with a sentence that says the
// file is damaged, and never stops mou.
func TestImagesDamagedSayWhy(t *testing.T) {
	png := readLogo(t, "riverside-logo.png")
	header := func(colourType byte) []byte {
		return pngChunk("IHDR", []byte{0, 0, 0, 1, 0, 0, 0, 1, 8, colourType, 0, 0, 0})
	}
	badAdler := rewriteIDAT(t, png, func(rows []byte) []byte { return rows })
	badAdler = withZlibTail(t, badAdler)
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"a second header of an unknown colour type", afterHeader(png, header(9))},
		{"a second header of another size", afterHeader(png, header(0))},
		{"picture data failing its zlib checksum", badAdler},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("panic: %v", r)
					}
				}()
				err = pngComplete(tc.data)
			}()
			if err == nil || !strings.HasPrefix(err.Error(), "is damaged") {
				t.Errorf("got %v, want an error starting \"is damaged\"", err)
			}
		})
	}
}

// pngChunk is a PNG chunk of the kind with its checksum.
func pngChunk(kind string, body []byte) []byte {
	c := binary.BigEndian.AppendUint32(nil, uint32(len(body)))
	c = append(append(c, kind...), body...)
	return binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(c[4:]))
}

// afterHeader puts chunk into the PNG right after its header chunk.
func afterHeader(png, chunk []byte) []byte {
	at := len(pngSignature) + 12 + int(binary.BigEndian.Uint32(png[len(pngSignature):]))
	return slices.Concat(png[:at], chunk, png[at:])
}

// withZlibTail damages the zlib checksum at the end of the PNG's one
// IDAT chunk, keeping the chunk's own checksum right.
func withZlibTail(t *testing.T, png []byte) []byte {
	t.Helper()
	out := []byte(pngSignature)
	for i := len(pngSignature); i < len(png); {
		n := int(binary.BigEndian.Uint32(png[i:]))
		kind, body := string(png[i+4:i+8]), bytes.Clone(png[i+8:i+8+n])
		if kind == "IDAT" {
			body[len(body)-1] ^= 1
		}
		out = append(out, pngChunk(kind, body)...)
		i += 12 + n
	}
	return out
}
