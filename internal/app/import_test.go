package app_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/sampletest"
	"github.com/partnership-tools/mou/internal/worktest"
	"github.com/partnership-tools/mou/templates"
)

// mouMarkdown is the memorandum generate writes from the questionnaire
// in file, without its hints.
func mouMarkdown(t *testing.T, file string) string {
	t.Helper()
	tmpl, err := document.ParseTemplates(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	md, err := tmpl.Markdown(loadSample(t, file), document.MOU, "")
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(document.StripHints(md))), " ")
}

// TestImportRoundTrip is the negotiation loop: mou writes a Word file,
// LibreOffice edits it with tracked changes on (a clause reworded, a
// clause put in, one taken out, an objective's target changed in its
// table), mou import takes the changes back into the questionnaire as
// its next version, and that version's memorandum has the new words, the
// verdict says the partners sign again for those sections, and the
// redline marks exactly those changes.
func TestImportRoundTrip(t *testing.T) {
	old := copied(t, filepath.Join(sampletest.Dir, "council-academy-sla.yaml"))
	file := copied(t, old)
	dir := t.TempDir()
	word := wordFiles(t, file, dir)["mou"]
	edited := filepath.Join(dir, "returned.docx")
	libreOffice(t, []loJob{{Op: "edit", In: word, Out: edited, Edits: []loEdit{
		{Replace: "each partner keeps the insurance it needs", With: "each partner keeps the insurance the law and its funders require"},
		{InsertAfter: "mou_general_confidentiality", Text: "Each partner keeps a log of the personal data it shares."},
		{Delete: "mou_communication_foi"},
		{Replace: "60 pupils", With: "75 pupils"},
	}}})
	before, _ := os.ReadFile(file)

	// The tracked changes are refused until taken.
	_, err := app.Import{File: file, Word: edited}.Run()
	var pending *app.PendingError
	if !errors.As(err, &pending) || len(pending.Changes) < 4 || !slices.Contains(pending.Where, "clause 12.2 (general.insurance)") {
		t.Fatalf("got %v, want the pending changes listed", err)
	}
	if now, _ := os.ReadFile(file); !bytes.Equal(now, before) {
		t.Fatal("the questionnaire changed though the import was refused")
	}
	res, err := app.Import{File: file, Word: edited, AcceptAll: true}.Run()
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Unmapped) > 0 {
		t.Errorf("changes left to do by hand: %+v", res.Unmapped)
	}
	var got []string
	for _, c := range res.Changes {
		got = append(got, c.Where+" "+c.What+": "+strings.Join(c.Set, "; "))
	}
	want := []string{
		"clause 4.2 (aims.objectives) changed an answer: objectives[0].target: 75 pupils",
		"clause 11.4 (communication.foi) left out: wording.omit: + communication.foi",
		"clause 12.2 (general.insurance) reworded: wording.replace.general.insurance: the clause's new words",
		"clause 12.4 (general.confidentiality) has a new clause after it: wording.insert: + after general.confidentiality",
	}
	if !slices.Equal(got, want) {
		t.Errorf("changes\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !res.Written || res.Version != 2 {
		t.Fatalf("written %v, version %d", res.Written, res.Version)
	}
	q := loadSample(t, file)
	const entry = "Changes agreed in returned.docx: clause 4.2 changed; clause 11.4 left out; clause 12.2 reworded; clause 12.4 followed by a new clause."
	if last := q.History[len(q.History)-1]; last.Version != 2 || string(last.Change) != entry {
		t.Errorf("the amendment record says %+v, want %q", last, entry)
	}
	if _, err := os.Stat(file + ".bak"); err != nil {
		t.Error("no .bak copy of the previous file")
	}

	md := mouMarkdown(t, file)
	for _, w := range []string{"each partner keeps the insurance the law and its funders require for its own part", "Each partner keeps a log of the personal data it shares.", "75 pupils (baseline"} {
		if !strings.Contains(md, w) {
			t.Errorf("the new version lacks %q", w)
		}
	}
	if strings.Contains(md, "Freedom of Information") {
		t.Error("the clause taken out is still there")
	}

	red := filepath.Join(dir, "redline.docx")
	r, err := app.DiffRedline(old, file, "", red)
	if err != nil {
		t.Fatal(err)
	}
	if r.Stands || !slices.Equal(r.Sections, []string{"4. Aims and objectives", "11. Communication and publicity", "12. General provisions"}) {
		t.Errorf("the verdict: stands %v, sections %q", r.Stands, r.Sections)
	}
	sections, texts, _ := marked(t, red)
	// Schedule 1 gives the version it is part of.
	if want := []string{"Title page", "4. Aims and objectives", "11. Communication and publicity", "12. General provisions", "Schedule 1: Key contacts", "Schedule 2: Amendment record"}; !slices.Equal(sections, want) {
		t.Errorf("the redline marks %q, want %q", sections, want)
	}
	for _, w := range []string{"del:60", "ins:75", "del:it needs", "ins:the law and its funders require", "ins:Each partner keeps a log of the personal data it shares."} {
		if !slices.Contains(texts, w) {
			t.Errorf("the redline lacks %q among %q", w, texts)
		}
	}
	if !slices.ContainsFunc(texts, func(s string) bool {
		return strings.HasPrefix(s, "del:A partner that receives a request under the Freedom of Information Act")
	}) {
		t.Errorf("the redline does not strike the clause taken out: %q", texts)
	}
}

