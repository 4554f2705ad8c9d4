package app

import (
	"fmt"
	"strings"

	"github.com/partnership-tools/mou/internal/layout"
	"github.com/partnership-tools/mou/internal/signingtag"
)

// checkSigningTags refuses a document whose printed text, in any format,
// puts two braces together, which a signing service would read as a tag
// of its own: a second line of defence behind validate, which refuses
// answers that could, and a guard on templates given with --templates.
// Every format prints the same tree and the same words around it, and
// the PDF's own tags (--esign) are drawn after this check.
func checkSigningTags(tree *layout.Tree, d layout.Document) error {
	var b strings.Builder
	for _, s := range append([]string{d.Title, d.Partnership, d.Issued, d.ReferenceLabel, d.Keywords, d.DraftMark, d.DraftNote, d.ContentsTitle,
		strings.NewReplacer("{pages}", "9", "{page}", "9").Replace(d.PagePattern)}, d.Parties...) {
		b.WriteString(s + "\n")
	}
	for _, s := range d.Signed {
		b.WriteString(s + "\n")
	}
	b.WriteString(tree.Text())
	if around, ok := signingtag.Find(b.String()); ok {
		return fmt.Errorf("%s: its text puts two braces together (%q, read without spaces and characters that cannot be seen), which signing services (DocuSeal, Documenso) read as a signing-field tag; the answers cannot, so look at the templates (--templates)", d.Title, around)
	}
	return nil
}
