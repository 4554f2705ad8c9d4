package pdf

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

const fontDefsFile = "fontdefs_table.go"

// TestFontDefsTable parses every face with fpdf and checks that
// fontdefs_table.go records what the parse holds, and that prebuilt makes
// fpdf's own definitions from the record, but for the workings of the
// font file parser. With -update (or "go generate") it writes the file.
func TestFontDefsTable(t *testing.T) {
	var faces []fpdfFace
	for _, fam := range families {
		for _, info := range fam {
			key, def := parseFont(info)
			if !def.IsValid() {
				t.Fatalf("fpdf did not parse %s %s", info.family, info.name)
			}
			f := recordFace(t, key, def)
			f.family, f.style = info.family, info.style
			if !slices.ContainsFunc(faces, func(g fpdfFace) bool { return g.family == f.family && g.style == f.style }) {
				faces = append(faces, f)
			}
		}
	}
	slices.SortFunc(faces, func(a, b fpdfFace) int {
		return cmp.Or(strings.Compare(a.family, b.family), strings.Compare(a.style, b.style))
	})
	src := fontDefsSource(faces)
	if *update {
		if err := os.WriteFile(fontDefsFile, src, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got, err := os.ReadFile(fontDefsFile); err != nil || !bytes.Equal(got, src) {
		t.Fatalf("%s does not match fpdf's parse of the fonts (%v): run go generate ./internal/render/pdf", fontDefsFile, err)
	}
	for _, fam := range families {
		for _, info := range fam {
			key, def := parseFont(info)
			pk, pd := prebuilt(info)
			if !pd.IsValid() {
				t.Fatalf("%s %s: no definition made from the record: fpdf lays its fonts out otherwise now (see fontdefs.go)", info.family, info.name)
			}
			if pk.String() != key.String() || !reflect.DeepEqual(withoutParser(pd), withoutParser(def)) {
				t.Errorf("%s %s: the definition made from the record differs from fpdf's", info.family, info.name)
			}
			if file := pd.FieldByName("utf8File").Elem().FieldByName("fileReader").Elem().FieldByName("array"); !bytes.Equal(file.Bytes(), info.ttf) {
				t.Errorf("%s %s: the definition does not hold the font file", info.family, info.name)
			}
		}
	}
}

// TestPrebuiltFontsDrawAsParsed draws every rune of every face with the
// definition prebuilt makes and with fpdf's own: the PDFs, font subsets
// and all, are the same bytes.
func TestPrebuiltFontsDrawAsParsed(t *testing.T) {
	for _, fam := range families {
		for _, info := range fam {
			f := fpdfFaces[slices.IndexFunc(fpdfFaces, func(f fpdfFace) bool { return f.family == info.family && f.style == info.style })]
			var text []rune
			for _, r := range f.widths {
				for i := range r.widths {
					if c := r.first + rune(i); c >= ' ' {
						text = append(text, c)
					}
				}
			}
			draw := func(add func(p *fpdf.Fpdf)) []byte {
				p := fpdf.New("P", "mm", "A4", "")
				p.AliasNbPages(pageCountAlias)
				p.SetCatalogSort(true)
				p.SetCreationDate(fallbackDate)
				p.SetModificationDate(fallbackDate)
				add(p)
				p.AddPage()
				p.SetFont(info.family, info.style, 9)
				p.Text(10, 10, "Page 1 of "+pageCountAlias)
				for i, y := 0, 15.0; i < len(text); i, y = i+60, y+4 {
					if y > 285 {
						p.AddPage()
						y = 10
					}
					p.Text(10, y, string(text[i:min(i+60, len(text))]))
				}
				var b bytes.Buffer
				if err := p.Output(&b); err != nil {
					t.Fatal(err)
				}
				return b.Bytes()
			}
			made := draw(func(p *fpdf.Fpdf) {
				fonts, ok := fontTable(p)
				key, def := prebuilt(info)
				c, _, copied := forDocument(def)
				if !ok || !copied {
					t.Fatalf("%s %s: no definition made", info.family, info.name)
				}
				fonts.SetMapIndex(key, c)
			})
			parsed := draw(func(p *fpdf.Fpdf) { p.AddUTF8FontFromBytes(info.family, info.style, bytes.Clone(info.ttf)) })
			if !bytes.Equal(made, parsed) {
				t.Errorf("%s %s: drawn with the definition made from the record, %d runes come out otherwise than with fpdf's parse", info.family, info.name, len(text))
			}
		}
	}
}

// recordFace is what fontdefs_table.go records of fpdf's parse of a face.
func recordFace(t *testing.T, key, def reflect.Value) fpdfFace {
	t.Helper()
	a := reflect.New(def.Type()).Elem() // addressable, to read unexported fields
	a.Set(def)
	def = a
	f := fpdfFace{key: key.String(), name: def.FieldByName("Name").String(), id: open(def.FieldByName("i")).String(),
		up: int(def.FieldByName("Up").Int()), ut: int(def.FieldByName("Ut").Int())}
	d := def.FieldByName("Desc").Interface().(fpdf.FontDescType)
	f.desc = [11]int{d.Ascent, d.Descent, d.CapHeight, d.Flags, d.FontBBox.Xmin, d.FontBBox.Ymin, d.FontBBox.Xmax, d.FontBBox.Ymax, d.ItalicAngle, d.StemV, d.MissingWidth}
	cw := def.FieldByName("Cw").Interface().([]int)
	for r := 0; r < len(cw); r++ {
		if cw[r] == 0 {
			continue
		}
		run := widthRun{first: rune(r)}
		for ; r < len(cw) && cw[r] != 0; r++ {
			if cw[r] > 0xffff {
				t.Fatalf("%s: a width of %d does not fit the record", f.name, cw[r])
			}
			run.widths = append(run.widths, uint16(cw[r]))
		}
		f.widths = append(f.widths, run)
	}
	runes := open(def.FieldByName("usedRunes")).Interface().(map[int]int)
	for r, v := range runes {
		if r < 0 || r >= len(runes) || v != 0 {
			t.Fatalf("%s: fpdf starts its subsets otherwise now: rune %d is %d", f.name, r, v)
		}
	}
	f.subsetRunes = len(runes)
	return f
}

// withoutParser returns a copy of def without its font file parser.
func withoutParser(def reflect.Value) any {
	c := reflect.New(def.Type()).Elem()
	c.Set(def)
	p := open(c.FieldByName("utf8File"))
	p.Set(reflect.Zero(p.Type()))
	return c.Interface()
}

// fontDefsSource writes the record of every face as Go.
func fontDefsSource(faces []fpdfFace) []byte {
	var b bytes.Buffer
	b.WriteString("// Code generated by \"go test -run TestFontDefsTable -update\" in internal/render/pdf; DO NOT EDIT.\n\n")
	b.WriteString("package pdf\n\n")
	b.WriteString("// fpdfFaces are fpdf's parses of every face (see fontdefs.go).\n")
	b.WriteString("var fpdfFaces = []fpdfFace{\n")
	for _, f := range faces {
		fmt.Fprintf(&b, "{\nfamily: %q, style: %q, key: %q, name: %q, id: %q,\ndesc: %#v, up: %d, ut: %d, subsetRunes: %d,\nwidths: []widthRun{\n", f.family, f.style, f.key, f.name, f.id, f.desc, f.up, f.ut, f.subsetRunes)
		for _, r := range f.widths {
			fmt.Fprintf(&b, "{%#x, []uint16{", r.first)
			writeUint16s(&b, r.widths)
			if len(r.widths) > 16 {
				b.WriteString("\n")
			}
			b.WriteString("}},\n")
		}
		b.WriteString("},\n},\n")
	}
	b.WriteString("}\n")
	return gofmt(b.Bytes())
}
