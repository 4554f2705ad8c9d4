package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"sync"
)

// fpdf embeds each font as a subset of its glyphs, but names the subset
// as it names the whole font ("utf8go"), without the six-letter tag that
// marks a subset (PDF 32000-1, 9.6.4), and writes the subset's cmap table
// with a length in the wrong unit, so that a reader of the font program
// (fontTools, a PDF/A checker) cannot read its character map. The
// post-pass puts both right: fixFonts rewrites the cmap table with its
// true length and names each subset "ABCDEF+name", the letters drawn from
// the subset's bytes, so the same document always gets the same tag.

// maxFontProgram bounds a font program read back: fpdf's subsets are tens
// of kilobytes.
const maxFontProgram = 64 << 20

var (
	length1   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`/Length1 (\d+)`) })
	fontFile2 = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`/FontFile2 (\d+) 0 R`) })
	fontName  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`/FontName /([^\s/<>\[\]()]+)`) })
)

// fixFonts gives every embedded TrueType subset a readable cmap table and
// a subset tag. A font program it does not recognise keeps its cmap, and
// still gets its tag; one it cannot read is left as fpdf wrote it.
// subset, which may be nil, gives the tables of the subset fpdf made of
// the font it names ("utf8go"), as fontcache.go keeps them, so that the
// font program fpdf compressed need not be read back.
func (f *pdfFile) fixFonts(subset func(name string) ([]sfntTable, bool)) {
	names := map[string]string{} // fpdf's name -> the tagged name
	for i := range f.objs {
		desc := f.objs[i].data
		if !bytes.Contains(desc, []byte("/Type /FontDescriptor")) {
			continue
		}
		fm, nm := fontFile2().FindSubmatch(desc), fontName().FindSubmatch(desc)
		if fm == nil || nm == nil {
			continue
		}
		num, _ := strconv.Atoi(string(fm[1]))
		o := f.object(num)
		if o == nil {
			continue
		}
		font, ok := subsetProgram(subset, string(nm[1]))
		if !ok {
			var err error
			if font, err = fontProgram(o.data); err != nil {
				continue
			}
			if fixed, ok := fixCmap(font); ok {
				font = fixed
			}
		}
		o.data = slices.Concat(fmt.Appendf(nil, "%d 0 obj\n<</Length %d /Length1 %d>>\nstream\n", num, len(font), len(font)), font, []byte(streamEnd))
		names[string(nm[1])] = subsetTag(font) + "+" + string(nm[1])
	}
	if len(names) == 0 {
		return
	}
	for i := range f.objs {
		o := &f.objs[i]
		if bytes.Contains(o.data, []byte(streamStart)) { // fonts are named in dictionaries alone
			continue
		}
		for old, tagged := range names {
			for _, key := range []string{"/BaseFont /", "/FontName /"} {
				o.data = renameFont(o.data, key+old, key+tagged)
			}
		}
	}
}

// renameFont replaces each old in data that a delimiter or white space
// ends, so that "/BaseFont /utf8go" is not found in "/BaseFont /utf8goB".
func renameFont(data []byte, old, new string) []byte {
	if !bytes.Contains(data, []byte(old)) {
		return data
	}
	var out []byte
	for {
		i := bytes.Index(data, []byte(old))
		if i < 0 {
			return append(out, data...)
		}
		end := i + len(old)
		if end < len(data) && !bytes.ContainsAny(data[end:end+1], " \t\r\n/<>[]()") {
			out, data = append(out, data[:end]...), data[end:]
			continue
		}
		out = append(append(out, data[:i]...), new...)
		data = data[end:]
	}
}

