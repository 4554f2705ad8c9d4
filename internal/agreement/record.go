package agreement

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/output"
	"github.com/partnership-tools/mou/internal/questionnaire"
)

// FormatVersion is the version of the record's own layout.
const FormatVersion = 1

// Record is what one generated version leaves behind for the next.
type Record struct {
	Format      int    `json:"mou_record"`
	Partnership string `json:"partnership"`
	// Questionnaire is the questionnaire file's name, without its folder:
	// it finds the record again after the partnership is renamed.
	Questionnaire string      `json:"questionnaire"`
	Version       int         `json:"version"`
	Date          string      `json:"date"` // YYYY-MM-DD
	Reference     string      `json:"reference"`
	Wording       string      `json:"wording"` // the edition of the wording used
	Language      string      `json:"language"`
	Sections      []Section   `json:"sections"`
	Contacts      []Contact   `json:"contacts"`
	Signatories   []Signatory `json:"signatories"`
	Files         []File      `json:"files"`
}

// Section is one section of the signed text, by its heading, with a
// fingerprint of its words that ignores its own and its clauses' numbers.
type Section struct {
	Heading string `json:"heading"`
	SHA256  string `json:"sha256"`
}

// Contact is one person in a role, as Schedule 1 lists them.
type Contact struct {
	Partner string `json:"partner"` // the partner's id
	Kind    string `json:"kind"`    // "lead" or "safeguarding"
	Role    string `json:"role"`
	Name    string `json:"name"`
	Email   string `json:"email"`
	Phone   string `json:"phone,omitempty"`
}

// Signatory is who signs for a partner.
type Signatory struct {
	Partner  string `json:"partner"`
	Name     string `json:"name"`
	Position string `json:"position"`
}

// File is one file written for the version.
type File struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
}

// New makes the record of q's version, for its agreement a, written with
// the given wording edition, from the questionnaire file named file.
func New(file string, q *questionnaire.Questionnaire, a document.Agreement, wording string) *Record {
	r := &Record{
		Format:        FormatVersion,
		Partnership:   string(q.Partnership.Name),
		Questionnaire: filepath.Base(file),
		Version:       q.Version,
		Date:          q.Date.ISO(),
		Reference:     a.Reference,
		Wording:       wording,
		Language:      q.Language,
		Sections:      Fingerprints(a.Sections),
	}
	if r.Language == "" {
		r.Language = "en-GB"
	}
	for _, p := range q.Partners {
		r.Contacts = append(r.Contacts, contact(p.ID, "lead", p.Lead))
		if p.SafeguardingLead != nil {
			r.Contacts = append(r.Contacts, contact(p.ID, "safeguarding", *p.SafeguardingLead))
		}
		r.Signatories = append(r.Signatories, Signatory{p.ID, string(p.Signatory.Name), string(p.Signatory.Position)})
	}
	return r
}

func contact(partner, kind string, c questionnaire.Contact) Contact {
	return Contact{partner, kind, string(c.Role), string(c.Name), string(c.Email), string(c.Phone)}
}

// AddFile notes a file written for the version, with its SHA-256.
func (r *Record) AddFile(name string, data []byte) {
	sum := sha256.Sum256(data)
	r.Files = append(r.Files, File{name, hex.EncodeToString(sum[:])})
}

// Marshal gives the record as indented JSON, the same bytes for the same
// record.
func (r *Record) Marshal() []byte {
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		panic(err) // a Record always encodes
	}
	return append(data, '\n')
}

// Merge returns the record to keep when old, of the same version, is
// already on disk: old with r's files added, when the two agree on
// everything but files, so that generating one format and then another
// keeps both in the record. It returns r itself when they differ.
func (r *Record) Merge(old *Record) *Record {
	a, b := *r, *old
	a.Files, b.Files = nil, nil
	if !bytes.Equal(a.Marshal(), b.Marshal()) {
		return r
	}
	merged := *old
	merged.Files = slices.Clone(old.Files)
	for _, f := range r.Files {
		i := slices.IndexFunc(merged.Files, func(g File) bool { return g.Name == f.Name })
		if i < 0 {
			merged.Files = append(merged.Files, f)
		} else {
			merged.Files[i] = f
		}
	}
	return &merged
}

