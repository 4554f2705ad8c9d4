package pdf

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// fpdf writes each TrueType font it embeds as seven objects, and
// compresses two of them, the font program and the map from characters
// to glyphs (128 KiB a font), each with a zlib writer of its own: half a
// megabyte of new memory a writer, which a short run touches for the
// first time, page by page. That was half of fpdf's Output and a fifth
// of a run's processor time. The post-pass then threw the compressed
// program away and laid out its own (fontfix.go).
//
// So before fpdf's Output, ownFonts makes each font's subset itself,
// with fpdf's own subsetter, records what the objects need, and has fpdf
// write the font as a one-object placeholder; the post-pass then writes
// the objects (writeOwnFonts), plain, for its reused zlib writers to
// compress. The objects say what fpdf's said. Should a later fpdf lay its
// fonts out differently, ownFonts finds no such fields and leaves fpdf to
// write its fonts as before; TestOwnFontsUsed says so.

// ownFont is what the objects of one embedded font are made from.
type ownFont struct {
	placeholder string // the placeholder's font name: "mou-font-1"
	name        string // fpdf's name for the font: "utf8go"
	desc        fpdf.FontDescType
	widths      []int       // fpdf's width of each character, by code
	used        map[int]int // the characters drawn
	glyphs      map[int]int // the subset's glyph for each character
	program     []byte      // the subset
}

// ownFonts takes the embedded fonts of p over from fpdf, as above, just
// before its Output. It returns nil, leaving p as it was, if fpdf does
// not keep its fonts as this expects.
func ownFonts(p *fpdf.Fpdf) []ownFont {
	table, ok := fontTable(p)
	if !ok {
		return nil
	}
	keys := table.MapKeys()
	slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
	var fonts []ownFont
	var defs, owned []reflect.Value
	for i, key := range keys {
		def := reflect.New(table.Type().Elem()).Elem()
		def.Set(table.MapIndex(key))
		font, ok := readFont(def)
		if !ok {
			return nil
		}
		if font == nil {
			continue // not an embedded TrueType font
		}
		font.placeholder = "mou-font-" + strconv.Itoa(i+1)
		fonts, defs, owned = append(fonts, *font), append(defs, def), append(owned, key)
	}
	// Only once every font could be read is any changed.
	for i, def := range defs {
		def.FieldByName("Tp").SetString("Core")
		def.FieldByName("Name").SetString(fonts[i].placeholder)
		table.SetMapIndex(owned[i], def)
	}
	return fonts
}

// readFont reads an embedded TrueType font's definition and makes its
// subset, as fpdf's Output would; it returns nil for a font of another
// kind, and false if the definition is not laid out as expected.
func readFont(def reflect.Value) (*ownFont, bool) {
	tp, name := def.FieldByName("Tp"), def.FieldByName("Name")
	if tp.Kind() != reflect.String || name.Kind() != reflect.String {
		return nil, false
	}
	if tp.String() != "UTF8" {
		return nil, true
	}
	desc, ok := def.FieldByName("Desc").Interface().(fpdf.FontDescType)
	widths, wok := def.FieldByName("Cw").Interface().([]int)
	runes, rok := fontField(def, "usedRunes", reflect.Map)
	file, fok := fontField(def, "utf8File", reflect.Pointer)
	if !ok || !wok || !rok || !fok {
		return nil, false
	}
	used, ok := runes.Interface().(map[int]int)
	cut := file.MethodByName("GenerateCutFont")
	if !ok || !cut.IsValid() || cut.Type().NumIn() != 1 || cut.Type().In(0) != runes.Type() ||
		cut.Type().NumOut() != 1 || cut.Type().Out(0) != reflect.TypeFor[[]byte]() {
		return nil, false
	}
	font := &ownFont{name: "utf8" + name.String(), desc: desc, widths: widths, used: used}
	glyphs := file.Elem().FieldByName("CodeSymbolDictionary")
	if glyphs.Type() != reflect.TypeFor[map[int]int]() {
		return nil, false
	}
	delete(used, 0) // as fpdf does: code 0 is never drawn
	font.program = cut.Call([]reflect.Value{runes})[0].Bytes()
	font.glyphs = glyphs.Interface().(map[int]int)
	return font, true
}

