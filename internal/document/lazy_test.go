package document

import (
	"io/fs"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/templates"
)

// parsed lists the editions and languages t has parsed.
func (t *Templates) parsed() []setKey {
	var keys []setKey
	t.sets.Range(func(k, v any) bool {
		if s := v.(*set); s.tmpl != nil {
			keys = append(keys, k.(setKey))
		}
		return true
	})
	return keys
}

// TestParsesOnlyWhatIsAsked: a set of templates parses an edition in a
// language the first time a document asks for it, and no other; many
// goroutines asking at once all get the same document (run it with
// -race).
func TestParsesOnlyWhatIsAsked(t *testing.T) {
	tmpl := &Templates{fsys: templates.FS}
	if got := tmpl.parsed(); len(got) != 0 {
		t.Fatalf("parsed %v before any document", got)
	}
	q := sampleQuestionnaire(t) // names no edition: the first
	var wg sync.WaitGroup
	results := make([][]byte, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			md, err := tmpl.Markdown(q, MOU, "")
			if err != nil {
				t.Error(err)
			}
			results[i] = md
		}()
	}
	wg.Wait()
	for _, md := range results[1:] {
		if string(md) != string(results[0]) {
			t.Fatal("the same document came out differently from goroutines sharing the templates")
		}
	}
	want := []setKey{{templates.Unstated, locale.Default}}
	if got := tmpl.parsed(); !slices.Equal(got, want) {
		t.Errorf("parsed %v, want only %v", got, want)
	}
	c := *q
	c.Wording.Edition = templates.Current
	if _, err := tmpl.Markdown(&c, CodeOfPractice, ""); err != nil {
		t.Fatal(err)
	}
	if got := tmpl.parsed(); len(got) != 2 || !slices.Contains(got, setKey{templates.Current, locale.Default}) {
		t.Errorf("parsed %v, want %v and the current edition", got, want)
	}
}

// TestWritesInTheFilesLanguage: a file's language chooses both the
// templates and the pack, and only that language's templates are parsed.
func TestWritesInTheFilesLanguage(t *testing.T) {
	const tag = "xx-LAZY"
	own := fstest.MapFS{}
	names, _ := fs.Glob(templates.FS, "*.tmpl")
	for _, name := range names {
		data, _ := fs.ReadFile(templates.FS, name)
		if name == MOU.Template {
			data = append([]byte("In xx-LAZY.\n"), data...)
		}
		own[name] = &fstest.MapFile{Data: data}
	}
	templates.Register(tag, own)
	pack := *locale.Get(locale.Default)
	pack.Tag, pack.Contents = tag, "Cynnwys"
	locale.Register(&pack)

	tmpl := &Templates{fsys: templates.FS}
	q := sampleQuestionnaire(t)
	q.Language, q.Wording.Edition = tag, templates.Current
	md, err := tmpl.Markdown(q, MOU, "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(md), "In xx-LAZY.") {
		t.Errorf("the MOU in %s is not written with its templates:\n%.200s", tag, md)
	}
	if got, want := tmpl.parsed(), []setKey{{templates.Current, tag}}; !slices.Equal(got, want) {
		t.Errorf("parsed %v, want only %v", got, want)
	}
	if got := Layout(q, MOU, "", nil).ContentsTitle; got != "Cynnwys" {
		t.Errorf("the contents page of the MOU in %s is headed %q, not from its pack", tag, got)
	}
}

// watchedFS tells, by closing opened, when its first file is opened.
type watchedFS struct {
	fs.FS
	once   sync.Once
	opened chan struct{}
}

func (w *watchedFS) Open(name string) (fs.File, error) {
	w.once.Do(func() { close(w.opened) })
	return w.FS.Open(name)
}

// TestPrepareParsesInTheBackground: Prepare starts parsing the edition
// and language it is given, with no document asked for, and starts
// nothing for an edition that does not exist.
func TestPrepareParsesInTheBackground(t *testing.T) {
	w := &watchedFS{FS: templates.FS, opened: make(chan struct{})}
	tmpl := &Templates{fsys: w}
	tmpl.Prepare("1999.9", "")
	tmpl.Prepare(templates.Current, "")
	select {
	case <-w.opened:
	case <-time.After(10 * time.Second):
		t.Fatal("Prepare did not start parsing")
	}
	v, ok := tmpl.sets.Load(setKey{templates.Current, locale.Default})
	if !ok {
		t.Fatal("Prepare parsed another edition")
	}
	s := v.(*set)
	s.once.Do(func() {}) // waits for the parse
	if s.err != nil || s.tmpl == nil {
		t.Fatalf("the parse failed: %v", s.err)
	}
	if got := tmpl.parsed(); len(got) != 1 {
		t.Errorf("parsed %v, want only the current edition", got)
	}
}
