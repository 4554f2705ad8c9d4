package cli

import (
	"archive/zip"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestWordLogoAltText: a logo's alternative text in the Word file, which
// a screen reader speaks, is its partner's name, never its file's path.
func TestWordLogoAltText(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "p.yaml", "name: Hartwell Engineering Ltd", "name: Hartwell & Sons <Engineering> Ltd")
	out := filepath.Join(dir, "out")
	if code, _, stderr := run(t, "generate", "--format", "docx", "-o", out, file); code != 0 {
		t.Fatal(stderr)
	}
	docs, _ := filepath.Glob(filepath.Join(out, "*-mou-v1.docx"))
	if len(docs) != 1 {
		t.Fatalf("found %v", docs)
	}
	z, err := zip.OpenReader(docs[0])
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	f, err := z.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	xml, _ := io.ReadAll(f)
	var got []string
	for _, m := range regexp.MustCompile(`<wp:docPr [^>]*descr="([^"]*)"`).FindAllStringSubmatch(string(xml), -1) {
		got = append(got, m[1])
	}
	want := "Riverside Academy|Hartwell &amp; Sons &lt;Engineering&gt; Ltd"
	if strings.Join(got, "|") != want {
		t.Errorf("alternative texts %q, want %q", got, strings.Split(want, "|"))
	}
}
