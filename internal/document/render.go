package document

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"text/template"

	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/templates"
)

// Kind is one of the documents mou writes.
type Kind struct {
	Name     string // used in file names and to look up its title: "mou"
	Template string // the template file that writes it
}

// The documents, in the order they are written.
var (
	MOU            = Kind{"mou", "mou.md.tmpl"}
	CodeOfPractice = Kind{"code-of-practice", "code-of-practice.md.tmpl"}
	Kinds          = []Kind{MOU, CodeOfPractice}
)

// Title is the document's title in the language of pack.
func (k Kind) Title(pack *locale.Pack) string { return pack.Title(k.Name) }

// Templates is a parsed set of document templates, every edition of the
// wording, safe to use from many goroutines at once.
type Templates struct {
	editions map[string]*edition
}

// edition is the parsed templates of one edition of the wording.
type edition struct {
	sets    map[string]*template.Template // by language tag, each with its words
	fsys    fs.FS
	wording string
}

// Wording names the wording q's documents are written with: its edition,
// with a fingerprint added when the user's own templates change it.
func (t *Templates) Wording(q *questionnaire.Questionnaire) string {
	if e, ok := t.editions[editionOf(q)]; ok {
		return e.wording
	}
	return editionOf(q) // not an edition: validation refuses it first
}

// editionOf is the edition q asks for, or the one a file that names none
// was written with.
func editionOf(q *questionnaire.Questionnaire) string {
	if q.Wording.Edition == "" {
		return templates.Unstated
	}
	return q.Wording.Edition
}

// ParseTemplates parses the *.md.tmpl files of every edition in fsys
// (see [templates.ForEdition]). If fsys can say where a file came from
// (an Origin method, as templates.Overlay has), errors name that place,
// so a mistake in a user's own template points at their file and line.
func ParseTemplates(fsys fs.FS) (*Templates, error) {
	t := &Templates{editions: map[string]*edition{}}
	// Newest first: a mistake in a user's own template shows in every
	// edition, and is then reported without naming an older one.
	for _, name := range slices.Backward(templates.Editions) {
		e, err := parseEdition(templates.ForEdition(fsys, name), name)
		if err != nil {
			if name != templates.Current {
				err = fmt.Errorf("edition %s of the wording: %w", name, err)
			}
			return nil, err
		}
		t.editions[name] = e
	}
	return t, nil
}

func parseEdition(fsys fs.FS, name string) (*edition, error) {
	names, err := fs.Glob(fsys, "*.md.tmpl")
	if err != nil {
		return nil, err
	}
	set := template.New("").Funcs(funcs(locale.Get(locale.Default))).Option("missingkey=error")
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		if _, err := set.New(name).Parse(string(data)); err != nil {
			return nil, originError(fsys, err)
		}
	}
	for _, kind := range append(Kinds, NoticeOfChange) {
		if set.Lookup(kind.Template) == nil {
			return nil, fmt.Errorf("no template %s", kind.Template)
		}
	}
	w, err := wording(fsys, name)
	if err != nil {
		return nil, err
	}
	e := &edition{sets: map[string]*template.Template{}, fsys: fsys, wording: w}
	for _, tag := range locale.Tags() {
		clone, err := set.Clone()
		if err != nil {
			return nil, err
		}
		e.sets[tag] = clone.Funcs(funcs(locale.Get(tag)))
	}
	return e, nil
}

var templateRef = regexp.MustCompile(`template: ([\w.-]+\.tmpl):`)

// originError rewrites "template: mou.md.tmpl:12: ..." as
// "DIR/mou.md.tmpl:12: ..." where fsys knows where the file came from.
func originError(fsys fs.FS, err error) error {
	o, ok := fsys.(interface{ Origin(string) string })
	if !ok {
		return err
	}
	msg := templateRef.ReplaceAllStringFunc(err.Error(), func(m string) string {
		return o.Origin(templateRef.FindStringSubmatch(m)[1]) + ":"
	})
	return errors.New(msg)
}

