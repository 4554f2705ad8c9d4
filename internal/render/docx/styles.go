package docx

import (
	"fmt"
	"strings"
)

// styles writes word/styles.xml: Word's built-in names (Title, heading 1,
// List Bullet…) so that Word treats them as its own, in the theme's type
// and colours, with the document's language as the default.
func styles(t look, lang string, textWidth int) []byte {
	body := int(t.BodySize*2 + 0.5) // half-points
	size := func(scale float64) int { return int(t.BodySize*2*scale + 0.5) }
	font := escape(cleanText(t.Font))
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`)
	fmt.Fprintf(&b, `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="%[1]s" w:hAnsi="%[1]s" w:eastAsia="%[1]s" w:cs="%[1]s"/>`+
		`<w:color w:val="%[2]s"/><w:sz w:val="%[3]d"/><w:szCs w:val="%[3]d"/><w:lang w:val="%[4]s" w:eastAsia="%[4]s" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>`+
		`<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`,
		font, t.Text, body, escape(cleanText(lang)))

	para := func(id, name, based, next, pPr, rPr string, extra string) {
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="%s"><w:name w:val="%s"/>`, id, name)
		if based != "" {
			fmt.Fprintf(&b, `<w:basedOn w:val="%s"/>`, based)
		}
		if next != "" {
			fmt.Fprintf(&b, `<w:next w:val="%s"/>`, next)
		}
		b.WriteString(extra + `<w:qFormat/>`)
		if pPr != "" {
			b.WriteString("<w:pPr>" + pPr + "</w:pPr>")
		}
		if rPr != "" {
			b.WriteString("<w:rPr>" + rPr + "</w:rPr>")
		}
		b.WriteString(`</w:style>`)
	}
	sz := func(hp int) string { return fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, hp, hp) }
	colour := func(c string) string { return fmt.Sprintf(`<w:color w:val="%s"/>`, c) }

	normal, tableText := "", ""
	if t.Justify {
		// Body text flush with both margins; the narrow cells of a
		// table stay ranged left.
		normal, tableText = `<w:pPr><w:jc w:val="both"/></w:pPr>`, `<w:jc w:val="left"/>`
	}
	fmt.Fprintf(&b, `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>%s</w:style>`, normal)
	para("Title", "Title", "Normal", "Normal",
		`<w:keepNext/><w:spacing w:before="1200" w:after="240"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/>`,
		`<w:b/>`+colour(t.Heading)+sz(size(2.4)), "")
	para("Subtitle", "Subtitle", "Normal", "Normal",
		`<w:keepNext/><w:spacing w:before="120" w:after="120"/><w:jc w:val="center"/>`,
		`<w:b/>`+colour(t.Heading)+sz(size(1.35)), "")
	para("TitleText", "Title Page Text", "Normal", "", `<w:spacing w:before="120" w:after="120"/><w:jc w:val="center"/>`, sz(size(1.15)), "")
	para("Logos", "Logos", "Normal", "", `<w:spacing w:after="480"/><w:jc w:val="center"/>`, "", "")
	// Heading 1 is numbered by Word, as level 0 of the sections' and
	// clauses' list (see numbers.go).
	numbered := []string{fmt.Sprintf(`<w:numPr><w:numId w:val="%d"/></w:numPr>`, outlineNum), "", ""}
	for i, s := range []struct {
		scale         float64
		before, after int
	}{{1.38, 360, 120}, {1.14, 240, 80}, {1.0, 200, 60}} {
		para(fmt.Sprintf("Heading%d", i+1), fmt.Sprintf("heading %d", i+1), "Normal", "Normal",
			fmt.Sprintf(`<w:keepNext/><w:keepLines/>%s<w:spacing w:before="%d" w:after="%d"/><w:outlineLvl w:val="%d"/>`, numbered[i], s.before, s.after, i),
			`<w:b/>`+colour(t.Heading)+sz(size(s.scale)), `<w:uiPriority w:val="9"/>`)
	}
	para("Clause", "Clause", "Normal", "Clause", fmt.Sprintf(`<w:numPr><w:ilvl w:val="1"/><w:numId w:val="%d"/></w:numPr>`, outlineNum), "", "")
	para("TOCHeading", "TOC Heading", "Normal", "", `<w:keepNext/><w:spacing w:before="360" w:after="240"/>`, `<w:b/>`+colour(t.Heading)+sz(size(1.38)), "")
	para("TOC1", "toc 1", "Normal", "", fmt.Sprintf(`<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="%d"/></w:tabs><w:spacing w:after="60"/>`, textWidth), "", `<w:uiPriority w:val="39"/>`)
	para("ListBullet", "List Bullet", "Normal", "", `<w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="60"/>`, "", "")
	para("ListNumber", "List Number", "Normal", "", `<w:spacing w:after="60"/>`, "", "")
	para("ListContinue", "List Continue", "Normal", "", `<w:ind w:left="400"/>`, "", "")
	para("Quote", "Quote", "Normal", "", `<w:ind w:left="567"/>`, `<w:i/>`+colour(t.Muted), "")
	para("Code", "Code", "Normal", "", `<w:shd w:val="clear" w:color="auto" w:fill="F2F3F5"/><w:spacing w:after="120" w:line="240" w:lineRule="auto"/>`,
		`<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/>`+sz(size(0.86)), "")
	para("Rule", "Rule", "Normal", "", fmt.Sprintf(`<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="%s"/></w:pBdr>`, t.Rule), "", "")
	para("SignatureBlock", "Signature Block", "Normal", "", `<w:keepNext/><w:keepLines/><w:spacing w:before="60" w:after="160"/><w:ind w:left="113" w:right="113"/>`, "", "")
	para("SignatureGap", "Signature Gap", "Normal", "", `<w:spacing w:after="0"/>`, "", "")
	para("TableText", "Table Text", "Normal", "", `<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>`+tableText, sz(size(0.9)), "")
	para("TableHeading", "Table Heading", "TableText", "", `<w:keepNext/>`, `<w:b/>`+colour(t.Heading), "")
	para("Header", "header", "Normal", "", fmt.Sprintf(`<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="%s"/></w:pBdr><w:spacing w:after="0"/>`, t.Rule), colour(t.Muted)+sz(16), "")
	right := textWidth // the tab stop for the reference
	para("Footer", "footer", "Normal", "", fmt.Sprintf(`<w:pBdr><w:top w:val="single" w:sz="4" w:space="1" w:color="%s"/></w:pBdr><w:tabs><w:tab w:val="right" w:pos="%d"/></w:tabs><w:spacing w:after="0"/>`, t.Rule, right), colour(t.Muted)+sz(16), "")

	fmt.Fprintf(&b, `<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>`)
	fmt.Fprintf(&b, `<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:color w:val="1F5FA8"/><w:u w:val="single"/></w:rPr></w:style>`)
	fmt.Fprintf(&b, `<w:style w:type="character" w:styleId="CodeChar"><w:name w:val="Code Char"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/><w:shd w:val="clear" w:color="auto" w:fill="F2F3F5"/></w:rPr></w:style>`)
	b.WriteString(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
		`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	fmt.Fprintf(&b, `<w:style w:type="table" w:styleId="PartnershipTable"><w:name w:val="Partnership Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>`+
		`<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>`+
		`<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="%[1]s"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="%[2]s"/>`+
		`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="%[2]s"/></w:tblBorders>`+
		`<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="113" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="113" w:type="dxa"/></w:tblCellMar></w:tblPr>`+
		`<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:color w:val="%[1]s"/></w:rPr><w:tcPr><w:tcBorders><w:bottom w:val="single" w:sz="8" w:space="0" w:color="%[1]s"/></w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="%[3]s"/></w:tcPr></w:tblStylePr>`+
		`</w:style>`, t.Heading, t.Rule, t.TableHeaderFill)
	b.WriteString(`</w:styles>`)
	return []byte(b.String())
}