// rewrite copies the Word file from, with fn's changes to its parts, to
// a new file, and returns its path.
func rewrite(t *testing.T, from string, fn func(parts map[string]string)) string {
	t.Helper()
	z, err := zip.OpenReader(from)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	parts := map[string]string{}
	var names []string
	for _, f := range z.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		parts[f.Name] = string(data)
		names = append(names, f.Name)
	}
	fn(parts)
	for name := range parts {
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	out := filepath.Join(t.TempDir(), "edited.docx")
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, name := range names {
		if data, ok := parts[name]; ok {
			f, _ := w.Create(name)
			f.Write([]byte(data))
		}
	}
	w.Close()
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestImportAnswersAndOwnWords: edits made without tracking to answers
// and to the partnership's own words go back to those answers, each
// where it was; what the questionnaire cannot say (the title page, a
// signature block, a measure put into the list of measures, which is an
// answer to give in the questionnaire) is listed, never dropped; comments are
// listed. A dry run writes nothing.
func TestImportAnswersAndOwnWords(t *testing.T) {
	file := copied(t, filepath.Join(sampletest.Dir, "council-academy-sla.yaml"))
	word := wordFiles(t, file, t.TempDir())["mou"]
	edited := rewrite(t, word, func(parts map[string]string) {
		doc := parts["word/document.xml"]
		for _, r := range [][2]string{
			{"Keep specialist instrumental teaching at Ashcombe Academy for at least three years.", "Keep specialist instrumental teaching at Ashcombe Academy for at least five years."}, // an aim
			{">Liability.</w:t>", ">Liability and loss.</w:t>"},                                      // an own clause's title
			{"neither is liable for loss of profit", "neither partner is liable for loss of profit"}, // its text, in a list item
			{"Charges are fixed for 2026–27", "Charges are fixed for 2026–28"},                       // a schedule of the partnership's own
			{">Name: Helen Okoro</w:t>", ">Name: Helen Okoro-Grant</w:t>"},                           // a signature block
			{`<w:pStyle w:val="Title"/></w:pPr><w:r><w:t xml:space="preserve">Westmere Music Service at Ashcombe Academy`, `<w:pStyle w:val="Title"/></w:pPr><w:r><w:t xml:space="preserve">Westmere Music Service`}, // the title page
		} {
			if !strings.Contains(doc, r[0]) {
				t.Fatalf("the Word file lacks %q", r[0])
			}
			doc = strings.Replace(doc, r[0], r[1], 1)
		}
		// a measure put in: a list the answers give, item by item
		measure := "Grades in graded music examinations taken."
		start := strings.LastIndex(doc[:strings.Index(doc, measure)], "<w:p>")
		end := strings.Index(doc[start:], "</w:p>") + start + len("</w:p>")
		doc = doc[:end] + strings.Replace(doc[start:end], measure, "Places taken in the hub's ensembles.", 1) + doc[end:]
		// a comment on the mission
		doc = strings.Replace(doc, "<w:t xml:space=\"preserve\">To give every pupil", `<w:t xml:space="preserve"></w:t></w:r><w:commentRangeStart w:id="5"/><w:r><w:t xml:space="preserve">To give every pupil`, 1)
		doc = strings.Replace(doc, "whatever their family can afford.</w:t></w:r>", `whatever their family can afford.</w:t></w:r><w:commentRangeEnd w:id="5"/><w:r><w:commentReference w:id="5"/></w:r>`, 1)
		parts["word/document.xml"] = doc
		parts["word/comments.xml"] = `<?xml version="1.0"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="5" w:author="Ruth (Academy)"><w:p><w:r><w:t>Should this say "every learner"?</w:t></w:r></w:p></w:comment></w:comments>`
	})
	before, _ := os.ReadFile(file)
	res, err := app.Import{File: file, Word: edited, DryRun: true}.Run()
	if err != nil {
		t.Fatal(err)
	}
	if now, _ := os.ReadFile(file); !bytes.Equal(now, before) || res.Written {
		t.Error("a dry run changed the file")
	}
	var set, hand []string
	for _, c := range res.Changes {
		set = append(set, c.Set...)
	}
	for _, c := range res.Unmapped {
		hand = append(hand, c.Where)
	}
	for _, w := range []string{
		"aims[0]: Keep specialist instrumental teaching at Ashcombe Academy for at least five years.",
		"wording.insert[0].title: Liability and loss",
		"schedules[1].text: | Item | Charge | When invoiced |",
	} {
		if !slices.ContainsFunc(set, func(s string) bool { return strings.HasPrefix(s, w) }) {
			t.Errorf("no change %q among %q", w, set)
		}
	}
	if !slices.ContainsFunc(set, func(s string) bool {
		return strings.HasPrefix(s, "wording.insert[0].text:") && strings.Contains(s, "2. neither partner is liable for loss of profit")
	}) {
		t.Errorf("the own clause's text is not among %q", set)
	}
	if !slices.Contains(hand, "the title page") || !slices.Contains(hand, "Signatures") || !slices.Contains(hand, "clause 8.1 (monitoring.measures)") {
		t.Errorf("the title page and the signature block are not listed to do by hand: %q", hand)
	}
	if len(res.Comments) != 1 || res.CommentWhere[0] != "section 2 (Mission)" || !strings.Contains(res.Comments[0].Text, "every learner") {
		t.Errorf("comments %+v at %q", res.Comments, res.CommentWhere)
	}
}

// TestImportRefuses: a file that is not a Word file mou wrote from this
// version of the questionnaire, a zip bomb, or a questionnaire on the
// first edition is refused with a message that says why, and the
// questionnaire is left as it was.
func TestImportRefuses(t *testing.T) {
	file := copied(t, filepath.Join(sampletest.Dir, "council-academy-sla.yaml"))
	word := wordFiles(t, file, t.TempDir())["mou"]
	other := copied(t, filepath.Join(sampletest.Dir, "nine-school-partnership.yaml"))
	later := copied(t, file)
	h := app.Handover{Partner: "westmere", Roles: []string{"lead"}, Name: "Priya Shah", Email: "p.shah@example.org", Effective: "2026-09-01"}
	if _, err := h.Record(later); err != nil {
		t.Fatal(err)
	}
	firstEdition := copied(t, filepath.Join(sampletest.Dir, "hub-and-spoke.yaml"))
	bomb := filepath.Join(t.TempDir(), "bomb.docx")
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	f, _ := z.Create("word/document.xml")
	f.Write(make([]byte, 8<<20))
	z.Close()
	os.WriteFile(bomb, buf.Bytes(), 0o644)
	notMou := rewrite(t, word, func(parts map[string]string) { delete(parts, "docProps/custom.xml") })
	text := filepath.Join(t.TempDir(), "notes.docx")
	os.WriteFile(text, []byte("Dear all, the changes are attached."), 0o644)
	// The insurance clause's paragraph given the bookmark of the clause
	// before it, or of the section: taken as it stands, the clause before
	// would be reworded, or the whole section left out.
	bookmark := func(name string) string {
		return rewrite(t, word, func(parts map[string]string) {
			parts["word/document.xml"] = strings.Replace(parts["word/document.xml"], `w:name="mou_general_insurance"`, `w:name="`+name+`"`, 1)
		})
	}
	// More new clauses than one import takes, each after the insurance
	// clause.
	many := rewrite(t, word, func(parts map[string]string) {
		doc := parts["word/document.xml"]
		at := strings.Index(doc, `w:name="mou_general_insurance"`)
		at += strings.Index(doc[at:], "</w:p>") + len("</w:p>")
		var clauses strings.Builder
		for i := range 301 {
			fmt.Fprintf(&clauses, `<w:p><w:pPr><w:pStyle w:val="Clause"/></w:pPr><w:r><w:t>New clause %d.</w:t></w:r></w:p>`, i)
		}
		parts["word/document.xml"] = doc[:at] + clauses.String() + doc[at:]
	})
	tests := []struct {
		name, file, word, want string
	}{
		{"not a Word file", file, text, "not a Word document"},
		{"a zip bomb", file, bomb, "zip bomb"},
		{"a Word file mou did not write", file, notMou, "not a Word file that mou wrote"},
		{"another partnership's Word file", other, word, "holds a service level agreement, which"},
		{"an earlier version's Word file", later, word, "is version 1 of the service level agreement (Agreement ref. D4A9-XCGP), but"},
		{"the first edition", firstEdition, word, "edition 2026.1"},
		{"no Word file", file, filepath.Join(t.TempDir(), "missing.docx"), "cannot read"},
		{"a clause's bookmark twice", file, bookmark("mou_general_health_and_safety"), "two or more copies of a bookmark mou finds a part by, which Word never writes: mou_general_health_and_safety, of clause 12.1 (general.health-and-safety)."},
		{"a section's bookmark on a clause", file, bookmark("mou_general"), "mou_general, of section 12 (General provisions)."},
		{"more changes than an import takes", file, many, "makes 301 changes to the questionnaire, more than the 300 one import takes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := os.ReadFile(tc.file)
			_, err := app.Import{File: tc.file, Word: tc.word, AcceptAll: true}.Run()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error saying %q", err, tc.want)
			}
			if now, _ := os.ReadFile(tc.file); !bytes.Equal(now, before) {
				t.Error("the questionnaire changed")
			}
		})
	}
}

