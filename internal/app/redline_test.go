package app_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/pdftest"
	"github.com/partnership-tools/mou/internal/sampletest"
)

// marked lists, for each tracked change in a Word file, the heading of
// the section it is in ("Title page" before the first, and a section
// Word numbers with its number, "4. Aims and objectives") and the text it
// inserts or deletes; plain is the text that no change marks.
func marked(t *testing.T, file string) (sections []string, texts []string, plain string) {
	t.Helper()
	z, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var data []byte
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			r, _ := f.Open()
			data, _ = io.ReadAll(r)
			r.Close()
		}
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	var heading, para strings.Builder
	section, style := "Title page", ""
	depth, change := 0, ""
	numbered, unnumbered := 0, false
	var text, unmarked strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "p":
				para.Reset()
				style, unnumbered = "", false
			case "pStyle":
				style = e.Attr[0].Value
			case "numId":
				unnumbered = e.Attr[0].Value == "0"
			case "ins", "del":
				if !slices.Contains(sections, section) {
					sections = append(sections, section)
				}
				depth++
				change = e.Name.Local
			}
		case xml.CharData:
			para.Write(e)
			if depth > 0 {
				text.Write(e)
			} else {
				unmarked.Write(e)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "p":
				unmarked.WriteString("\n")
				if style == "Heading1" {
					heading.Reset()
					if !unnumbered {
						numbered++
						fmt.Fprintf(&heading, "%d. ", numbered)
					}
					heading.WriteString(para.String())
					section = heading.String()
				}
			case "ins", "del":
				depth--
				if text.Len() > 0 {
					texts = append(texts, change+":"+text.String())
				}
				text.Reset()
			}
		}
	}
	return sections, texts, unmarked.String()
}

// TestRedlineHandover checks that a handover's redline marks Schedule 1
// and Schedule 2 and nothing else, in the Word file and the PDF.
func TestRedlineHandover(t *testing.T) {
	old := filepath.Join(sampletest.Dir, "hub-and-spoke.yaml")
	new := handedOver(t, old)
	dir := t.TempDir()
	docx := filepath.Join(dir, "redline.docx")
	r, err := app.DiffRedline(old, new, "", docx)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Stands {
		t.Fatal("a handover changed the signed text")
	}
	first, err := os.ReadFile(docx)
	if err != nil {
		t.Fatal(err)
	}
	again := filepath.Join(dir, "again.docx")
	if _, err := app.DiffRedline(old, new, "", again); err != nil {
		t.Fatal(err)
	}
	if second, _ := os.ReadFile(again); !bytes.Equal(first, second) {
		t.Error("the same two versions gave a different redline")
	}
	sections, texts, _ := marked(t, docx)
	want := []string{"Title page", "Schedule 1: Key contacts", "Schedule 2: Amendment record"}
	if !slices.Equal(sections, want) {
		t.Errorf("changes marked in %q, want only %q", sections, want)
	}
	for _, s := range []string{"del:Zoë Marchetti", "ins:Priya Shah", "del:1", "ins:2"} {
		if !slices.Contains(texts, s) {
			t.Errorf("no tracked change %q among %q", s, texts)
		}
	}
	reports := readDocx(t, docx)
	if rep := reports[docx]; rep.Inserted == 0 || rep.Deleted == 0 || !slices.Equal(rep.Revisions, []string{"mou"}) {
		t.Errorf("python-docx found %d insertions and %d deletions by %q", rep.Inserted, rep.Deleted, rep.Revisions)
	}

	pdfFile := filepath.Join(dir, "redline.pdf")
	if _, err := app.DiffRedline(old, new, "", pdfFile); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(pdfFile)
	if err != nil {
		t.Fatal(err)
	}
	pdftest.Valid(t, data)
	pages := pdftest.Pages(t, data)
	if !strings.Contains(pages[0], "Send the notice of change and Schedule 1 to all partners") {
		t.Errorf("the first page does not give the verdict:\n%s", pages[0])
	}
	text := strings.Join(strings.Fields(strings.Join(pages, " ")), " ")
	// Signature blocks sit two to a row, so a long heading may wrap.
	for _, s := range []string{"Zoë Marchetti", "Priya Shah", "Signed for and on behalf of", "Oakhurst Primary School"} {
		if !strings.Contains(text, s) {
			t.Errorf("the PDF redline lacks %q", s)
		}
	}
}

