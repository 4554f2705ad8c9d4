// Package generate turns a checked questionnaire into the files mou
// writes: each document in each requested format.
package generate

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"mou/internal/document"
	"mou/internal/output"
	"mou/internal/pdf"
	"mou/internal/questionnaire"
)

// job is one document to write in some format.
type job struct {
	q         *questionnaire.Questionnaire
	kind      document.Kind
	markdown  []byte
	reference string
	logos     []pdf.Logo
}

// formats lists every output format, in the order files are written.
var formats = []struct {
	name, ext string
	render    func(g *Generator, j job) ([]byte, error)
}{
	{"md", "md", func(_ *Generator, j job) ([]byte, error) { return j.markdown, nil }},
	{"pdf", "pdf", (*Generator).renderPDF},
	{"html", "html", (*Generator).renderHTML},
}

// DefaultFormats are the formats written when none are asked for.
const DefaultFormats = "md,pdf"

// Formats returns the names of the formats, such as "md".
func Formats() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.name
	}
	return names
}

// ParseFormats reads a comma-separated list of format names.
func ParseFormats(list string) ([]string, error) {
	var out []string
	for _, name := range strings.Split(list, ",") {
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		if !isFormat(name) {
			return nil, fmt.Errorf("unknown format %q (the formats are %s)", name, strings.Join(Formats(), ", "))
		}
		out = append(out, name)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no format given (the formats are %s)", strings.Join(Formats(), ", "))
	}
	return out, nil
}

func isFormat(name string) bool {
	for _, f := range formats {
		if f.name == name {
			return true
		}
	}
	return false
}

// Options say how documents are made.
type Options struct {
	Templates fs.FS     // the document templates
	Theme     pdf.Theme // the PDF's layout
	// ESign is "", or the e-signature service whose text tags the PDF
	// carries at each signature line: pdf.ESignDocuSeal or pdf.ESignDocumenso.
	ESign string
	// Workers is how many files of one questionnaire are drawn at once:
	// the number of CPUs for a single questionnaire, 1 when many
	// questionnaires already share the CPUs. Zero means 1.
	Workers int
}

// Generator holds what is prepared once and used for every questionnaire:
// the parsed templates and the PDF renderer. It is safe for concurrent use.
type Generator struct {
	templates *document.Templates
	pdf       *pdf.Renderer
	esign     string
	workers   int
}

// New prepares a generator.
func New(o Options) (*Generator, error) {
	t, err := document.ParseTemplates(o.Templates)
	if err != nil {
		return nil, err
	}
	r, err := pdf.New(o.Theme)
	if err != nil {
		return nil, err
	}
	switch o.ESign {
	case "", pdf.ESignDocuSeal, pdf.ESignDocumenso:
	default:
		return nil, fmt.Errorf("unknown e-signature service %q (use %s or %s)", o.ESign, pdf.ESignDocuSeal, pdf.ESignDocumenso)
	}
	return &Generator{templates: t, pdf: r, esign: o.ESign, workers: o.Workers}, nil
}

// Previous is the Markdown of the MOU of an earlier version, which
// generation compares with to tell whether the signed text changed.
type Previous struct {
	Version int
	MOU     []byte
}

// Result is what generating one questionnaire gives.
type Result struct {
	Files     []output.File
	Reference string // the agreement reference
	// Compared is the earlier version compared with, 0 if none was given;
	// Stands says whether the signed text is the same as in that version.
	Compared     int
	Stands       bool
	OldReference string // the reference in the earlier version's MOU
}

