package pdftest

import (
	"encoding/base64"
	"encoding/json"
	"os/exec"
	"testing"
)

// FontPrograms reads the TrueType font programs a PDF embeds (FontFile2),
// by font name as the PDF gives it ("ABCDEF+utf8go"), with qpdf, or skips
// the test where qpdf is not installed.
func FontPrograms(t testing.TB, data []byte) map[string][]byte {
	t.Helper()
	out, err := exec.Command(tool(t, "qpdf", "qpdf"), "--json=2", "--json-key=qpdf", "--json-stream-data=inline",
		"--decode-level=generalized", file(t, data)).Output()
	if err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var doc struct {
		QPDF []json.RawMessage `json:"qpdf"` // what qpdf is, then the objects
	}
	var objects map[string]struct {
		Value  map[string]any `json:"value"`
		Stream struct {
			Data string `json:"data"`
		} `json:"stream"`
	}
	if err := json.Unmarshal(out, &doc); err != nil || len(doc.QPDF) < 2 {
		t.Fatalf("qpdf --json: %v", err)
	}
	if err := json.Unmarshal(doc.QPDF[1], &objects); err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	fonts := map[string][]byte{}
	for _, o := range objects {
		if o.Value["/Type"] != "/FontDescriptor" {
			continue
		}
		name, _ := o.Value["/FontName"].(string)
		ref, _ := o.Value["/FontFile2"].(string)
		program, err := base64.StdEncoding.DecodeString(objects["obj:"+ref].Stream.Data)
		if err != nil || ref == "" {
			t.Fatalf("font %s: no font program read (%v)", name, err)
		}
		fonts[name] = program
	}
	return fonts
}