// TestImportRenamedHeading: from edition 2026.3 a standard section whose
// heading alone was renamed in Word is renamed under wording.headings,
// and its documents print the new heading; on an earlier edition the
// change is listed to make by hand.
func TestImportRenamedHeading(t *testing.T) {
	rename := func(file string) string {
		word := wordFiles(t, file, t.TempDir())["mou"]
		return rewrite(t, word, func(parts map[string]string) {
			doc := parts["word/document.xml"]
			if !strings.Contains(doc, ">Governance and oversight</w:t>") {
				t.Fatal("the Word file lacks the heading")
			}
			parts["word/document.xml"] = strings.Replace(doc, ">Governance and oversight</w:t>", ">Contract review</w:t>", 1)
		})
	}
	file := copied(t, filepath.Join(sampletest.Dir, "partnership-sla.yaml"))
	res, err := app.Import{File: file, Word: rename(file)}.Run()
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Changes) != 1 || res.Changes[0].What != "renamed" || !slices.Contains(res.Changes[0].Set, "wording.headings.governance: Contract review") || len(res.Unmapped) > 0 {
		t.Fatalf("changes %+v, by hand %+v", res.Changes, res.Unmapped)
	}
	md := mouMarkdown(t, file)
	if !strings.Contains(md, "## 7. Contract review **7.1** The partnership is overseen") || !strings.Contains(md, "section 7 (Governance and oversight) renamed.") {
		t.Errorf("the memorandum does not print the new heading, or its record the change:\n%s", md)
	}

	old := copied(t, filepath.Join(sampletest.Dir, "council-academy-sla.yaml"))
	res, err = app.Import{File: old, Word: rename(old), DryRun: true}.Run()
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Changes) != 0 || len(res.Unmapped) != 1 || !strings.Contains(res.Unmapped[0].Set[0], "before edition 2026.3") {
		t.Errorf("on edition 2026.2: changes %+v, by hand %+v", res.Changes, res.Unmapped)
	}
}

