package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
)

// Launch runs mou as the program mou.exe (or mou) does, and returns the
// exit code. explorer says the program was started from Windows Explorer
// (mousetrap.StartedByExplorer), and exe is its path.
//
// Double-clicked in Explorer, mou opens its console window with no
// arguments: instead of a command line tool's usage, which would flash
// by, it then runs the web interview in the folder that holds mou.exe.
// Started from Explorer with arguments (a shortcut that adds "serve"),
// it runs them. Either way, when mou stops, the window waits for Enter
// before it closes, so that what mou said can be read.
func Launch(args []string, explorer bool, exe string, stdin io.Reader, stdout, stderr io.Writer) int {
	args, dir := explorerArgs(args, explorer, exe)
	if dir != "" {
		if err := os.Chdir(dir); err != nil {
			fmt.Fprintln(stderr, "mou:", err)
			return waitToClose(exitInvalid, explorer, stdin, stdout)
		}
	}
	return waitToClose(Main(args, stdout, stderr), explorer, stdin, stdout)
}

// explorerArgs returns the arguments to run and the folder to run them
// in ("" for the one mou was started in): for a start from Explorer with
// no arguments, the web interview in exe's folder, with the window's
// own words for stopping it.
func explorerArgs(args []string, explorer bool, exe string) ([]string, string) {
	if !explorer || len(args) > 0 {
		return args, ""
	}
	return []string{"serve", "--" + windowFlag}, filepath.Dir(exe)
}

// waitToClose keeps a console window Explorer opened until Enter is
// pressed.
func waitToClose(code int, explorer bool, stdin io.Reader, stdout io.Writer) int {
	if explorer {
		fmt.Fprintln(stdout, "Press Enter to close this window.")
		bufio.NewReader(stdin).ReadString('\n')
	}
	return code
}

// windowFlag is serve's hidden flag for a start from Explorer: the
// console window is then mou's own, and closing it stops mou.
const windowFlag = "window"

func init() {
	// mou starts the web interview where cobra would print "This is a
	// command line tool" (see Launch).
	cobra.MousetrapHelpText = ""
}
