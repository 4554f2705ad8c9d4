package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
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
	"github.com/partnership-tools/mou/internal/status"
	"github.com/partnership-tools/mou/internal/theme"
)

// Renderer writes a document, laid out as a tree, in one format.
type Renderer interface {
	Render(w io.Writer, tree *layout.Tree, doc layout.Document) error
}

// format is one output format: the name --format knows it by, its file
// extension, whether a redline can be drawn in it, and how to make its
// renderer for a generator's options. Adding a format is a package under
// internal/render and a row in formats.
type format struct {
	name, ext string
	redline   bool
	renderer  func(o Options) (Renderer, error)
}

// formats lists every output format, in the order files are written.
var formats = []format{
	{"md", "md", false, func(Options) (Renderer, error) { return markdown{}, nil }},
	{"pdf", "pdf", true, func(o Options) (Renderer, error) { return pdf.New(o.Theme, o.ESign) }},
	{"html", "html", false, func(o Options) (Renderer, error) {
		return html.New(html.Options{Public: o.Public, Fragment: o.Fragment, Theme: o.Theme})
	}},
	{"docx", "docx", true, func(o Options) (Renderer, error) { return docx.New(o.Theme) }},
}

// markdown writes a document as the Markdown it was parsed from.
type markdown struct{}

func (markdown) Render(w io.Writer, tree *layout.Tree, _ layout.Document) error {
	_, err := w.Write(tree.Source)
	return err
}

