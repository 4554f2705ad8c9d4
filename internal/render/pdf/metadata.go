package pdf

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/partnership-tools/mou/internal/layout"
)

// fpdf writes the version its own features need in the header (PDF 1.3),
// though the catalogue's language entry, transparent logos and the XMP
// metadata below are PDF 1.4, and it writes no XMP metadata unless given
// a packet. The post-pass raises the header and adds the metadata, built
// from the document's own title, parties, language and date, so that the
// same document gives the same bytes.

// minVersion is the PDF version the features mou uses need.
const minVersion = "1.4"

// raiseVersion makes the header say minVersion where it says less.
func (f *pdfFile) raiseVersion() {
	const prefix = "%PDF-"
	if bytes.HasPrefix(f.head, []byte(prefix)) && len(f.head) >= len(prefix)+3 &&
		string(f.head[len(prefix):len(prefix)+3]) < minVersion {
		f.head = append([]byte(prefix+minVersion), f.head[len(prefix)+3:]...)
	}
}

// addMetadata adds doc's XMP metadata to the catalogue, as a stream of
// its own left uncompressed, so that tools that do not read PDF find it.
// Call it after deflate.
func (f *pdfFile) addMetadata(doc layout.Document) error {
	rm := rootKey().FindSubmatch(f.trailer)
	if rm == nil {
		return fmt.Errorf("trailer without a root")
	}
	root, _ := strconv.Atoi(string(rm[1]))
	packet := xmp(doc)
	num := f.add(fmt.Sprintf("<</Type /Metadata /Subtype /XML /Length %d>>\nstream\n%s\nendstream", len(packet), packet))
	catalog := f.object(root)
	if catalog == nil {
		return fmt.Errorf("object %d is not the catalogue", root)
	}
	return f.insert(catalog, []byte("/Type /Catalog\n"), fmt.Sprintf("/Metadata %d 0 R\n", num))
}

// xmp is doc's metadata as an XMP packet: what the document information
// dictionary holds, with the same dates.
func xmp(doc layout.Document) string {
	date := doc.Date
	if date.IsZero() {
		date = fallbackDate
	}
	// As the information dictionary gives it: no time zone.
	when := date.Format("2006-01-02T15:04:05")
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<dc:format>application/pdf</dc:format>
`)
	alt := func(name, text string) {
		fmt.Fprintf(&b, "<dc:%s><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:%s>\n", name, escapeXML(text), name)
	}
	alt("title", doc.FullTitle())
	alt("description", doc.Title)
	if len(doc.Parties) > 0 {
		b.WriteString("<dc:creator><rdf:Seq>")
		for _, p := range doc.Parties {
			fmt.Fprintf(&b, "<rdf:li>%s</rdf:li>", escapeXML(p))
		}
		b.WriteString("</rdf:Seq></dc:creator>\n")
	}
	if doc.Language != "" {
		fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", escapeXML(doc.Language))
	}
	for _, name := range []string{"CreateDate", "ModifyDate", "MetadataDate"} {
		fmt.Fprintf(&b, "<xmp:%s>%s</xmp:%s>\n", name, when, name)
	}
	b.WriteString("<xmp:CreatorTool>mou</xmp:CreatorTool>\n<pdf:Producer>mou</pdf:Producer>\n")
	if doc.Keywords != "" {
		fmt.Fprintf(&b, "<pdf:Keywords>%s</pdf:Keywords>\n", escapeXML(doc.Keywords))
	}
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>")
	return b.String()
}

func escapeXML(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