// writeOwnFonts puts each font's objects in place of the placeholder
// fpdf wrote for it. It fails if a placeholder is missing.
func (f *pdfFile) writeOwnFonts(fonts []ownFont) error {
	for _, font := range fonts {
		num := f.placeholder(font.placeholder)
		if num == 0 {
			return fmt.Errorf("no font object for %s", font.name)
		}
		cidSystem := f.add("<</Registry (Adobe) /Ordering (UCS) /Supplement 0>>")
		toUnicode := f.add(stream([]byte(identityToUnicode)))
		program := f.add(fmt.Sprintf("<</Length %d /Length1 %d>>\nstream\n%s\nendstream", len(font.program), len(font.program), font.program))
		box := font.desc.FontBBox
		descriptor := f.add(fmt.Sprintf("<</Type /FontDescriptor /FontName /%s /Ascent %d /Descent %d /CapHeight %d /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %d /StemV %d /MissingWidth %d /FontFile2 %d 0 R>>",
			font.name, font.desc.Ascent, font.desc.Descent, font.desc.CapHeight, (font.desc.Flags|fpdf.FontFlagSymbolic)&^fpdf.FontFlagNonsymbolic,
			box.Xmin, box.Ymin, box.Xmax, box.Ymax, font.desc.ItalicAngle, font.desc.StemV, font.desc.MissingWidth, program))
		glyphMap := f.add(stream(font.glyphMap()))
		var dw string
		if font.desc.MissingWidth != 0 {
			dw = fmt.Sprintf(" /DW %d", font.desc.MissingWidth)
		}
		cid := f.add(fmt.Sprintf("<</Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo %d 0 R /FontDescriptor %d 0 R%s /W %s /CIDToGIDMap %d 0 R>>",
			font.name, cidSystem, descriptor, dw, font.widthArray(), glyphMap))
		f.set(num, fmt.Sprintf("<</Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>", font.name, cid, toUnicode))
	}
	return nil
}

// placeholder returns the number of the object fpdf wrote as the font
// named name, or 0. The whole object must be the one fpdf writes for a
// font of its own (a "Core" font), so that no text elsewhere in the file,
// such as a title in the document's information, can pass for it.
func (f *pdfFile) placeholder(name string) int {
	for _, o := range f.objs {
		want := fmt.Sprintf("%d 0 obj\n<</Type /Font\n/BaseFont /%s\n/Subtype /Type1\n/Encoding /WinAnsiEncoding\n>>\nendobj\n", o.num, name)
		if string(o.data) == want {
			return o.num
		}
	}
	return 0
}

// stream is the body of an object holding data as a plain stream.
func stream(data []byte) string {
	return fmt.Sprintf("<</Length %d>>\nstream\n%s\nendstream", len(data), data)
}

// glyphMap is the font's CIDToGIDMap: two bytes for each character code
// (fpdf draws text as character codes), its glyph in the subset.
func (font ownFont) glyphMap() []byte {
	m := make([]byte, 2<<16)
	for code, glyph := range font.glyphs {
		if code > 0 && code < 1<<16 {
			m[2*code], m[2*code+1] = byte(glyph>>8), byte(glyph)
		}
	}
	return m
}

// widthArray is the font's /W array: the width of every character of
// the first 256 with one, as fpdf gives them, and of every other
// character drawn, in runs of consecutive codes.
func (font ownFont) widthArray() string {
	var b bytes.Buffer
	b.WriteByte('[')
	run := -2 // the code after the last written, if a run is open
	for code := 1; code < len(font.widths); code++ {
		w := font.widths[code]
		if w == 0 || code > 255 && font.used[code] == 0 {
			continue
		}
		if w == 65535 {
			w = 0
		}
		if code != run {
			if run >= 0 {
				b.WriteString("] ")
			}
			b.WriteString(strconv.Itoa(code) + " [")
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(w))
		run = code + 1
	}
	if run >= 0 {
		b.WriteByte(']')
	}
	b.WriteByte(']')
	return b.String()
}

// identityToUnicode is the ToUnicode CMap of a font drawn by character
// code: each two-byte code is the Unicode character of the same number
// (the CMap format is Adobe Technical Note 5411).
const identityToUnicode = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
1 beginbfrange
<0000> <FFFF> <0000>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`
