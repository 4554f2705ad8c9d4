package questionnaire

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Limits on what a questionnaire may be. They are far above any real
// partnership and keep a hostile or broken file cheap to reject.
const (
	MaxFileBytes  = 4 << 20 // 4 MiB
	maxNodes      = 250_000 // values, counting each use of an alias
	maxListLength = 5_000
	maxTextBytes  = 20_000
	// MaxLogoBytes bounds how much of a logo file is read.
	MaxLogoBytes = 8 << 20 // 8 MiB
)

// Options change how a questionnaire is checked.
type Options struct {
	// Unprintable returns the runes of a string that cannot be printed;
	// each one is reported as an error. Nil allows every character.
	Unprintable func(string) []rune
	// ClauseIDs lists the clause and section ids of an edition of the
	// wording, so that wording choices naming others are reported. Nil
	// leaves the ids unchecked.
	ClauseIDs func(edition string) []string
	// Dir is the folder the questionnaire is in. When set, each partner's
	// logo is checked: it must be a regular file there, of at most
	// MaxLogoBytes, that is a PNG or JPEG image.
	Dir string
	// Logo says why a logo's bytes cannot be used, or returns nil. Nil
	// checks only that they start as a PNG or JPEG does.
	Logo func([]byte) error
	// Prints reports whether q's documents print the answer at key, or
	// any inside it, as the templates of its wording have it: an answer
	// printed only in sections the wording leaves out is not required.
	// Nil counts every answer as printed.
	Prints func(q *Questionnaire, key string) bool
	// Printed, when set, says which document prints each clause,
	// section and schedule with an id, as q's answers have them (see
	// document.Printed), so that a cross-reference to one these answers
	// leave out, or to one in the other document, is reported at its
	// line. It is called only for a questionnaire otherwise valid.
	Printed func(q *Questionnaire) (map[string]string, error)
	// Prepare, when set, is called with the edition of the wording and
	// the language the documents are to be written in, so that parsing
	// their templates can start while the file is decoded and checked:
	// first with what the file's lines seem to say (see peekWording),
	// before the YAML is decoded, and again once it is, if the answers
	// say otherwise.
	Prepare func(edition, language string)
}

// Load reads and checks a questionnaire. file names it in problems. It
// returns every problem found, errors and warnings, in file order; the
// questionnaire is usable only when problems.Err() is nil.
func Load(file string, data []byte, opts Options) (*Questionnaire, Problems) {
	if p, ok := checkBytes(file, data); !ok {
		return nil, Problems{p}
	}
	// The templates, the longest of this work, are started first: the
	// scheduler runs the goroutines waiting in the order they came.
	edition, language := "", ""
	if opts.Prepare != nil {
		edition, language = peekWording(data)
		opts.Prepare(edition, language)
	}
	var logos *logoChecks
	if opts.Dir != "" {
		logos = newLogoChecks(opts.Dir, opts.Logo)
		logos.early(data)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil && err != io.EOF {
		return nil, Problems{withHint(syntaxProblem(file, err, data), data)}
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return nil, Problems{{File: file, Message: "the file is empty; run \"mou init\" for a questionnaire to fill in"}}
	}
	// yaml.v3 reads only the first document: a second one, which the user
	// may well think part of the questionnaire, would be quietly ignored.
	var next yaml.Node
	second := Problem{File: file,
		Message: "a second document starts here (after \"---\"); a questionnaire is one document: remove the \"---\" line or put the second questionnaire in a file of its own"}
	switch err := dec.Decode(&next); {
	case err == io.EOF:
	case err != nil:
		if second.Line = documentStart(data, root.Line); second.Line == 0 {
			return nil, Problems{withHint(syntaxProblem(file, err, data), data)}
		}
		second.Column = 1
		return nil, Problems{second}
	case len(next.Content) > 0 && !(isNull(next.Content[0]) && next.Content[0].Value == ""):
		second.Line, second.Column = next.Line, next.Column
		return nil, Problems{second}
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		return nil, Problems{{File: file, Line: doc.Line, Column: doc.Column,
			Message: "expected a questionnaire (a set of \"key: value\" lines), found " + describe(doc)}}
	}
	d := &decoder{file: file, pos: map[string]position{}, failed: map[string]bool{}, nodesLeft: maxNodes, textLeft: maxAllText, printable: opts.Unprintable,
		suggestLeft: suggestBudget, repeats: map[string]*repeat{}}
	q := new(Questionnaire)
	d.decode(doc, reflect.ValueOf(q).Elem(), "")
	if d.exhausted != nil {
		// Only the limits matter: the rest of the file was not read.
		return nil, append(d.overLists, *d.exhausted)
	}
	if opts.Prepare != nil && (q.Wording.Edition != edition || q.Language != language) {
		opts.Prepare(q.Wording.Edition, q.Language)
	}
	logosChecked := func() {}
	if logos != nil {
		logosChecked = checkLogos(d, q, logos)
	}
	check(d, q)
	foldParagraphs(d, q)
	checkDocuments(d, q)
	checkWording(d, q, opts.ClauseIDs)
	checkRefs(d, q, opts.ClauseIDs)
	checkLanguage(d, q)
	warnContradictions(d, q)
	warnLegalPersons(d, q)
	warnExamples(d, q)
	logosChecked()
	d.finishRepeats()
	letOffDocuments(d, q)
	letOffUnprinted(d, q, opts.Prints)
	if opts.Printed != nil && d.problems.Err() == nil {
		checkPrinted(d, q, opts.Printed)
	}
	d.problems.sort()
	return q, d.problems
}

// checkBytes refuses files that are not text before YAML sees them.
func checkBytes(file string, data []byte) (Problem, bool) {
	p := Problem{File: file}
	switch {
	case len(data) > MaxFileBytes:
		p.Message = fmt.Sprintf("the file is larger than %d bytes (4 MiB), the limit for a questionnaire", MaxFileBytes)
		return p, false
	case len(bytes.TrimSpace(data)) == 0:
		p.Message = "the file is empty; run \"mou init\" for a questionnaire to fill in"
		return p, false
	}
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		p.Line, p.Column = 1, 1
		p.Message = "the file is saved as UTF-16; save it as UTF-8 (in Word or Notepad: Save As, Encoding: UTF-8)"
		return p, false
	}
	if looksUTF16(data) {
		p.Line, p.Column = 1, 1
		p.Message = "the file is saved as UTF-16; save it as UTF-8 (in Word or Notepad: Save As, Encoding: UTF-8)"
		return p, false
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		p.Line, p.Column = lineCol(data, i)
		p.Message = "the file contains a NUL byte: it is not a text file"
		return p, false
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		i := invalidUTF8(data)
		p.Line, p.Column = lineCol(data, i)
		p.Message = fmt.Sprintf("byte 0x%02X at offset %d is not UTF-8; save the file as UTF-8 (in Word or Notepad: Save As, Encoding: UTF-8)", data[i], i)
		return p, false
	}
	// YAML allows no control characters but tab and line breaks; its
	// parser refuses them without saying where.
	if i := bytes.IndexFunc(data, yamlControl); i >= 0 {
		r, _ := utf8.DecodeRune(data[i:])
		p.Line, p.Column = lineCol(data, i)
		p.Message = fmt.Sprintf("the file contains the control character U+%04X; remove it", r)
		if r == 0x1A {
			p.Message += " (it is the end-of-file mark some old Windows programs add)"
		}
		return p, false
	}
	return p, true
}

func yamlControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || (r >= 0x7F && r <= 0x9F && r != 0x85) || r == 0xFFFE || r == 0xFFFF
}

// looksUTF16 reports whether data is UTF-16 saved without a byte order
// mark: text in which every other byte is NUL.
func looksUTF16(data []byte) bool {
	n := min(len(data), 1024) / 2
	if n < 4 {
		return false
	}
	var even, odd int
	for i := range n {
		if data[2*i] == 0 {
			even++
		}
		if data[2*i+1] == 0 {
			odd++
		}
	}
	return max(even, odd) >= n/2 && min(even, odd) <= n/10
}

func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

func lineCol(b []byte, offset int) (line, col int) {
	line = 1 + bytes.Count(b[:offset], []byte("\n"))
	col = 1 + utf8.RuneCount(b[bytes.LastIndexByte(b[:offset], '\n')+1:offset])
	return line, col
}

func isParserError(msg string) bool {
	for _, prefix := range []string{"did not find expected", "found undefined tag handle", "found duplicate %YAML", "found incompatible YAML", "found unsupported YAML"} {
		if strings.HasPrefix(msg, prefix) {
			return true
		}
	}
	return false
}

// yamlLine and unknownAnchor read the YAML parser's errors; compiled
// only when a file has one.
var (
	yamlLine      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`) })
	unknownAnchor = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^unknown anchor '(.*)' referenced$`) })
)

// syntaxProblem turns a YAML parser error into a Problem with its line;
// where the parser does not say, it is found in data.
func syntaxProblem(file string, err error, data []byte) Problem {
	p := Problem{File: file, Message: err.Error()}
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		p.Message = te.Errors[0]
	}
	if m := yamlLine().FindStringSubmatch(p.Message); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
		// yaml.v3 counts lines from 0 for parser errors (as opposed to
		// scanner errors), pointing at the start of the enclosing block.
		if isParserError(m[2]) {
			p.Line++
		}
		if p.Line > 0 {
			p.Column = 1
		}
		p.Message = "not valid YAML: " + m[2]
		if strings.HasPrefix(m[2], "exceeded max depth") {
			p.Message = fmt.Sprintf("not valid YAML: lists or sets inside one another more than %d deep; a questionnaire needs only a few levels", maxDepth)
			// The parser gives no line for the first line of a file.
			if i := deepOffset(data); i >= 0 {
				p.Line, p.Column = lineCol(data, i)
			}
		}
		if a := unknownAnchor().FindStringSubmatch(m[2]); a != nil {
			p.Message = fmt.Sprintf("not valid YAML: *%s refers to an anchor that is not defined before it (define it with &%s on an earlier value)", plain(a[1]), plain(a[1]))
			if i := aliasOffset(data, a[1]); i >= 0 {
				p.Line, p.Column = lineCol(data, i)
			}
		}
	}
	p.Message = escape(p.Message, false)
	return p
}

