package document

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"text/template"

	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/signing"
	"github.com/partnership-tools/mou/templates"
)

// Kind is one of the documents mou writes.
type Kind struct {
	// Name is the document's name in the signing plan (signing.Kinds),
	// used in file names and to look up its title: "mou".
	Name     string
	Template string // the template file that writes it
}

// The documents, in the order they are written.
var (
	MOU            = Kind{signing.MOU, "mou.md.tmpl"}
	CodeOfPractice = Kind{signing.CodeOfPractice, "code-of-practice.md.tmpl"}
	Kinds          = []Kind{MOU, CodeOfPractice}
)

// Title is the document's title in the language of pack.
func (k Kind) Title(pack *locale.Pack) string { return pack.Title(k.Name) }

// Title is the title of q's document of the given kind, in q's language
// and as its wording names it: "Code of Conduct", "Joining Agreement".
func Title(q *questionnaire.Questionnaire, kind Kind) string {
	return titleOf(q, kind, locale.Get(q.Language))
}

// KindNamed returns the document whose files carry the given name.
func KindNamed(name string) (Kind, bool) {
	for _, k := range []Kind{MOU, CodeOfPractice, NoticeOfChange, JoiningAgreement, NoticeOfWithdrawal, ReviewRecord} {
		if k.Name == name {
			return k, true
		}
	}
	return Kind{}, false
}

// Templates is a set of document templates: every edition of the
// wording, in every language, each parsed the first time a document asks
// for it, since one run seldom needs more than one edition in one
// language. It is safe to use from many goroutines at once.
type Templates struct {
	fsys fs.FS
	sets sync.Map // setKey -> *set
}

type setKey struct{ edition, language string }

// set is the templates of one edition of the wording in one language.
type set struct {
	once    sync.Once
	tmpl    *template.Template
	fsys    fs.FS // the edition's files, to name them in messages
	wording string
	err     error

	// later are the files left out of tmpl until a template in them is
	// first asked for (see firstFiles and complete).
	later     []string
	pack      *locale.Pack // the words the later files are parsed with
	laterOnce sync.Once
	laterErr  error
}

// Wording names the wording q's documents are written with: its edition,
// with a fingerprint added when the user's own templates change it.
func (t *Templates) Wording(q *questionnaire.Questionnaire) string {
	if s, err := t.set(q); err == nil {
		return s.wording
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

// ParseTemplates returns the *.md.tmpl files of every edition in fsys
// (see [templates.ForEdition]), each edition and language parsed when
// first used. The user's own templates (any fsys but templates.FS) are
// parsed at once, in the current edition, so that a mistake in them is
// reported before any document is written, and reported once rather than
// for each edition. If fsys can say where a file came from (an Origin
// method, as templates.Overlay has), errors name that place, so a mistake
// in a user's own template points at their file and line.
func ParseTemplates(fsys fs.FS) (*Templates, error) {
	if builtIn(fsys) {
		return builtInTemplates, nil
	}
	t := &Templates{fsys: fsys}
	if _, err := t.edition(templates.Current, locale.Default); err != nil {
		return nil, err
	}
	return t, nil
}

// builtInTemplates are mou's own templates, each edition parsed once a
// process however many times they are asked for, by generate and by
// the list of standard clauses that validation checks ids against.
var builtInTemplates = &Templates{fsys: templates.FS}

// builtIn reports whether fsys is mou's own templates, unchanged.
func builtIn(fsys fs.FS) bool {
	f, ok := fsys.(embed.FS)
	return ok && f == templates.FS
}

// Prepare starts parsing, in the background, the templates of the named
// edition of the wording in the language whose tag is given ("" for
// the ones a questionnaire that names none has), so that checking a
// questionnaire and parsing them overlap.
func (t *Templates) Prepare(edition, language string) {
	q := questionnaire.Questionnaire{Language: language}
	q.Wording.Edition = edition
	name, pack := editionOf(&q), locale.Get(q.Language)
	if !templates.IsEdition(name) || pack == nil {
		return
	}
	go t.edition(name, pack.Tag)
}

// set returns the templates q's documents are written with.
func (t *Templates) set(q *questionnaire.Questionnaire) (*set, error) {
	return t.edition(editionOf(q), locale.Get(q.Language).Tag)
}

// edition returns the templates of the named edition in the language
// whose tag is given, parsing them the first time.
func (t *Templates) edition(name, tag string) (*set, error) {
	if !templates.IsEdition(name) {
		return nil, fmt.Errorf("no edition %q of the wording", name)
	}
	v, _ := t.sets.LoadOrStore(setKey{name, tag}, &set{})
	s := v.(*set)
	s.once.Do(func() {
		s.fsys = templates.ForEdition(t.fsys, name, tag)
		s.pack = locale.Get(tag)
		s.tmpl, s.later, s.err = parseSet(s.fsys, s.pack, builtIn(t.fsys))
		if s.err == nil {
			s.wording = name
			if !builtIn(t.fsys) {
				s.wording, s.err = wording(s.fsys, name, tag)
			}
		}
		if s.err != nil && name != templates.Current {
			s.err = fmt.Errorf("edition %s of the wording: %w", name, s.err)
		}
	})
	return s, s.err
}

// parseSet parses the templates in fsys with the words of pack: the
// documents' Markdown (*.md.tmpl) and the plain text said outside them
// (*.txt.tmpl, see Say). With first, it parses only the files firstFiles
// picks and returns the others as later, for complete.
func parseSet(fsys fs.FS, pack *locale.Pack, first bool) (set *template.Template, later []string, err error) {
	names, err := fs.Glob(fsys, "*.md.tmpl")
	if err != nil {
		return nil, nil, err
	}
	text, err := fs.Glob(fsys, "*.txt.tmpl")
	if err != nil {
		return nil, nil, err
	}
	names = append(names, text...)
	sources := make([]string, len(names))
	for i, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, nil, err
		}
		sources[i] = string(data)
	}
	all := names
	if first {
		names, sources, later = firstFiles(names, sources)
	}
	set = template.New("").Funcs(funcs(pack)).Option("missingkey=error")
	if err := addFiles(set, fsys, names, sources, pack); err != nil {
		return nil, nil, err
	}
	for _, kind := range append(Kinds, NoticeOfChange) {
		if !slices.Contains(all, kind.Template) {
			return nil, nil, fmt.Errorf("no template %s", kind.Template)
		}
	}
	return set, later, nil
}

