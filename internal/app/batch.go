package app

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"

	"github.com/partnership-tools/mou/internal/agreement"
	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/output"
	"github.com/partnership-tools/mou/internal/questionnaire"
)

// Files turns command-line arguments into questionnaire files: a folder
// stands for every *.yaml and *.yml file in it, in name order. A file
// named twice is kept once. Anything in a folder that is not a regular
// file, such as a named pipe, is left out with a note saying so, since
// reading it could wait for ever.
func Files(args []string) (files, notes []string, err error) {
	seen := map[string]bool{}
	add := func(f string) {
		key := filepath.Clean(f)
		if abs, err := filepath.Abs(f); err == nil {
			key = abs
		}
		if !seen[key] {
			seen[key] = true
			files = append(files, f)
		}
	}
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil || !st.IsDir() {
			add(a) // a missing file is reported when it is read
			continue
		}
		var found []string
		for _, pattern := range []string{"*.yaml", "*.yml"} {
			m, _ := filepath.Glob(filepath.Join(a, pattern))
			found = append(found, m...)
		}
		sort.Strings(found)
		found = slices.DeleteFunc(found, func(f string) bool {
			st, err := os.Stat(f)
			if err == nil && !st.Mode().IsRegular() {
				notes = append(notes, fmt.Sprintf("%s: skipped: not a regular file", f))
				return true
			}
			return false
		})
		if len(found) == 0 {
			return nil, nil, fmt.Errorf("%s: no questionnaires (*.yaml) in this folder", a)
		}
		for _, f := range found {
			add(f)
		}
	}
	return files, notes, nil
}

// Batch generates questionnaires with one generator into one folder. It
// is safe for concurrent use.
type Batch struct {
	Generator *Generator
	Formats   []string
	OutDir    string
	Force     bool // replace files of the same version that differ

	mu      sync.Mutex
	claimed map[string]string // output file name -> the questionnaire that writes it
	// turns, set by RunAll, is closed for each questionnaire, in the
	// order given, once it has claimed its files' names or failed
	// before: of two that would write the same file, the one named
	// first keeps it, however their drawings run.
	turns []chan struct{}
	// folder is the output folder's records as RunAll found them, so
	// that it lists the folder once, not once for each questionnaire.
	folder *agreement.Folder
	// cpu, set by RunAll, holds a place for each questionnaire being
	// loaded and drawn; one waiting for its files to reach the disk
	// gives its place up, so the next one is drawn meanwhile.
	cpu chan struct{}
}

// Outcome is what generating one questionnaire gave.
type Outcome struct {
	File      string
	Problems  []string // the questionnaire's problems, printed as they are
	Written   []string
	Unchanged []string
	Removed   []string // files of this version left from other answers, removed by --force
	Draft     bool     // the documents were written as drafts for discussion
	Verdict   agreement.Verdict
	Signed    string // that every partner has signed, once they have (see Result)
	// Questionnaire is the answers the files were written from, nil
	// when the file could not be read or is not valid.
	Questionnaire *questionnaire.Questionnaire
	Err           error // nil when the files were written
}

// shownExamples is how many warnings of answers left as "mou init" wrote
// them a run reports before it counts the rest.
const shownExamples = 3

// Run generates one questionnaire and writes its files: all of them, or
// none when anything is wrong.
//
// Of the warnings of answers left as "mou init" wrote them, only the
// first few are among the problems, then how many more (validate lists
// each).
func (b *Batch) Run(file string) (r Outcome) {
	return b.run(file, -1)
}

