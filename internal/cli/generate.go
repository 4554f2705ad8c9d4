package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"mou/internal/generate"
	"mou/internal/output"
	"mou/internal/pdf"
)

type generateOptions struct {
	outDir    string
	formats   string
	force     bool
	paper     string
	themeFile string
	templates string
	esign     string
	jobs      int
}

func newGenerateCommand() *cobra.Command {
	var o generateOptions
	cmd := &cobra.Command{
		Use:   "generate FILE... | DIR",
		Short: "Write the MOU and code of practice from one or many questionnaires",
		Long: `Write the memorandum of understanding and the code of practice for a
questionnaire, named after the partnership and the questionnaire's version:

  DIR/<slug>-mou-v<N>.md                DIR/<slug>-mou-v<N>.pdf
  DIR/<slug>-code-of-practice-v<N>.md   DIR/<slug>-code-of-practice-v<N>.pdf

When the previous version's MOU Markdown is in DIR, generate also says whether
the signed text changed; if only the contacts did, it writes a notice of
change (DIR/<slug>-notice-of-change-v<N>.md and .pdf) to send to all partners.

If the questionnaire has any error, the errors are listed as "mou validate"
lists them and nothing is written for it. A file that already exists with the
same contents is left alone; one with different contents is never
overwritten: raise the version (or use "mou handover") instead.

Given several files, or a folder (every *.yaml and *.yml in it), generate
works through them in parallel (-j, default the number of CPUs). One bad file
does not stop the others; each error names its file, and the exit status is 1
if any failed. A progress bar is shown on a terminal; otherwise one summary
line.`,
		Example: `  mou generate partnership.yaml
  mou generate partnership.yaml --out docs --format pdf --paper letter
  mou generate questionnaires/ -j 4`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			names, err := generate.ParseFormats(o.formats)
			if err != nil {
				return err // a usage error: exit 2
			}
			switch strings.ToLower(o.paper) {
			case "a4":
				o.paper = "A4"
			case "letter":
				o.paper = "Letter"
			default:
				return fmt.Errorf("unknown paper size %q (use a4 or letter)", o.paper)
			}
			if o.jobs < 1 {
				return fmt.Errorf("-j must be 1 or more, not %d", o.jobs)
			}
			theme, err := loadTheme(o.themeFile)
			if err != nil {
				return &exitError{code: exitInvalid, err: err}
			}
			if cmd.Flags().Changed("paper") || o.themeFile == "" {
				theme.Paper = o.paper
			}
			fsys, err := templateSet(o.templates)
			if err != nil {
				return &exitError{code: exitInvalid, err: err}
			}
			if o.esign != "" && o.esign != pdf.ESignDocuSeal && o.esign != pdf.ESignDocumenso {
				return fmt.Errorf("unknown e-signature service %q (use %s or %s)", o.esign, pdf.ESignDocuSeal, pdf.ESignDocumenso)
			}
			files, err := expandArgs(args)
			if err != nil {
				return &exitError{code: exitInvalid, err: err}
			}
			// One questionnaire draws its files side by side; many share
			// the CPUs a questionnaire each.
			workers := runtime.NumCPU()
			if len(files) > 1 {
				workers = 1
			}
			g, err := generate.New(generate.Options{Templates: fsys, Theme: theme, ESign: o.esign, Workers: workers})
			if err != nil {
				return &exitError{code: exitInvalid, err: err}
			}
			b := &batch{g: g, formats: names, outDir: o.outDir, force: o.force, claimed: map[string]string{}}
			if len(files) == 1 {
				defer collectGarbageAt(256 << 20)()
				return b.one(cmd, files[0])
			}
			defer collectGarbageAt(int64(max(2, o.jobs)) * 32 << 20)()
			return b.many(cmd, files, o.jobs)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.outDir, "out", "o", "out", "folder to write the documents into")
	f.StringVar(&o.formats, "format", generate.DefaultFormats, "formats to write, separated by commas: "+strings.Join(generate.Formats(), ", "))
	f.StringVar(&o.paper, "paper", "a4", "paper size of the PDF: a4 or letter")
	f.StringVar(&o.themeFile, "theme", "", "PDF theme file: paper, margins, type size and colours (see \"mou theme\")")
	f.StringVar(&o.templates, "templates", "", "folder of your own templates, laid over the built-in ones (see \"mou templates export\")")
	f.StringVar(&o.esign, "esign", "", "hide e-signature text tags at each signature line: docuseal or documenso")
	f.BoolVar(&o.force, "force", false, "replace files of this version that hold different contents")
	f.IntVarP(&o.jobs, "jobs", "j", runtime.NumCPU(), "how many questionnaires to generate at once")
	return cmd
}

// collectGarbageAt makes the garbage collector run when the heap reaches
// limit bytes rather than whenever it doubles, and returns a function that
// puts things back. Drawing a PDF leaves tens of megabytes of short-lived
// garbage in fpdf, and the live heap is small, so the default collects
// far too often; a limit keeps memory bounded however many files there
// are. A user's own GOGC or GOMEMLIMIT wins.
func collectGarbageAt(limit int64) (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	oldLimit := debug.SetMemoryLimit(limit)
	oldPercent := debug.SetGCPercent(-1)
	return func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	}
}

// expandArgs turns the arguments into questionnaire files: a folder
// stands for every *.yaml and *.yml file in it, in name order.
func expandArgs(args []string) ([]string, error) {
	var files []string
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
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: no questionnaires (*.yaml) in this folder", a)
		}
		sort.Strings(found)
		for _, f := range found {
			add(f)
		}
	}
	return files, nil
}

// batch generates questionnaires with one generator, into one folder.
type batch struct {
	g       *generate.Generator
	formats []string
	outDir  string
	force   bool

	mu      sync.Mutex
	claimed map[string]string // output file name -> the questionnaire that writes it
}

