package app

import (
	"fmt"
	"path/filepath"
	"strconv"

	"github.com/partnership-tools/mou/internal/agreement"
	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/status"
)

// Signed records that a partner signed a version: a fact kept beside the
// agreement in the questionnaire's signatures list, with the agreement
// reference of the text signed, so that later versions of the same
// agreement know they are covered. It does not make a new version.
type Signed struct {
	Version   int
	Partner   string
	By        string
	Date      string
	Out       string // the output folder, where earlier versions' records are
	Templates string // a --templates folder, "" for the built-in templates
	DryRun    bool
}

// Record adds the signature to file, in place, keeping FILE.bak.
func (s Signed) Record(file string) (ChangeResult, error) {
	if err := missingFlags("signed", [2]string{"--partner", s.Partner}, [2]string{"--by", s.By}, [2]string{"--date", s.Date}); err != nil {
		return ChangeResult{}, err
	}
	if s.Version < 1 {
		return ChangeResult{}, usage("signed needs --version, the version that was signed (1 or more)")
	}
	date, err := parseDate("--date", s.Date)
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
	switch {
	case s.Version > q.Version:
		return ChangeResult{}, e.refuse("there is no version %d yet: the file is at version %d", s.Version, q.Version)
	case p.HasLeft(q.Date):
		return ChangeResult{}, e.refuse("%s left the partnership on %s", string(p.Name), p.Left)
	case s.Version < joinedIn(q, p):
		return ChangeResult{}, e.refuse("%s joined the partnership in version %d (on %s), so it did not sign version %d; record its signature on version %d or later",
			string(p.Name), joinedIn(q, p), p.Joined, s.Version, joinedIn(q, p))
	case s.Version == q.Version && date.Before(q.Date):
		return ChangeResult{}, e.refuse("%s is before version %d was issued (%s)", date, q.Version, q.Date)
	}
	for _, g := range q.Signatures {
		if g.Version == s.Version && g.Partner == s.Partner {
			return ChangeResult{}, e.refuse("%s's signature on version %d is already recorded (by %s on %s)", string(p.Name), s.Version, string(g.By), g.Date)
		}
	}
	ref, err := s.reference(file, q)
	if err != nil {
		return ChangeResult{}, err
	}
	e.appendTo("signatures", [][2]string{{"version", strconv.Itoa(s.Version)}, {"partner", s.Partner}, {"by", s.By}, {"date", date.ISO()}, {"reference", ref}})
	e.flag("signatures["+strconv.Itoa(len(q.Signatures))+"].by", "--by", s.By)
	r, err := e.finish(s.DryRun)
	if err != nil {
		return r, err
	}
	after := *q
	after.Signatures = append(after.Signatures, questionnaire.Signature{Version: s.Version, Partner: s.Partner, Reference: ref})
	if still := status.Unsigned(&after, ref); len(still) > 0 {
		r.Notes = append(r.Notes, "still to sign agreement ref. "+ref+": "+words(still)+".")
	} else {
		r.Notes = append(r.Notes, "every partner has now signed agreement ref. "+ref+".")
	}
	return r, nil
}

// reference is the agreement reference of the version signed: worked out
// from the questionnaire for its current version, else read from that
// version's record in the output folder.
func (s Signed) reference(file string, q *questionnaire.Questionnaire) (string, error) {
	if s.Version == q.Version {
		t, err := parseTemplates(s.Templates)
		if err != nil {
			return "", err
		}
		a, err := t.Agreement(q)
		return a.Reference, err
	}
	rec, err := agreement.Previous(s.Out, document.Slug(string(q.Partnership.Name)), file, s.Version+1)
	if err != nil {
		return "", err
	}
	if rec == nil || rec.Version != s.Version {
		return "", fmt.Errorf("%s: no record of version %d in %s, so which agreement it was cannot be told; give --out the folder its documents were written to; nothing was changed",
			file, s.Version, filepath.Clean(s.Out))
	}
	return rec.Reference, nil
}
