package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/cmdarg"
)

type generateOptions struct {
	outDir   string
	formats  string
	force    bool
	look     lookFlags
	esign    string
	jobs     int
	public   bool
	fragment bool
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

and, as --format asks, .html web pages and .docx Word files as well.

Beside them goes DIR/<slug>-record-v<N>.json, the version's record: its
agreement reference, contacts, signatories and files. From the previous
version's record in DIR, generate says whether the signed text changed, in
any format and after a rename; if only the contacts did, it writes a notice
of change (DIR/<slug>-notice-of-change-v<N>.md and .pdf) to send to all
partners.

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
			names, err := app.ParseFormats(o.formats)
			if err != nil {
				return err // a usage error: exit 2
			}
			if o.public || o.fragment {
				if !cmd.Flags().Changed("format") {
					names = []string{"html"}
				} else if !slices.Contains(names, "html") {
					return errors.New("--public and --fragment are for the web page: add html to --format")
				}
			}
			opts, err := o.look.options(cmd)
			if err != nil {
				return err
			}
			if o.jobs < 1 {
				return fmt.Errorf("-j must be 1 or more, not %d", o.jobs)
			}
			if o.esign != "" && !slices.Contains(app.ESignServices, o.esign) {
				return fmt.Errorf("unknown e-signature service %q (use %s)", o.esign, strings.Join(app.ESignServices, " or "))
			}
			files, notes, err := app.Files(args)
			if err != nil {
				return &exitError{code: exitInvalid, err: err}
			}
			printLines(cmd.ErrOrStderr(), notes)
			// One questionnaire draws its files side by side; many share
			// the CPUs a questionnaire each.
			workers := runtime.NumCPU()
			if len(files) > 1 {
				workers = 1
			}
			opts.ESign, opts.Workers, opts.Public, opts.Fragment = o.esign, workers, o.public, o.fragment
			g, err := app.New(opts)
			if err != nil {
				return &exitError{code: exitInvalid, err: err}
			}
			b := &app.Batch{Generator: g, Formats: names, OutDir: o.outDir, Force: o.force}
			if len(files) == 1 {
				defer collectGarbageAt(128 << 20)()
				return one(cmd, b.Run(files[0]))
			}
			defer collectGarbageAt(int64(max(2, o.jobs)) * 32 << 20)()
			return many(cmd, b, files, o.jobs)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.outDir, "out", "o", "out", "folder to write the documents into")
	f.StringVar(&o.formats, "format", app.DefaultFormats, "formats to write, separated by commas: "+strings.Join(app.Formats(), ", "))
	o.look.add(cmd)
	f.StringVar(&o.esign, "esign", "", "hide e-signature text tags at each signature line: docuseal or documenso")
	f.BoolVar(&o.public, "public", false, "a web page to publish: no contacts, personal data or signature lines (writes html only unless --format says more)")
	f.BoolVar(&o.fragment, "fragment", false, "the web page's content only, without <html> and <head>, to paste into a website's editor")
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

// one reports generating a single questionnaire: every file, and the
// verdict against the previous version.
func one(cmd *cobra.Command, r app.Outcome) error {
	printLines(cmd.ErrOrStderr(), r.Problems)
	if r.Err != nil {
		var pe *app.ProblemsError
		if errors.As(r.Err, &pe) {
			return failed() // the problems are printed already
		}
		return &exitError{code: exitInvalid, err: said(cmd, r.Err)}
	}
	out := cmd.OutOrStdout()
	for _, p := range r.Written {
		fmt.Fprintln(out, "wrote", p)
	}
	for _, p := range r.Unchanged {
		fmt.Fprintln(out, "unchanged", p)
	}
	for _, p := range r.Removed {
		fmt.Fprintln(out, "removed", p, "(it held this version's earlier answers)")
	}
	fmt.Fprintln(out, r.Verdict)
	v := r.Verdict
	if v.Previous != nil && !v.Stands {
		fmt.Fprintln(out, `Run "mou diff" on the two questionnaires to see what changed.`)
	}
	switch {
	case v.Previous != nil && v.Stands:
		// nothing to sign
	case r.Signed != "":
		fmt.Fprintln(out, r.Signed)
	case r.Draft:
		fmt.Fprintf(out, "These are drafts. When the partners agree them, set \"stage: final\" in %s and generate again: the copies to sign replace the drafts.\n", r.File)
	default:
		fmt.Fprintf(out, "Record each signature as it comes back: mou signed %s --version %d --partner ID --by NAME --date DATE\n", cmdarg.Quote(r.File), v.Current.Version)
	}
	return nil
}

func printLines(w io.Writer, lines []string) {
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
}

// many generates several questionnaires in parallel, with a progress bar
// on a terminal and one summary line at the end.
func many(cmd *cobra.Command, b *app.Batch, files []string, jobs int) error {
	errOut := cmd.ErrOrStderr()
	bar := newProgress(errOut, len(files))
	start := time.Now()
	bad, written := 0, 0
	b.RunAll(files, jobs, func(r app.Outcome) {
		if r.Err != nil {
			bad++
			bar.clear()
			printLines(errOut, r.Problems)
			var pe *app.ProblemsError
			if !errors.As(r.Err, &pe) {
				fmt.Fprintln(errOut, "mou:", said(cmd, r.Err))
			}
		}
		written += len(r.Written)
		bar.step()
	})
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
