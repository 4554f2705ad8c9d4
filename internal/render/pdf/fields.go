package pdf

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Signing fields. Each signature block gets an unsigned signature field
// (/FT /Sig) on its signature line and a text field on its date line, so
// that PDF readers (Acrobat, Preview) and the signing services that read
// a PDF's form fields (the open-source DocuSeal, Documenso) offer "click
// to sign" there. fpdf writes no form fields, so they are added to its
// output afterwards, in the pass that compresses the streams.

// formField is the line a signing field sits on, as drawn.
type formField struct {
	kind  fieldKind
	block int     // 1-based signature block, as in signatureLine
	page  int     // 1-based
	x, y  float64 // the line's start on its baseline, in millimetres from the top left
	w     float64
}

const (
	// fieldDrop is how far a field reaches below its line, so that the
	// line sits inside the field.
	fieldDrop = 1
	// fieldFontSize is the type size of a filled-in date, in points.
	fieldFontSize = 10
)

// fieldGroup is the first part of a field's name, by kind: a partner's
// fields are "signature.<id>" and "date.<id>".
var fieldGroup = map[fieldKind]string{fieldSignature: "signature", fieldDate: "date"}

// fieldName is the last part of the name of block's fields: the id of the
// partner whose block it is, or "partner-N" for a block no signing plan
// named.
func fieldName(block int, ids []string) string {
	if block <= len(ids) && ids[block-1] != "" {
		return ids[block-1]
	}
	return "partner-" + strconv.Itoa(block)
}

// addFields adds fields to f as an AcroForm, each a widget on its page.
// pageH is the height of a page in millimetres; ids name the partners
// who sign each block, in order.
func addFields(f *pdfFile, fields []formField, ids []string, pageH float64) error {
	if len(fields) == 0 {
		return nil
	}
	rm := rootKey().FindSubmatch(f.trailer)
	if rm == nil {
		return fmt.Errorf("trailer without a root")
	}
	root, _ := strconv.Atoi(string(rm[1]))
	if c := f.object(root); c == nil || !bytes.Contains(c.data, []byte("/Type /Catalog\n")) {
		return fmt.Errorf("object %d is not the catalogue", root)
	}
	// An empty appearance: the field shows nothing until it is signed or
	// filled in, and the printed line shows through.
	ap := f.add("<</Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources <<>> /Length 0>>\nstream\n\nendstream")
	font := f.add("<</Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding>>")

	const k = ptPerMM
	kids := map[fieldKind][]string{}
	annots := map[int][]string{}
	used := map[string]bool{}
	parents := map[fieldKind]int{}
	for _, kind := range []fieldKind{fieldSignature, fieldDate} {
		for _, fl := range fields {
			if fl.kind == kind {
				parents[kind] = f.add("") // filled in once its kids are known
				break
			}
		}
	}
	for _, fl := range fields {
		name := fieldName(fl.block, ids)
		for n := 2; used[fieldGroup[fl.kind]+"."+name]; n++ {
			name = fieldName(fl.block, ids) + "-" + strconv.Itoa(n)
		}
		used[fieldGroup[fl.kind]+"."+name] = true
		typ := "/FT /Sig"
		if fl.kind == fieldDate {
			typ = fmt.Sprintf("/FT /Tx /DA (/Helv %d Tf 0 g)", fieldFontSize)
		}
		w := f.add(fmt.Sprintf("<</Type /Annot /Subtype /Widget /Parent %d 0 R /T (%s) %s /Rect [%.2f %.2f %.2f %.2f] /F 4 /P %d 0 R /AP <</N %d 0 R>>>>",
			parents[fl.kind], name, typ,
			fl.x*k, (pageH-fl.y-fieldDrop)*k, (fl.x+fl.w)*k, (pageH-fl.y+signatureRoom)*k,
			pageObject(fl.page), ap))
		kids[fl.kind] = append(kids[fl.kind], ref(w))
		annots[fl.page] = append(annots[fl.page], ref(w))
	}
	var top []string
	for _, kind := range []fieldKind{fieldSignature, fieldDate} {
		if p, ok := parents[kind]; ok {
			f.set(p, fmt.Sprintf("<</T (%s) /Kids [%s]>>", fieldGroup[kind], strings.Join(kids[kind], " ")))
			top = append(top, ref(p))
		}
	}
	form := f.add(fmt.Sprintf("<</Fields [%s] /SigFlags 1 /DR <</Font <</Helv %d 0 R>>>> /DA (/Helv 0 Tf 0 g)>>",
		strings.Join(top, " "), font))

	pages := make([]int, 0, len(annots))
	for p := range annots {
		pages = append(pages, p)
	}
	slices.Sort(pages)
	for _, p := range pages {
		if err := f.addAnnots(pageObject(p), annots[p]); err != nil {
			return err
		}
	}
	return f.insert(f.object(root), []byte("/Type /Catalog\n"), fmt.Sprintf("/AcroForm %d 0 R\n", form))
}

// pageObject is the number of page n's object: fpdf writes each page
// followed by its contents from object 3 on, and counts on it for links.
func pageObject(n int) int { return 2*n + 1 }

func ref(num int) string { return strconv.Itoa(num) + " 0 R" }

// addAnnots adds refs to the annotations of page object num, beside any
// links already there.
func (f *pdfFile) addAnnots(num int, refs []string) error {
	o := f.object(num)
	if o == nil || !bytes.Contains(o.data, []byte("<</Type /Page\n")) {
		return fmt.Errorf("object %d is not a page", num)
	}
	list := strings.Join(refs, " ")
	if bytes.Contains(o.data, []byte("/Annots [")) {
		return f.insert(o, []byte("/Annots ["), list+" ")
	}
	return f.insert(o, []byte("<</Type /Page\n"), "/Annots ["+list+"]\n")
}

// insert puts s into o just after the first after.
func (f *pdfFile) insert(o *pdfObject, after []byte, s string) error {
	i := bytes.Index(o.data, after)
	if i < 0 {
		return fmt.Errorf("object %d has no %q", o.num, after)
	}
	i += len(after)
	o.data = slices.Concat(o.data[:i], []byte(s), o.data[i:])
	return nil
}

// set replaces the body of object num.
func (f *pdfFile) set(num int, body string) {
	f.object(num).data = fmt.Appendf(nil, "%d 0 obj\n%s\nendobj\n", num, body)
}