// Generate returns every file for q in the named formats, in a fixed
// order. q must have passed validation. If prev is not nil and the
// signed text has not changed since it, a notice of change is added.
func (g *Generator) Generate(q *questionnaire.Questionnaire, names []string, prev *Previous, logos []pdf.Logo) (Result, error) {
	agreement, err := g.templates.Agreement(q)
	if err != nil {
		return Result{}, err
	}
	res := Result{Reference: agreement.Reference}

	// First the Markdown of every document, which is quick...
	type doc struct {
		kind document.Kind
		md   []byte
	}
	var docs []doc
	for _, kind := range document.Kinds {
		md, err := g.templates.Markdown(q, kind, res.Reference)
		if err != nil {
			return Result{}, err
		}
		docs = append(docs, doc{kind, md})
	}
	if prev != nil && prev.Version < q.Version {
		res.Compared, res.OldReference = prev.Version, document.ReferenceIn(prev.MOU)
		res.Stands = res.OldReference == res.Reference
		if res.Stands {
			n := document.Notice{PreviousVersion: prev.Version, Changes: document.ContactChanges(prev.MOU, docs[0].md)}
			md, err := g.templates.NoticeMarkdown(q, res.Reference, n)
			if err != nil {
				return Result{}, err
			}
			docs = append(docs, doc{document.NoticeOfChange, md})
		}
	}

	// ...then every file, drawn side by side where the generator may.
	stem := document.Slug(string(q.Partnership.Name))
	type task struct {
		job
		name, format string
		render       func(*Generator, job) ([]byte, error)
	}
	var tasks []task
	for _, d := range docs {
		for _, f := range formats {
			if slices.Contains(names, f.name) {
				tasks = append(tasks, task{job{q, d.kind, d.md, res.Reference, logos}, FileName(stem, d.kind, q.Version, f.ext), f.name, f.render})
			}
		}
	}
	res.Files = make([]output.File, len(tasks))
	errs := make([]error, len(tasks))
	sem := make(chan struct{}, max(g.workers, 1))
	var wg sync.WaitGroup
	for i, t := range tasks {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			data, err := t.render(g, t.job)
			if err != nil {
				errs[i] = fmt.Errorf("%s (%s): %w", t.kind.Title, t.format, err)
			}
			res.Files[i] = output.File{Name: t.name, Data: data}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return Result{}, err
	}
	return res, nil
}

// FileName is the name of one output file: <slug>-<kind>-v<N>.<ext>.
func FileName(stem string, kind document.Kind, version int, ext string) string {
	return fmt.Sprintf("%s-%s-v%d.%s", stem, kind.Name, version, ext)
}

// FindPrevious returns the MOU Markdown of the latest version before q's
// in dir, or nil if there is none.
func FindPrevious(dir string, q *questionnaire.Questionnaire) (*Previous, error) {
	stem := document.Slug(string(q.Partnership.Name))
	for v := q.Version - 1; v >= 1; v-- {
		md, err := os.ReadFile(filepath.Join(dir, FileName(stem, document.MOU, v, "md")))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		return &Previous{Version: v, MOU: md}, nil
	}
	return nil, nil
}

// renderPDF draws a document's Markdown as a PDF, with its metadata and the
// running header and footer.
func (g *Generator) renderPDF(j job) ([]byte, error) {
	q := j.q
	parties := make([]string, len(q.Partners))
	for i, p := range q.Partners {
		parties[i] = string(p.Name)
	}
	doc := pdf.Document{
		Title:    string(q.Partnership.Name) + ": " + j.kind.Title,
		Subject:  j.kind.Title,
		Author:   strings.Join(parties, "; "),
		Keywords: "memorandum of understanding; school partnership; " + q.Partnership.Model,
		Header:   string(q.Partnership.Name),
		Footer:   fmt.Sprintf("Version %d · %s", q.Version, q.Date),
		Date:     q.Date.Time(),
	}
	if j.reference != "" {
		doc.Reference = "Agreement ref. " + j.reference
	}
	if j.kind != document.NoticeOfChange {
		doc.Logos = j.logos
		doc.ESign, doc.Signers = g.esign, parties
	}
	var buf bytes.Buffer
	if err := g.pdf.Render(&buf, j.markdown, doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
