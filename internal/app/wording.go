package app

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/partnership-tools/mou/internal/agreement"
	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/output"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/yamledit"
	"github.com/partnership-tools/mou/templates"
	"go.yaml.in/yaml/v3"
)

// WordingUpgrade is what moving a questionnaire to the current edition of
// the wording changes.
type WordingUpgrade struct {
	From, To     string   // the editions
	OldReference string   // the agreement reference before
	NewReference string   // and after
	Clauses      []string // the clauses whose text changes: "3.2", "Title page"
	// Changes says what changes in each of Clauses, word by word.
	Changes  []agreement.ClauseChange
	Sections string // the sections they are in, in words
	// Renumbered lists the schedules the new edition labels differently,
	// "Schedule 3 → Schedule 1 (Service specification)", and Mentions the
	// answers that name a schedule by a label that changes, for the user
	// to check.
	Renumbered, Mentions []string
	Written              bool // the file was changed
	Reformatted          bool // the file had to be rewritten as a whole
	// NoEarlierText is set when the file asks for what only the current
	// edition has (short names, schedules of its own…): the earlier
	// edition refuses it and writes nothing, so there is nothing to
	// compare, and OldReference and Clauses are empty.
	NoEarlierText bool
}

// UpgradeWording moves the questionnaire in file to the current edition
// of the built-in wording (with the user's templates from templatesDir
// laid over each edition, as generate does). It reports which clauses
// of the agreement change and, unless dryRun is set or the file already
// names the current edition, writes the new edition into the file,
// keeping its comments and layout.
func UpgradeWording(file, templatesDir string, dryRun bool) (WordingUpgrade, error) {
	q, problems, err := Load(file)
	if err != nil {
		return WordingUpgrade{}, err
	}
	up := WordingUpgrade{From: q.Wording.Edition, To: templates.Current}
	if up.From == "" {
		up.From = templates.Unstated
	}
	if problems.Err() != nil {
		// The earlier edition refuses what only the current one has,
		// advising this upgrade: take it when it is all that is wrong.
		if q, up.NoEarlierText = validOnCurrent(file); !up.NoEarlierText || up.From == up.To {
			return WordingUpgrade{}, &ProblemsError{File: file, Problems: problems}
		}
	}
	t, err := parseTemplates(templatesDir)
	if err != nil {
		return WordingUpgrade{}, err
	}
	next := *q
	next.Wording.Edition = templates.Current
	na, err := t.Agreement(&next)
	if err != nil {
		return WordingUpgrade{}, err
	}
	up.NewReference = na.Reference
	oa := na
	if !up.NoEarlierText {
		if oa, err = t.Agreement(q); err != nil {
			return WordingUpgrade{}, err
		}
		up.OldReference = oa.Reference
	}
	renumbered(&up, q, &next)
	if oa.Reference != na.Reference {
		up.Changes = agreement.ClauseChanges(oa.Sections, na.Sections)
		for _, c := range up.Changes {
			up.Clauses = append(up.Clauses, c.Name)
		}
		changed := agreement.ChangedSections(agreement.Fingerprints(oa.Sections), agreement.Fingerprints(na.Sections))
		if up.Sections, err = agreement.SaySections(t, &next, changed); err != nil {
			return WordingUpgrade{}, err
		}
	}
	if up.From == up.To || dryRun {
		return up, nil
	}

	// As every command that edits the questionnaire: under its folder's
	// lock, keeping the file as it was in FILE.bak, and never over a
	// change another program made meanwhile.
	unlock, err := output.LockFile(file)
	if err != nil {
		return WordingUpgrade{}, err
	}
	defer unlock()
	src, err := readQuestionnaire(file)
	if err != nil {
		return WordingUpgrade{}, err
	}
	updated, reformatted, err := setEdition(src, templates.Current)
	if err != nil {
		return WordingUpgrade{}, fmt.Errorf("%s: %w; nothing was changed", file, err)
	}
	if _, problems := questionnaire.Load(file, updated, LoadOptions(file)); problems.Err() != nil {
		return WordingUpgrade{}, &ProblemsError{File: file, Problems: problems.Errors(), Message: "the new edition would make the file invalid; nothing was changed"}
	}
	if err := output.ReplaceKeepingBackup(file, src, updated); err != nil {
		if errors.Is(err, output.ErrOnlyBackup) {
			return WordingUpgrade{}, err // it says what was written
		}
		return WordingUpgrade{}, fmt.Errorf("%w; nothing was changed", err)
	}
	up.Written, up.Reformatted = true, reformatted
	return up, nil
}