// FileName is the name of a version's record: <slug>-record-v<N>.json.
func FileName(slug string, version int) string {
	return fmt.Sprintf("%s-record-v%d.json", slug, version)
}

var recordName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(.+)-record-v([1-9][0-9]{0,8})\.json$`) })

// MaxRecordBytes bounds how much of a record file is read.
const MaxRecordBytes = 1 << 20

// Read reads a record file. Anything but a regular file is refused, a
// symbolic link too, and no more than MaxRecordBytes is read.
func Read(path string) (*Record, error) {
	r, _, err := ReadBytes(path)
	return r, err
}

// ReadBytes is Read that also gives the file's bytes as read.
func ReadBytes(path string) (*Record, []byte, error) {
	st, err := os.Lstat(path)
	if err != nil {
		return nil, nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, nil, fmt.Errorf("%s: not a regular file", path)
	}
	// Open judges the file again: it may have been swapped since.
	data, err := output.ReadFile(path, MaxRecordBytes)
	if err != nil {
		return nil, nil, err
	}
	var r Record
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, nil, fmt.Errorf("%s: not a mou version record: %w", path, err)
	}
	if r.Format != FormatVersion {
		return nil, nil, fmt.Errorf("%s: a version record of format %d, which this mou does not read", path, r.Format)
	}
	return &r, data, nil
}

// Previous finds the record of the latest version before version of the
// same partnership in dir: one with the same slug, or written from a
// questionnaire file of the same name (the partnership was renamed). It
// returns nil when there is none.
func Previous(dir, slug, file string, version int) (*Record, error) {
	f, err := ListFolder(dir)
	if err != nil {
		return nil, err
	}
	return f.Previous(slug, file, version)
}

// Folder is the version records in an output folder, listed once: a batch
// of many partnerships into one folder asks it for each questionnaire,
// and listing the folder each time would make the batch quadratic.
type Folder struct {
	dir     string
	records []listed
	mu      sync.Mutex
	from    map[string]string // record file name → its questionnaire's base name
}

// listed is one record file's name, and the slug and version in it.
type listed struct {
	name, slug string
	version    int
}

// ListFolder lists the version records in dir. A folder that does not
// exist yet has none.
func ListFolder(dir string) (*Folder, error) {
	f := &Folder{dir: dir, from: map[string]string{}}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		return f, nil // nothing there yet; writing says what is wrong
	}
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".json") || !e.Type().IsRegular() {
			continue
		}
		if m := recordName().FindStringSubmatch(e.Name()); m != nil {
			v, _ := strconv.Atoi(m[2])
			f.records = append(f.records, listed{e.Name(), m[1], v})
		}
	}
	return f, nil
}

// Previous is [Previous] for the folder as it was listed.
func (f *Folder) Previous(slug, file string, version int) (*Record, error) {
	type candidate struct {
		listed
		same bool // the same slug
	}
	var found []candidate
	for _, r := range f.records {
		if r.version < version {
			found = append(found, candidate{r, r.slug == slug})
		}
	}
	// Latest first; at the same version, the same slug first.
	slices.SortFunc(found, func(a, b candidate) int {
		if a.version != b.version {
			return b.version - a.version
		}
		if a.same != b.same {
			if a.same {
				return -1
			}
			return 1
		}
		return strings.Compare(a.name, b.name)
	})
	base := filepath.Base(file)
	for _, c := range found {
		if !c.same {
			from, err := f.questionnaire(c.name)
			if err != nil {
				return nil, err
			}
			if from != base {
				continue
			}
		}
		return Read(filepath.Join(f.dir, c.name))
	}
	return nil, nil
}

// questionnaire is the base name of the questionnaire the record called
// name was written from, read once.
func (f *Folder) questionnaire(name string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if q, ok := f.from[name]; ok {
		return q, nil
	}
	r, err := Read(filepath.Join(f.dir, name))
	if err != nil {
		return "", err
	}
	f.from[name] = r.Questionnaire
	return r.Questionnaire, nil
}
