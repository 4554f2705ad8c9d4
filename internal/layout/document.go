package layout

import (
	"strconv"
	"strings"
	"time"
)

// Document is what renderers print around the text: built once per
// document from the questionnaire, handed to every renderer. Every word
// in it is already in the document's language.
type Document struct {
	// Title is the document's own title, "Memorandum of Understanding".
	Title string
	// Partnership is the partnership's name: the running header, and the
	// first part of the full title.
	Partnership string
	// Parties are the partners' names in order: the authors in the
	// metadata. Who signs each signature block is the block's own Owner.
	Parties []string
	// Version is the document's version number; Issued says it in words,
	// with the date: "Version 2 · 1 September 2026".
	Version int
	Issued  string
	// Date is the date of issue, used as the file's creation date: the
	// clock is never read. A zero Date gives 1 January 2000.
	Date time.Time
	// Reference is the agreement reference, "" for none; ReferenceLabel
	// says it in words: "Agreement ref. 7K2M-Q9XD".
	Reference      string
	ReferenceLabel string
	// Language is the document's language as a BCP 47 tag, "en-GB".
	Language string
	// Keywords are the metadata keywords.
	Keywords string
	// PagePattern numbers a page, with {page} and {pages} for the page
	// number and the page count: "Page {page} of {pages}".
	PagePattern string
	// Logos are shown side by side at the top of the title page.
	Logos []Logo
	// DraftMark is printed lightly across every page of a draft, and
	// DraftNote on its title page; both are "" once the text is final.
	// They are not part of the text, so they never change the agreement
	// reference.
	DraftMark, DraftNote string
	// ContentsTitle heads the contents page of a long document, "" for
	// none.
	ContentsTitle string
	// People are the names, email addresses and phone numbers of the
	// people in the questionnaire, which a public web page leaves out.
	// Signed are lines such as "Signed for Riverside Academy on 1
	// September 2026", which a public page shows in place of the
	// signature blocks.
	People, Signed []string
	// Was is, in a redline, the document as it stood in the version the
	// redline marks changes from, so that what is printed around the
	// text (version, date, reference, draft marks) can be marked too;
	// nil otherwise.
	Was *Document
}

// Logo is an image shown on the title page.
type Logo struct {
	Name string // used in error messages
	Alt  string // what the image shows, in words: its partner's name
	Data []byte // PNG or JPEG; the type is detected from the bytes
}

// FullTitle is the partnership's name and the document's title, as a
// window or file would show it.
func (d Document) FullTitle() string {
	if d.Partnership == "" {
		return d.Title
	}
	return d.Partnership + ": " + d.Title
}

// Authors lists the parties for the metadata.
func (d Document) Authors() string { return strings.Join(d.Parties, "; ") }

// PageNumber says which page this is, page and pages in place of the
// pattern's {page} and {pages}; pages may be a placeholder that a
// renderer fills in later.
func (d Document) PageNumber(page int, pages string) string {
	p := d.PagePattern
	if p == "" {
		p = "{page} / {pages}"
	}
	return strings.NewReplacer("{page}", strconv.Itoa(page), "{pages}", pages).Replace(p)
}
