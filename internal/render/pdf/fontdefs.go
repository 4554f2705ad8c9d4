package pdf

import (
	"reflect"
	"slices"

	"codeberg.org/go-pdf/fpdf"
)

// fpdf parses a TrueType face in about two milliseconds, most of them
// spent naming it by the SHA-1 of its definition encoded as JSON, 65,536
// widths and all: with two faces, a sixth of one generate's CPU. What a
// document reads of that parse is the same in every run, so it is
// recorded at build time in fontdefs_table.go (by TestFontDefsTable, run
// by go generate) and prebuilt makes fpdf's definition from the record:
// the font's key, name and id, its descriptor and widths, the runes fpdf
// starts each subset with, and the font file. fpdf's font file parser is
// left empty but for the file, since fpdf works everything else out
// again from the file when it subsets the font (GenerateCutFont).
// TestFontDefsTable checks the record against fpdf's own parse, and
// TestPrebuiltFontsDrawAsParsed that documents come out byte for byte as
// with it. A face the record lacks, or an fpdf whose definitions are laid
// out otherwise, is parsed by fpdf as before.

// fpdfFace is what fpdf's parse of a face holds, as fontdefs_table.go
// records it.
type fpdfFace struct {
	family, style string     // the face, as faceInfo names it
	key, name, id string     // fpdf's key for the font, its name and its id
	desc          [11]int    // Ascent, Descent, CapHeight, Flags, FontBBox (4), ItalicAngle, StemV, MissingWidth
	up, ut        int        // underline position and thickness
	widths        []widthRun // the widths by rune (Cw), where not 0
	subsetRunes   int        // fpdf starts each subset with runes 0 to subsetRunes-1
}

// widthRun is the widths of consecutive runes from first.
type widthRun struct {
	first  rune
	widths []uint16
}

// prebuilt returns fpdf's key and definition for face info, made from
// the record, or invalid values where it cannot make them.
func prebuilt(info faceInfo) (key, def reflect.Value) {
	i := slices.IndexFunc(fpdfFaces, func(f fpdfFace) bool { return f.family == info.family && f.style == info.style })
	if i < 0 {
		return key, def
	}
	f := fpdfFaces[i]
	fonts, found := reflect.TypeFor[fpdf.Fpdf]().FieldByName("fonts")
	if !found || fonts.Type.Kind() != reflect.Map || fonts.Type.Key().Kind() != reflect.String || fonts.Type.Elem().Kind() != reflect.Struct {
		return key, def
	}
	d := reflect.New(fonts.Type.Elem()).Elem()
	var desc fpdf.FontDescType
	desc.Ascent, desc.Descent, desc.CapHeight, desc.Flags = f.desc[0], f.desc[1], f.desc[2], f.desc[3]
	desc.FontBBox.Xmin, desc.FontBBox.Ymin, desc.FontBBox.Xmax, desc.FontBBox.Ymax = f.desc[4], f.desc[5], f.desc[6], f.desc[7]
	desc.ItalicAngle, desc.StemV, desc.MissingWidth = f.desc[8], f.desc[9], f.desc[10]
	cw := make([]int, 1<<16)
	for _, r := range f.widths {
		for i, w := range r.widths {
			cw[int(r.first)+i] = int(w)
		}
	}
	runes := make(map[int]int, f.subsetRunes)
	for r := range f.subsetRunes {
		runes[r] = 0
	}
	file, ok := newStructField(d, "utf8File")
	if !ok {
		return key, def
	}
	reader, ok := newStructField(file, "fileReader")
	if !ok {
		return key, def
	}
	for _, v := range []struct {
		s     reflect.Value
		name  string
		value any
	}{
		{d, "Tp", "UTF8"}, {d, "Name", f.name}, {d, "Desc", desc}, {d, "Up", f.up}, {d, "Ut", f.ut},
		{d, "Cw", cw}, {d, "i", f.id}, {d, "usedRunes", runes}, {reader, "array", info.ttf},
	} {
		field := v.s.FieldByName(v.name)
		if !field.IsValid() || field.Type() != reflect.TypeOf(v.value) {
			return key, def
		}
		open(field).Set(reflect.ValueOf(v.value))
	}
	return reflect.ValueOf(f.key), d
}

// newStructField points the named field of the addressable struct s,
// a pointer to a struct, at a new zero struct, and returns it.
func newStructField(s reflect.Value, name string) (reflect.Value, bool) {
	p := s.FieldByName(name)
	if !p.IsValid() || p.Kind() != reflect.Pointer || p.Type().Elem().Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	n := reflect.New(p.Type().Elem())
	open(p).Set(n)
	return n.Elem(), true
}