// addFiles parses the files of names, whose texts are sources, into set.
// The documents wait for their templates, so the files are parsed side
// by side, each on its own, and then added to the set in order: a later
// file's define replaces an earlier one's, as when they are parsed one
// after another.
func addFiles(set *template.Template, fsys fs.FS, names, sources []string, pack *locale.Pack) error {
	words := funcs(pack)
	files := make([]*template.Template, len(names))
	errs := make([]error, len(names))
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			files[i], errs[i] = template.New("").Funcs(words).Option("missingkey=error").New(name).Parse(sources[i])
		})
	}
	wg.Wait()
	for i, file := range files {
		if errs[i] != nil {
			return originError(fsys, errs[i])
		}
		for _, t := range file.Templates() {
			if _, err := set.AddParseTree(t.Name(), t.Tree); err != nil {
				return err
			}
		}
	}
	return nil
}

// templateNames calls f with each template a file defines ({{define
// "name"}}) or calls ({{template "name"}}); action is "define" or
// "template". (A regular expression took as long as the parsing saved.)
func templateNames(src string, f func(action, name string)) {
	for {
		i := strings.Index(src, "{{")
		if i < 0 {
			return
		}
		src = strings.TrimLeft(strings.TrimPrefix(src[i+2:], "-"), " \t\r\n")
		for _, action := range []string{"define", "template"} {
			rest, ok := strings.CutPrefix(src, action)
			if !ok || rest == "" || !strings.ContainsRune(" \t\r\n", rune(rest[0])) {
				continue
			}
			rest = strings.TrimLeft(rest, " \t\r\n")
			if name, _, ok := strings.Cut(strings.TrimPrefix(rest, `"`), `"`); ok && strings.HasPrefix(rest, `"`) {
				f(action, name)
			}
		}
	}
}

