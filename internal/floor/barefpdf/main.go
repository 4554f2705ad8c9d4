// Command barefpdf draws each Markdown file it is given as a PDF with
// [floor.Draw], side by side as "mou generate" draws a questionnaire's
// documents, and writes FILE.pdf into the folder -o names. It is the
// floor that one "mou generate" process is measured against (see
// docs/performance.md); it is built by a test and never shipped.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/partnership-tools/mou/internal/floor"
)

func main() {
	out := flag.String("o", ".", "folder to write the PDFs into")
	flag.Parse()
	if err := run(*out, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "barefpdf:", err)
		os.Exit(1)
	}
}

func run(out string, files []string) error {
	if len(files) == 0 {
		return fmt.Errorf("usage: barefpdf [-o DIR] FILE.md...")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for i, file := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = draw(out, file)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func draw(out, file string) error {
	md, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := floor.Draw(&buf, md); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	name := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)) + ".pdf"
	return os.WriteFile(filepath.Join(out, name), buf.Bytes(), 0o644)
}