// Markdown writes the document of the given kind for q, which must have
// passed validation. reference is the agreement reference ("" for none).
func (t *Templates) Markdown(q *questionnaire.Questionnaire, kind Kind, reference string) ([]byte, error) {
	return t.render(kind, newView(q, kind, reference))
}

// NoticeMarkdown writes the notice of change for q.
func (t *Templates) NoticeMarkdown(q *questionnaire.Questionnaire, reference string, n Notice) ([]byte, error) {
	v := newView(q, NoticeOfChange, reference)
	v.Notice = &n
	return t.render(NoticeOfChange, v)
}

func (t *Templates) render(kind Kind, v *View) ([]byte, error) {
	var buf bytes.Buffer
	e, ok := t.editions[editionOf(v.Questionnaire)]
	if !ok {
		return nil, fmt.Errorf("no edition %q of the wording", editionOf(v.Questionnaire))
	}
	set, ok := e.sets[v.pack.Tag]
	if !ok {
		return nil, fmt.Errorf("no templates for language %q", v.pack.Tag)
	}
	v.exec = func(name string, data any) (string, error) {
		var b strings.Builder
		err := execute(set, &b, name, data)
		return b.String(), err
	}
	if err := execute(set, &buf, kind.Template, v); err != nil {
		return nil, fmt.Errorf("writing the %s: %w", kind.Name, originError(e.fsys, err))
	}
	md, err := v.numberRefs(buf.Bytes())
	if err != nil {
		return nil, err
	}
	return tidy(md), nil
}

// refHint matches the hint mdtext writes for a cross-reference.
var refHint = regexp.MustCompile(`<!-- mou:ref ([a-z0-9.-]+) -->`)

// numberRefs puts before each cross-reference in md the number of the
// clause, section or schedule it names, now that every number is known.
func (v *View) numberRefs(md []byte) ([]byte, error) {
	var missing []string
	md = refHint.ReplaceAllFunc(md, func(h []byte) []byte {
		id := string(refHint.FindSubmatch(h)[1])
		n, ok := v.numbers[id]
		if !ok {
			missing = append(missing, id)
			return h
		}
		return append([]byte(n), h...)
	})
	if len(missing) > 0 {
		return nil, fmt.Errorf("the %s refers to %s, which it does not print: its answers leave it out, or it is in the other document", strings.ToLower(v.DocumentTitle), refList(missing))
	}
	return md, nil
}

// refList names cross-references in words: "[[a]] and [[b]]".
func refList(ids []string) string {
	ids = slices.Compact(ids)
	for i, id := range ids {
		ids[i] = "[[" + id + "]]"
	}
	if len(ids) == 1 {
		return ids[0]
	}
	return strings.Join(ids[:len(ids)-1], ", ") + " and " + ids[len(ids)-1]
}

// hints matches the hints that mark ids and cross-references, each as
// written: an id's with the blank line after it.
var hints = regexp.MustCompile(`<!-- mou:id [a-z0-9.-]+ -->\n\n|<!-- mou:ref [a-z0-9.-]+ -->`)

// StripHints removes the id and cross-reference hints from md, which
// leaves the text as it was before documents carried them: the agreement
// reference is taken without them.
func StripHints(md []byte) []byte { return hints.ReplaceAll(md, nil) }

var blankRuns = regexp.MustCompile(`\n{3,}`)

// tidy folds runs of blank lines that templates leave behind and ends the
// text with exactly one newline.
func tidy(md []byte) []byte {
	md = blankRuns.ReplaceAll(md, []byte("\n\n"))
	return append(bytes.TrimSpace(md), '\n')
}

var slugJunk = regexp.MustCompile(`[^a-z0-9]+`)

// Slug turns a partnership name into a safe file-name stem: lower case,
// a-z, 0-9 and single hyphens, at most 60 characters, never empty.
func Slug(name string) string {
	s := strings.ToLower(foldAccents(name))
	s = strings.Trim(slugJunk.ReplaceAllString(s, "-"), "-")
	if len(s) > 60 {
		s = strings.TrimRight(s[:60], "-")
	}
	if s == "" {
		return "partnership"
	}
	return s
}
