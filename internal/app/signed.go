package app

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/partnership-tools/mou/internal/agreement"
	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/signing"
	"github.com/partnership-tools/mou/internal/status"
)

// Signed records that a partner signed a document of a version: a fact
// kept beside the agreement in the questionnaire's signatures list, with
// the reference of the text signed, so that later versions of the same
// text know they are covered. It does not make a new version.
type Signed struct {
	Version int
	Partner string
	By      string
	Date    string
	// Document is the document signed, by the name its files carry
	// (signing.Kinds); "" is the partner's signature of the agreement:
	// the memorandum, or its joining agreement for a partner that joins
	// with that version.
	Document  string
	Out       string // the output folder, where earlier versions' records are
	Templates string // a --templates folder, "" for the built-in templates
	DryRun    bool
}

// Record adds the signature to file, in place, keeping FILE.bak.
func (s Signed) Record(file string) (ChangeResult, error) {
	if err := missing("signed", value{FieldPartner, s.Partner}, value{FieldBy, s.By}, value{FieldDate, s.Date}); err != nil {
		return ChangeResult{}, err
	}
	if s.Version < 1 {
		return ChangeResult{}, request("signed needs %v, the version that was signed (1 or more)", FieldVersion)
	}
	if s.Document != "" && !slices.Contains(signing.Kinds, s.Document) {
		return ChangeResult{}, request("%v: %q is not one of: %s", FieldDocument, s.Document, strings.Join(signing.Kinds, ", "))
	}
	date, err := parseDate(FieldDate, s.Date)
	if err != nil {
		return ChangeResult{}, err
	}
	e, err := openEdit(file)
	if err != nil {
		return ChangeResult{}, err
	}
	defer e.close()
	q := e.q
	_, p, err := e.partner(s.Partner)
	if err != nil {
		return ChangeResult{}, err
	}
	leaving := !p.Left.IsZero() && p.Left == q.Date && s.Version == q.Version && s.Document == signing.NoticeOfWithdrawal
	switch {
	case s.Version > q.Version:
		return ChangeResult{}, e.refuse("there is no version %d yet: the file is at version %d", s.Version, q.Version)
	case p.HasLeft(q.Date) && !leaving:
		return ChangeResult{}, e.refuse("%s left the partnership on %s", string(p.Name), p.Left)
	case s.Version < joinedIn(q, p):
		return ChangeResult{}, e.refuse("%s joined the partnership in version %d (on %s), so it did not sign version %d; record its signature on version %d or later",
			string(p.Name), joinedIn(q, p), p.Joined, s.Version, joinedIn(q, p))
	case s.Version == q.Version && date.Before(issued(q, s.Document)):
		return ChangeResult{}, e.refuse("%s is before version %d was issued (%s)", date, q.Version, issued(q, s.Document))
	}
	for _, g := range q.Signatures {
		if g.Version == s.Version && g.Partner == s.Partner && g.Document == s.Document {
			return ChangeResult{}, e.refuse("%s's signature on version %d%s is already recorded (by %s on %s)", string(p.Name), s.Version, s.on(), string(g.By), g.Date)
		}
	}
	t, err := parseTemplates(s.Templates)
	if err != nil {
		return ChangeResult{}, err
	}
	slug := document.Slug(string(q.Partnership.Name))
	prev, err := agreement.Previous(s.Out, slug, file, q.Version)
	if err != nil {
		return ChangeResult{}, err
	}
	v, err := build(t, file, q, prev)
	if err != nil {
		return ChangeResult{}, err
	}
	ref := ""
	if s.Version == q.Version {
		if ref, err = s.blockOf(e, v, p); err != nil {
			return ChangeResult{}, err
		}
	} else if s.Document != signing.CodeOfPractice {
		// A code of practice's own fingerprint is not in the record: its
		// endorsement of an earlier version covers that version alone.
		if ref, err = s.earlier(file, slug, q); err != nil {
			return ChangeResult{}, err
		}
	}
	item := [][2]string{{"version", strconv.Itoa(s.Version)}, {"partner", s.Partner}, {"by", s.By}, {"date", date.ISO()}}
	if ref != "" {
		item = append(item, [2]string{"reference", ref})
	}
	if s.Document != "" {
		item = append(item, [2]string{"document", s.Document})
	}
	e.appendTo("signatures", item)
	e.flag("signatures["+strconv.Itoa(len(q.Signatures))+"].by", FieldBy, s.By)
	r, err := e.finish(s.DryRun)
	if err != nil {
		return r, err
	}
	after := *q
	after.Signatures = append(slices.Clone(q.Signatures), questionnaire.Signature{Version: s.Version, Partner: s.Partner, By: questionnaire.Text(s.By),
		Date: date, Reference: ref, Document: s.Document})
	if v, err = build(t, file, &after, prev); err != nil {
		return r, err
	}
	for _, line := range status.Signing(v) {
		r.Notes = append(r.Notes, note("%s", strings.ToLower(line[:1])+line[1:]))
	}
	return r, nil
}