// firstFiles splits the files of names, whose texts are sources, into
// those a run of generate needs at once, which it returns with their
// texts, and the rest, parsed when one of their templates is first asked
// for: about two fifths of the text of the built-in templates. The first
// are the memorandum's, the code of practice's and the verdict's, with
// every file that defines a standard clause (the documents call them by
// name: "clause:aims") and every file that defines a template one of
// them calls. If two files define the same template, every file is
// parsed at once, so that the later file's definition wins as before.
func firstFiles(names, sources []string) (first, firstSources, later []string) {
	definedIn := map[string]int{}
	var queue []int
	twice := false
	calls := make([][]string, len(sources))
	for i, src := range sources {
		templateNames(src, func(action, name string) {
			if action == "template" {
				calls[i] = append(calls[i], name)
				return
			}
			if _, ok := definedIn[name]; ok {
				twice = true
			}
			definedIn[name] = i
			if strings.HasPrefix(name, "clause:") || name == "verdict" {
				queue = append(queue, i)
			}
		})
		if names[i] == MOU.Template || names[i] == CodeOfPractice.Template {
			queue = append(queue, i)
		}
	}
	if twice {
		return names, sources, nil
	}
	needed := make([]bool, len(names))
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		if needed[i] {
			continue
		}
		needed[i] = true
		for _, name := range calls[i] {
			if j, ok := definedIn[name]; ok {
				queue = append(queue, j)
			}
		}
	}
	for i, name := range names {
		if needed[i] {
			first, firstSources = append(first, name), append(firstSources, sources[i])
		} else {
			later = append(later, name)
		}
	}
	return first, firstSources, later
}

// complete parses the files parseSet left for later into the set, once;
// it is called before a template that may be among them is run.
func (s *set) complete() error {
	s.laterOnce.Do(func() {
		if len(s.later) == 0 {
			return
		}
		sources := make([]string, len(s.later))
		for i, name := range s.later {
			data, err := fs.ReadFile(s.fsys, name)
			if err != nil {
				s.laterErr = err
				return
			}
			sources[i] = string(data)
		}
		s.laterErr = addFiles(s.tmpl, s.fsys, s.later, sources, s.pack)
	})
	return s.laterErr
}

// lookup returns the set's templates with name among them, parsing the
// files left for later if it is not yet.
func (s *set) lookup(name string) (*template.Template, error) {
	if s.tmpl.Lookup(name) == nil {
		if err := s.complete(); err != nil {
			return nil, err
		}
	}
	return s.tmpl, nil
}

// Say writes the plain-text template name (a define of the *.txt.tmpl
// files: what a new version changes, the redline's first page, the
// calendar's events, the amendment record's entries) with data, in the
// language tag ("" for q's), from the templates of q's edition. Nothing
// is escaped: answers in data are plain strings.
func (t *Templates) Say(q *questionnaire.Questionnaire, tag, name string, data any) (string, error) {
	if tag == "" {
		tag = locale.Get(q.Language).Tag
	}
	s, err := t.edition(editionOf(q), tag)
	if err != nil {
		return "", err
	}
	set, err := s.lookup(name)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := execute(set, &b, name, data); err != nil {
		return "", originError(s.fsys, err)
	}
	return b.String(), nil
}

var templateRef = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`template: ([\w.-]+\.tmpl):`) })

// originError rewrites "template: mou.md.tmpl:12: ..." as
// "DIR/mou.md.tmpl:12: ..." where fsys knows where the file came from.
func originError(fsys fs.FS, err error) error {
	o, ok := fsys.(interface{ Origin(string) string })
	if !ok {
		return err
	}
	msg := templateRef().ReplaceAllStringFunc(err.Error(), func(m string) string {
		return o.Origin(templateRef().FindStringSubmatch(m)[1]) + ":"
	})
	return errors.New(msg)
}

// Input is what a document needs beyond the questionnaire.
type Input struct {
	Reference string       // the agreement reference, "" for none
	Plan      signing.Plan // the version's signing plan
	Notice    *Notice      // for the notice of change
	Life      *Life        // for the joining agreement, the notice of withdrawal and the review record
}

// Written is one document as written: its Markdown, and the outline of
// its sections, clauses and schedules recorded as it was written.
type Written struct {
	Kind     Kind
	Markdown []byte
	Outline  Outline
}

// Write writes q's document of the given kind; q must have passed
// validation.
func (t *Templates) Write(q *questionnaire.Questionnaire, kind Kind, in Input) (Written, error) {
	v := newView(q, kind, in.Reference, in.Plan)
	v.Notice, v.Life = in.Notice, in.Life
	md, err := t.render(kind, v)
	if err != nil {
		return Written{}, err
	}
	v.outline.schedules(md, v.pack)
	return Written{Kind: kind, Markdown: md, Outline: v.outline}, nil
}

