package questionnaire

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSigningTagRefused checks that an answer cannot forge a signing
// field with either service's tag grammar, wherever it is written.
func TestSigningTagRefused(t *testing.T) {
	const msg = "text between double braces {{…}} is read by signing services (DocuSeal, Documenso) as a signing-field tag; remove the braces"
	tests := []struct {
		name     string
		old, new string
		want     string
	}{
		{"DocuSeal signature in an aim", "  - Test things.", "  - Test things {{Sig;type=signature;role=Riverside Academy}}",
			"f.yaml:34:5: aims[0]: " + msg},
		{"DocuSeal date in a signatory", "name: Beth Beta", "name: Beth {{Date;type=datenow;role=Partner 2}}",
			"f.yaml:31:13: partners[1].signatory.name: " + msg},
		{"Documenso signature in the mission", "mission: To test.", "mission: To test {{signature, r1}}",
			"f.yaml:5:12: partnership.mission: " + msg},
		{"Documenso date in a list", "measures: [Pass rate]", "measures: [Pass rate, '{{date, r2}}']",
			"f.yaml:52:25: monitoring.measures[1]: " + msg},
		{"DocuSeal text with spaces inside", "dbs: Visitors are accompanied.", "dbs: Visitors {{ Field ; type=text }} accompanied.",
			"f.yaml:63:8: safeguarding.dbs: " + msg},
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

// TestSigningTagAllowed checks that single braces and a lone pair of
// braces, which no service reads as a tag, are still accepted.
func TestSigningTagAllowed(t *testing.T) {
	for _, s := range []string{"a {b} c", "{{ opens only", "closes only }}", "}} before {{", "{ {x} }"} {
		if signingTag(s) {
			t.Errorf("signingTag(%q) = true, want false", s)
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