// fontProgram returns the font program in a font file object as fpdf
// writes it: a stream, compressed or not.
func fontProgram(obj []byte) ([]byte, error) {
	s := bytes.Index(obj, []byte(streamStart))
	if s < 0 {
		return nil, fmt.Errorf("no stream")
	}
	lm := lengthKey().FindSubmatch(obj[:s])
	if lm == nil {
		return nil, fmt.Errorf("no length")
	}
	n, _ := strconv.Atoi(string(lm[1]))
	start := s + len(streamStart)
	if start+n > len(obj) {
		return nil, fmt.Errorf("stream length does not match")
	}
	data := obj[start : start+n]
	if !bytes.Contains(obj[:s], []byte("/Filter /FlateDecode")) {
		return data, nil
	}
	r, err := inflater(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	defer inflaters.Put(r)
	var out bytes.Buffer
	if m := length1().FindSubmatch(obj[:s]); m != nil {
		n, _ := strconv.Atoi(string(m[1]))
		out.Grow(min(n, maxFontProgram) + bytes.MinRead) // room for ReadFrom's last read
	}
	_, err = io.Copy(&out, io.LimitReader(r, maxFontProgram))
	return out.Bytes(), err
}

// inflaters holds zlib readers, so that the font programs of a run share
// a few of them rather than each allocating its own.
var inflaters sync.Pool

// inflater returns a zlib reader of r, from inflaters where it can.
func inflater(r io.Reader) (io.ReadCloser, error) {
	if z, ok := inflaters.Get().(io.ReadCloser); ok {
		return z, z.(zlib.Resetter).Reset(r, nil)
	}
	return zlib.NewReader(r)
}

// subsetTag returns six capital letters drawn from font's bytes.
func subsetTag(font []byte) string {
	sum := sha256.Sum256(font)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// sfntTable is one table of a TrueType font.
type sfntTable struct {
	tag  string
	data []byte
}

// subsetProgram lays out the subset fpdf made of the font it names from
// the subset's tables, with its cmap fixed, as fixCmap would from the
// font program fpdf wrote: fpdf lays the tables out in the order of their
// tags, each on a four-byte boundary, as writeSFNT does. It returns false
// where the tables are not to be had or fixCmap would fail.
func subsetProgram(subset func(string) ([]sfntTable, bool), name string) ([]byte, bool) {
	if subset == nil {
		return nil, false
	}
	tables, ok := subset(name)
	if !ok || !fixCmapTable(tables) {
		return nil, false
	}
	return writeSFNT(0x00010000, tables), true
}

// fixCmap returns font with its cmap table rewritten as one format 4
// subtable of the true length, or false if font is not laid out as fpdf
// writes a subset: one format 4 subtable for Windows Unicode (3, 1) whose
// segments map by delta alone.
func fixCmap(font []byte) ([]byte, bool) {
	tables, ok := readSFNT(font)
	if !ok || !fixCmapTable(tables) {
		return nil, false
	}
	return writeSFNT(binary.BigEndian.Uint32(font), tables), true
}

// fixCmapTable rewrites the cmap among tables as fixCmap does, or returns
// false and leaves the tables as they were.
func fixCmapTable(tables []sfntTable) bool {
	i := slices.IndexFunc(tables, func(t sfntTable) bool { return t.tag == "cmap" })
	if i < 0 {
		return false
	}
	cmap := tables[i].data
	be := binary.BigEndian
	if len(cmap) < 12+14 || be.Uint16(cmap[2:]) != 1 || be.Uint16(cmap[4:]) != 3 || be.Uint16(cmap[6:]) != 1 || be.Uint32(cmap[8:]) != 12 {
		return false
	}
	sub := cmap[12:]
	segs := int(be.Uint16(sub[6:])) / 2
	size := 16 + 8*segs // the header, four arrays of segs and the pad
	if be.Uint16(sub) != 4 || segs == 0 || len(sub) < size {
		return false
	}
	for s := range segs { // every idRangeOffset is 0: no glyph array is read
		if be.Uint16(sub[16+6*segs+2*s:]) != 0 {
			return false
		}
	}
	fixed := slices.Clone(cmap[:12+size])
	be.PutUint16(fixed[12+2:], uint16(size))
	tables[i].data = fixed
	return true
}

// readSFNT returns the tables of a TrueType font, in the order of its
// table directory, or false if it cannot be read.
func readSFNT(font []byte) ([]sfntTable, bool) {
	be := binary.BigEndian
	if len(font) < 12 {
		return nil, false
	}
	n := int(be.Uint16(font[4:]))
	if len(font) < 12+16*n {
		return nil, false
	}
	tables := make([]sfntTable, n)
	for i := range n {
		rec := font[12+16*i:]
		off, length := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		if off < 0 || length < 0 || off+length > len(font) {
			return nil, false
		}
		tables[i] = sfntTable{tag: string(rec[:4]), data: font[off : off+length]}
	}
	return tables, true
}

// writeSFNT lays out a TrueType font from its tables: the directory, then
// each table on a four-byte boundary, with their checksums and the head
// table's checksum adjustment worked out afresh.
func writeSFNT(version uint32, tables []sfntTable) []byte {
	be := binary.BigEndian
	n := len(tables)
	search, selector := 1, 0
	for search*2 <= n {
		search, selector = search*2, selector+1
	}
	size := 12 + 16*n
	for _, t := range tables {
		size += (len(t.data) + 3) &^ 3
	}
	out := make([]byte, 12+16*n, size)
	be.PutUint32(out, version)
	be.PutUint16(out[4:], uint16(n))
	be.PutUint16(out[6:], uint16(search*16))
	be.PutUint16(out[8:], uint16(selector))
	be.PutUint16(out[10:], uint16(n*16-search*16))
	head := -1
	for i, t := range tables {
		data := t.data
		if t.tag == "head" && len(data) >= 12 {
			data = slices.Clone(data)
			be.PutUint32(data[8:], 0) // checkSumAdjustment, set below
			head = len(out)
		}
		rec := out[12+16*i:]
		copy(rec, t.tag)
		be.PutUint32(rec[4:], checksum(data))
		be.PutUint32(rec[8:], uint32(len(out)))
		be.PutUint32(rec[12:], uint32(len(data)))
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if head >= 0 {
		be.PutUint32(out[head+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

// checksum is a TrueType table checksum: the sum of its big-endian
// 32-bit words, the last padded with zeros.
func checksum(data []byte) uint32 {
	var sum uint32
	for i := 0; i < len(data); i += 4 {
		var word [4]byte
		copy(word[:], data[i:])
		sum += binary.BigEndian.Uint32(word[:])
	}
	return sum
}