// editedHub writes the hub-and-spoke sample with edits applied, and its
// logos, into a new folder, and returns the sample's path, the edited
// copy's and the folder.
func editedHub(t *testing.T, edits ...string) (old, new, dir string) {
	t.Helper()
	dir = t.TempDir()
	old = filepath.Join(sampletest.Dir, "hub-and-spoke.yaml")
	new = filepath.Join(dir, "new.yaml")
	if err := os.WriteFile(new, sampletest.Edit(t, "hub-and-spoke.yaml", edits...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "logos"), os.DirFS(filepath.Join(sampletest.Dir, "logos"))); err != nil {
		t.Fatal(err)
	}
	return old, new, dir
}

// TestRedlineObjective checks that changing one objective's target marks
// that objective's row, and only the words that changed.
func TestRedlineObjective(t *testing.T) {
	old, new, dir := editedHub(t, "target: 12 shared units of work", "target: 20 shared units of work")
	docx := filepath.Join(dir, "redline.docx")
	r, err := app.DiffRedline(old, new, "", docx)
	if err != nil {
		t.Fatal(err)
	}
	if r.Stands {
		t.Error("a new target left the agreement standing")
	}
	sections, texts, _ := marked(t, docx)
	// The reference on the title page changes with the text.
	if !slices.Equal(sections, []string{"Title page", "4. Aims and objectives"}) || !slices.Equal(texts, []string{"del:XA6T-VGA0", "ins:4GGR-V90V", "del:12", "ins:20"}) {
		t.Errorf("marked %q in %q, want the reference and 12 → 20 in 4. Aims and objectives", texts, sections)
	}
}

// TestRedlineFormat checks that a redline file must be .pdf or .docx and
// that nothing is written otherwise.
func TestRedlineFormat(t *testing.T) {
	out := filepath.Join(t.TempDir(), "redline.odt")
	s := filepath.Join(sampletest.Dir, "hub-and-spoke.yaml")
	if _, err := app.DiffRedline(s, s, "", out); err == nil || !strings.Contains(err.Error(), ".docx") {
		t.Errorf("got %v, want an error naming the formats", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a file was written")
	}
}

// TestRedlineCode checks the redline of the code of practice: a changed
// protocol is marked word by word in its own section, and nothing is marked
// in the memorandum's redline, which that change does not touch. A file
// whose documents leave the code out gets an error naming it, and neither
// redline is written.
func TestRedlineCode(t *testing.T) {
	old, new, dir := editedHub(t, "at least two weeks before a CPD day", "at least three weeks before a CPD day")
	mou, code := filepath.Join(dir, "mou.docx"), filepath.Join(dir, "code.docx")
	if _, err := app.DiffRedlines(old, new, "", app.Redlines{MOU: mou, CodeOfPractice: code}); err != nil {
		t.Fatal(err)
	}
	sections, texts, _ := marked(t, code)
	if len(sections) != 1 || !strings.HasSuffix(sections[0], "Protocols") || !slices.Equal(texts, []string{"del:two", "ins:three"}) {
		t.Errorf("the code's redline marks %q in %q, want two → three in Protocols", texts, sections)
	}
	if sections, texts, _ := marked(t, mou); len(texts) > 0 {
		t.Errorf("the memorandum's redline marks %q in %q, though only the code changed", texts, sections)
	}
	pdfFile := filepath.Join(dir, "code.pdf")
	if _, err := app.DiffRedlines(old, new, "", app.Redlines{CodeOfPractice: pdfFile}); err != nil {
		t.Fatal(err)
	}
	pdfData, err := os.ReadFile(pdfFile)
	if err != nil {
		t.Fatal(err)
	}
	pdftest.Valid(t, pdfData)
	if first := strings.Join(strings.Fields(pdftest.Pages(t, pdfData)[0]), " "); !strings.Contains(first, "Redline: Code of Practice") || !strings.Contains(first, "This is the code of practice") {
		t.Errorf("the first page does not say it is the code's redline:\n%s", first)
	}

	mouOnly := filepath.Join(sampletest.Dir, "model-partnership-contract.yaml")
	both := app.Redlines{MOU: filepath.Join(dir, "c-mou.pdf"), CodeOfPractice: filepath.Join(dir, "c-code.pdf")}
	_, err = app.DiffRedlines(mouOnly, mouOnly, "", both)
	if want := mouOnly + ": no redline of the code of practice: its documents list leaves it out"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	for _, f := range []string{both.MOU, both.CodeOfPractice} {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("%s was written", f)
		}
	}
}

