package pdf

import (
	"bytes"
	"os"
	"testing"
	"time"

	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/worktest"
)

// FuzzCheckLogo feeds arbitrary bytes to the logo check: it must stay
// within a budget of CPU time and allocation, and whatever it accepts must draw
// on a title page without an error or a panic.
func FuzzCheckLogo(f *testing.F) {
	for _, name := range []string{"../../../samples/logos/riverside-logo.png", "../../../samples/logos/hartwell-logo.jpg"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(data[:len(data)/2])
	}
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	f.Add([]byte{0xff, 0xd8, 0xff})
	r, err := New(DefaultTheme(), "")
	if err != nil {
		f.Fatal(err)
	}
	title := parse([]byte("<!-- mou:title -->\n\n# T\n\n<!-- mou:end-title -->\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var err error
		worktest.Measure(func() { err = CheckLogo(data) }).Within(t, "CheckLogo", time.Second, 200<<20)
		if err != nil {
			return
		}
		doc := testDoc.Document
		doc.Logos = []layout.Logo{{Name: "logo.png", Data: data}}
		if err := r.Render(new(bytes.Buffer), title, doc); err != nil {
			t.Fatalf("a logo CheckLogo accepts does not draw: %v", err)
		}
	})
}