// maxDepth is how deeply the YAML parser lets lists and sets nest.
const maxDepth = 10_000

// deepOffset returns where data first nests more than maxDepth lists or
// sets inside one another, in brackets ([ or {) or dashes on one line
// ("- - -"), or -1. It does not read quotes: it finds where nesting
// this deep starts, which the parser has already found is too deep.
func deepOffset(data []byte) int {
	brackets, dashes, lineStart := 0, 0, true
	for i, c := range data {
		switch {
		case c == '[' || c == '{':
			if brackets++; brackets > maxDepth {
				return i
			}
		case c == ']' || c == '}':
			brackets--
		case c == '\n':
			dashes, lineStart = 0, true
		case c == '-' && lineStart && (i+1 == len(data) || data[i+1] == ' ' || data[i+1] == '\n'):
			if dashes++; dashes > maxDepth {
				return i
			}
		case c != ' ':
			lineStart = false
		}
	}
	return -1
}

// documentStart returns the line of the first "---" after line after,
// or 0.
func documentStart(data []byte, after int) int {
	for i, line := range bytes.Split(data, []byte("\n")) {
		if i+1 > after && bytes.HasPrefix(line, []byte("---")) && (len(line) == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r') {
			return i + 1
		}
	}
	return 0
}

// aliasOffset returns where *name is first used in data, or -1.
func aliasOffset(data []byte, name string) int {
	re, err := regexp.Compile(`(?:^|[\s\[{,:-])(\*` + regexp.QuoteMeta(name) + `)(?:$|[\s\]},])`)
	if err != nil {
		return -1
	}
	if m := re.FindSubmatchIndex(data); m != nil {
		return m[2]
	}
	return -1
}

// withHint adds to a YAML syntax error what usually causes it in a file
// written by hand: a tab, curly quotes pasted from Word, or ": " inside an
// answer.
func withHint(p Problem, data []byte) Problem {
	lines := bytes.Split(data, []byte("\n"))
	if p.Line < 1 || p.Line > len(lines) {
		return p
	}
	// The parser points at the block such a space broke, often far from
	// it, and says nothing of the space.
	for i := range lines {
		if j := wordSpaceInLayout(lines[i]); j >= 0 {
			r, _ := utf8.DecodeRune(lines[i][j:])
			p.Line, p.Column = i+1, 1+utf8.RuneCount(lines[i][:j])
			p.Message = "not valid YAML: " + wordSpaceMessage(r)
			return p
		}
	}
	line := lines[p.Line-1]
	switch {
	case bytes.ContainsRune(line, '\t'):
		p.Column = 1 + utf8.RuneCount(line[:bytes.IndexByte(line, '\t')])
		p.Message += " (a tab character: indent with spaces, not tabs)"
	case strings.Contains(p.Message, "mapping values are not allowed"):
		// Point at the second colon: the one inside the answer.
		if i := bytes.Index(line, []byte(": ")); i >= 0 {
			if j := bytes.IndexByte(line[i+2:], ':'); j >= 0 {
				p.Column = 1 + utf8.RuneCount(line[:i+2+j])
			}
		}
		if bytes.ContainsAny(line, "“”‘’") {
			p.Message += " (curly quotes do not quote in YAML: put the answer in straight double quotes \")"
		} else {
			p.Message += " (an answer containing \": \" must be put in double quotes)"
		}
	}
	return p
}

// isWordSpace reports whether r is a space other than an ordinary one,
// such as the non-breaking space Word puts in text pasted from it.
func isWordSpace(r rune) bool {
	return r > unicode.MaxASCII && unicode.IsSpace(r)
}

// wordSpaceInLayout returns where line has such a space where YAML reads
// the layout (in the indent, after a list's dash, or straight after a
// key's colon), which YAML does not count as a space; or -1.
func wordSpaceInLayout(line []byte) int {
	i := 0
	for i < len(line) {
		r, size := utf8.DecodeRune(line[i:])
		if isWordSpace(r) {
			return i
		}
		if r != ' ' && r != '-' {
			break
		}
		i += size
	}
	if m := layoutKey().FindIndex(line[i:]); m != nil {
		if r, _ := utf8.DecodeRune(line[i+m[1]:]); isWordSpace(r) {
			return i + m[1]
		}
	}
	return -1
}

var layoutKey = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*:`) })

// wordSpaceMessage says what to do about the space r.
func wordSpaceMessage(r rune) string {
	what := fmt.Sprintf("a space of another kind (U+%04X)", r)
	if r == '\u00a0' {
		what = "a non-breaking space (U+00A0)"
	}
	return what + ", as Word pastes, where YAML needs an ordinary space: delete it and type a space"
}