// Markdown writes the MOU or the code of practice for q, signed as its
// own signing plan says with no verdict to go by. reference is the
// agreement reference ("" for none).
func (t *Templates) Markdown(q *questionnaire.Questionnaire, kind Kind, reference string) ([]byte, error) {
	w, err := t.Write(q, kind, Input{Reference: reference, Plan: signing.New(q, signing.Facts{Reference: reference})})
	return w.Markdown, err
}

func (t *Templates) render(kind Kind, v *View) ([]byte, error) {
	var buf bytes.Buffer
	s, err := t.edition(editionOf(v.Questionnaire), v.pack.Tag)
	if err != nil {
		return nil, err
	}
	v.exec = func(name string, data any) (string, error) {
		var b strings.Builder
		err := execute(s.tmpl, &b, name, data)
		return b.String(), err
	}
	set, err := s.lookup(kind.Template)
	if err != nil {
		return nil, err
	}
	if err := execute(set, &buf, kind.Template, v); err != nil {
		return nil, fmt.Errorf("writing the %s: %w", kind.Name, originError(s.fsys, err))
	}
	md, err := v.numberRefs(buf.Bytes())
	if err != nil {
		return nil, err
	}
	return tidy(md), nil
}

// refHint matches the hint mdtext writes for a cross-reference.
var refHint = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<!-- mou:ref ([a-z0-9.-]+) -->`) })

// numberRefs puts before each cross-reference in md the number of the
// clause, section or schedule it names, now that every number is known.
func (v *View) numberRefs(md []byte) ([]byte, error) {
	var missing []string
	md = refHint().ReplaceAllFunc(md, func(h []byte) []byte {
		id := string(refHint().FindSubmatch(h)[1])
		n, ok := v.outline.numbers[id]
		if !ok {
			missing = append(missing, id)
			return h
		}
		return append([]byte(n), h...)
	})
	if len(missing) > 0 {
		return nil, &UnprintedRefsError{Document: strings.ToLower(v.DocumentTitle), IDs: missing}
	}
	return md, nil
}

// UnprintedRefsError is a document whose answers refer, by [[id]], to
// clauses, sections or schedules it does not print. Validation finds
// the answers and their lines (see Printed).
type UnprintedRefsError struct {
	Document string // its title, in lower case
	IDs      []string
}

func (e *UnprintedRefsError) Error() string {
	return fmt.Sprintf("the %s refers to %s, which it does not print: its answers leave it out, or it is in the other document", e.Document, refList(e.IDs))
}

// Printed says which of q's documents prints each clause, section and
// schedule that has an id, by id ("mou" or "code-of-practice"), as q's
// answers have them and mou's own templates write them, whatever the
// cross-references in its answers. q must have passed validation.
func Printed(q *questionnaire.Questionnaire) (map[string]string, error) {
	out := map[string]string{}
	for _, kind := range KindsFor(q) {
		v := newView(q, kind, "", signing.New(q, signing.Facts{}))
		var ue *UnprintedRefsError
		if _, err := builtInTemplates.render(kind, v); err != nil && !errors.As(err, &ue) {
			return nil, err
		}
		for id := range v.outline.numbers {
			out[id] = kind.Name
		}
	}
	return out, nil
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
var hints = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`<!-- mou:id [a-z0-9.-]+ -->\n\n|<!-- mou:ref [a-z0-9.-]+ -->`)
})

// StripHints removes the id and cross-reference hints from md, which
// leaves the text as it was before documents carried them: the agreement
// reference is taken without them.
func StripHints(md []byte) []byte { return hints().ReplaceAll(md, nil) }

var blankRuns = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\n{3,}`) })

// tidy folds runs of blank lines that templates leave behind and ends the
// text with exactly one newline.
func tidy(md []byte) []byte {
	md = blankRuns().ReplaceAll(md, []byte("\n\n"))
	return append(bytes.TrimSpace(md), '\n')
}

var slugJunk = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[^a-z0-9]+`) })

// Slug turns a partnership name into a safe file-name stem: lower case,
// a-z, 0-9 and single hyphens, at most 60 characters, never empty.
func Slug(name string) string {
	s := strings.ToLower(foldAccents(name))
	s = strings.Trim(slugJunk().ReplaceAllString(s, "-"), "-")
	if len(s) > 60 {
		s = strings.TrimRight(s[:60], "-")
	}
	if s == "" {
		return "partnership"
	}
	return s
}
