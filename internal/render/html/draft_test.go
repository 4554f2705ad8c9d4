package html_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/render/html"
)

// TestDraftMarks: a draft's page says so under the title (or, without a
// title page, at the top), and its print stylesheet prints the mark on
// every page; a final document has neither, and a fragment has the note
// without a stylesheet.
func TestDraftMarks(t *testing.T) {
	const (
		titled   = "<!-- mou:title -->\n\n# Hill & Vale\n\n## Memorandum of Understanding\n\nVersion 1\n\n<!-- mou:end-title -->\n\n## 1. Parties\n\nUs.\n"
		untitled = "## Joining agreement\n\nUs.\n"
		note     = `<p class="draft-note">Draft &lt;for&gt; discussion</p>`
		mark     = `@media print { body::before { content: "DRAFT"; position: fixed;`
	)
	for _, tc := range []struct {
		name, md string
		draft    bool
		o        html.Options
		want     []string // in this order
		not      []string
	}{
		{"draft", titled, true, html.Options{}, []string{mark, `<header class="title-page">`, "<p>Version 1</p>\n" + note + "\n</header>", "Parties"}, nil},
		{"final", titled, false, html.Options{}, []string{"<p>Version 1</p>\n</header>"}, []string{"draft-note\"", "body::before", "DRAFT"}},
		{"draft fragment", titled, true, html.Options{Fragment: true, Public: true}, []string{"<p>Version 1</p>\n" + note + "\n</header>"}, []string{"<style", "body::before"}},
		{"draft without a title page", untitled, true, html.Options{}, []string{mark, "<main>\n" + note + "\n<h2>Joining agreement</h2>"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := layout.Document{Title: "Memorandum of Understanding", Language: "en-GB", PagePattern: "Page {page} of {pages}"}
			if tc.draft {
				doc.DraftMark, doc.DraftNote = "DRAFT", "Draft <for> discussion"
			}
			var buf bytes.Buffer
			r, err := html.New(tc.o)
			if err != nil {
				t.Fatal(err)
			}
			if err := r.Render(&buf, layout.Parse([]byte(tc.md)), doc); err != nil {
				t.Fatal(err)
			}
			page, at := buf.String(), 0
			for _, w := range tc.want {
				i := strings.Index(page[at:], w)
				if i < 0 {
					t.Errorf("no %q (in this place) in:\n%s", w, page)
					continue
				}
				at += i
			}
			for _, n := range tc.not {
				if strings.Contains(page, n) {
					t.Errorf("the page holds %q", n)
				}
			}
		})
	}
}