// TestRedlinePartners: a redline marks the documents generate writes, so
// a partner that leaves is struck through wherever version 1 named it and
// one that joins is inserted wherever version 2 names it, and neither is
// printed unmarked as a full party.
func TestRedlinePartners(t *testing.T) {
	tests := []struct {
		name     string
		change   func(file string) error
		partner  string
		mark     string   // "del" or "ins"
		sections []string // sections where the partner must be marked
	}{
		{"a partner leaves", func(file string) error {
			_, err := app.Leave{Partner: "millbrook", Effective: "2026-12-31", Given: "2026-09-01", ReassignTo: "oakhurst"}.Record(file)
			return err
		}, "Millbrook Academy", "del", []string{"Title page", "1. Parties", "Schedule 1: Key contacts"}},
		{"a partner joins", func(file string) error {
			_, err := app.Join{Partner: "hillside", Name: "Hillside Primary School", Kind: "school", Lead: "Grace Obi",
				Title: "Deputy Headteacher", Email: "g.obi@hillside.example.org", Position: "Headteacher", Effective: "2027-09-01"}.Record(file)
			return err
		}, "Hillside Primary School", "ins", []string{"Title page", "1. Parties", "Schedule 1: Key contacts"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := filepath.Join(sampletest.Dir, "hub-and-spoke.yaml")
			new := copied(t, old)
			if err := tt.change(new); err != nil {
				t.Fatal(err)
			}
			docx := filepath.Join(t.TempDir(), "redline.docx")
			if _, err := app.DiffRedline(old, new, "", docx); err != nil {
				t.Fatal(err)
			}
			sections, texts, plain := marked(t, docx)
			for _, s := range tt.sections {
				if !slices.Contains(sections, s) {
					t.Errorf("nothing marked in %s; marked in %q", s, sections)
				}
			}
			var in []string
			for _, s := range texts {
				if strings.HasPrefix(s, tt.mark+":") && strings.Contains(s, tt.partner) {
					in = append(in, s)
				}
			}
			// Parties, roles, signature block and Schedule 1 at least.
			if len(in) < 4 {
				t.Errorf("%s marked %s in %d places, want 4 or more: %q", tt.partner, tt.mark, len(in), in)
			}
			// The summary page and the title page name partners
			// unmarked; the body marks every mention.
			i := strings.Index(plain, "\nParties\n")
			if i < 0 {
				t.Fatalf("no Parties heading in:\n%s", plain)
			}
			if body := plain[i:]; strings.Contains(body, tt.partner) {
				t.Errorf("%s printed unmarked in the redline's body:\n%s", tt.partner, body)
			}
			// The PDF is the same document: struck or inserted words are
			// there, the title page's too.
			pdfFile := filepath.Join(t.TempDir(), "redline.pdf")
			if _, err := app.DiffRedline(old, new, "", pdfFile); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(pdfFile)
			if err != nil {
				t.Fatal(err)
			}
			pages := pdftest.Pages(t, data)
			if !strings.Contains(strings.Join(strings.Fields(pages[1]), " "), tt.partner) {
				t.Errorf("the title page does not mark %s:\n%s", tt.partner, pages[1])
			}
		})
	}
}
