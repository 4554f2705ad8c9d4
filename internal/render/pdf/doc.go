// Package pdf draws Markdown (CommonMark with GFM tables) as a signable A4 or
// US Letter PDF: a memorandum of understanding or a code of practice.
//
// The Markdown is parsed with goldmark and the syntax tree is laid out into a
// flow of boxes (lines of text, table row slices, rules, gaps), which is then
// cut into pages and drawn on a canvas. The canvas is fpdf in production and
// a recorder in tests, so the layout can be checked call by call.
//
// It draws a [layout.Tree]: goldmark's syntax tree with mou's own blocks as
// nodes (title page, signature block, keep-together range, page break),
// and a [layout.Document] for the metadata, running header and footer.
// Raw HTML other than those blocks is printed as literal text, never
// dropped; HTML comments are skipped.
//
// In a signature block, a run of three or more underscores (written as is,
// "Signed: ____________", or backslash-escaped) is drawn as a signature line
// reaching the right edge of the block, with room above it for handwriting.
// Two signature blocks in a row share a row of the page where both fit.
// Each block's first line (the signature) becomes an unsigned signature
// field and its second (the date) a text field, named after the partner
// whose block it is ([layout.Signature] Owner), added to fpdf's output in the pass that
// compresses its streams (fields.go, deflate.go). A Renderer made with an
// e-signature service writes that service's text tags there instead,
// white, so that DocuSeal or Documenso places its signing fields on upload.
//
// Around the text the renderer draws what is not part of it, from
// [layout.Document]: the running header and footer, a contents page for a
// long document (found by paginating once without drawing), and the marks
// of a draft.
//
// Text is drawn with the embedded Go fonts or, when the theme says serif,
// Liberation Serif. Runes that either family cannot draw (emoji, CJK) are
// refused with an [UnprintableError]; [Unprintable] lets callers find them
// first.
package pdf