// outcome is what generating one questionnaire gave.
type outcome struct {
	file     string
	problems []string // printed as they are, to standard error
	written  []string
	same     []string
	verdict  string
	err      error
}

// one generates a single questionnaire, reporting every file.
func (b *batch) one(cmd *cobra.Command, file string) error {
	r := b.run(file)
	for _, p := range r.problems {
		fmt.Fprintln(cmd.ErrOrStderr(), p)
	}
	if r.err != nil {
		if errors.Is(r.err, errInvalid) {
			return failed()
		}
		return &exitError{code: exitInvalid, err: r.err}
	}
	out := cmd.OutOrStdout()
	for _, p := range r.written {
		fmt.Fprintln(out, "wrote", p)
	}
	for _, p := range r.same {
		fmt.Fprintln(out, "unchanged", p)
	}
	fmt.Fprintln(out, r.verdict)
	return nil
}

// errInvalid marks a questionnaire whose problems were already listed.
var errInvalid = errors.New("the questionnaire is not valid")

// many generates several questionnaires in parallel; one failing does
// not stop the others.
func (b *batch) many(cmd *cobra.Command, files []string, jobs int) error {
	todo := make(chan string)
	done := make(chan outcome)
	var wg sync.WaitGroup
	for range min(jobs, len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range todo {
				done <- b.run(f)
			}
		}()
	}
	go func() {
		for _, f := range files {
			todo <- f
		}
		close(todo)
		wg.Wait()
		close(done)
	}()

	errOut := cmd.ErrOrStderr()
	bar := newProgress(errOut, len(files))
	start := time.Now()
	bad, written := 0, 0
	for r := range done {
		if r.err != nil || r.verdict == "" {
			bad++
			bar.clear()
			for _, p := range r.problems {
				fmt.Fprintln(errOut, p)
			}
			if r.err != nil && !errors.Is(r.err, errInvalid) {
				fmt.Fprintln(errOut, "mou:", r.err)
			}
		}
		written += len(r.written)
		bar.step()
	}
	bar.clear()
	elapsed := time.Since(start)
	summary := fmt.Sprintf("generated %d of %d questionnaires (%d files written) in %.1fs, %.0f a second",
		len(files)-bad, len(files), written, elapsed.Seconds(), float64(len(files))/elapsed.Seconds())
	if bad > 0 {
		summary += fmt.Sprintf("; %d failed", bad)
	}
	fmt.Fprintln(cmd.OutOrStdout(), summary)
	if bad > 0 {
		return failed()
	}
	return nil
}

// run generates one questionnaire and writes its files.
func (b *batch) run(file string) (r outcome) {
	r.file = file
	q, problems, err := load(file)
	if err != nil {
		r.err = err
		return r
	}
	for _, p := range problems {
		r.problems = append(r.problems, p.String())
	}
	if problems.Err() != nil {
		r.err = errInvalid
		return r
	}
	logos, err := logos(file, q)
	if err != nil {
		r.err = err
		return r
	}
	prev, err := generate.FindPrevious(b.outDir, q)
	if err != nil {
		r.err = err
		return r
	}
	gen, err := b.g.Generate(q, b.formats, prev, logos)
	if err != nil {
		r.err = fmt.Errorf("%s: %w", file, err)
		return r
	}
	if err := b.claim(file, gen.Files); err != nil {
		r.err = err
		return r
	}
	res, err := output.WriteAll(b.outDir, gen.Files, b.force)
	if errors.Is(err, output.ErrConflict) {
		err = fmt.Errorf("%w\nIf the answers changed, raise \"version\" in %s (or use \"mou handover\") so the documents already issued are kept. "+
			"If only the options changed (--paper, --theme, --templates, --esign), write to another --out folder, or use --force to replace this version's files", err, file)
	}
	if err != nil {
		r.err = err
		return r
	}
	r.written, r.same = res.Written, res.Unchanged
	r.verdict = verdict(q.Version, gen)
	if prev == nil && q.Version > 1 && slices.Contains(b.formats, "md") {
		r.verdict += fmt.Sprintf(" No earlier version's MOU Markdown is in %s, so whether the signed text changed was not checked; run \"mou diff\" on the questionnaires.", b.outDir)
	}
	return r
}

// claim reserves the output names of file's documents, so that two
// questionnaires in one batch never write the same file.
func (b *batch) claim(file string, files []output.File) error {
	b.mu.Lock()
	defer b.mu.Unlock()
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

// verdict tells the user whether the partners must sign again.
func verdict(version int, gen generate.Result) string {
	switch {
	case gen.Compared == 0:
		return fmt.Sprintf("Agreement ref. %s, version %d.", gen.Reference, version)
	case gen.Stands:
		return fmt.Sprintf("The signed agreement stands (Agreement ref. %s, as in version %d): only the contacts changed. "+
			"Send the notice of change and Schedule 1 to all partners; no new signatures are needed.", gen.Reference, gen.Compared)
	default:
		return fmt.Sprintf("The agreement text changed since version %d (Agreement ref. %s → %s): every partner must sign version %d. "+
			"Run \"mou diff\" on the two questionnaires to see what changed.", gen.Compared, orUnknown(gen.OldReference), gen.Reference, version)
	}
}

func orUnknown(ref string) string {
	if ref == "" {
		return "unknown"
	}
	return ref
}

// loadTheme reads a theme file, or gives the built-in theme for "".
func loadTheme(file string) (pdf.Theme, error) {
	if file == "" {
		return pdf.DefaultTheme(), nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return pdf.Theme{}, fmt.Errorf("%s: cannot read: %w", file, unwrapPath(err))
	}
	return pdf.ParseTheme(file, data)
}
