package docxread

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/partnership-tools/mou/internal/worktest"
)

// pack zips parts into a Word file.
func pack(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for name, data := range parts {
		f, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// body is a document.xml holding xml in its body.
func body(xml string) string {
	return `<?xml version="1.0"?><w:document ` + ns + `><w:body>` + xml + `<w:sectPr/></w:body></w:document>`
}

// TestTrackedChanges: text reads as it does with every change accepted;
// the changes are listed with their authors; a paragraph deleted whole
// leaves its bookmarks gone, joined to the next; a deleted table row goes.
func TestTrackedChanges(t *testing.T) {
	xml := `<w:p><w:pPr><w:pStyle w:val="Clause"/></w:pPr><w:bookmarkStart w:id="1" w:name="mou_a"/><w:r><w:t xml:space="preserve">Keep </w:t></w:r>` +
		`<w:del w:id="2" w:author="Ann" w:date="2026-09-01T10:00:00Z"><w:r><w:delText>old</w:delText></w:r></w:del>` +
		`<w:ins w:id="3" w:author="Ann"><w:r><w:t>new</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> words.</w:t></w:r><w:bookmarkEnd w:id="1"/></w:p>` +
		`<w:p><w:pPr><w:rPr><w:del w:id="4" w:author="Bo"/></w:rPr></w:pPr><w:del w:id="5" w:author="Bo"><w:bookmarkStart w:id="6" w:name="mou_b"/><w:r><w:delText>Gone.</w:delText></w:r></w:del></w:p>` +
		`<w:p><w:bookmarkStart w:id="7" w:name="mou_c"/><w:r><w:rPr><w:b/></w:rPr><w:t>Title.</w:t></w:r><w:r><w:t xml:space="preserve"> Next</w:t></w:r><w:r><w:br/><w:t>line</w:t></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:trPr><w:del w:id="8" w:author="Cy"/></w:trPr><w:tc><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`
	d, err := Read(pack(t, map[string]string{"word/document.xml": body(xml),
		"word/styles.xml": `<w:styles ` + ns + `><w:style w:styleId="Clause"><w:name w:val="Clause"/></w:style></w:styles>`}))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Blocks) != 3 {
		t.Fatalf("%d blocks, want 3: %+v", len(d.Blocks), d.Blocks)
	}
	a, c, table := d.Blocks[0], d.Blocks[1], d.Blocks[2]
	if a.Text != "Keep new words." || a.Style != "Clause" || strings.Join(a.Bookmarks, ",") != "mou_a" {
		t.Errorf("first paragraph %+v", a)
	}
	if c.Text != "Title. Next line" || c.Bold != len("Title.") || strings.Join(c.Bookmarks, ",") != "mou_c" || strings.Join(c.Gone, ",") != "mou_b" {
		t.Errorf("the paragraph after the deleted one %+v", c)
	}
	if len(table.Table) != 1 || table.Table[0][0][0].Text != "A" {
		t.Errorf("table %+v", table.Table)
	}
	var got []string
	for _, ch := range d.Changes {
		got = append(got, ch.Kind+"/"+ch.Author+"/"+ch.Text)
	}
	want := "deletion/Ann/old|insertion/Ann/new|deletion/Bo/|deletion/Bo/Gone.|deletion of a table row/Cy/"
	if strings.Join(got, "|") != want {
		t.Errorf("changes %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestFieldsAndComments: a REF field's result is in the text, with the
// bookmark it refers to; a table of contents is marked; comments come
// with the text they are on; custom properties and the date saved are
// read.
func TestFieldsAndComments(t *testing.T) {
	xml := `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \o "1-1" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1. Parties</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>2. Aims</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
		`<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF mou_general_insurance \n \h </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7.2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve"> and </w:t></w:r><w:fldSimple w:instr=" REF mou_x "><w:r><w:t>9</w:t></w:r></w:fldSimple><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>`
	d, err := Read(pack(t, map[string]string{
		"word/document.xml": body(xml),
		"word/comments.xml": `<w:comments ` + ns + `><w:comment w:id="0" w:author="Dee" w:date="2026-10-01T09:00:00Z"><w:p><w:r><w:t>Is 9 right?</w:t></w:r></w:p></w:comment></w:comments>`,
		"docProps/custom.xml": `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
			`<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="mou.version"><vt:lpwstr>3</vt:lpwstr></property></Properties>`,
		"docProps/core.xml": `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/"><dcterms:modified>2026-10-02T11:30:00Z</dcterms:modified></cp:coreProperties>`,
	}))
	if err != nil {
		t.Fatal(err)
	}
	if !d.Blocks[0].Contents || !d.Blocks[1].Contents || d.Blocks[2].Contents {
		t.Errorf("contents marked %v %v %v", d.Blocks[0].Contents, d.Blocks[1].Contents, d.Blocks[2].Contents)
	}
	p := d.Blocks[2]
	if p.Text != "See 7.2 and 9" || len(p.Refs) != 2 || p.Text[p.Refs[0].Start:p.Refs[0].End] != "7.2" || p.Refs[0].Target != "mou_general_insurance" || p.Refs[1].Target != "mou_x" {
		t.Errorf("paragraph %q refs %+v", p.Text, p.Refs)
	}
	if len(d.Comments) != 1 || d.Comments[0].Author != "Dee" || d.Comments[0].Text != "Is 9 right?" || d.Comments[0].Anchor != "and 9" || d.Comments[0].Block != 2 {
		t.Errorf("comments %+v", d.Comments)
	}
	if d.Property("mou.version") != "3" || d.Modified.Format("2006-01-02") != "2026-10-02" {
		t.Errorf("properties %v, saved %v", d.Properties, d.Modified)
	}
}

// TestBadFiles: a file that is not a Word file, or is built to exhaust
// the reader, is an error that says why, read in bounded time and memory.
func TestBadFiles(t *testing.T) {
	zeros := strings.Repeat("\x00", MaxPartBytes/4) // compresses a thousandfold
	deep := strings.Repeat("<w:r>", MaxDepth+5) + strings.Repeat("</w:r>", MaxDepth+5)
	many := map[string]string{"word/document.xml": body("")}
	for i := range MaxEntries {
		many["media/"+strconv.Itoa(i)] = ""
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not a zip", []byte("PK but not really"), "not a zip package"},
		{"a zip without the body", pack(t, map[string]string{"hello.txt": "hi"}), "has no word/document.xml"},
		{"a zip bomb", pack(t, map[string]string{"word/document.xml": zeros}), "zip bomb"},
		{"too many files", pack(t, many), "more than the 4096"},
		{"malformed XML", pack(t, map[string]string{"word/document.xml": body("<w:p><w:r>")}), "word/document.xml"},
		{"nested too deep", pack(t, map[string]string{"word/document.xml": body("<w:p>" + deep + "</w:p>")}), "nested more than 128 deep"},
		{"a bad styles part", pack(t, map[string]string{"word/document.xml": body(""), "word/styles.xml": "<a><b></a>"}), "word/styles.xml"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(tc.data)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error saying %q", err, tc.want)
			}
		})
	}
	if _, err := Read([]byte("not a zip")); !errors.Is(err, ErrNotWord) {
		t.Errorf("got %v, want ErrNotWord", err)
	}
	huge := make([]byte, MaxFileBytes+1)
	if _, err := Read(huge); err == nil || !strings.Contains(err.Error(), "larger than 64 MiB") {
		t.Errorf("got %v for a huge file", err)
	}
}

// FuzzRead checks that any bytes give a document or an error, never a
// panic.
func FuzzRead(f *testing.F) {
	f.Add([]byte("PK"))
	var seed bytes.Buffer
	z := zip.NewWriter(&seed)
	w, _ := z.Create("word/document.xml")
	w.Write([]byte(body(`<w:p><w:ins w:id="1"><w:r><w:t>x</w:t></w:r></w:ins><w:fldSimple w:instr="REF a"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>`)))
	z.Close()
	f.Add(seed.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = Read(data)
	})
}

// TestBuiltToExhaust: bodies built so that reading them naively costs
// the square of their size (a paragraph of many runs, a long chain of
// paragraphs whose marks are deleted, many comments open at once,
// fields opened and never closed) are read in work that grows with
// their size. Their text varies, so that they compress no more than a
// real document and pass the check for zip bombs.
func TestBuiltToExhaust(t *testing.T) {
	const n = 100_000
	rnd := rand.New(rand.NewPCG(1, 2))
	many := func(format string, count int) string {
		var b strings.Builder
		for range count {
			fmt.Fprintf(&b, format, rnd.Uint32())
		}
		return b.String()
	}
	runs := many(`<w:r><w:t>%08x</w:t></w:r>`, n)
	tests := []struct {
		name, xml string
		want      string // the error, or "" for none
	}{
		{"a paragraph of many runs", "<w:p>" + runs + "</w:p>", ""},
		{"many runs inserted", `<w:p><w:ins w:id="1" w:author="A">` + runs + "</w:ins></w:p>", ""},
		{"a chain of deleted paragraph marks", many(`<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr><w:r><w:t>%08x</w:t></w:r></w:p>`, n), ""},
		{"many comments never closed", "<w:p>" + many(`<w:commentRangeStart w:id="%d"/>`, n/10) + runs + "</w:p>", ""},
		{"fields never closed", "<w:p>" + strings.Repeat(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`, n/10) + runs + "</w:p>", "more than 64 fields are open at once"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := pack(t, map[string]string{"word/document.xml": body(tc.xml)})
			var d *Document
			var err error
			cost := worktest.Measure(func() { d, err = Read(data) })
			if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
			cost.Within(t, "reading "+strconv.Itoa(len(tc.xml))+" bytes of XML", 5*time.Second, uint64(40*len(tc.xml)))
			if d != nil {
				for _, c := range d.Comments {
					if len(c.Anchor) > MaxAnchorBytes {
						t.Fatalf("a comment's anchor is %d bytes long", len(c.Anchor))
					}
				}
			}
		})
	}
}

// FuzzBody checks that any body, packed as a Word file, reads as a
// document whose blocks hold their references and bold start within
// their text, or is an error; never a panic.
func FuzzBody(f *testing.F) {
	f.Add(`<w:p><w:pPr><w:rPr><w:del w:id="1"/></w:rPr></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>A.</w:t></w:r></w:p><w:p><w:fldSimple w:instr="REF a"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>`)
	f.Add(`<w:p><w:commentRangeStart w:id="1"/><w:ins w:id="2"><w:r><w:t>x</w:t></w:r></w:ins><w:r><w:fldChar w:fldCharType="begin"/><w:instrText>REF b</w:instrText><w:fldChar w:fldCharType="separate"/><w:t>2</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>`)
	f.Fuzz(func(t *testing.T, xml string) {
		var buf bytes.Buffer
		z := zip.NewWriter(&buf)
		w, _ := z.Create("word/document.xml")
		w.Write([]byte(body(xml)))
		z.Close()
		d, err := Read(buf.Bytes())
		if err != nil {
			return
		}
		for _, b := range d.Blocks {
			if b.Bold > len(b.Text) {
				t.Fatalf("bold start %d past the text %q", b.Bold, b.Text)
			}
			for _, r := range b.Refs {
				if r.Start < 0 || r.Start > r.End || r.End > len(b.Text) {
					t.Fatalf("reference %+v outside the text %q", r, b.Text)
				}
			}
		}
	})
}

// TestShown: text from a Word file is shown with its unprintable
// characters escaped, line breaks kept, and cut where asked.
func TestShown(t *testing.T) {
	tests := []struct {
		in    string
		limit int
		want  string
	}{
		{"Priya Shah", 80, "Priya Shah"},
		{"a\u009b2Jb\x1b[1A", 0, `a\u009b2Jb\u001b[1A`},
		{"right\u202eleft \u00ad", 0, `right\u202eleft \u00ad`},
		{"two\nlines", 0, "two\nlines"},
		{"\xff", 0, "\ufffd"},
		{"\U000e0001tag", 0, `\U000e0001tag`},
		{strings.Repeat("é", 100), 3, "ééé…"},
	}
	for _, tc := range tests {
		if got := Shown(tc.in, tc.limit); got != tc.want {
			t.Errorf("Shown(%q, %d) = %q, want %q", tc.in, tc.limit, got, tc.want)
		}
	}
}
