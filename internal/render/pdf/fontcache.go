package pdf

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"codeberg.org/go-pdf/fpdf"
)

// fpdf has no way to register a TrueType font once and use it in many
// documents: AddUTF8FontFromBytes parses the font again for each document
// and names it by the SHA-1 of its whole definition encoded as JSON,
// 65,536 widths and all, which was a fifth of a batch's CPU. So each
// face's definition is made once a process, from the record of fpdf's
// parse (fontdefs.go) or by fpdf in a document of its own, and each new
// document gets a copy of it, set into fpdf's unexported font table by
// reflection.
//
// The copy shares what fpdf only reads (the widths and the tables parsed
// from the font file) and has its own of what fpdf writes to while
// drawing and subsetting: the definition, its set of runes used, and the
// font file's parser (utf8File), whose every other field GenerateCutFont
// sets afresh before reading it, with its reader and the font file's
// bytes (fpdf's getMetrics appends to a slice of them, writing into the
// file, for a glyph past the font's last full horizontal metric: any
// glyph of Go Mono). Copying all of it, widths and tables too, cost each
// document a megabyte a face and a sixth of a run's page faults.
// TestFontCacheUnchanged draws documents side by side and checks that the
// cached definitions are still as they were made. Should a later fpdf
// lay its fonts out differently, fontTable or forDocument finds no such
// fields and every document registers its fonts the slow way again;
// TestFontCacheUsed says so.

// parsedFonts holds, for each face, the fpdf font definition parsed from
// it.
var parsedFonts sync.Map // fontKey -> *parsedFont

// fontKey names a face: its fpdf family and style and its font file's
// bytes, by address.
type fontKey struct {
	family, style string
	ttf           *byte
}

type parsedFont struct {
	once sync.Once
	key  reflect.Value // fpdf's key for the font in its table
	def  reflect.Value // the definition; never written to
}

// parsed returns the face's definition in the process's font cache,
// made from the record of fpdf's parse the first time (fontdefs.go), or
// parsed by fpdf where it cannot be.
func parsed(info faceInfo) *parsedFont {
	v, _ := parsedFonts.LoadOrStore(fontKey{info.family, info.style, unsafe.SliceData(info.ttf)}, &parsedFont{})
	pf := v.(*parsedFont)
	pf.once.Do(func() {
		if pf.key, pf.def = prebuilt(info); !pf.def.IsValid() {
			pf.key, pf.def = parseFont(info)
		}
	})
	return pf
}

// addFont registers face info with p, copying a definition parsed once
// where it can and parsing the font where it cannot. Where it copied, it
// returns the name fpdf gives the font in the PDF ("utf8go") and the
// document's own font file parser, which after fpdf's Output holds the
// tables of the subset it embedded (see subsetTables).
func addFont(p *fpdf.Fpdf, info faceInfo) (name string, file reflect.Value) {
	if fonts, ok := fontTable(p); ok {
		pf := parsed(info)
		if def, file, ok := forDocument(pf.def); ok {
			fonts.SetMapIndex(pf.key, def)
			if n := def.FieldByName("Name"); n.Kind() == reflect.String {
				return "utf8" + n.String(), file
			}
			return "", reflect.Value{}
		}
	}
	p.AddUTF8FontFromBytes(info.family, info.style, bytes.Clone(info.ttf))
	return "", reflect.Value{}
}

// subsetTables returns the tables of the subset fpdf's Output made with a
// document's font file parser (its outTablesData), in the order of their
// tags, as fpdf lays them out; or false if it holds none.
func subsetTables(file reflect.Value) ([]sfntTable, bool) {
	m, ok := fontField(file, "outTablesData", reflect.Map)
	if !ok || m.Type().Key().Kind() != reflect.String || m.Type().Elem() != reflect.TypeFor[[]byte]() {
		return nil, false
	}
	tables := make([]sfntTable, 0, m.Len())
	for it := m.MapRange(); it.Next(); {
		tables = append(tables, sfntTable{tag: it.Key().String(), data: it.Value().Bytes()})
	}
	slices.SortFunc(tables, func(a, b sfntTable) int { return strings.Compare(a.tag, b.tag) })
	return tables, len(tables) > 0
}

// parseFont registers info in a document of its own, set up as
// newFPDFCanvas sets up each document (fpdf keeps a font's first runes
// according to the page count alias), and returns its table entry.
func parseFont(info faceInfo) (key, def reflect.Value) {
	p := fpdf.New("P", "mm", "A4", "")
	p.AliasNbPages(pageCountAlias)
	p.AddUTF8FontFromBytes(info.family, info.style, bytes.Clone(info.ttf))
	fonts, ok := fontTable(p)
	if !ok || p.Error() != nil || fonts.Len() != 1 {
		return key, def
	}
	it := fonts.MapRange()
	it.Next()
	return it.Key(), it.Value()
}

// fontTable returns fpdf's table of the document's fonts, writable, or
// false if fpdf no longer keeps one where it did.
func fontTable(p *fpdf.Fpdf) (reflect.Value, bool) {
	f := reflect.ValueOf(p).Elem().FieldByName("fonts")
	if !f.IsValid() || f.Kind() != reflect.Map || f.Type().Key().Kind() != reflect.String || f.Type().Elem().Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	return open(f), true
}

// open makes an addressable value usable though it is an unexported field.
func open(v reflect.Value) reflect.Value {
	return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
}

// forDocument returns a copy of the cached definition def for one
// document: its own definition, set of runes used, font file parser,
// reader and bytes, sharing the rest; and that font file parser. It
// returns false if def is not laid out so.
func forDocument(def reflect.Value) (c, file reflect.Value, ok bool) {
	if !def.IsValid() || def.Kind() != reflect.Struct {
		return reflect.Value{}, reflect.Value{}, false
	}
	c = reflect.New(def.Type()).Elem()
	c.Set(def)
	runes, ok := fontField(c, "usedRunes", reflect.Map)
	if !ok {
		return reflect.Value{}, reflect.Value{}, false
	}
	own := reflect.MakeMapWithSize(runes.Type(), runes.Len())
	for it := runes.MapRange(); it.Next(); {
		own.SetMapIndex(it.Key(), it.Value())
	}
	runes.Set(own)
	file, ok = ownStruct(c, "utf8File")
	if !ok {
		return reflect.Value{}, reflect.Value{}, false
	}
	reader, ok := ownStruct(file, "fileReader")
	if !ok {
		return reflect.Value{}, reflect.Value{}, false
	}
	font, ok := fontField(reader, "array", reflect.Slice)
	if !ok || font.Type().Elem().Kind() != reflect.Uint8 {
		return reflect.Value{}, reflect.Value{}, false
	}
	font.SetBytes(bytes.Clone(font.Bytes()))
	return c, file, true
}

// ownStruct points the named field of s, a pointer to a struct, at a
// copy of that struct, and returns the copy.
func ownStruct(s reflect.Value, name string) (reflect.Value, bool) {
	p, ok := fontField(s, name, reflect.Pointer)
	if !ok || p.IsNil() || p.Type().Elem().Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	c := reflect.New(p.Type().Elem())
	c.Elem().Set(p.Elem())
	p.Set(c)
	return c.Elem(), true
}

// fontField returns the named field of the addressable struct s, settable, if
// it is of the given kind and not nil.
func fontField(s reflect.Value, name string, kind reflect.Kind) (reflect.Value, bool) {
	f := s.FieldByName(name)
	if !f.IsValid() || f.Kind() != kind || f.IsNil() {
		return reflect.Value{}, false
	}
	return open(f), true
}
