package app

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/output"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/theme"
)

// Review writes the record of a review meeting, as the guidance describes
// it: has the partnership met its aims and its targets, what the
// learners say, the strategy for the coming year and what will change,
// with the objectives filled in. The review is recorded in the
// questionnaire's reviews list, and the objectives it found met get
// met: true. It makes no new version: neither is part of the signed text.
type Review struct {
	Date      string
	Met       []string // objectives found met: ids, or numbers counted from 1
	Out       string   // the folder the record is written to
	Formats   []string
	Templates string
	Theme     theme.Theme // the record's look; the zero Theme is the built-in one
	DryRun    bool
}

// ReviewResult is what a review wrote.
type ReviewResult struct {
	ChangeResult
	Files []string // the record's files, in Out
}

// Record writes the review record and records the review in file.
func (r Review) Record(file string) (ReviewResult, error) {
	if err := missing("review", value{FieldDate, r.Date}); err != nil {
		return ReviewResult{}, err
	}
	if len(r.Formats) == 0 {
		return ReviewResult{}, request("review needs at least one %v", FieldFormat)
	}
	day, err := parseDate(FieldDate, r.Date)
	if err != nil {
		return ReviewResult{}, err
	}
	e, err := openEdit(file)
	if err != nil {
		return ReviewResult{}, err
	}
	defer e.close()
	q := e.q
	if day.Before(q.Partnership.Start) {
		return ReviewResult{}, e.refuse("%s is before the partnership started (%s)", day, q.Partnership.Start)
	}
	// A review already recorded has its record written again, in other
	// formats say, and gains no second entry.
	at := slices.IndexFunc(q.Reviews, func(h questionnaire.Review) bool { return h.Date == day })
	recorded := at >= 0
	if !recorded {
		if err := e.checkDate("review", day); err != nil {
			return ReviewResult{}, err
		}
	}
	// The file keeps only its current version, so a record is written
	// again only while the version reviewed is still the current one.
	if recorded && day.Before(q.Date) {
		reviewed, kept := "an earlier version", "the record written then"
		if v := versionOn(q, day).Version; v > 0 { // 0 when the amendment record does not say
			reviewed = "version " + strconv.Itoa(v)
		}
		if r := q.Reviews[at].Record; r != "" {
			kept += " (" + r + ")"
		}
		return ReviewResult{}, e.refuse("the review on %s was of %s, and the file is now at version %d, so a record written now would show the partnership as it is, not as it was reviewed: keep %s",
			day, reviewed, q.Version, kept)
	}
	met, err := r.objectives(e)
	if err != nil {
		return ReviewResult{}, err
	}
	// The record shows the objectives as the review found them.
	shownQ := *q
	shownQ.Objectives = slices.Clone(q.Objectives)
	for _, i := range met {
		e.set("objectives["+strconv.Itoa(i)+"].met", strconv.FormatBool(q.Objectives[i].Met), "true")
		shownQ.Objectives[i].Met = true
	}
	slug := document.Slug(string(q.Partnership.Name))
	stem := slug + "-review-" + day.ISO()
	if recorded {
		e.res.Notes = append(e.res.Notes, note("the review on %s is already recorded: its record is written again, and no second entry is added.", day))
	} else {
		e.appendTo("reviews", [][2]string{{"date", day.ISO()}, {"record", stem + "." + r.Formats[0]}})
	}
	if _, err := e.validate(); err != nil {
		return ReviewResult{}, err
	}
	files, err := r.render(file, &shownQ, day, stem)
	if err != nil {
		return ReviewResult{}, fmt.Errorf("%s: %w", file, err)
	}
	var res ReviewResult
	for _, f := range files {
		res.Files = append(res.Files, f.Name)
	}
	if r.DryRun {
		res.ChangeResult, err = e.finish(true)
		return res, err
	}
	if _, err := output.WriteAll(r.Out, files, false); err != nil {
		return ReviewResult{}, err
	}
	if len(e.res.Changes) == 0 { // the file stays as it is, with no .bak
		return ReviewResult{ChangeResult: e.res, Files: res.Files}, nil
	}
	res.ChangeResult, err = e.finish(false)
	return res, err
}

// objectives finds the objectives named by --met.
func (r Review) objectives(e *edit) ([]int, error) {
	var unknown []string
	var idx []int
	for _, name := range r.Met {
		i := slices.IndexFunc(e.q.Objectives, func(o questionnaire.Objective) bool { return o.ID != "" && o.ID == name })
		if n, err := strconv.Atoi(name); err == nil && i < 0 && n >= 1 && n <= len(e.q.Objectives) {
			i = n - 1
		}
		if i < 0 {
			unknown = append(unknown, strconv.Quote(name))
			continue
		}
		idx = append(idx, i)
	}
	if len(unknown) > 0 {
		return nil, e.refuse("%v: no objective is %s: give an objective's id, or its number in the review record (1 to %d)", FieldMet, words(unknown), len(e.q.Objectives))
	}
	return idx, nil
}

// render writes the review record in each format, signed as the
// version's signing plan says.
func (r Review) render(file string, q *questionnaire.Questionnaire, day questionnaire.Date, stem string) ([]output.File, error) {
	fsys, err := TemplateSet(r.Templates)
	if err != nil {
		return nil, err
	}
	g, err := New(Options{Templates: fsys, Theme: themeOrDefault(r.Theme)})
	if err != nil {
		return nil, err
	}
	v, err := build(g.templates, file, q, nil)
	if err != nil {
		return nil, err
	}
	w, err := v.Review(g.templates, day)
	if err != nil {
		return nil, err
	}
	tree, doc, err := newJob(v, w, nil)
	if err != nil {
		return nil, err
	}
	var files []output.File
	for _, f := range formats {
		if slices.Contains(r.Formats, f.name) {
			data, err := g.render(f.name, tree, doc)
			if err != nil {
				return nil, err
			}
			files = append(files, output.File{Name: stem + "." + f.ext, Data: data})
		}
	}
	return files, nil
}
