package pdf

import (
	"bytes"
	"reflect"
	"testing"

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