// run is Run for the questionnaire whose turn (see Batch.turns) is
// given, or -1 outside RunAll.
func (b *Batch) run(file string, turn int) (r Outcome) {
	r.File = file
	drawn := b.drawing()
	defer drawn()
	claimed := func() {}
	if turn >= 0 {
		claimed = sync.OnceFunc(func() { close(b.turns[turn]) })
	}
	defer claimed()
	// The questionnaire's templates are parsed while it is checked. Its
	// cross-references are checked as its documents are written, not
	// first as well (see unprinted).
	opts := LoadOptions(file)
	opts.Prepare, opts.Printed = b.Generator.templates.Prepare, nil
	q, problems, err := load(file, opts)
	if err != nil {
		r.Err = err
		return r
	}
	r.Problems = problems.Summary(shownExamples)
	if problems.Err() != nil {
		r.Err = &ProblemsError{File: file, Problems: problems}
		return r
	}
	r.Questionnaire = q
	logos, err := logos(file, q)
	if err != nil {
		r.Err = err
		return r
	}
	// The staging's lock keeps another run from writing between reading
	// the previous record and writing this version's files. Files may be
	// staged before the run is done; a run that fails renames none of
	// them into place, and leaves no temporary file.
	staging, err := output.Stage(b.OutDir)
	if err != nil {
		r.Err = fmt.Errorf("%s: %w", file, err)
		return r
	}
	defer staging.Close()
	slug := document.Slug(string(q.Partnership.Name))
	folder := b.folder
	if folder == nil {
		folder, err = agreement.ListFolder(b.OutDir)
	}
	var prev *agreement.Record
	if err == nil {
		prev, err = folder.Previous(slug, file, q.Version)
	}
	if err != nil {
		r.Err = fmt.Errorf("%s: reading the previous version's record: %w", file, err)
		return r
	}
	// One questionnaire's files are staged as they are drawn, while a
	// CPU is free of drawing. In a batch (RunAll) the other
	// questionnaires keep the CPUs busy, and staging early would hold up
	// their drawing and this one's giving up its place: there every file
	// is staged by Commit, once the place is given up.
	ready := staging.Add
	if b.cpu != nil {
		ready = nil
	}
	gen, err := b.Generator.generate(file, q, b.Formats, prev, logos, ready)
	if err != nil {
		r.Err = fmt.Errorf("%s: %w", file, err)
		if problems := unprinted(file, err); problems != nil {
			r.Problems, r.Err = problems.Summary(shownExamples), &ProblemsError{File: file, Problems: problems}
		}
		return r
	}
	files, stale := b.keepRecord(gen)
	if !b.Force && q.DocumentStage() == questionnaire.StageFinal {
		if err := b.finalOverDrafts(file, q, prev, logos, files); err != nil {
			r.Err = fmt.Errorf("%s: %w", file, err)
			return r
		}
	}
	drawn() // so that no questionnaire waits for its turn holding a place
	if turn > 0 {
		<-b.turns[turn-1]
	}
	err = b.claim(file, files)
	claimed()
	if err != nil {
		r.Err = err
		return r
	}
	res, err := staging.Commit(files, b.Force)
	if errors.Is(err, output.ErrConflict) {
		err = fieldError(err, "%v\nIf the answers changed, raise \"version\" in %s (or use \"mou handover\") so the documents already issued are kept. "+
			"If only the options changed (%v, %v, %v, %v), write to another %v folder, or use %v to replace this version's files",
			err, file, FieldPaper, FieldTheme, FieldTemplates, FieldESign, FieldOut, FieldForce)
	}
	if err != nil {
		r.Err = err
		return r
	}
	r.Written, r.Unchanged, r.Verdict, r.Signed = res.Written, res.Unchanged, gen.Verdict, gen.Signed
	r.Draft = q.DocumentStage() == questionnaire.StageDraft
	// What --force replaced must not leave behind a file of this version
	// in another format that still holds the earlier answers.
	for _, name := range stale {
		path := filepath.Join(b.OutDir, name)
		if err := os.Remove(path); err == nil {
			r.Removed = append(r.Removed, path)
		}
	}
	return r
}