// on names the document signed for a message: " (code-of-practice)", or
// "" for the agreement.
func (s Signed) on() string {
	if s.Document == "" {
		return ""
	}
	return " (" + s.Document + ")"
}

// blockOf finds the partner's block in the document signed, as the
// current version's signing plan has it, and returns the reference of
// the text it commits to; it refuses a document the version does not
// have, or one without a block for the partner to sign.
func (s Signed) blockOf(e *edit, v *agreement.Version, p *questionnaire.Partner) (string, error) {
	d := v.Plan.Document(s.Document)
	if s.Document == "" {
		// The agreement: the memorandum, or the joining agreement of a
		// partner joining with this version.
		i := slices.IndexFunc(v.Plan.Documents, func(d signing.Document) bool {
			b := v.Plan.Block(d.Kind, p.ID)
			return b != nil && b.Role == signing.Signs
		})
		if i < 0 {
			return "", e.refuse("%s signs no agreement in version %d: name the document it signed with %v", string(p.Name), s.Version, FieldDocument)
		}
		d = &v.Plan.Documents[i]
	}
	if d == nil {
		return "", e.refuse("version %d has no %s", s.Version, strings.ToLower(v.Title(s.Document)))
	}
	switch b := v.Plan.Block(d.Kind, p.ID); {
	case b == nil:
		var who []string
		for _, b := range d.Blocks {
			who = append(who, v.Name(b.Partner))
		}
		return "", e.refuse("%s has no signature block in the %s of version %d (it has blocks for %s)",
			string(p.Name), strings.ToLower(v.Title(d.Kind)), s.Version, words(who))
	case b.Role == signing.Joins:
		return "", e.refuse("%s joins by the joining agreement in version %d and does not sign the %s: record its signature without %v, or with %v %s",
			string(p.Name), s.Version, strings.ToLower(v.Title(d.Kind)), FieldDocument, FieldDocument, signing.JoiningAgreement)
	}
	if d.Reference != "" {
		return d.Reference, nil
	}
	return v.Reference, nil
}

// earlier is the agreement reference of an earlier version than the
// file's, read from that version's record in the output folder.
func (s Signed) earlier(file, slug string, q *questionnaire.Questionnaire) (string, error) {
	rec, err := agreement.Previous(s.Out, slug, file, s.Version+1)
	if err != nil {
		return "", err
	}
	if rec == nil || rec.Version != s.Version {
		return "", &Refusal{File: file, message: message{"no record of version %d in %s, so which agreement it was cannot be told; give %v the folder its documents were written to",
			[]any{s.Version, filepath.Clean(s.Out), FieldOut}}}
	}
	return rec.Reference, nil
}

// issued is the day q's version of the document of the given kind was
// issued: the version's date, except that a notice of withdrawal is
// dated, and signed, the day notice was given, which is before the
// version its withdrawal takes effect in.
func issued(q *questionnaire.Questionnaire, kind string) questionnaire.Date {
	if kind == signing.NoticeOfWithdrawal {
		for _, p := range q.Partners {
			if p.Left == q.Date && !p.NoticeGiven.IsZero() {
				return p.NoticeGiven
			}
		}
	}
	return q.Date
}
