package app

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"github.com/partnership-tools/mou/internal/agreement"
	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/output"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/render/docx"
	"github.com/partnership-tools/mou/internal/render/html"
	"github.com/partnership-tools/mou/internal/render/pdf"
)

// job is one document to write in some format.
type job struct {
	tree   *layout.Tree
	doc    layout.Document
	people []string // what a public web page leaves out
	signed []string // who signed, for a public web page
}

// formats lists every output format, in the order files are written.
var formats = []struct {
	name, ext string
	render    func(g *Generator, j job) ([]byte, error)
}{
	{"md", "md", func(_ *Generator, j job) ([]byte, error) { return j.tree.Source, nil }},
	{"pdf", "pdf", (*Generator).renderPDF},
	{"html", "html", (*Generator).renderHTML},
	{"docx", "docx", (*Generator).renderDOCX},
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
	// Public and Fragment make the web page one to publish: see
	// html.Options.
	Public, Fragment bool
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
	html      html.Options
	docx      *docx.Renderer
	workers   int
}

// New prepares a generator.
func New(o Options) (*Generator, error) {
	t, err := document.ParseTemplates(o.Templates)
	if err != nil {
		return nil, err
	}
	r, err := pdf.New(o.Theme, o.ESign)
	if err != nil {
		return nil, err
	}
	d, err := docx.New(DocxTheme(o.Theme))
	if err != nil {
		return nil, err
	}
	h := html.Options{Public: o.Public, Fragment: o.Fragment, Paper: o.Theme.Paper}
	return &Generator{templates: t, pdf: r, html: h, docx: d, workers: o.Workers}, nil
}

// Result is what generating one questionnaire gives.
type Result struct {
	Files   []output.File // the documents, then the version record (none for a public web page)
	Record  *agreement.Record
	Verdict agreement.Verdict // against the previous version's record
}

// Generate returns every file for q, read from file, in the named
// formats, in a fixed order, and the version's record last. q must have
// passed validation. prev is the previous version's record, or nil; the
// version's model (agreement.Build) decides against it which documents
// there are, a notice of change among them, and who signs which.
func (g *Generator) Generate(file string, q *questionnaire.Questionnaire, names []string, prev *agreement.Record, logos []layout.Logo) (Result, error) {
	v, err := agreement.Build(g.templates, file, q, prev)
	if err != nil {
		return Result{}, err
	}
	rec := v.Record
	res := Result{Record: rec, Verdict: v.Verdict}

	// Each document parsed once and drawn in every format side by side
	// where the generator may.
	stem := document.Slug(string(v.Shown.Partnership.Name))
	type task struct {
		job
		kind         document.Kind
		name, format string
		render       func(*Generator, job) ([]byte, error)
	}
	var tasks []task
	for _, d := range v.Documents {
		j, err := newJob(v, d, logos)
		if err != nil {
			return Result{}, fmt.Errorf("%s: %w", d.Kind.Name, err)
		}
		if err := checkSigningTags(j); err != nil {
			return Result{}, err
		}
		for _, f := range formats {
			if slices.Contains(names, f.name) {
				tasks = append(tasks, task{j, d.Kind, FileName(stem, d.Kind, v.File.Version, f.ext), f.name, f.render})
			}
		}
	}
	files := make([]output.File, len(tasks))
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
				errs[i] = fmt.Errorf("%s (%s): %w", t.kind.Name, t.format, err)
			}
			files[i] = output.File{Name: t.name, Data: data}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return Result{}, err
	}
	for _, f := range files {
		rec.AddFile(f.Name, f.Data)
	}
	res.Files = files
	// A public page goes to a website: the record, which lists every
	// contact's details, is written by generate without --public.
	if !g.html.Public {
		res.Files = append(res.Files, output.File{Name: agreement.FileName(stem, v.File.Version), Data: rec.Marshal()})
	}
	return res, nil
}

// newJob parses a document of the version for drawing, with each
// signature block's owner named from the signing plan.
func newJob(v *agreement.Version, d document.Written, logos []layout.Logo) (job, error) {
	tree := layout.Parse(d.Markdown)
	if err := tree.Sign(signers(v, d.Kind.Name)); err != nil {
		return job{}, err
	}
	j := job{tree: tree, doc: document.Layout(v.Shown, d.Kind, v.Reference, logos), people: people(v.Shown)}
	if d.Kind == document.MOU {
		j.signed = signedLines(v)
	}
	return j, nil
}

// signers are the owners of the signature blocks of the version's
// document of the given kind, for the layout tree.
func signers(v *agreement.Version, kind string) []layout.Signer {
	var out []layout.Signer
	for _, s := range v.Signers(kind) {
		out = append(out, layout.Signer{ID: s.ID, Name: s.Name})
	}
	return out
}

// FileName is the name of one output file: <slug>-<kind>-v<N>.<ext>.
func FileName(stem string, kind document.Kind, version int, ext string) string {
	return fmt.Sprintf("%s-%s-v%d.%s", stem, kind.Name, version, ext)
}

// renderPDF draws a document as a PDF.
func (g *Generator) renderPDF(j job) ([]byte, error) {
	var buf bytes.Buffer
	if err := g.pdf.Render(&buf, j.tree, j.doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// renderHTML writes a document as a web page.
func (g *Generator) renderHTML(j job) ([]byte, error) {
	var buf bytes.Buffer
	o := g.html
	o.People, o.Signed = j.people, j.signed
	if err := html.RenderWith(&buf, j.tree, j.doc, o); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// renderDOCX writes a document as a Word file.
func (g *Generator) renderDOCX(j job) ([]byte, error) {
	var buf bytes.Buffer
	if err := g.docx.Render(&buf, j.tree, j.doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// DocxTheme is the PDF theme's paper, margins, type size and colours for
// a Word file.
func DocxTheme(t pdf.Theme) docx.Theme {
	hex := func(c pdf.Colour) string { return fmt.Sprintf("%02X%02X%02X", c.R, c.G, c.B) }
	d := docx.DefaultTheme()
	d.Paper = t.Paper
	d.MarginTop, d.MarginBottom, d.MarginLeft, d.MarginRight = t.MarginTop, t.MarginBottom, t.MarginLeft, t.MarginRight
	d.BodySize = t.BodySize
	d.Text, d.Heading, d.Muted, d.Rule, d.TableHeaderFill = hex(t.Text), hex(t.Heading), hex(t.Muted), hex(t.Rule), hex(t.TableHeaderFill)
	return d
}

// ESignServices are the e-signature services whose text tags the PDF can
// carry.
var ESignServices = []string{pdf.ESignDocuSeal, pdf.ESignDocumenso}
