package app

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"sync"

	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/docxread"
	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/output"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/render/docx"
	"github.com/partnership-tools/mou/internal/theme"
	"github.com/partnership-tools/mou/internal/wordimport"
)

// Import takes into a questionnaire the changes made to a Word file that
// mou wrote from it: the questionnaire File and the edited Word file.
type Import struct {
	File, Word string
	// AcceptAll takes the tracked changes still pending in the Word file,
	// which are otherwise refused.
	AcceptAll bool
	DryRun    bool
	Templates string // the folder of the user's own templates, as for generate
}

// ImportResult says what a Word file changed.
type ImportResult struct {
	Document string // the document the Word file holds: "memorandum of understanding"
	// Changes are what changed that the questionnaire now says, and
	// Unmapped what changed that it cannot: each to do by hand.
	Changes, Unmapped []ImportChange
	// Pending are the tracked changes the Word file holds still pending,
	// taken as accepted (with AcceptAll), and its comments, each with
	// where it is in words.
	Pending      []docxread.Change
	PendingWhere []string
	Comments     []docxread.Comment
	CommentWhere []string
	Version      int // the new version
	Date         questionnaire.Date
	Written      bool
	Notes        []Note
}

// ImportChange is one change: where it is, what happened and the words
// it now has.
type ImportChange struct {
	at    spot   // Where, as facts
	Where string // "clause 12.2 (general.insurance)", "the title page"
	What  string // "reworded", "renamed", "left out", "a clause put in after it"
	Words string // the words now, "" for a part left out
	// Set lists the questionnaire's answers the change writes, as
	// "key: value", or why it cannot be written.
	Set []string
}

// PendingError refuses a Word file that holds tracked changes still
// pending, listing them.
type PendingError struct {
	Word    string
	Changes []docxread.Change
	Where   []string // where each change is
}

func (e *PendingError) Error() string { return e.Describe(ownName) }

// Describe writes the error naming the field that takes the changes
// with name.
func (e *PendingError) Describe(name func(Field) string) string {
	return fmt.Sprintf("%s holds %d tracked changes not yet accepted or rejected; accept or reject them in Word, or take them all with %s; nothing was changed", e.Word, len(e.Changes), name(FieldAcceptAll))
}

// Fields lists the field the error names.
func (e *PendingError) Fields() []Field { return []Field{FieldAcceptAll} }

// maxShownProperty is as much of a property of the Word file as a
// message repeats.
const maxShownProperty = 80

// maxWordBytes bounds the Word file read.
const maxWordBytes = docxread.MaxFileBytes

// maxImportChanges bounds the changes one Word file makes. Rewording
// every clause and section of the longest sample makes about 75; each
// change edits the file again, so a Word file of thousands of new
// clauses would take minutes, only to make an amendment record longer
// than an answer may be.
const maxImportChanges = 300

