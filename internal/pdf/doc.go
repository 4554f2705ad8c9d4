// Package pdf draws Markdown (CommonMark with GFM tables) as a signable A4 or
// US Letter PDF: a memorandum of understanding or a code of practice.
//
// The Markdown is parsed with goldmark and the syntax tree is laid out into a
// flow of boxes (lines of text, table row slices, rules, gaps), which is then
// cut into pages and drawn on a canvas. The canvas is fpdf in production and
// a recorder in tests, so the layout can be checked call by call.
//
// Layout hints that plain Markdown lacks are HTML comments on lines of their
// own, with blank lines around them:
//
//	<!-- mou:title -->          start of the title page (centred, large; logos on top)
//	<!-- mou:end-title -->      end of the title page; the body starts on a new page
//	<!-- mou:pagebreak -->      start a new page, unless already at the top of one
//	<!-- mou:keep -->           keep the blocks up to the matching end-keep on one page
//	<!-- mou:end-keep -->
//	<!-- mou:signature -->      one signature block, kept on one page and boxed
//	<!-- mou:end-signature -->
//
// Unknown mou: hints and other comments are ignored. Any other raw HTML is
// printed as literal text, never dropped.
//
// In a signature block, a run of three or more underscores (written as is,
// "Signed: ____________", or backslash-escaped) is drawn as a signature line
// reaching the right edge of the block, with room above it for handwriting.
// With [Document.ESign] set, an e-signature service's text tags are hidden in
// that room, white, for the block's first "Signed:" and "Date:" lines, so that
// DocuSeal or Documenso places its signing fields there on upload.
//
// Text is drawn with the embedded Go fonts. Runes they cannot draw (emoji,
// CJK) are refused with an [UnprintableError]; [Unprintable] lets callers find
// them first.
package pdf
