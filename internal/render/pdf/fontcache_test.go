package pdf

import (
	"bytes"
	"os"
	"reflect"
	"runtime"
	"sync"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// newFontDoc starts a document set up, for its fonts, as newFPDFCanvas
// sets up each one.
func newFontDoc() *fpdf.Fpdf {
	p := fpdf.New("P", "mm", "A4", "")
	p.AliasNbPages(pageCountAlias)
	return p
}

// TestFontCacheUsed checks that each face is copied from its cached
// definition rather than parsed again, that the copy is what fpdf itself
// would have made (but for its font file parser's workings, which
// TestPrebuiltFontsDrawAsParsed covers), and that it has its own of what
// fpdf writes to.
func TestFontCacheUsed(t *testing.T) {
	for _, fam := range families {
		for _, info := range fam {
			t.Run(info.family+info.style, func(t *testing.T) {
				slow := newFontDoc()
				slow.AddUTF8FontFromBytes(info.family, info.style, bytes.Clone(info.ttf))
				want, ok := fontTable(slow)
				if !ok {
					t.Fatal("fpdf keeps its fonts elsewhere now: every document parses its fonts again (see fontcache.go)")
				}
				fast := newFontDoc()
				addFont(fast, info)
				got, _ := fontTable(fast)
				if got.Len() != 1 || want.Len() != 1 || got.MapKeys()[0].String() != want.MapKeys()[0].String() {
					t.Fatalf("fonts registered as %v, want %v", got.MapKeys(), want.MapKeys())
				}
				if !reflect.DeepEqual(withoutParser(got.MapIndex(got.MapKeys()[0])), withoutParser(want.MapIndex(want.MapKeys()[0]))) {
					t.Fatal("the copied font definition differs from the one fpdf makes")
				}
				cached := parsed(info)
				if !cached.def.IsValid() {
					t.Fatal("the face was not cached")
				}
				copied := got.MapIndex(cached.key)
				if copied.FieldByName("usedRunes").Pointer() == cached.def.FieldByName("usedRunes").Pointer() {
					t.Error("the copy shares its set of runes used with the cached definition")
				}
				file, cachedFile := copied.FieldByName("utf8File"), cached.def.FieldByName("utf8File")
				if file.Pointer() == cachedFile.Pointer() {
					t.Fatal("the copy shares its font file parser with the cached definition")
				}
				reader, cachedReader := file.Elem().FieldByName("fileReader"), cachedFile.Elem().FieldByName("fileReader")
				if reader.Pointer() == cachedReader.Pointer() {
					t.Fatal("the copy shares its font file reader with the cached definition")
				}
				if reader.Elem().FieldByName("array").Pointer() == cachedReader.Elem().FieldByName("array").Pointer() {
					t.Error("the copy shares the font file's bytes with the cached definition")
				}
			})
		}
	}
}

// TestFontCacheCopiesLittle bounds what each document's copy of a face
// allocates: its set of runes used, two small structs and the font file,
// not the widths (half a megabyte) or the tables parsed from the file.
func TestFontCacheCopiesLittle(t *testing.T) {
	info := faces[faceRegular]
	pf := parsed(info)
	var before, after runtime.MemStats
	const n = 20
	runtime.ReadMemStats(&before)
	for range n {
		if _, _, ok := forDocument(pf.def); !ok {
			t.Fatal("the cached definition was refused")
		}
	}
	runtime.ReadMemStats(&after)
	if per, most := (after.TotalAlloc-before.TotalAlloc)/n, uint64(len(info.ttf))+16<<10; per > most {
		t.Errorf("each copy allocates %d bytes, want at most %d (the font file and 16 KiB)", per, most)
	}
}

// TestFontCacheUnchanged draws documents in both families side by side
// (run it with -race) and then checks that every cached definition is
// still as it was made: fpdf wrote nothing that the copies share.
func TestFontCacheUnchanged(t *testing.T) {
	md, err := os.ReadFile("testdata/agreement.md")
	if err != nil {
		t.Fatal(err)
	}
	md = append(md, "\n\n*Café*, **naïve** `code` and ‘quotes’ — £5 · €6 · Ŵ ŷ\n"...)
	var wg sync.WaitGroup
	for _, font := range []string{FontSans, FontSerif, FontSans, FontSerif} {
		th := DefaultTheme()
		th.Font = font
		wg.Go(func() { validPDF(t, renderThemed(t, th, md)) })
	}
	wg.Wait()
	for _, fam := range families {
		for _, info := range fam {
			cached := parsed(info)
			_, fresh := prebuilt(info)
			if !fresh.IsValid() {
				_, fresh = parseFont(info)
			}
			if !reflect.DeepEqual(cached.def.Interface(), fresh.Interface()) {
				t.Errorf("%s %s: drawing changed the cached definition", info.family, info.name)
			}
		}
	}
}

// TestFontCacheFallsBack: a definition laid out otherwise than fpdf's
// today, as a later fpdf's might be, is refused without a panic, so that
// the document registers its fonts through fpdf's own path.
func TestFontCacheFallsBack(t *testing.T) {
	type reader struct {
		pos   int
		array []byte
	}
	type file struct{ fileReader *reader }
	type noReader struct{ other *reader }
	for name, def := range map[string]any{
		"no rune set":         struct{ utf8File *file }{&file{&reader{}}},
		"rune set not a map":  struct{ usedRunes []int }{[]int{1}},
		"no font file parser": struct{ usedRunes map[int]int }{map[int]int{}},
		"nil font file": struct {
			usedRunes map[int]int
			utf8File  *file
		}{map[int]int{}, nil},
		"no reader": struct {
			usedRunes map[int]int
			utf8File  *noReader
		}{map[int]int{}, &noReader{}},
		"nil reader": struct {
			usedRunes map[int]int
			utf8File  *file
		}{map[int]int{}, &file{}},
		"not a struct": 7,
	} {
		if _, _, ok := forDocument(reflect.ValueOf(def)); ok {
			t.Errorf("%s: taken as a font definition", name)
		}
	}
	if _, _, ok := forDocument(reflect.Value{}); ok {
		t.Error("no definition at all was taken")
	}
	type known struct {
		usedRunes map[int]int
		utf8File  *file
	}
	src := known{map[int]int{65: 65}, &file{&reader{3, []byte{1}}}}
	c, _, ok := forDocument(reflect.ValueOf(src))
	if !ok {
		t.Fatal("a definition laid out as fpdf's was refused")
	}
	got := c.Interface().(known)
	got.usedRunes[66] = 66
	got.utf8File.fileReader.pos = 9
	got.utf8File.fileReader.array[0] = 9
	if len(src.usedRunes) != 1 || src.utf8File.fileReader.pos != 3 || src.utf8File.fileReader.array[0] != 1 {
		t.Error("the copy writes through to the original")
	}
}

// TestSubsetFromTables: each font program laid out from the tables of
// the subset fpdf made is byte for byte the one read back from what fpdf
// wrote, in both families, so the post-pass need not read it back.
func TestSubsetFromTables(t *testing.T) {
	md, err := os.ReadFile("testdata/agreement.md")
	if err != nil {
		t.Fatal(err)
	}
	md = append(md, "\n\n*Café*, **naïve** `code` and ‘quotes’ — £5 · €6 · Ŵ ŷ\n"...)
	for _, font := range []string{FontSans, FontSerif} {
		th := DefaultTheme()
		th.Font = font
		r, err := New(th, "")
		if err != nil {
			t.Fatal(err)
		}
		c := newFPDFCanvas(r.paper, testDoc.Document)
		c.faces = r.m.faces
		if err := r.draw(c, parse(md), testDoc.Document); err != nil {
			t.Fatal(err)
		}
		var plain bytes.Buffer
		if err := c.pdf.Output(&plain); err != nil {
			t.Fatal(err)
		}
		fast, err := splitPDF(bytes.Clone(plain.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		slow, _ := splitPDF(bytes.Clone(plain.Bytes()))
		used := 0
		fast.fixFonts(func(name string) ([]sfntTable, bool) {
			tables, ok := c.subset(name)
			if ok {
				used++
			}
			return tables, ok
		})
		slow.fixFonts(nil)
		if used == 0 || used != len(c.subsets) {
			t.Errorf("%s: %d of %d fonts laid out from their tables", font, used, len(c.subsets))
		}
		if !bytes.Equal(fast.bytes(), slow.bytes()) {
			t.Errorf("%s: the fonts laid out from their tables differ from those read back", font)
		}
	}
}