// Run reads the Word file, lists what changed and, unless DryRun, writes
// the changes into the questionnaire as its next version.
func (im Import) Run() (ImportResult, error) {
	data, err := output.ReadFile(im.Word, maxWordBytes)
	if err != nil {
		if errors.Is(err, output.ErrTooLarge) {
			return ImportResult{}, fmt.Errorf("%s: the file is larger than %d MiB, the limit for a Word file; nothing was changed", im.Word, maxWordBytes>>20)
		}
		return ImportResult{}, fmt.Errorf("%s: cannot read: %w", im.Word, UnwrapPath(err))
	}
	edited, err := docxread.Read(data)
	if err != nil {
		return ImportResult{}, fmt.Errorf("%s: %w; nothing was changed", im.Word, err)
	}
	e, err := openEdit(im.File)
	if err != nil {
		return ImportResult{}, err
	}
	defer e.close()
	q := e.q
	if q.FirstEdition() {
		return ImportResult{}, e.refuse("it is on edition 2026.1 of the wording, whose Word files carry no clause ids to read the changes by; move it to the current edition with \"mou wording upgrade\", generate it, and send that Word file")
	}
	t, err := parseTemplates(im.Templates)
	if err != nil {
		return ImportResult{}, err
	}
	kind, err := im.kindOf(t, q, edited)
	if err != nil {
		return ImportResult{}, err
	}
	res := ImportResult{Document: strings.ToLower(document.Title(q, kind)), Pending: edited.Changes, Comments: edited.Comments}
	c, err := newComparison(t, q, kind, edited)
	if err != nil {
		return res, err
	}
	if err := c.twice(im.Word, edited); err != nil {
		return res, err
	}
	for _, ch := range edited.Changes {
		res.PendingWhere = append(res.PendingWhere, c.whereBlock(ch.Block))
	}
	for _, cm := range edited.Comments {
		res.CommentWhere = append(res.CommentWhere, c.whereBlock(cm.Block))
	}
	if len(edited.Changes) > 0 && !im.AcceptAll {
		return res, &PendingError{Word: im.Word, Changes: edited.Changes, Where: res.PendingWhere}
	}
	for _, ch := range wordimport.Compare(c.was, c.is) {
		c.take(ch)
	}
	res.Changes, res.Unmapped = c.changes, c.unmapped
	res.Version, res.Date = q.Version+1, newDate(q, edited)
	if len(c.edits) == 0 {
		res.Version = q.Version
		return res, nil
	}
	if len(c.edits) > maxImportChanges {
		return res, fmt.Errorf("%s makes %d changes to the questionnaire, more than the %d one import takes (the amendment record names each, and each rewrites the file): this is not an edit of the agreement mou wrote but a new one; nothing was changed",
			im.Word, len(c.edits), maxImportChanges)
	}
	for _, ed := range c.edits {
		if err := ed(e); err != nil {
			return res, fmt.Errorf("%s: %w; nothing was changed", im.File, err)
		}
	}
	entry := e.newVersion(res.Date, c.entry(e, filepath.Base(im.Word)), "", "") + ".change"
	done, err := e.finish(im.DryRun)
	var problems *ProblemsError
	if errors.As(err, &problems) {
		// The entry's words are mou's but for the Word file's name: a
		// problem with them is the name's, for the user to rename the
		// file, not a line of the questionnaire to mend.
		for i, p := range problems.Problems {
			if p.Path == entry {
				problems.Problems[i] = questionnaire.Problem{File: im.Word, Message: "rename the file, whose name the amendment record gives: " + p.Message}
			}
		}
	}
	if err != nil {
		return res, err
	}
	res.Written, res.Notes = done.Written, done.Notes
	return res, nil
}

// newDate is the date of the new version: the day the Word file was last
// saved, or the current version's date if that is later or unknown.
func newDate(q *questionnaire.Questionnaire, d *docxread.Document) questionnaire.Date {
	if d.Modified.IsZero() {
		return q.Date
	}
	day := questionnaire.NewDate(d.Modified.Year(), d.Modified.Month(), d.Modified.Day())
	if day.Before(q.Date) {
		return q.Date
	}
	return day
}

// kindOf finds which of q's documents the Word file is, by the
// properties mou writes into it, and refuses a file mou did not write,
// or wrote from another version.
func (im Import) kindOf(t *document.Templates, q *questionnaire.Questionnaire, d *docxread.Document) (document.Kind, error) {
	// The properties are the Word file's words: echoed, they are shown.
	title := d.Property(docx.PropertyTitle)
	if title == "" {
		return document.Kind{}, fmt.Errorf("%s: not a Word file that mou wrote (it has no %s property): mou import reads back the Word files mou generate writes, edited in Word or LibreOffice; nothing was changed", im.Word, docx.PropertyTitle)
	}
	a, err := t.Agreement(q)
	if err != nil {
		return document.Kind{}, err
	}
	for _, kind := range document.KindsFor(q) {
		if document.Title(q, kind) != title {
			continue
		}
		version, ref := d.Property(docx.PropertyVersion), d.Property(docx.PropertyReference)
		if version != strconv.Itoa(q.Version) || ref != a.Reference {
			return document.Kind{}, fmt.Errorf("%s is version %s of the %s (Agreement ref. %s), but %s is at version %d (Agreement ref. %s): import a Word file into the questionnaire it was written from; nothing was changed",
				im.Word, docxread.Shown(version, maxShownProperty), strings.ToLower(title), docxread.Shown(ref, maxShownProperty), im.File, q.Version, a.Reference)
		}
		return kind, nil
	}
	return document.Kind{}, fmt.Errorf("%s holds a %s, which %s does not write; nothing was changed", im.Word, docxread.Shown(strings.ToLower(title), maxShownProperty), im.File)
}

