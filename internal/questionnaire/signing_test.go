package questionnaire

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSigningTagRefused checks that an answer cannot forge a signing
// field with either service's tag grammar, wherever it is written, nor
// with half a tag that the text beside it could complete.
func TestSigningTagRefused(t *testing.T) {
	const (
		two   = "two braces together ({{ or }}) are read by signing services (DocuSeal, Documenso) as part of a signing-field tag, even with spaces or characters that cannot be seen between them; remove a brace"
		start = "starts with a brace, which beside the text printed before it could make two braces together, read by signing services (DocuSeal, Documenso) as a signing-field tag; remove the brace or put a word before it"
		end   = "ends with a brace, which beside the text printed after it could make two braces together, read by signing services (DocuSeal, Documenso) as a signing-field tag; remove the brace or put a word after it"
	)
	tests := []struct {
		name     string
		old, new string
		want     string
	}{
		{"DocuSeal signature in an aim", "  - Test things.", "  - Test things {{Sig;type=signature;role=Riverside Academy}}",
			"f.yaml:34:5: aims[0]: " + two},
		{"DocuSeal date in a signatory", "name: Beth Beta", "name: Beth {{Date;type=datenow;role=Partner 2}}",
			"f.yaml:31:13: partners[1].signatory.name: " + two},
		{"Documenso signature in the mission", "mission: To test.", "mission: To test {{signature, r1}}",
			"f.yaml:5:12: partnership.mission: " + two},
		{"Documenso date in a list", "measures: [Pass rate]", "measures: [Pass rate, 'x{{date, r2}}']",
			"f.yaml:52:25: monitoring.measures[1]: " + two},
		{"DocuSeal text with spaces inside", "dbs: Visitors are accompanied.", "dbs: Visitors {{ Field ; type=text }} accompanied.",
			"f.yaml:63:8: safeguarding.dbs: " + two},
		{"closing braces that end mou's tag, then an opening", "name: Beth Beta", "name: \"Beth}} x {{Signature 9;type=signature;role=Attacker\"",
			"f.yaml:31:13: partners[1].signatory.name: " + two},
		{"a soft hyphen between the braces", "  - Test things.", "  - \"Test {\u00ad{signature, r2}} things\"",
			"f.yaml:34:5: aims[0]: " + two},
		{"a zero-width space between the braces", "  - Test things.", "  - \"Test {\u200b{signature, r2}\u200b} things\"",
			"f.yaml:34:5: aims[0]: " + two},
		{"half a tag at the end of an aim", "  - Test things.", "  - Test things {{signature, r1",
			"f.yaml:34:5: aims[0]: " + two},
		{"the other half at the start", "  - Test things.", "  - \"}} and more\"",
			"f.yaml:34:5: aims[0]: " + two},
		{"one brace at the end", "  - Test things.", "  - Test things {",
			"f.yaml:34:5: aims[0]: " + end},
		{"one brace at the start", "title: Booking", "title: \"{signature, r1} Booking\"",
			"f.yaml:81:14: code_of_practice.protocols[0].title: " + start},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := readMinimal(t)
			if !strings.Contains(src, tc.old) {
				t.Fatalf("edit %q does not apply", tc.old)
			}
			src = strings.Replace(src, tc.old, tc.new, 1)
			_, problems := Load("f.yaml", []byte(src), Options{})
			if got := problems.Error(); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestSigningTagAllowed checks that braces apart, inside an answer, which
// no service reads as a tag, are still accepted.
func TestSigningTagAllowed(t *testing.T) {
	for _, s := range []string{"a {b} c", "a { b } c", "x {y} {z} w", "the {set}."} {
		src := strings.Replace(readMinimal(t), "mission: To test.", "mission: "+s, 1)
		if _, problems := Load("f.yaml", []byte(src), Options{}); len(problems) != 0 {
			t.Errorf("%q: %s", s, problems)
		}
	}
}

// TestSamplesHaveNoSigningTags checks that every sample still validates.
func TestSamplesHaveNoSigningTags(t *testing.T) {
	files, _ := filepath.Glob("../../samples/*.yaml")
	if len(files) == 0 {
		t.Fatal("no samples found")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, problems := Load(f, data, Options{}); problems.Err() != nil {
			t.Errorf("%s: %s", f, problems.Errors())
		}
	}
}

// TestComposedText checks that an answer with a combining accent is
// composed before the printable check: "Siân" written as i and U+0302
// passes a check that refuses combining marks, and reads back composed.
func TestComposedText(t *testing.T) {
	src := strings.Replace(readMinimal(t), "name: Beth Beta", "name: Sia\u0302n Beta", 1)
	q, problems := Load("f.yaml", []byte(src), Options{Unprintable: func(s string) []rune {
		var out []rune
		for _, r := range s {
			if r >= 0x300 && r <= 0x36F {
				out = append(out, r)
			}
		}
		return out
	}})
	if problems.Err() != nil {
		t.Fatal(problems)
	}
	if got := string(q.Partners[1].Signatory.Name); got != "Siân Beta" {
		t.Errorf("name %q, want it composed", got)
	}
}

// TestDocumentStage: a draft until a signature is recorded, unless the
// file says otherwise.
func TestDocumentStage(t *testing.T) {
	signed := []Signature{{Version: 1, Partner: "a", By: "A. Person"}}
	tests := []struct {
		stage      string
		signatures []Signature
		want       string
	}{
		{"", nil, StageDraft},
		{"", signed, StageFinal},
		{StageDraft, signed, StageDraft},
		{StageFinal, nil, StageFinal},
	}
	for _, tc := range tests {
		q := &Questionnaire{Stage: tc.stage, Signatures: tc.signatures}
		if got := q.DocumentStage(); got != tc.want {
			t.Errorf("stage %q with %d signatures: %q, want %q", tc.stage, len(tc.signatures), got, tc.want)
		}
	}
}
