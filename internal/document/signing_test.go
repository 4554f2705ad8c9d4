package document_test

import (
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/signing"
	"github.com/partnership-tools/mou/templates"
)

// TestKindsAreThePlans: every document the signing plan names is a
// document mou writes, by the same name, in the same order.
func TestKindsAreThePlans(t *testing.T) {
	var names []string
	for _, name := range signing.Kinds {
		k, ok := document.KindNamed(name)
		if !ok || k.Name != name {
			t.Errorf("KindNamed(%q) = %+v, %v", name, k, ok)
		}
		names = append(names, k.Name)
	}
	var written []string
	for _, k := range document.Kinds {
		written = append(written, k.Name)
	}
	if !strings.HasPrefix(strings.Join(names, " "), strings.Join(written, " ")) {
		t.Errorf("the plan's documents %q do not start with the memorandum and the code, %q", names, written)
	}
}

// TestSigningOptions checks what the signing keys change: the place of
// signing prints in its partner's block and, like the signatory, leaves
// the agreement reference alone; the stage changes neither text nor
// reference (the renderers mark drafts); counterparts add their clause
// and a signature page per partner to the MOU, which changes what is
// agreed, and leave the code of practice alone.
func TestSigningOptions(t *testing.T) {
	tmpl := parse(t)
	base := load(t, "../../samples/school-employer.yaml")
	base.Wording.Edition = templates.Current // counterparts came with it
	render := func(q *questionnaire.Questionnaire, kind document.Kind) (string, string) {
		t.Helper()
		md, err := tmpl.Markdown(q, kind, "")
		if err != nil {
			t.Fatal(err)
		}
		a, err := tmpl.Agreement(q)
		if err != nil {
			t.Fatal(err)
		}
		return string(md), a.Reference
	}
	baseMOU, baseRef := render(base, document.MOU)
	baseCode, _ := render(base, document.CodeOfPractice)
	if strings.Contains(baseMOU, "Place of signing") || strings.Contains(baseMOU, "Counterparts") {
		t.Error("the sample, with neither key, prints a place or counterparts")
	}
	tests := []struct {
		name    string
		change  func(q *questionnaire.Questionnaire)
		mou     func(t *testing.T, md string)
		sameRef bool
		code    bool // the code of practice changes
	}{
		{"place", func(q *questionnaire.Questionnaire) { q.Partners[1].Signatory.Place = "Hartwell Works, Avonmouth" }, func(t *testing.T, md string) {
			block := md[strings.Index(md, "on behalf of Hartwell"):]
			if !strings.Contains(block, "Position: Managing Director\n\nPlace of signing: Hartwell Works, Avonmouth\n\nDate:") {
				t.Errorf("no place of signing in Hartwell's block:\n%s", block)
			}
			if strings.Count(md, "Place of signing") != 1 {
				t.Error("a place printed in a block without one")
			}
		}, true, true},
		{"stage final", func(q *questionnaire.Questionnaire) { q.Stage = questionnaire.StageFinal }, func(t *testing.T, md string) {
			if md != baseMOU {
				t.Error("the stage changed the Markdown")
			}
		}, true, false},
		{"counterparts", func(q *questionnaire.Questionnaire) { q.Signing = "counterparts" }, func(t *testing.T, md string) {
			sigs := md[strings.Index(md, "Signatures"):strings.Index(md, document.EndOfAgreement)]
			if !strings.Contains(sigs, "** Counterparts: ") {
				t.Errorf("no counterparts clause:\n%s", sigs)
			}
			// Each page says which document it belongs to.
			page := "<!-- mou:pagebreak -->\n\nSignature page to the memorandum of understanding dated 1 September 2026 between Riverside Academy and Hartwell Engineering Ltd (version 1).\n\n<!-- mou:signature -->"
			if n := strings.Count(sigs, page); n != len(base.Partners) {
				t.Errorf("%d signature blocks start a page with %q, want %d:\n%s", n, page, len(base.Partners), sigs)
			}
		}, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q := *base
			q.Partners = append([]questionnaire.Partner(nil), base.Partners...)
			tc.change(&q)
			md, ref := render(&q, document.MOU)
			tc.mou(t, md)
			if (ref == baseRef) != tc.sameRef {
				t.Errorf("reference %s, base %s: same should be %v", ref, baseRef, tc.sameRef)
			}
			if code, _ := render(&q, document.CodeOfPractice); (code != baseCode) != tc.code {
				t.Errorf("code of practice changed: %v, want %v", code != baseCode, tc.code)
			}
		})
	}
}

// TestDraftStage checks that the documents are drafts until the stage is
// final, and that a notice of change is never marked.
func TestDraftStage(t *testing.T) {
	q := load(t, "../../samples/school-employer.yaml")
	for _, tc := range []struct {
		stage string
		kind  document.Kind
		want  string
	}{
		{"", document.MOU, "DRAFT"},
		{"draft", document.CodeOfPractice, "DRAFT"},
		{"final", document.MOU, ""},
		{"", document.NoticeOfChange, ""},
	} {
		q.Stage = tc.stage
		d := document.Layout(q, tc.kind, "", nil)
		if d.DraftMark != tc.want || (d.DraftNote == "") != (tc.want == "") {
			t.Errorf("stage %q, %v: mark %q and note %q, want mark %q", tc.stage, tc.kind, d.DraftMark, d.DraftNote, tc.want)
		}
	}
}