// TestImportContactsByLabel: a change in Word to the key contacts is
// listed to make by hand, naming the schedule as the file's edition
// numbers it: Schedule 3 after two schedules of the partnership's own.
func TestImportContactsByLabel(t *testing.T) {
	file := copied(t, filepath.Join(sampletest.Dir, "partnership-sla.yaml"))
	word := wordFiles(t, file, t.TempDir())["mou"]
	edited := rewrite(t, word, func(parts map[string]string) {
		doc := parts["word/document.xml"]
		if strings.Count(doc, ">Gareth Lloyd<") != 1 {
			t.Fatal("the Word file does not name the lead once")
		}
		parts["word/document.xml"] = strings.Replace(doc, ">Gareth Lloyd<", ">Gareth Lloyd-Jones<", 1)
	})
	res, err := app.Import{File: file, Word: edited, DryRun: true}.Run()
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Changes) != 0 || len(res.Unmapped) != 1 || !strings.HasPrefix(res.Unmapped[0].Set[0], "Schedule 3 is written from the partners' contacts") {
		t.Errorf("changes %+v, by hand %+v", res.Changes, res.Unmapped)
	}
}

// TestImportWordFileName: the amendment record names the Word file, so
// a name the record cannot hold is the Word file's problem, named by
// the file and not by a line of the questionnaire that was never
// written, and nothing is written.
func TestImportWordFileName(t *testing.T) {
	file := copied(t, filepath.Join(sampletest.Dir, "council-academy-sla.yaml"))
	word := wordFiles(t, file, t.TempDir())["mou"]
	edited := rewrite(t, word, func(parts map[string]string) {
		parts["word/document.xml"] = strings.Replace(parts["word/document.xml"], "keeps the insurance it needs", "keeps all the insurance it needs", 1)
	})
	braces := filepath.Join(t.TempDir(), "returned {{1}}.docx")
	if err := os.Rename(edited, braces); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(file)
	_, err := app.Import{File: file, Word: braces}.Run()
	var pe *app.ProblemsError
	if !errors.As(err, &pe) || len(pe.Problems) != 1 {
		t.Fatalf("got %v, want one problem", err)
	}
	if p := pe.Problems[0]; p.File != braces || p.Line != 0 || p.Path != "" || !strings.HasPrefix(p.Message, "rename the file, whose name the amendment record gives: two braces together") {
		t.Errorf("the problem is %q", p)
	}
	if now, _ := os.ReadFile(file); !bytes.Equal(now, before) {
		t.Error("the questionnaire changed")
	}
}