// renumbered notes the schedules that the current edition labels
// differently from q's (from 2026.3 the partnership's own come first,
// numbered from 1), and the answers that name one by its old label.
func renumbered(up *WordingUpgrade, q, next *questionnaire.Questionnaire) {
	was, now := document.ScheduleLabels(q), document.ScheduleLabels(next)
	byTitle := map[string]string{}
	for _, l := range now {
		byTitle[l[1]] = l[0]
	}
	var old []string
	for _, l := range was {
		if n := byTitle[l[1]]; n != "" && n != l[0] {
			up.Renumbered = append(up.Renumbered, fmt.Sprintf("%s → %s (%s)", l[0], n, l[1]))
			old = append(old, l[0])
		}
	}
	if len(old) > 0 {
		up.Mentions = q.Mentions(old...)
	}
}

// validOnCurrent loads the questionnaire in file as it would read on the
// current edition, and reports whether it is valid then.
func validOnCurrent(file string) (*questionnaire.Questionnaire, bool) {
	src, err := readQuestionnaire(file)
	if err != nil {
		return nil, false
	}
	updated, _, err := setEdition(src, templates.Current)
	if err != nil {
		return nil, false
	}
	q, problems := questionnaire.Load(file, updated, LoadOptions(file))
	return q, problems.Err() == nil
}

// setEdition writes edition as wording.edition in the questionnaire src,
// adding a wording section at the end of the file when there is none.
func setEdition(src []byte, edition string) ([]byte, bool, error) {
	doc, err := yamledit.Parse(src)
	if err != nil {
		return nil, false, err
	}
	err = doc.Set("wording.edition", edition)
	if errors.Is(err, yamledit.ErrNotFound) {
		out := append([]byte(nil), src...)
		if len(out) > 0 && out[len(out)-1] != '\n' {
			out = append(out, '\n')
		}
		add := "\n# wording: the edition of mou's standard wording these documents use.\nwording:\n  edition: \"" + edition + "\"\n"
		if bytes.Contains(src, []byte("\r\n")) {
			add = strings.ReplaceAll(add, "\n", "\r\n")
		}
		return append(out, add...), false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return quoteEdition(doc.Bytes()), doc.Reformatted(), nil
}

// quoteEdition puts the edition written plain (edition: 2026.2) in double
// quotes, as mou init writes it: a plain 2026.2 is a number to an editor
// checking the file against the JSON Schema, which expects text.
func quoteEdition(src []byte) []byte {
	var root yaml.Node
	if yaml.Unmarshal(src, &root) != nil || len(root.Content) == 0 {
		return src
	}
	v := child(child(root.Content[0], "wording"), "edition")
	if v == nil || v.Style != 0 || v.Kind != yaml.ScalarNode {
		return src
	}
	lines := bytes.SplitAfter(src, []byte("\n"))
	line := lines[v.Line-1]
	start := v.Column - 1 // yaml.v3 counts columns in runes; the lines before the value are ASCII keys
	if start+len(v.Value) > len(line) || string(line[start:start+len(v.Value)]) != v.Value {
		return src
	}
	lines[v.Line-1] = append(append(append(append([]byte(nil), line[:start]...), '"'), v.Value+`"`...), line[start+len(v.Value):]...)
	return bytes.Join(lines, nil)
}

// child returns the value of key in the mapping n, or nil.
func child(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}