// finalOverDrafts lets the final copies of a version replace its drafts:
// a version's drafts are passed round for discussion, and once the
// partners agree them the copies to sign are written under the same
// names. Only a file holding exactly the draft of these same answers is
// replaced; any other file of the version is still refused.
func (b *Batch) finalOverDrafts(file string, q *questionnaire.Questionnaire, prev *agreement.Record, logos []layout.Logo, files []output.File) error {
	differs := slices.ContainsFunc(files, func(f output.File) bool {
		old, err := os.ReadFile(filepath.Join(b.OutDir, f.Name))
		return err == nil && f.Replaces == nil && !bytes.Equal(old, f.Data)
	})
	if !differs {
		return nil
	}
	draft := *q
	draft.Stage = questionnaire.StageDraft
	gen, err := b.Generator.Generate(file, &draft, b.Formats, prev, logos)
	if err != nil {
		return err
	}
	for i, f := range files {
		j := slices.IndexFunc(gen.Files, func(d output.File) bool { return d.Name == f.Name })
		if f.Replaces == nil && j >= 0 && !bytes.Equal(gen.Files[j].Data, f.Data) {
			files[i].Replaces = gen.Files[j].Data
		}
	}
	return nil
}

// drawing takes a place in b.cpu, when RunAll made it, and returns what
// gives the place up; calling that again does nothing.
func (b *Batch) drawing() (done func()) {
	if b.cpu == nil {
		return func() {}
	}
	b.cpu <- struct{}{}
	return sync.OnceFunc(func() { <-b.cpu })
}

// keepRecord returns the files to write, with the version's record merged
// into the one already in the folder, so that generating one format and
// then another lists both. The merged record replaces the old one; a
// record of a different agreement is left to be refused as a conflict.
//
// With --force, a record of a different agreement is replaced, and the
// files it lists that this run does not write are returned as stale: they
// hold the earlier answers under this version's name.
func (b *Batch) keepRecord(gen Result) (files []output.File, stale []string) {
	files = gen.Files
	last := &files[len(files)-1]
	if b.Generator.public {
		return files, nil // no record
	}
	old, data, err := agreement.ReadBytes(filepath.Join(b.OutDir, last.Name))
	if err != nil {
		return files, nil // none yet, or unreadable: writing will say
	}
	if merged := gen.Record.Merge(old); merged != gen.Record {
		last.Data, last.Replaces = merged.Marshal(), data
		return files, nil
	}
	if !b.Force {
		return files, nil
	}
	for _, f := range old.Files {
		if !slices.ContainsFunc(files, func(o output.File) bool { return o.Name == f.Name }) && filepath.Base(f.Name) == f.Name {
			stale = append(stale, f.Name)
		}
	}
	return files, stale
}

// claim reserves the output names of file's documents, so that two
// questionnaires in one batch never write the same file.
func (b *Batch) claim(file string, files []output.File) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.claimed == nil {
		b.claimed = map[string]string{}
	}
	for _, f := range files {
		if other, ok := b.claimed[f.Name]; ok && other != file {
			return fmt.Errorf("%s: writes %s, as %s does: give the partnerships different names or versions", file, f.Name, other)
		}
	}
	for _, f := range files {
		b.claimed[f.Name] = file
	}
	return nil
}

// RunAll generates files with jobs at once, calling done with each
// outcome, from one goroutine, as it comes; one failing does not stop the
// others.
func (b *Batch) RunAll(files []string, jobs int, done func(Outcome)) {
	// The records of earlier versions are there before the run; those
	// the run writes are of the versions it generates.
	if f, err := agreement.ListFolder(b.OutDir); err == nil {
		b.folder = f
	}
	// jobs questionnaires are drawn at once, and as many again may be
	// waiting for the disk to take their files.
	jobs = max(jobs, 1)
	b.cpu = make(chan struct{}, jobs)
	b.turns = make([]chan struct{}, len(files))
	for i := range b.turns {
		b.turns[i] = make(chan struct{})
	}
	type job struct {
		file string
		turn int
	}
	todo := make(chan job)
	results := make(chan Outcome)
	var wg sync.WaitGroup
	for range min(2*jobs, len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range todo {
				results <- b.run(j.file, j.turn)
			}
		}()
	}
	go func() {
		for i, f := range files {
			todo <- job{f, i}
		}
		close(todo)
		wg.Wait()
		close(results)
	}()
	for r := range results {
		done(r)
	}
}