// TestImportSectionTakenOut: a standard section taken out of the Word
// file whole is left out with the partnership's words for its clauses,
// which would otherwise make the file invalid; one that holds clauses of
// the partnership's own is listed to do by hand, since taking those out
// renumbers the rest.
func TestImportSectionTakenOut(t *testing.T) {
	file := copied(t, filepath.Join(sampletest.Dir, "council-academy-sla.yaml"))
	word := wordFiles(t, file, t.TempDir())["mou"]
	// cut removes the paragraphs from the one holding the bookmark first
	// to the one holding last, both included.
	cut := func(first, last string) string {
		return rewrite(t, word, func(parts map[string]string) {
			doc := parts["word/document.xml"]
			a := strings.Index(doc, `w:name="`+first+`"`)
			a = max(strings.LastIndex(doc[:a], "<w:p>"), strings.LastIndex(doc[:a], "<w:p "))
			b := strings.Index(doc, `w:name="`+last+`"`)
			b += strings.Index(doc[b:], "</w:p>") + len("</w:p>")
			parts["word/document.xml"] = doc[:a] + doc[b:]
		})
	}
	res, err := app.Import{File: file, Word: cut("mou_dissolution", "mou_dissolution_learners"), DryRun: true}.Run()
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Changes) != 1 || strings.Join(res.Changes[0].Set, "|") != "wording.omit: + dissolution|wording.replace.dissolution.notice: removed" {
		t.Errorf("changes %+v", res.Changes)
	}
	before, _ := os.ReadFile(file)
	res, err = app.Import{File: file, Word: cut("mou_general", "mou_general_governing_law")}.Run()
	if err != nil {
		t.Fatal(err)
	}
	var hand []string
	for _, c := range res.Unmapped {
		hand = append(hand, c.Where+": "+strings.Join(c.Set, "|"))
	}
	want := "section 12 (General provisions): it holds clauses of your own (wording.insert[0]): take them out of the questionnaire by hand, then leave the section out under wording.omit|" +
		"clause 12.3 (insert.1): take wording.insert[0] out of the questionnaire by hand"
	if len(res.Changes) != 0 || strings.Join(hand, "|") != want {
		t.Errorf("changes %+v, by hand %q, want %q", res.Changes, hand, want)
	}
	if now, _ := os.ReadFile(file); !bytes.Equal(now, before) || res.Written {
		t.Error("the questionnaire changed")
	}
}