// comparison is a Word file compared with the one mou writes for q.
type comparison struct {
	q      *questionnaire.Questionnaire
	std    map[string]bool   // the standard ids
	was    []wordimport.Part // the Word file mou writes
	is     []wordimport.Part // the edited one
	tpl    map[string]wordimport.Part
	marks  marked
	labels map[string]spot   // where each id is: clause 12.2
	ids    map[string]string // the id of each of mou's bookmarks, by name
	// The words a reference to each id prints before the number that the
	// Word file's field holds: "Schedule " for "Schedule 1".
	refWords map[string]string

	changes, unmapped []ImportChange
	edits             []func(*edit) error
	omitted           map[string]bool
}

// newComparison writes q's document of the given kind as generate does,
// and again with its answers marked, reads both as Word files, and the
// edited file into parts.
func newComparison(t *document.Templates, q *questionnaire.Questionnaire, kind document.Kind, edited *docxread.Document) (*comparison, error) {
	c := &comparison{q: q, std: map[string]bool{}, tpl: map[string]wordimport.Part{}, labels: map[string]spot{}, omitted: map[string]bool{}, refWords: map[string]string{}}
	for _, id := range document.ClauseIDs(q.Wording.Edition) {
		c.std[id] = true
	}
	tree, ids, err := c.word(t, q, kind, true)
	if err != nil {
		return nil, err
	}
	c.was, c.ids = wordimport.Parts(tree, ids), ids
	c.is = wordimport.Parts(edited, ids)
	c.marks = markAnswers(q)
	// The marked document shows where each answer is printed. Should a
	// marker upset a template, changes are only read as mou's words.
	if marked, _, err := c.word(t, c.marks.q, kind, false); err == nil {
		for _, p := range wordimport.Parts(marked, ids) {
			c.tpl[p.Key()] = p
		}
	}
	return c, nil
}

// refNumber is the part of a reference's label that a Word file's field
// holds: a number, or the letters of a schedule lettered A, B, C….
var refNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(\d+(\.\d+)*|\b[A-Z]{1,3})$`) })

// asTyped writes each reference in text, read from a Word file, as the
// partnership typed it: the words of a label printed whole ("Schedule
// [[budget]]", from "Schedule 1") go back into the reference.
func (c *comparison) asTyped(text string) string {
	for id, words := range c.refWords {
		if words != "" {
			text = strings.ReplaceAll(text, words+"[["+id+"]]", "[["+id+"]]")
		}
	}
	return text
}

// twice refuses a Word file that holds one of mou's bookmarks more than
// once, naming each: which is the clause cannot be told, and taking
// either would quietly lose the other's words.
func (c *comparison) twice(word string, edited *docxread.Document) error {
	names := wordimport.Twice(edited, c.ids)
	if len(names) == 0 {
		return nil
	}
	var each []string
	for _, name := range names {
		each = append(each, fmt.Sprintf("%s, of %s", name, c.labels[c.ids[name]]))
	}
	return fmt.Errorf("%s holds two or more copies of a bookmark mou finds a part by, which Word never writes: %s. mou cannot tell which copy marks the part itself: keep each bookmark on its own part alone (in Word, Insert > Bookmark) and import the file again; nothing was changed",
		word, strings.Join(each, "; "))
}

// word writes q's document of the given kind as a Word file and reads it
// back, with the clause id of each bookmark; where notes is set, it also
// notes where each id is, in words.
func (c *comparison) word(t *document.Templates, q *questionnaire.Questionnaire, kind document.Kind, notes bool) (*docxread.Document, map[string]string, error) {
	v, err := build(t, "", q, nil)
	if err != nil {
		return nil, nil, err
	}
	written := v.Document(kind)
	if written == nil {
		return nil, nil, fmt.Errorf("no %s in this partnership's documents", strings.ToLower(document.Title(q, kind)))
	}
	tree, doc, err := newJob(v, *written, nil)
	if err != nil {
		return nil, nil, err
	}
	ids := map[string]string{}
	_ = ast.Walk(tree.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if id := layout.ID(n); entering && id != "" {
			ids[docx.BookmarkName(id)] = id
			if notes {
				c.labels[id] = place(n, tree.Source, id)
				if number := written.Outline.Number(id); number != "" {
					c.refWords[id] = strings.TrimSuffix(number, refNumber().FindString(number))
				}
			}
		}
		return ast.WalkContinue, nil
	})
	r, err := docx.New(theme.Default())
	if err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	if err := r.Render(&buf, tree, doc); err != nil {
		return nil, nil, err
	}
	d, err := docxread.Read(buf.Bytes())
	return d, ids, err
}

var leadingNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d+(?:\.\d+)?`) })

