// Package layout is what every renderer shares: the Markdown a template
// wrote, parsed once into a goldmark syntax tree in which mou's own blocks
// (title page, signature block, keep-together range, page break, end of
// the signed text) are nodes of their own, and the [Document]: the facts
// about the document (title, parties, version, date, reference, language,
// labels, logos) that renderers print around the text.
//
// A renderer imports this package, goldmark and its own backend; it never
// sees the questionnaire. Adding a format means walking this tree.
//
// In the Markdown, mou's blocks are written as HTML comments on lines of
// their own, with blank lines around them, so that any Markdown viewer
// hides them:
//
//	<!-- mou:title --> … <!-- mou:end-title -->           the title page
//	<!-- mou:signature --> … <!-- mou:end-signature -->   one signature block
//	<!-- mou:keep --> … <!-- mou:end-keep -->             keep on one page
//	<!-- mou:pagebreak -->                                start a new page
//	<!-- mou:end-agreement -->                            end of the signed text
//
// [Parse] turns each pair into a container node holding the blocks
// between, at the level where the pair stands. A start without its end
// runs to the end of its parent; an end without a start, and an unknown
// mou: hint, are dropped. Any other HTML stays an HTML block: renderers
// print it as text, since only the templates' own hints are markup.
package layout
