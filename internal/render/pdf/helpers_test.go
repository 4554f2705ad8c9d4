package pdf

import (
	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/layout"

	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"
)

// sampleLogos makes two small logos, one PNG and one JPEG.
func sampleLogos(t testing.TB) []layout.Logo {
	t.Helper()
	a := image.NewRGBA(image.Rect(0, 0, 120, 60))
	b := image.NewRGBA(image.Rect(0, 0, 80, 80))
	for y := 0; y < 80; y++ {
		for x := 0; x < 120; x++ {
			a.Set(x, y, color.RGBA{0x1b, 0x36, 0x5d, 0xff})
			if (x-40)*(x-40)+(y-40)*(y-40) < 1200 {
				b.Set(x, y, color.RGBA{0xc8, 0x10, 0x2e, 0xff})
			} else {
				b.Set(x, y, color.RGBA{0xff, 0xff, 0xff, 0xff})
			}
		}
	}
	var pa, pb bytes.Buffer
	if err := png.Encode(&pa, a); err != nil {
		t.Fatal(err)
	}
	if err := jpeg.Encode(&pb, b, nil); err != nil {
		t.Fatal(err)
	}
	return []layout.Logo{{Name: "north.png", Data: pa.Bytes()}, {Name: "bro-wyn.jpg", Data: pb.Bytes()}}
}

// testDocument is a document to render, with the e-signature service to
// render it with.
type testDocument struct {
	layout.Document
	ESign string
	// Owners own the first signature blocks, in order, as a signing
	// plan would name them; blocks past them have no owner.
	Owners []layout.Signer
}

// parse parses Markdown for the renderer.
func parse(md []byte) *layout.Tree { return layout.Parse(md) }

// parseOwned parses Markdown and names the owners of its first
// signature blocks.
func parseOwned(md []byte, owners []layout.Signer) *layout.Tree {
	tree := parse(md)
	i := 0
	ast.Walk(tree.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if s, ok := n.(*layout.Signature); ok && entering && i < len(owners) {
			s.Owner = owners[i]
			i++
		}
		return ast.WalkContinue, nil
	})
	return tree
}

// ids are owners known by their ids alone.
func ids(list ...string) []layout.Signer {
	var out []layout.Signer
	for _, id := range list {
		out = append(out, layout.Signer{ID: id})
	}
	return out
}

// named are owners known by their names alone, as e-signature roles.
func named(list ...string) []layout.Signer {
	var out []layout.Signer
	for _, name := range list {
		out = append(out, layout.Signer{Name: name})
	}
	return out
}
