package docx

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/partnership-tools/mou/internal/layout"
)

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// namespaces are the prefixes word/document.xml and the header and
// footer use.
const namespaces = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"`

const relsNS = `http://schemas.openxmlformats.org/package/2006/relationships`
const relType = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`

// contentTypes names the type of every part; a draft has a second
// header, for its title page, and a redline comments.
func contentTypes(media []media, draft, comments bool) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>`)
	seen := map[string]bool{}
	for _, m := range media {
		ext := m.name[strings.LastIndexByte(m.name, '.')+1:]
		if !seen[ext] {
			seen[ext] = true
			fmt.Fprintf(&b, `<Default Extension="%s" ContentType="image/%s"/>`, ext, ext)
		}
	}
	const wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	for _, o := range [][2]string{
		{"/word/document.xml", wml + "document.main+xml"},
		{"/word/styles.xml", wml + "styles+xml"},
		{"/word/numbering.xml", wml + "numbering+xml"},
		{"/word/settings.xml", wml + "settings+xml"},
		{"/word/header1.xml", wml + "header+xml"},
		{"/word/footer1.xml", wml + "footer+xml"},
		{"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
		{"/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
		{"/docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml"},
	} {
		fmt.Fprintf(&b, `<Override PartName="%s" ContentType="%s"/>`, o[0], o[1])
	}
	if draft {
		fmt.Fprintf(&b, `<Override PartName="/word/header2.xml" ContentType="%s"/>`, wml+"header+xml")
	}
	if comments {
		fmt.Fprintf(&b, `<Override PartName="/word/comments.xml" ContentType="%s"/>`, wml+"comments+xml")
	}
	b.WriteString(`</Types>`)
	return b.Bytes()
}

const packageRels = xmlHeader + `<Relationships xmlns="` + relsNS + `">` +
	`<Relationship Id="rId1" Type="` + relType + `officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relType + `extended-properties" Target="docProps/app.xml"/>` +
	`<Relationship Id="rId4" Type="` + relType + `custom-properties" Target="docProps/custom.xml"/>` +
	`</Relationships>`

const appProps = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>mou</Application></Properties>`

// settings are the document's settings: tracked changes on, for a
// draft or a redline, so that whoever edits it next is tracked too; and
// fields updated on opening, for the contents and cross-references.
func settings(track, updateFields bool) []byte {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`)
	if track {
		b.WriteString(`<w:trackRevisions/>`)
	}
	b.WriteString(`<w:defaultTabStop w:val="720"/>`)
	if updateFields {
		b.WriteString(`<w:updateFields w:val="true"/>`)
	}
	b.WriteString(`<w:characterSpacingControl w:val="doNotCompress"/>` +
		`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
		`</w:settings>`)
	return []byte(b.String())
}

// Custom properties name the document a Word file holds, so that "mou
// import" knows a file mou wrote and which version it was. Word and
// LibreOffice keep them through edits.
const (
	PropertyTitle     = "mou.title"
	PropertyVersion   = "mou.version"
	PropertyReference = "mou.reference"
)

// customProps holds the document's title, version and reference.
func customProps(doc layout.Document) []byte {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`)
	for i, p := range [][2]string{{PropertyTitle, doc.Title}, {PropertyVersion, strconv.Itoa(doc.Version)}, {PropertyReference, doc.Reference}} {
		fmt.Fprintf(&b, `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="%d" name="%s"><vt:lpwstr>%s</vt:lpwstr></property>`, i+2, p[0], escape(cleanText(p[1])))
	}
	b.WriteString(`</Properties>`)
	return []byte(b.String())
}

// coreProps holds the title, authors, keywords, language and dates.
func coreProps(doc layout.Document) []byte {
	date := doc.Date.UTC().Format("2006-01-02T15:04:05Z")
	text := func(s string) string { return escape(cleanText(s)) }
	return []byte(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + text(doc.FullTitle()) + `</dc:title>` +
		`<dc:creator>` + text(doc.Authors()) + `</dc:creator>` +
		`<cp:keywords>` + text(doc.Keywords) + `</cp:keywords>` +
		`<dc:language>` + text(doc.Language) + `</dc:language>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + date + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + date + `</dcterms:modified>` +
		`</cp:coreProperties>`)
}

// rels lists what word/document.xml refers to.
func (b *body) rels() []byte {
	var out bytes.Buffer
	out.WriteString(xmlHeader + `<Relationships xmlns="` + relsNS + `">`)
	for _, r := range [][2]string{
		{"rIdStyles", "styles"}, {"rIdNumbering", "numbering"}, {"rIdSettings", "settings"},
		{"rIdHeader", "header"}, {"rIdFooter", "footer"},
	} {
		target := r[1] + ".xml"
		if r[1] == "header" || r[1] == "footer" {
			target = r[1] + "1.xml"
		}
		fmt.Fprintf(&out, `<Relationship Id="%s" Type="%s%s" Target="%s"/>`, r[0], relType, r[1], target)
	}
	if b.hasFirstHeader() {
		fmt.Fprintf(&out, `<Relationship Id="rIdHeaderFirst" Type="%sheader" Target="header2.xml"/>`, relType)
	}
	if b.comment != nil {
		fmt.Fprintf(&out, `<Relationship Id="rIdComments" Type="%scomments" Target="comments.xml"/>`, relType)
	}
	for _, m := range b.media {
		fmt.Fprintf(&out, `<Relationship Id="%s" Type="%simage" Target="media/%s"/>`, m.rel, relType, m.name)
	}
	for i, l := range b.links {
		fmt.Fprintf(&out, `<Relationship Id="rIdLink%d" Type="%shyperlink" Target="%s" TargetMode="External"/>`, i+1, relType, escape(cleanText(l)))
	}
	out.WriteString(`</Relationships>`)
	return out.Bytes()
}

// numbering defines the bullets (numbering 1), the sections and clauses
// (2, see numbers.go) and a numbering for each ordered list (3…), each
// starting at its list's first number.
func (b *body) numbering() []byte {
	var out bytes.Buffer
	out.WriteString(xmlHeader + `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`)
	out.WriteString(`<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>`)
	for i, g := range []string{"•", "–", "◦"} {
		fmt.Fprintf(&out, `<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="%s"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="%d" w:hanging="284"/></w:pPr></w:lvl>`, i, g, 360+i*360)
	}
	out.WriteString(`</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>`)
	for i, f := range [][2]string{{"decimal", "%1."}, {"lowerLetter", "%2)"}, {"lowerRoman", "%3."}} {
		fmt.Fprintf(&out, `<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="%d" w:hanging="360"/></w:pPr></w:lvl>`, i, f[0], f[1], 400+i*400)
	}
	abstract, num := outlineNumbering()
	out.WriteString(`</w:abstractNum>` + abstract + `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` + num)
	for i, start := range b.lists {
		fmt.Fprintf(&out, `<w:num w:numId="%d"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="%d"/></w:lvlOverride></w:num>`, listNum(i), start)
	}
	out.WriteString(`</w:numbering>`)
	return out.Bytes()
}