// spot is where a part of a document is: a numbered clause, section or
// schedule, the title page, or another part by its label. The command
// line says it in words (String); the amendment record in the file's
// language (amendments.txt.tmpl, "import-place").
type spot struct {
	Kind   string // "clause", "section", "schedule", "title-page" or "part"
	Number string // a clause's or section's: "12.2", "12"
	Label  string // a schedule's, as its heading gives it: "Schedule 3", "Annex A"
	Title  string // a section's or schedule's title; a part's label
	ID     string // a clause's id
}

// String says where the part is, in English: "clause 12.2
// (general.insurance)", "section 12 (General provisions)".
func (s spot) String() string {
	switch s.Kind {
	case "clause":
		return "clause " + s.Number + " (" + s.ID + ")"
	case "section":
		return "section " + s.Number + " (" + s.Title + ")"
	case "schedule":
		return s.Label + " (" + s.Title + ")"
	case "title-page":
		return "the title page"
	}
	return s.Title
}

// place says where the block with the clause id is. A heading with an id
// is a numbered section's or a schedule's, "Annex A: Charges", whose
// label is the pack's words.
func place(n ast.Node, src []byte, id string) spot {
	var text strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			text.WriteString(layout.Unescape(t.Segment.Value(src)))
		}
		return ast.WalkContinue, nil
	})
	s := text.String()
	number := leadingNumber().FindString(s)
	heading := n.Kind() == ast.KindHeading
	switch label, title, ok := strings.Cut(s, ": "); {
	case number != "" && heading:
		return spot{Kind: "section", Number: number, Title: strings.TrimSpace(strings.TrimPrefix(s[len(number):], "."))}
	case number != "":
		return spot{Kind: "clause", Number: number, ID: id}
	case heading && ok:
		return spot{Kind: "schedule", Label: label, Title: strings.TrimSpace(title)}
	}
	return spot{Kind: "part", Title: id}
}

// where says where a part is.
func (c *comparison) where(p wordimport.Part) spot {
	switch {
	case p.ID != "":
		return c.labels[p.ID]
	case p.Label == "":
		return spot{Kind: "title-page"}
	}
	return spot{Kind: "part", Title: p.Label}
}

// whereBlock says where the block at index i of the edited Word file is.
// A block that begins several parts is the paragraph of a part whose
// text was deleted, joined to the next: it is taken as the first.
func (c *comparison) whereBlock(i int) string {
	// The parts are in the order of the file: the last to start at or
	// before i, found by halves, since a file may list many changes.
	j, _ := slices.BinarySearchFunc(c.is, i+1, func(p wordimport.Part, at int) int { return cmp.Compare(p.Start, at) })
	if j--; j < 0 {
		return spot{Kind: "title-page"}.String()
	}
	for j > 0 && c.is[j].Start == i && c.is[j-1].Start == i {
		j--
	}
	return c.where(c.is[j]).String()
}

// note records a change that the questionnaire now says.
func (c *comparison) note(where spot, what, words string, set []string, ed func(*edit) error) {
	c.changes = append(c.changes, ImportChange{Where: where.String(), What: what, Words: words, Set: set, at: where})
	c.edits = append(c.edits, ed)
}

// cannot records a change that cannot be written into the questionnaire.
func (c *comparison) cannot(where spot, what, words, why string) {
	c.unmapped = append(c.unmapped, ImportChange{Where: where.String(), What: what, Words: words, Set: []string{why}, at: where})
}

// entry is what the amendment record says of the changes taken from
// the Word file named word (amendments.txt.tmpl, "imported").
func (c *comparison) entry(e *edit, word string) string {
	type change struct {
		What  string // "reworded", "left out", "changed an answer", …
		Place spot
	}
	var changes []change
	for _, ch := range c.changes {
		changes = append(changes, change{ch.What, ch.at})
	}
	return e.say("imported", struct {
		File    string
		Changes []change
	}{word, changes})
}
