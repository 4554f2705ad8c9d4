package cli

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/partnership-tools/mou/internal/serve"
)

func newServeCommand() *cobra.Command {
	var (
		addr      string
		out       string
		noBrowser bool
		window    bool
		look      lookFlags
	)
	cmd := &cobra.Command{
		Use:   "serve [FILE]",
		Short: "Fill in the questionnaire in your web browser, one part at a time",
		Long: `Open a guided interview over the questionnaire in your web browser: one page
for each part of the agreement, with the guidance under every question, every
problem shown at its question, a preview of the PDF, and the documents written
and downloaded as PDF, Word or a web page. Handovers, partners joining and
leaving, signatures and reviews each have a form too.

Every answer is saved in FILE in place, keeping its comments and layout, and
the previous file is kept as FILE.bak. If FILE is changed by another program
while a page is open, mou notices and saves nothing over it.

Without FILE, its first page lists the questionnaires in this folder, to open
one, and starts a new partnership from a model. Double-clicked in Windows
Explorer, mou.exe runs "mou serve" in its own folder.

The documents are written to the folder "out" beside the questionnaire (or
--out), laid out as generate lays them out, with the same --paper, --theme
and --templates.

mou serve listens on this computer only (127.0.0.1), and stops with Ctrl+C.`,
		Example: `  mou serve partnership.yaml
  mou serve
  mou serve partnership.yaml --addr 127.0.0.1:8080 --no-browser`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			// The theme and the templates folder are checked here, so
			// that a mistake in either is refused as the command line's.
			opts, err := look.options(cmd)
			if err != nil {
				return err
			}
			c := serve.Config{Out: out, Theme: opts.Theme, Templates: look.templates}
			if len(args) == 1 {
				c.File = args[0]
			}
			dir, err := os.Getwd()
			if err != nil {
				return &exitError{code: exitInvalid, err: err}
			}
			c.Dir = dir
			l, err := serve.Listen(addr)
			if err != nil {
				return err // a usage error: exit 2
			}
			s, err := serve.New(c)
			if err != nil {
				l.Close()
				return &exitError{code: exitInvalid, err: err}
			}
			url := "http://" + l.Addr().String() + "/"
			if window {
				fmt.Fprintf(cmd.OutOrStdout(), "mou is running the web interview for the folder %s at %s\n"+
					"Keep this window open while you use it. To stop mou, close this window.\n", c.Dir, url)
			} else {
				fmt.Fprintf(cmd.OutOrStdout(), "mou serve: open %s in your web browser. Press Ctrl+C to stop.\n", url)
			}
			if !noBrowser {
				openBrowser(url)
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
			defer stop()
			if err := s.Serve(ctx, l); err != nil {
				return &exitError{code: exitInvalid, err: err}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&addr, "addr", "127.0.0.1:0", "address to listen on: 127.0.0.1 (or ::1) and a port; port 0 picks a free one")
	f.StringVarP(&out, "out", "o", "", "folder to write the documents into (default: out, beside the questionnaire)")
	f.BoolVar(&noBrowser, "no-browser", false, "do not open a web browser; only print the address")
	f.BoolVar(&window, windowFlag, false, "started from Windows Explorer: say how to stop mou in the window's words")
	f.MarkHidden(windowFlag)
	look.add(cmd)
	return cmd
}

// openBrowser asks the system to open url in the user's browser. Where
// it cannot, nothing is said: the address is printed already.
func openBrowser(url string) {
	var c *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		c = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		c = exec.Command("open", url)
	default:
		c = exec.Command("xdg-open", url)
	}
	if err := c.Start(); err == nil {
		go c.Wait() // reap it
	}
}
