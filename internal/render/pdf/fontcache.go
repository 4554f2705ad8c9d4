package pdf

import (
	"bytes"
	"reflect"
	"sync"
	"unsafe"

	"codeberg.org/go-pdf/fpdf"
)

// fpdf has no way to register a TrueType font once and use it in many
// documents: AddUTF8FontFromBytes parses the font again for each document
// and names it by the SHA-1 of its whole definition encoded as JSON,
// 65,536 widths and all, which was a fifth of a batch's CPU. So each face
// is registered once, in a document of its own, and each new document
// gets a deep copy of that parsed definition, reached by reflection into
// fpdf's unexported font table. The copy is deep because fpdf writes into
// a font's definition while it subsets it. Should a later fpdf lay its
// fonts out differently, fontTable finds no table and every document
// registers its fonts the slow way again; TestFontCacheUsed says so.

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

// addFont registers face info with p, copying a definition parsed once
// where it can and parsing the font where it cannot.
func addFont(p *fpdf.Fpdf, info faceInfo) {
	if fonts, ok := fontTable(p); ok {
		v, _ := parsedFonts.LoadOrStore(fontKey{info.family, info.style, unsafe.SliceData(info.ttf)}, &parsedFont{})
		pf := v.(*parsedFont)
		pf.once.Do(func() { pf.key, pf.def = parseFont(info) })
		if pf.def.IsValid() {
			def := reflect.New(pf.def.Type()).Elem()
			deepCopy(def, pf.def)
			fonts.SetMapIndex(pf.key, def)
			return
		}
	}
	// fpdf writes into the font bytes it is given while subsetting, so
	// each document gets its own copy.
	p.AddUTF8FontFromBytes(info.family, info.style, bytes.Clone(info.ttf))
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

// deepCopy sets dst, which is settable, to a copy of src that shares no
// memory with it: pointers, slices and maps are copied all the way down.
func deepCopy(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		if !src.IsNil() {
			p := reflect.New(src.Type().Elem())
			deepCopy(p.Elem(), src.Elem())
			dst.Set(p)
		}
	case reflect.Struct:
		if !src.CanAddr() { // a map's value
			a := reflect.New(src.Type()).Elem()
			a.Set(src)
			src = a
		}
		for i := range src.NumField() {
			deepCopy(open(dst.Field(i)), open(src.Field(i)))
		}
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		switch src.Type().Elem().Kind() {
		case reflect.Pointer, reflect.Struct, reflect.Slice, reflect.Map, reflect.Array, reflect.Interface:
			for i := range src.Len() {
				deepCopy(s.Index(i), src.Index(i))
			}
		default:
			reflect.Copy(s, src)
		}
		dst.Set(s)
	case reflect.Map:
		if src.IsNil() {
			return
		}
		m := reflect.MakeMapWithSize(src.Type(), src.Len())
		for it := src.MapRange(); it.Next(); {
			v := reflect.New(src.Type().Elem()).Elem()
			deepCopy(v, it.Value())
			m.SetMapIndex(it.Key(), v)
		}
		dst.Set(m)
	case reflect.Array, reflect.Interface, reflect.Chan, reflect.Func:
		panic("pdf: cannot copy an fpdf font holding a " + src.Kind().String())
	default:
		dst.Set(src)
	}
}
