package app

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/internal/output"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/yamledit"
)

// ChangeResult says what a command that edits the questionnaire changed.
type ChangeResult struct {
	Changes []string // "partners[0].lead.name: Jane Smith → Dafydd Jones-Newman"
	Notes   []Note   // things the user should know
	Written bool     // false for a dry run
}

// HandoverResult is the result of a handover.
type HandoverResult = ChangeResult

// edit is one questionnaire file being changed in place: every command
// that records a change (handover, join, leave, signed, review) reads the
// file, makes its edits with yamledit so that comments and layout stay,
// checks the result is still valid, and writes it with a .bak copy.
type edit struct {
	file string
	src  []byte
	q    *questionnaire.Questionnaire
	doc  *yamledit.Doc
	res  ChangeResult
	err  error // the first edit that failed
	// flags maps the paths of values a field gave to that field, so that
	// a problem with one is reported by the field (the command line's
	// flag), not by a line of a file that was never written.
	flags map[string]Field
	// problems are those the command found with its fields' values,
	// each reported in place of what the check of the edited file says
	// at its path, so that every problem is reported at once; given
	// names the field of each.
	problems questionnaire.Problems
	given    []Field
	said     []message // each problem's message, which may name fields
	covered  map[string]bool
	// unlock releases the lock on the file's folder, held from reading
	// the file to writing it so that two runs cannot lose an update.
	unlock func()
	// updated is the questionnaire as the edits leave it, once checked,
	// and warnings what the check warned of.
	updated  *questionnaire.Questionnaire
	warnings questionnaire.Problems
}

// openEdit locks, reads and checks file, ready for edits. The caller
// must close the edit.
func openEdit(file string) (e *edit, err error) {
	unlock, err := output.LockFile(file)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			unlock()
		}
	}()
	src, err := readQuestionnaire(file)
	if err != nil {
		return nil, err
	}
	q, _, err := LoadValid(file)
	if err != nil {
		return nil, err
	}
	doc, err := yamledit.Parse(src)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return &edit{file: file, src: src, q: q, doc: doc, unlock: unlock}, nil
}

// close releases the file's lock.
func (e *edit) close() { e.unlock() }

// refuse is an error for a request the file's answers rule out; args
// may be Fields.
func (e *edit) refuse(format string, args ...any) error {
	return &Refusal{File: e.file, message: message{format, args}}
}

// set changes the value at path from old to value, and notes the change.
// It does nothing when the value is the same, and removes the key when
// the value is empty, rather than leave an empty answer in the file.
func (e *edit) set(path, old, value string) {
	if old == value || e.err != nil {
		return
	}
	if value == "" {
		e.err = e.doc.Delete(path)
	} else {
		e.err = e.doc.Set(path, value)
	}
	e.res.Changes = append(e.res.Changes, fmt.Sprintf("%s: %s → %s", path, orNone(old), orNone(value)))
}

// flag records that the value at path came from field, when it was given.
func (e *edit) flag(path string, field Field, value string) {
	if value == "" {
		return
	}
	if e.flags == nil {
		e.flags = map[string]Field{}
	}
	e.flags[path] = field
}

// problem notes a problem with the value field gave for path; args may
// be Fields, which the message names as the caller names them.
func (e *edit) problem(field Field, path, format string, args ...any) {
	m := message{format, args}
	e.problems = append(e.problems, questionnaire.Problem{Path: string(field), Message: m.text(ownName)})
	e.given = append(e.given, field)
	e.said = append(e.said, m)
	if e.covered == nil {
		e.covered = map[string]bool{}
	}
	e.covered[path] = true
}

// add adds a mapping at path, and notes it.
func (e *edit) add(path string, pairs [][2]string) {
	if e.err != nil {
		return
	}
	e.err = e.doc.AddMapping(path, pairs)
	e.res.Changes = append(e.res.Changes, fmt.Sprintf("%s: added (%s)", path, pairWords(pairs)))
}

// appendTo adds an item to the list at path, and notes it.
func (e *edit) appendTo(path string, item [][2]string) {
	if e.err != nil {
		return
	}
	e.err = e.doc.Append(path, item)
	e.res.Changes = append(e.res.Changes, fmt.Sprintf("%s: added (%s)", path, pairWords(item)))
}

func pairWords(pairs [][2]string) string {
	words := make([]string, len(pairs))
	for i, kv := range pairs {
		words[i] = kv[0] + ": " + kv[1]
	}
	return strings.Join(words, ", ")
}

