package pdf

import (
	"bytes"
	"reflect"
	"testing"
	"unsafe"

	"codeberg.org/go-pdf/fpdf"
)

// TestFontCacheUsed checks that each face is copied from its parsed
// definition rather than parsed again, and that the copy is what fpdf
// itself would have made and shares no memory with the cached one.
func TestFontCacheUsed(t *testing.T) {
	for _, fam := range families {
		for _, info := range fam {
			t.Run(info.family+info.style, func(t *testing.T) {
				newDoc := func() *fpdf.Fpdf {
					p := fpdf.New("P", "mm", "A4", "")
					p.AliasNbPages(pageCountAlias)
					return p
				}
				slow := newDoc()
				slow.AddUTF8FontFromBytes(info.family, info.style, bytes.Clone(info.ttf))
				want, ok := fontTable(slow)
				if !ok {
					t.Fatal("fpdf keeps its fonts elsewhere now: every document parses its fonts again (see fontcache.go)")
				}
				fast := newDoc()
				addFont(fast, info)
				addFont(newDoc(), info) // the first use parses; this copies
				got, _ := fontTable(fast)
				if !reflect.DeepEqual(got.Interface(), want.Interface()) {
					t.Fatal("the copied font definition differs from the one fpdf makes")
				}
				v, ok := parsedFonts.Load(fontKey{info.family, info.style, &info.ttf[0]})
				if !ok || !v.(*parsedFont).def.IsValid() {
					t.Fatal("the face was not cached")
				}
				cached := v.(*parsedFont)
				copied := got.MapIndex(cached.key)
				if copied.FieldByName("Cw").Pointer() == cached.def.FieldByName("Cw").Pointer() ||
					copied.FieldByName("usedRunes").Pointer() == cached.def.FieldByName("usedRunes").Pointer() ||
					copied.FieldByName("utf8File").Pointer() == cached.def.FieldByName("utf8File").Pointer() {
					t.Fatal("the copy shares memory with the cached definition")
				}
			})
		}
	}
}

// TestFontCacheFallsBack: a definition holding what cannot be copied
// faithfully (an interface, a function, a channel), as a later fpdf's
// might, is refused without a panic, so the document registers its fonts
// through fpdf's own path; what can be copied is copied all the way down.
func TestFontCacheFallsBack(t *testing.T) {
	type node struct {
		Next  *node
		Words []string
	}
	type copyableDef struct {
		Name   string
		Widths [3]int
		Runes  map[int]int
		Glyphs []*node
		List   *node
		Grid   [2][]byte
	}
	for _, surprise := range []any{
		struct{ Hook func() }{func() {}},
		struct{ Any any }{1},
		struct{ Done chan int }{make(chan int)},
		struct {
			Deep []map[string]*struct{ Any any }
		}{},
		struct{ Boxes [2]any }{},
		struct{ Ptr unsafe.Pointer }{},
	} {
		if _, ok := copyOf(reflect.ValueOf(surprise)); ok {
			t.Errorf("%T was taken as copyable", surprise)
		}
	}
	src := copyableDef{Name: "go", Widths: [3]int{1, 2, 3}, Runes: map[int]int{65: 1}, Glyphs: []*node{{Words: []string{"a"}}},
		List: &node{Next: &node{Words: []string{"b"}}}, Grid: [2][]byte{{1}, {2}}}
	c, ok := copyOf(reflect.ValueOf(src))
	if !ok {
		t.Fatal("a copyable definition was refused")
	}
	got := c.Interface().(copyableDef)
	if !reflect.DeepEqual(got, src) {
		t.Errorf("the copy differs: %+v", got)
	}
	got.Runes[65], got.Glyphs[0].Words[0], got.List.Next.Words[0], got.Grid[0][0] = 9, "x", "y", 9
	if src.Runes[65] != 1 || src.Glyphs[0].Words[0] != "a" || src.List.Next.Words[0] != "b" || src.Grid[0][0] != 1 {
		t.Error("the copy shares memory with the original")
	}
}