// redlineFormat is the format of a redline written to path, by its
// extension, or a *RequestError naming the formats a redline can take.
func redlineFormat(path string) (format, error) {
	var kinds []string
	for _, f := range formats {
		if f.redline {
			if strings.EqualFold(filepath.Ext(path), "."+f.ext) {
				return f, nil
			}
			kinds = append(kinds, "a ."+f.ext)
		}
	}
	return format{}, request("%s: a redline is written as %s file", path, strings.Join(kinds, " or "))
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
	Templates fs.FS       // the document templates
	Theme     theme.Theme // the documents' look, in every format
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
// the templates and a renderer for each format. It is safe for
// concurrent use.
type Generator struct {
	templates *document.Templates
	renderers map[string]Renderer // by format name
	workers   int
	public    bool // the web page is one to publish: no version record
}

// New prepares a generator.
func New(o Options) (*Generator, error) {
	t, err := document.ParseTemplates(o.Templates)
	if err != nil {
		return nil, err
	}
	g := &Generator{templates: t, renderers: map[string]Renderer{}, workers: o.Workers, public: o.Public}
	for _, f := range formats {
		if g.renderers[f.name], err = f.renderer(o); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// Result is what generating one questionnaire gives.
type Result struct {
	Files   []output.File // the documents, then the version record (none for a public web page)
	Record  *agreement.Record
	Verdict agreement.Verdict // against the previous version's record
	// Signed is status's line that every partner has signed this
	// version's documents, once the file records that they have; "" until
	// then.
	Signed string
}

// Generate returns every file for q, read from file, in the named
// formats, in a fixed order, and the version's record last. q must have
// passed validation. prev is the previous version's record, or nil; the
// version's model (agreement.Build) decides against it which documents
// there are, a notice of change among them, and who signs which.
func (g *Generator) Generate(file string, q *questionnaire.Questionnaire, names []string, prev *agreement.Record, logos []layout.Logo) (Result, error) {
	return g.generate(file, q, names, prev, logos, nil)
}

// generate is Generate, handing each document's file to ready, when
// ready is not nil, as soon as it is drawn, so that it can be staged on
// the disk while the others are drawn. ready is called from several
// goroutines at once.
func (g *Generator) generate(file string, q *questionnaire.Questionnaire, names []string, prev *agreement.Record, logos []layout.Logo, ready func(output.File)) (Result, error) {
	v, err := agreement.Build(g.templates, file, q, prev)
	if err != nil {
		return Result{}, err
	}
	rec := v.Record
	res := Result{Record: rec, Verdict: v.Verdict}
	if len(q.Signatures) > 0 && len(v.Plan.Unsigned()) == 0 {
		res.Signed = strings.Join(status.Signing(v), " ")
	}

	// Each document parsed once and drawn in every format side by side
	// where the generator may, starting as soon as it is parsed: the
	// next one is parsed meanwhile.
	stem := document.Slug(string(v.Shown.Partnership.Name))
	var chosen []format
	for _, f := range formats {
		if slices.Contains(names, f.name) {
			chosen = append(chosen, f)
		}
	}
	files := make([]output.File, len(v.Documents)*len(chosen))
	errs := make([]error, len(files))
	sem := make(chan struct{}, max(g.workers, 1))
	hand := &handOver{ready: ready, places: sem}
	var wg sync.WaitGroup
	defer wg.Wait() // on an error, for the drawings already started
	i := 0
	for _, d := range v.Documents {
		tree, doc, err := newJob(v, d, logos)
		if err != nil {
			return Result{}, fmt.Errorf("%s: %w", d.Kind.Name, err)
		}
		for _, f := range chosen {
			name, format, kind, at := FileName(stem, d.Kind, v.File.Version, f.ext), f.name, d.Kind, i
			i++
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer wg.Done()
				data, err := g.render(format, tree, doc)
				<-sem
				files[at] = output.File{Name: name, Data: data}
				if err != nil {
					errs[at] = fmt.Errorf("%s (%s): %w", kind.Name, format, err)
				} else {
					hand.drawn(files[at])
				}
			}()
		}
		// Checked while the document is drawn, which only reads the
		// tree: it almost never fails, and then nothing is written.
		if err := checkSigningTags(tree, doc); err != nil {
			return Result{}, err
		}
	}
	hand.allStarted()
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
	if !g.public {
		res.Files = append(res.Files, output.File{Name: agreement.FileName(stem, v.File.Version), Data: rec.Marshal()})
	}
	return res, nil
}

// handOver passes each file drawn to generate's ready hook only while a
// drawing place is free: once every drawing has started and not every
// place is taken. A file drawn before then is held until a drawing ends
// with a place free, so that staging it on the disk, which holds a CPU
// while it waits for the disk, never holds up a drawing.
type handOver struct {
	ready   func(output.File) // nil: nothing is handed over
	places  chan struct{}     // the drawing places taken
	mu      sync.Mutex
	held    []output.File
	started bool // every drawing has started
}

// drawn is called with each file as its drawing ends, after its place
// is given up.
func (h *handOver) drawn(f output.File) {
	if h.ready != nil {
		h.mu.Lock()
		h.held = append(h.held, f)
		h.mu.Unlock()
		h.passFree()
	}
}

// allStarted is called once every drawing has started.
func (h *handOver) allStarted() {
	h.mu.Lock()
	h.started = true
	h.mu.Unlock()
	h.passFree()
}

// passFree hands over the files held, if a place is free for good.
func (h *handOver) passFree() {
	h.mu.Lock()
	var now []output.File
	if h.started && len(h.places) < cap(h.places) {
		now, h.held = h.held, nil
	}
	h.mu.Unlock()
	for _, f := range now {
		h.ready(f)
	}
}

// newJob parses a document of the version for drawing, with each
// signature block's owner named from the signing plan.
func newJob(v *agreement.Version, d document.Written, logos []layout.Logo) (*layout.Tree, layout.Document, error) {
	tree := layout.Parse(d.Markdown)
	if err := tree.Sign(signers(v, d.Kind.Name)); err != nil {
		return nil, layout.Document{}, err
	}
	doc := document.Layout(v.Shown, d.Kind, v.Reference, logos)
	doc.People = people(v.Shown)
	if d.Kind == document.MOU {
		doc.Signed = signedLines(v)
	}
	return tree, doc, nil
}

// signers are the owners of the signature blocks of the version's
// document of the given kind, in order, as its signing plan gives them,
// for the layout tree: the PDF names its fields after them.
func signers(v *agreement.Version, kind string) []layout.Signer {
	var out []layout.Signer
	if d := v.Plan.Document(kind); d != nil {
		for _, b := range d.Blocks {
			out = append(out, layout.Signer{ID: b.Partner, Name: v.Name(b.Partner)})
		}
	}
	return out
}

// FileName is the name of one output file: <slug>-<kind>-v<N>.<ext>.
func FileName(stem string, kind document.Kind, version int, ext string) string {
	return fmt.Sprintf("%s-%s-v%d.%s", stem, kind.Name, version, ext)
}

// TitleOfFile is the title of the document in a file written for q, as
// q's documents give it ("Partnership Service Level Agreement"), or ""
// for a file that holds no document (a version's record). A nil q gives
// the standard titles.
func TitleOfFile(q *questionnaire.Questionnaire, name string) string {
	// The document's name follows the slug ("SLUG-mou-v2.pdf",
	// "SLUG-review-2027-07-15.html"), and the slug may hold hyphens and
	// a document's name too ("peer-review-partnership-mou-v1.pdf"): the
	// name that starts last is the document's, the longest there.
	var kind document.Kind
	parts := strings.Split(filepath.Base(name), "-")
	for i := len(parts) - 1; i > 0 && kind.Name == ""; i-- {
		for j := i + 1; j < len(parts); j++ {
			if k, ok := document.KindNamed(strings.Join(parts[i:j], "-")); ok && len(k.Name) > len(kind.Name) {
				kind = k
			}
		}
	}
	if kind.Name == "" {
		return ""
	}
	if q == nil {
		q = &questionnaire.Questionnaire{}
	}
	return document.Title(q, kind)
}

// render writes a document in the named format.
func (g *Generator) render(format string, tree *layout.Tree, doc layout.Document) ([]byte, error) {
	var buf bytes.Buffer
	if err := g.renderers[format].Render(&buf, tree, doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ESignServices are the e-signature services whose text tags the PDF can
// carry.
var ESignServices = []string{pdf.ESignDocuSeal, pdf.ESignDocumenso}
