// Package docxread reads the text of a Word file (Office Open XML): its
// paragraphs and tables as they read with every tracked change accepted,
// the bookmarks that start in each, the tracked changes still pending,
// the comments, and the custom properties. It reads only the few XML
// parts it needs, and bounds every read, so a file that is not a Word
// file, a zip bomb or a huge or malformed part is an error, never a hang
// or a crash.
//
// It knows nothing of mou; mou import uses it to read back a Word file
// mou wrote and someone edited.
package docxread

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
)

// Limits on what is read. A mou document is a few hundred kilobytes; a
// file with a photograph in it a few megabytes.
const (
	MaxFileBytes = 64 << 20 // the Word file itself
	MaxEntries   = 4096     // files in the zip
	MaxPartBytes = 16 << 20 // one XML part, uncompressed
	MaxRatio     = 200      // uncompressed to compressed, for a part over 1 MiB
	MaxDepth     = 128      // nesting of XML elements
	MaxFields    = 64       // fields open at once, one inside another
	// MaxAnchorBytes is as much of the text a comment is on as is kept:
	// it is only ever quoted, shortened to a line.
	MaxAnchorBytes = 1 << 10
)

// Document is what a Word file says.
type Document struct {
	// Blocks are the body's paragraphs and tables in order, as they read
	// with every tracked change accepted; a paragraph that is empty then,
	// and whose mark is deleted, is left out.
	Blocks []Block
	// Changes are the tracked changes still pending, in order.
	Changes []Change
	// Comments are the comments, in the order of their anchors.
	Comments []Comment
	// Properties are the custom document properties, by name.
	Properties map[string]string
	// Modified is when the file was last saved, as its properties say;
	// zero if they do not.
	Modified time.Time
}

// Block is a paragraph, or a table.
type Block struct {
	// Style is the paragraph's style: its id ("Heading1") and its name
	// ("heading 1"), as the styles part names it.
	StyleID, Style string
	// Numbered says the paragraph has numbering of its own, switched off
	// (false) where it says numId 0, or from its style (nil).
	Numbered *bool
	// Bookmarks are the names of the bookmarks that start in it, and Gone
	// those that started in a paragraph deleted whole and so joined to it.
	Bookmarks, Gone []string
	// Text is the paragraph's text.
	Text string
	// Bold is how many bytes of Text, from its start, are in bold runs.
	Bold int
	// Refs are the cross-references in Text: REF fields, with the
	// bookmark each refers to and where its result stands in Text.
	Refs []Ref
	// Contents marks a paragraph of a table of contents field.
	Contents bool
	// Table is set for a table: its rows of cells, each a list of
	// paragraphs.
	Table [][][]Block
}

// Ref is a cross-reference field in a paragraph's text: Text[Start:End]
// is what it shows, the number of the bookmark Target.
type Ref struct {
	Start, End int
	Target     string
}

// IsTable reports whether b is a table.
func (b Block) IsTable() bool { return b.Table != nil }

// Change is a tracked change still pending.
type Change struct {
	Kind   string // "insertion", "deletion" or "moved text"
	Author string
	Date   string // as the file gives it, "2026-09-01T10:00:00Z"
	Text   string // what it inserts or deletes; "" for a paragraph mark
	Block  int    // the index in Blocks of the block it is in or before
}

// Comment is a comment, with the text it is anchored on.
type Comment struct {
	Author, Date, Text string
	Anchor             string // the text the comment is on
	Block              int    // the index in Blocks of the block where its anchor starts
}

// ErrNotWord is wrapped by the error for a file that is not a Word
// document at all.
var ErrNotWord = errors.New("not a Word document")

// Read reads a Word file's bytes.
func Read(data []byte) (*Document, error) {
	if len(data) > MaxFileBytes {
		return nil, fmt.Errorf("the file is larger than %d MiB, the limit for a Word file", MaxFileBytes>>20)
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: it is not a zip package (%v)", ErrNotWord, err)
	}
	if len(z.File) > MaxEntries {
		return nil, fmt.Errorf("the package holds %d files, more than the %d a Word file may", len(z.File), MaxEntries)
	}
	parts := map[string]*zip.File{}
	for _, f := range z.File {
		parts[f.Name] = f
	}
	if parts["word/document.xml"] == nil {
		return nil, fmt.Errorf("%w: it has no word/document.xml", ErrNotWord)
	}
	read := func(name string) ([]byte, error) {
		f := parts[name]
		if f == nil {
			return nil, nil
		}
		return readPart(f)
	}
	d := &Document{Properties: map[string]string{}}
	styles, err := read("word/styles.xml")
	if err != nil {
		return nil, err
	}
	names, err := styleNames(styles)
	if err != nil {
		return nil, fmt.Errorf("word/styles.xml: %w", err)
	}
	comments, err := read("word/comments.xml")
	if err != nil {
		return nil, err
	}
	texts, err := commentTexts(comments)
	if err != nil {
		return nil, fmt.Errorf("word/comments.xml: %w", err)
	}
	body, err := read("word/document.xml")
	if err != nil {
		return nil, err
	}
	if err := d.body(body, names, texts); err != nil {
		return nil, fmt.Errorf("word/document.xml: %w", err)
	}
	custom, err := read("docProps/custom.xml")
	if err != nil {
		return nil, err
	}
	if err := d.customProperties(custom); err != nil {
		return nil, fmt.Errorf("docProps/custom.xml: %w", err)
	}
	core, err := read("docProps/core.xml")
	if err != nil {
		return nil, err
	}
	if err := d.coreProperties(core); err != nil {
		return nil, fmt.Errorf("docProps/core.xml: %w", err)
	}
	return d, nil
}

// readPart reads one part of the package, refusing one too large, or
// compressed so far that it is a zip bomb, before reading more than the
// limit.
func readPart(f *zip.File) ([]byte, error) {
	if f.UncompressedSize64 > MaxPartBytes {
		return nil, fmt.Errorf("%s is larger than %d MiB, the limit for one part of a Word file", f.Name, MaxPartBytes>>20)
	}
	if f.UncompressedSize64 > 1<<20 && f.UncompressedSize64 > MaxRatio*max(f.CompressedSize64, 1) {
		return nil, fmt.Errorf("%s is compressed more than %d times over, as no Word file is: it looks like a zip bomb", f.Name, MaxRatio)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	defer rc.Close()
	// The sizes in the zip's directory may lie: never read past the limit.
	data, err := io.ReadAll(io.LimitReader(rc, MaxPartBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	if len(data) > MaxPartBytes {
		return nil, fmt.Errorf("%s is larger than %d MiB, the limit for one part of a Word file", f.Name, MaxPartBytes>>20)
	}
	return data, nil
}

// Shown is text read from a Word file as a message may repeat it: every
// character that cannot be printed, but a line break, written as an
// escape (\u009b), since a control sequence in a file someone sent could
// otherwise recolour the terminal or hide the lines above it; and, when
// limit is above 0, cut to limit characters, ending in "…".
func Shown(s string, limit int) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if limit > 0 && n == limit {
			b.WriteString("…")
			break
		}
		n++
		switch {
		case unicode.IsPrint(r) || r == '\n':
			b.WriteRune(r) // a byte that is not UTF-8 is U+FFFD, which prints
		case r > 0xffff:
			fmt.Fprintf(&b, `\U%08x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

// Property returns a custom property, trimmed.
func (d *Document) Property(name string) string { return strings.TrimSpace(d.Properties[name]) }
