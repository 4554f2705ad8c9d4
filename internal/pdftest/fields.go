package pdftest

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// tool returns the path of a command-line tool, or skips the test with a
// message saying how to install it.
func tool(t testing.TB, name, pkg string) string {
	t.Helper()
	bin, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed: apt-get install %s", name, pkg)
	}
	return bin
}

// file writes data to a temporary file for tools that cannot read stdin.
func file(t testing.TB, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Check fails the test unless qpdf --check finds the PDF sound, and skips
// it where qpdf is not installed.
func Check(t testing.TB, data []byte) {
	t.Helper()
	out, err := exec.Command(tool(t, "qpdf", "qpdf"), "--check", file(t, data)).CombinedOutput()
	if err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
}

// Field is a form field as qpdf reads it.
type Field struct {
	Name string     // fully qualified, "signature.riverside"
	Type string     // "/Sig" or "/Tx"
	Page int        // 1-based
	Rect [4]float64 // left, bottom, right, top, in points from the bottom left
}

// Fields reads a PDF's form fields with qpdf --json, or skips the test
// where qpdf is not installed.
func Fields(t testing.TB, data []byte) []Field {
	t.Helper()
	out, err := exec.Command(tool(t, "qpdf", "qpdf"), "--json=2", "--json-key=acroform", "--json-key=qpdf", file(t, data)).Output()
	if err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var doc struct {
		AcroForm struct {
			Fields []struct {
				FullName   string `json:"fullname"`
				FieldType  string `json:"fieldtype"`
				Page       int    `json:"pageposfrom1"`
				Annotation struct {
					Object string `json:"object"`
				} `json:"annotation"`
			} `json:"fields"`
		} `json:"acroform"`
		QPDF []json.RawMessage `json:"qpdf"` // a header, then the objects
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var objects map[string]struct {
		Value struct {
			Rect []float64 `json:"/Rect"`
		} `json:"value"`
	}
	if len(doc.QPDF) < 2 || json.Unmarshal(doc.QPDF[1], &objects) != nil {
		t.Fatal("qpdf --json: no objects")
	}
	var fields []Field
	for _, f := range doc.AcroForm.Fields {
		fl := Field{Name: f.FullName, Type: f.FieldType, Page: f.Page}
		if r := objects["obj:"+f.Annotation.Object].Value.Rect; len(r) == 4 {
			copy(fl.Rect[:], r)
		}
		fields = append(fields, fl)
	}
	return fields
}

// Word is a word of a PDF's text and its box, in points from the top left
// of its page.
type Word struct {
	Text                   string
	Page                   int // 1-based
	XMin, YMin, XMax, YMax float64
	PageHeight             float64
}

// Words reads the words of a PDF and their boxes with pdftotext -bbox, or
// skips the test where poppler-utils is not installed.
func Words(t testing.TB, data []byte) []Word {
	t.Helper()
	cmd := exec.Command(tool(t, "pdftotext", "poppler-utils"), "-bbox", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	var words []Word
	page, height := 0, 0.0
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return words
		}
		if err != nil {
			t.Fatalf("pdftotext -bbox: %v", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		attr := func(name string) float64 {
			for _, a := range se.Attr {
				if a.Name.Local == name {
					v, _ := strconv.ParseFloat(a.Value, 64)
					return v
				}
			}
			return 0
		}
		switch se.Name.Local {
		case "page":
			page++
			height = attr("height")
		case "word":
			w := Word{Page: page, PageHeight: height, XMin: attr("xMin"), YMin: attr("yMin"), XMax: attr("xMax"), YMax: attr("yMax")}
			var text string
			if err := dec.DecodeElement(&text, &se); err != nil {
				t.Fatalf("pdftotext -bbox: %v", err)
			}
			w.Text = text
			words = append(words, w)
		}
	}
}

// UnsignedSignatures lists the unsigned signature fields pdfsig finds, by
// name, or skips the test where poppler-utils is not installed.
func UnsignedSignatures(t testing.TB, data []byte) []string {
	t.Helper()
	out, _ := exec.Command(tool(t, "pdfsig", "poppler-utils"), file(t, data)).CombinedOutput()
	var names []string
	name := ""
	for _, line := range strings.Split(string(out), "\n") {
		line = strings.TrimSpace(line)
		if n, ok := strings.CutPrefix(line, "- Signature Field Name: "); ok {
			name = n
		}
		if strings.Contains(line, "is not signed") && name != "" {
			names = append(names, name)
			name = ""
		}
	}
	return names
}

// Heading returns the heading of the signature block that field f sits
// in, as the PDF's words show it: the nearest line above the field, in
// the field's column, that starts with one of the lead-ins ("Signed for
// and on behalf of"), with any lines it wraps onto; "" when there is
// none. The column runs from the label on the field's line ("Signed:")
// to the field's right edge, so that of two blocks side by side only the
// field's own is read.
func Heading(f Field, words []Word, leadIns ...string) string {
	var page []Word
	for _, w := range words {
		if w.Page == f.Page {
			page = append(page, w)
		}
	}
	if len(page) == 0 {
		return ""
	}
	top := page[0].PageHeight - f.Rect[3] // the field's top, from the top of the page
	bottom := page[0].PageHeight - f.Rect[1]
	left := f.Rect[0]
	for _, w := range page { // the label on the field's own line
		if w.XMax <= f.Rect[0]+1 && f.Rect[0]-w.XMax < 20 && w.YMax > top && w.YMin < bottom {
			left = min(left, w.XMin)
		}
	}
	// The lines of the column above the field, nearest last.
	type line struct {
		y    float64
		text []string
	}
	var lines []line
	for _, w := range page {
		if w.XMin < left-2 || w.XMax > f.Rect[2]+2 || w.YMin > top {
			continue
		}
		i := len(lines) - 1
		for i >= 0 && (lines[i].y-w.YMin > 2 || w.YMin-lines[i].y > 2) {
			i--
		}
		if i < 0 {
			lines = append(lines, line{y: w.YMin})
			i = len(lines) - 1
		}
		lines[i].text = append(lines[i].text, w.Text)
	}
	sort.Slice(lines, func(a, b int) bool { return lines[a].y < lines[b].y })
	labels := []string{"Signed:", "Name:", "Position:", "Date:", "Place", "Joins", "Signed", "Endorsed"}
	for i := len(lines) - 1; i >= 0; i-- {
		text := strings.Join(lines[i].text, " ")
		for _, lead := range leadIns {
			if !strings.HasPrefix(text, lead) {
				continue
			}
			for _, next := range lines[i+1:] {
				more := strings.Join(next.text, " ")
				if slices.ContainsFunc(labels, func(l string) bool { return strings.HasPrefix(more, l+" ") || more == l }) {
					break
				}
				text += " " + more
			}
			return text
		}
	}
	return ""
}
