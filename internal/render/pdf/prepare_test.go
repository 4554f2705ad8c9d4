package pdf

import (
	"os"
	"testing"
)

// TestPrepare: Prepare puts the family's regular and bold faces into the
// font cache, in the background and while documents are drawn (run it
// with -race), and a second call starts nothing.
func TestPrepare(t *testing.T) {
	md, err := os.ReadFile("testdata/agreement.md")
	if err != nil {
		t.Fatal(err)
	}
	th := DefaultTheme()
	th.Font = FontSerif
	r, err := New(th, "")
	if err != nil {
		t.Fatal(err)
	}
	r.Prepare()
	validPDF(t, renderThemed(t, th, md)) // drawn while the faces may still be parsing
	r.Prepare()
	if _, ok := preparing.Load(&serifFaces); !ok {
		t.Error("Prepare did not note the family as started")
	}
	for _, f := range []face{faceRegular, faceBold} {
		if pf := parsed(serifFaces[f]); !pf.def.IsValid() {
			t.Errorf("%s: not in the font cache after Prepare", serifFaces[f].name)
		}
	}
}
