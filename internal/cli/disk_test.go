package cli

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pngHeader makes the start of a PNG: the signature and a header chunk
// with the given size, bit depth, colour type and interlacing, then the
// end chunk. It is enough for a header check, and no more.
func pngHeader(w, h uint32, depth, colour, interlace byte) []byte {
	chunk := func(kind string, data []byte) []byte {
		var b bytes.Buffer
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		b.WriteString(kind)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(kind), data...)))
		return b.Bytes()
	}
	ihdr := binary.BigEndian.AppendUint32(nil, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, depth, colour, 0, 0, interlace)
	out := []byte("\x89PNG\r\n\x1a\n")
	out = append(out, chunk("IHDR", ihdr)...)
	return append(out, chunk("IEND", nil)...)
}

// TestBadLogos puts every kind of bad logo where the sample's first logo
// is: validate and generate must refuse each with the logo's line, at
// once and within the memory of a small machine, and write nothing.
func TestBadLogos(t *testing.T) {
	good, err := os.ReadFile("../../samples/logos/riverside-logo.png")
	if err != nil {
		t.Fatal(err)
	}
	var deep bytes.Buffer
	png.Encode(&deep, image.NewNRGBA64(image.Rect(0, 0, 4, 4)))
	tests := []struct {
		name  string
		place func(path string) error
		want  string
	}{
		{"a named pipe", func(p string) error { return mkfifo(p) },
			"cannot read logos/riverside-logo.png: is a named pipe (FIFO), not a regular file"},
		{"a folder", func(p string) error { return os.Mkdir(p, 0o755) },
			"cannot read logos/riverside-logo.png: is a folder, not a file"},
		{"a link to a device", func(p string) error { return os.Symlink("/dev/zero", p) },
			"cannot read logos/riverside-logo.png: is a device, not a regular file"},
		{"too many bytes", func(p string) error { return os.WriteFile(p, append(good, make([]byte, 8<<20)...), 0o644) },
			"logos/riverside-logo.png is larger than 8 MiB, the limit for a logo: save a smaller copy"},
		{"20000 pixels square", func(p string) error { return os.WriteFile(p, pngHeader(20000, 20000, 8, 6, 0), 0o644) },
			"logos/riverside-logo.png is 20000×20000 pixels, larger than the limit of 2000×2000: save a smaller copy"},
		{"no pixels", func(p string) error { return os.WriteFile(p, pngHeader(0, 0, 8, 6, 0), 0o644) },
			"logos/riverside-logo.png is not a readable PNG image: png: invalid format: non-positive dimension"},
		{"cut short", func(p string) error { return os.WriteFile(p, good[:len(good)/2], 0o644) },
			"logos/riverside-logo.png is incomplete: the file ends before the image does; copy or save it again"},
		{"interlaced", func(p string) error { return os.WriteFile(p, pngHeader(10, 10, 8, 2, 1), 0o644) },
			"logos/riverside-logo.png is an interlaced PNG, which the PDF cannot take: save it without interlacing"},
		{"16 bits a channel", func(p string) error { return os.WriteFile(p, deep.Bytes(), 0o644) },
			"logos/riverside-logo.png is a PNG with 16 bits a channel, which the PDF cannot take: save it with 8 bits a channel"},
		{"not an image", func(p string) error { return os.WriteFile(p, []byte("GIF89a"), 0o644) },
			"logos/riverside-logo.png is not a PNG or JPEG image"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			file := writeFile(t, dir, "p.yaml")
			logo := filepath.Join(dir, "logos", "riverside-logo.png")
			os.Remove(logo)
			if err := tc.place(logo); err != nil {
				t.Skipf("cannot make the logo here: %v", err)
			}
			want := file + ":28:11: partners[0].logo: " + tc.want
			for _, cmd := range []string{"validate", "generate"} {
				out := filepath.Join(dir, "out")
				code, _, stderr := runCheaply(t, cmd, file, out)
				if code != 1 || !strings.Contains(stderr, want) {
					t.Errorf("%s: exit %d, stderr:\n%s\nwant a line:\n%s", cmd, code, stderr, want)
				}
				if _, err := os.Stat(out); !os.IsNotExist(err) {
					t.Errorf("%s: something was written", cmd)
				}
			}
		})
	}
}

// TestBatchFolderSkipsPipes puts a named pipe among the questionnaires of
// a folder: it is skipped with a note, and the others are checked.
func TestBatchFolderSkipsPipes(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.yaml")
	pipe := filepath.Join(dir, "b.yaml")
	if err := mkfifo(pipe); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	code, _, stderr := run(t, "validate", dir)
	if code != 0 || !strings.Contains(stderr, pipe+": skipped: not a regular file") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
}