// TestImportManyPendingChanges: a Word file of tens of thousands of
// tracked changes, each in a heading of its own, is listed, each change
// where it is, in work that grows with the file: finding each change's
// part went through every part before it.
func TestImportManyPendingChanges(t *testing.T) {
	file := copied(t, filepath.Join(sampletest.Dir, "council-academy-sla.yaml"))
	word := wordFiles(t, file, t.TempDir())["mou"]
	const n = 30_000
	edited := rewrite(t, word, func(parts map[string]string) {
		doc := parts["word/document.xml"]
		at := strings.Index(doc, "<w:sectPr")
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:ins w:id="%d" w:author="A"><w:r><w:t>Heading %d</w:t></w:r></w:ins></w:p>`, 1000+i, i)
		}
		parts["word/document.xml"] = doc[:at] + b.String() + doc[at:]
	})
	var res app.ImportResult
	var err error
	cost := worktest.Measure(func() { res, err = app.Import{File: file, Word: edited}.Run() })
	var pending *app.PendingError
	if !errors.As(err, &pending) || len(pending.Changes) != n {
		t.Fatalf("got %v, want %d changes pending", err, n)
	}
	if last := res.PendingWhere[n-1]; last != "Heading "+strconv.Itoa(n-1) {
		t.Errorf("the last change is at %q", last)
	}
	cost.Within(t, "listing 30,000 pending changes", 5*time.Second, 0)
}

// TestImportKeepsScheduleReference: from edition 2026.3 a reference to
// one of the partnership's own schedules prints the schedule's whole
// label ("Schedule 1"), of which the Word file's field holds only the
// number. A long answer changed in Word is written back with the
// reference alone, as it was typed, so the next version does not print
// "Schedule Schedule 1"; a number the partner typed before a reference
// to a clause is kept.
func TestImportKeepsScheduleReference(t *testing.T) {
	file := copied(t, filepath.Join(sampletest.Dir, "partnership-sla.yaml"))
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	const was = "Charges are fixed for 2026–27"
	const typed = "Charges for the service in [[schedules.1]], paid as clause [[finance.payments]] sets out, are fixed for 2026–27"
	if !bytes.Contains(data, []byte(was)) {
		t.Fatalf("the sample lacks %q", was)
	}
	if err := os.WriteFile(file, bytes.Replace(data, []byte(was), []byte(typed), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	word := wordFiles(t, file, t.TempDir())["mou"]
	edited := rewrite(t, word, func(parts map[string]string) {
		doc := parts["word/document.xml"]
		if !strings.Contains(doc, "are fixed for 2026–27") {
			t.Fatal("the Word file lacks the schedule's words")
		}
		parts["word/document.xml"] = strings.Replace(doc, "are fixed for 2026–27", "are fixed for 2026–28", 1)
	})
	if _, err := (app.Import{File: file, Word: edited}).Run(); err != nil {
		t.Fatal(err)
	}
	now, _ := os.ReadFile(file)
	if want := "Charges for the service in [[schedules.1]], paid as clause [[finance.payments]] sets out, are fixed for 2026–28"; !strings.Contains(strings.Join(strings.Fields(string(now)), " "), want) {
		t.Errorf("the questionnaire does not hold %q:\n%s", want, now)
	}
	md := mouMarkdown(t, file)
	if i := strings.Index(md, "Charges for the service in"); i < 0 || !strings.HasPrefix(md[i:], "Charges for the service in Schedule 1, paid as clause 9.3 sets out") {
		t.Errorf("the next version prints the reference wrongly: %.80s", md[max(i, 0):])
	}
}