// newVersion raises the version by one, dates it effective and adds an
// entry to the amendment record (the template's words, ending with a
// full stop), with a first-issue entry before it when the record has none
// for version 1. It returns the entry's path.
func (e *edit) newVersion(effective questionnaire.Date, entry, reason, from string) string {
	q := e.q
	path := "history[" + strconv.Itoa(len(q.History)) + "]"
	if !hasVersion(q, 1) && q.Version == 1 {
		path = "history[" + strconv.Itoa(len(q.History)+1) + "]"
	}
	e.flag(path+".reason", FieldReason, reason)
	e.set("version", strconv.Itoa(q.Version), strconv.Itoa(q.Version+1))
	e.set("date", q.Date.ISO(), effective.ISO())
	if e.err != nil {
		return path
	}
	if !hasVersion(q, 1) && q.Version == 1 {
		first := locale.Get(q.Language).FirstIssue
		if e.err = e.doc.Append("history", [][2]string{{"version", "1"}, {"date", q.Date.ISO()}, {"change", first}}); e.err != nil {
			return path
		}
	}
	item := [][2]string{{"version", strconv.Itoa(q.Version + 1)}, {"date", effective.ISO()}, {"change", entry}}
	if reason != "" {
		item = append(item, [2]string{"reason", reason})
	}
	if from != "" {
		item = append(item, [2]string{"from", from})
	}
	e.err = e.doc.Append("history", item)
	e.res.Changes = append(e.res.Changes, fmt.Sprintf("history: added version %d: %s", q.Version+1, entry))
	return path
}

// checkDate refuses an effective date before the current version's date;
// what says which date it is.
func (e *edit) checkDate(what string, d questionnaire.Date) error {
	if d.Before(e.q.Date) {
		return e.refuse("the %s date %s is before the date of version %d (%s)", what, d, e.q.Version, e.q.Date)
	}
	return nil
}

// partner finds a partner by id, or refuses.
func (e *edit) partner(id string) (int, *questionnaire.Partner, error) {
	i := partnerIndex(e.q, id)
	if i < 0 {
		return -1, nil, e.refuse("no partner has the id %q (the ids are %s)", id, partnerIDs(e.q))
	}
	return i, &e.q.Partners[i], nil
}

// finish checks that the edited file is still valid and, unless dryRun,
// writes it, keeping the previous file as FILE.bak.
func (e *edit) finish(dryRun bool) (ChangeResult, error) {
	updated, err := e.validate()
	if err != nil {
		return ChangeResult{}, err
	}
	if e.doc.Reformatted() {
		e.res.Notes = append(e.res.Notes, note("part of the file could not be edited in place (an alias or a multi-line answer is involved), so the whole file was rewritten: every comment is kept, but blank lines and line breaks inside answers may have moved. Compare it with the .bak file."))
	}
	if dryRun {
		return e.res, nil
	}
	if err := output.ReplaceKeepingBackup(e.file, e.src, updated); err != nil {
		if errors.Is(err, output.ErrOnlyBackup) {
			return ChangeResult{}, err // it says what was written
		}
		return ChangeResult{}, fmt.Errorf("%w; nothing was changed", err)
	}
	e.res.Written = true
	return e.res, nil
}

// validate returns the edited file, if the edits were made and it is
// still valid.
func (e *edit) validate() ([]byte, error) {
	if e.err != nil {
		return nil, fmt.Errorf("%s: %w; nothing was changed", e.file, e.err)
	}
	updated := e.doc.Bytes()
	q, problems := questionnaire.Load(e.file, updated, LoadOptions(e.file))
	byField, given := e.byField(problems.Errors())
	if all := append(slices.Clone(e.problems), byField...); len(all) > 0 {
		msg := "the change would make the file invalid; nothing was changed"
		if len(byField) == 0 {
			msg = "nothing was changed"
		}
		return nil, &ProblemsError{File: e.file, Problems: all, Given: append(slices.Clone(e.given), given...), said: e.said, Message: msg}
	}
	e.updated = q
	for _, p := range problems {
		if p.Warning {
			e.warnings = append(e.warnings, p)
		}
	}
	return updated, nil
}

// byField reports each problem with a value a field gave by that field,
// once for each field and message, and the others at their place in the
// file; given names the field of each problem, "" for the file's.
func (e *edit) byField(problems questionnaire.Problems) (out questionnaire.Problems, given []Field) {
	seen := map[Field]map[string]bool{}
	for _, p := range problems {
		if e.covered[p.Path] {
			continue
		}
		field, ok := e.flags[p.Path]
		if ok {
			if seen[field][p.Message] {
				continue
			}
			if seen[field] == nil {
				seen[field] = map[string]bool{}
			}
			seen[field][p.Message] = true
			p = questionnaire.Problem{Path: string(field), Message: p.Message, Warning: p.Warning}
		}
		out, given = append(out, p), append(given, field)
	}
	return out, given
}

// parseDate reads a date field, as a *RequestError when it is not a date.
func parseDate(field Field, value string) (questionnaire.Date, error) {
	d, err := questionnaire.ParseDate(value)
	if err != nil {
		return d, request("%v: %v", field, err)
	}
	return d, nil
}

// value is a field and the value given for it.
type value struct {
	field Field
	value string
}

// missing refuses a request that lacks required values, naming every
// field missing.
func missing(command string, values ...value) error {
	var fields []Field
	for _, v := range values {
		if strings.TrimSpace(v.value) == "" {
			fields = append(fields, v.field)
		}
	}
	if len(fields) == 0 {
		return nil
	}
	return request("%s needs "+fieldList(len(fields), "and"), append([]any{command}, fieldArgs(fields...)...)...)
}

// words joins items in English: "a", "a and b", "a, b and c".
func words(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
