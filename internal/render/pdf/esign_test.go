package pdf

import (
	"github.com/partnership-tools/mou/internal/layout"

	"bytes"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// signatureBlockMarkdown is a signature block as templates/partials.md.tmpl
// writes it.
const signatureBlockMarkdown = "<!-- mou:signature -->\n\n" +
	"**Signed for and on behalf of Northgate University**\n\n" +
	"Signed: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\n\n" +
	"Name: Professor A. N. Other\n\n" +
	"Position: Dean of Education\n\n" +
	"Date: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\n\n" +
	"<!-- mou:end-signature -->\n"

// agreementSigners names the three signature blocks of testdata/agreement.md.
var agreementSigners = []string{"Ysgol Gymraeg Bro Ŵyn", "St Mary's Primary School", "Northgate University"}

// tagPattern matches a text tag of either service, as both services do.
var tagPattern = regexp.MustCompile(`\{\{[^{}]+\}\}`)

func TestESignGolden(t *testing.T) {
	for _, service := range []string{ESignDocuSeal, ESignDocumenso} {
		t.Run(service, func(t *testing.T) {
			doc := testDoc
			doc.ESign = service
			doc.Owners = named("Northgate University")
			rec := record(t, DefaultTheme(), signatureBlockMarkdown, doc)
			if n := len(tagLines(rec.String())); n != 2 {
				t.Errorf("%d tags drawn, want 2", n)
			}
			checkGolden(t, "esign-"+service, rec.String())
		})
	}
}

// tagLines returns the recorded lines that draw white text tags.
func tagLines(recording string) []string {
	var out []string
	for _, ln := range strings.Split(recording, "\n") {
		if isTagLine(ln) {
			out = append(out, ln)
		}
	}
	return out
}

func isTagLine(ln string) bool {
	return strings.HasPrefix(ln, "text ") && strings.Contains(ln, " "+tagColour.String()+` "{{`)
}

// withoutTags is a recording with the tag lines taken out.
func withoutTags(recording string) string {
	var b strings.Builder
	for _, ln := range strings.SplitAfter(recording, "\n") {
		if !isTagLine(strings.TrimSuffix(ln, "\n")) {
			b.WriteString(ln)
		}
	}
	return b.String()
}

func TestESignLeavesLayoutAlone(t *testing.T) {
	agreement, err := os.ReadFile("testdata/agreement.md")
	if err != nil {
		t.Fatal(err)
	}
	docs := []struct {
		name  string
		theme Theme
		md    string
	}{
		{"agreement", DefaultTheme(), string(agreement)},
		{"block", DefaultTheme(), signatureBlockMarkdown},
		{"moved", shortTheme(), filler(27) + signatureBlockMarkdown + signatureBlockMarkdown},
	}
	for _, d := range docs {
		theme, md := d.theme, d.md
		for _, service := range []string{ESignDocuSeal, ESignDocumenso} {
			t.Run(d.name+"/"+service, func(t *testing.T) {
				plain := record(t, theme, md, testDoc).String()
				doc := testDoc
				doc.ESign = service
				doc.Owners = named(agreementSigners...)
				tagged := record(t, theme, md, doc).String()
				if len(tagLines(plain)) != 0 {
					t.Fatal("tags drawn without ESign")
				}
				if len(tagLines(tagged)) == 0 {
					t.Fatal("no tags drawn")
				}
				if got := withoutTags(tagged); got != plain {
					t.Errorf("the tags change the visible page:\n%s", firstDiff(plain, got))
				}
			})
		}
	}
}

// field is a signing field read back from a tag.
type field struct {
	kind  string // "signature" or "date"
	party string // DocuSeal role or Documenso recipient
}

// parseDocuSealTag reads a tag as DocuSeal does: the name, then key=value
// attributes, all separated by semicolons.
func parseDocuSealTag(t *testing.T, tag string) field {
	t.Helper()
	parts := strings.Split(strings.TrimSuffix(strings.TrimPrefix(tag, "{{"), "}}"), ";")
	attrs := map[string]string{}
	for _, p := range parts[1:] {
		k, v, ok := strings.Cut(p, "=")
		if !ok {
			t.Errorf("%s: attribute %q has no value", tag, p)
		}
		attrs[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	for _, k := range []string{"width", "height"} {
		if n, err := strconv.Atoi(attrs[k]); err != nil || n <= 0 {
			t.Errorf("%s: %s %q, want a positive whole number", tag, k, attrs[k])
		}
	}
	// a date is datenow, the day of signing, which DocuSeal fills in
	kind := map[string]string{"signature": "signature", "datenow": "date"}[attrs["type"]]
	want := map[string]string{"signature": "Signature ", "date": "Date "}[kind]
	if want == "" || !strings.HasPrefix(parts[0], want) {
		t.Errorf("%s: name %q does not suit type %q", tag, parts[0], attrs["type"])
	}
	return field{kind, attrs["role"]}
}

// parseDocumensoTag reads a tag as Documenso does: the field type and the
// recipient, separated by a comma.
func parseDocumensoTag(t *testing.T, tag string) field {
	t.Helper()
	parts := strings.Split(strings.TrimSuffix(strings.TrimPrefix(tag, "{{"), "}}"), ",")
	if len(parts) != 2 {
		t.Errorf("%s: %d parts, want type and recipient", tag, len(parts))
		return field{}
	}
	return field{strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])}
}

func TestESignPDFText(t *testing.T) {
	md, err := os.ReadFile("testdata/agreement.md")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		service string
		parse   func(*testing.T, string) field
		party   func(block int) string
	}{
		{ESignDocuSeal, parseDocuSealTag, func(n int) string { return agreementSigners[n-1] }},
		{ESignDocumenso, parseDocumensoTag, func(n int) string { return "r" + strconv.Itoa(n) }},
	}
	for _, tc := range tests {
		t.Run(tc.service, func(t *testing.T) {
			doc := testDoc
			doc.ESign = tc.service
			doc.Owners = named(agreementSigners...)
			text := pdfText(t, renderBytes(t, md, doc))
			got := map[field]int{}
			for _, tag := range tagPattern.FindAllString(text, -1) {
				got[tc.parse(t, tag)]++
			}
			want := map[field]int{}
			for n := 1; n <= 3; n++ {
				want[field{"signature", tc.party(n)}] = 1
				want[field{"date", tc.party(n)}] = 1
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("tags in the PDF text:\n%v\nwant one signature and one date per block:\n%v\ntext:\n%s", got, want, text)
			}
		})
	}
	t.Run("none", func(t *testing.T) {
		if tags := tagPattern.FindAllString(pdfText(t, renderBytes(t, md, testDoc)), -1); len(tags) != 0 {
			t.Errorf("tags without ESign: %q", tags)
		}
	})
}

// The first line to sign on in a block takes the signature and the second
// the date, whatever their labels say.
func TestESignFieldsByPosition(t *testing.T) {
	md := "<!-- mou:signature -->\n\n**Northgate University**\n\nSigned: ___\n\nWitness: ___\n\nSignature: ___\n\n" +
		"Date: ___\n\nDated: ___\n\n<!-- mou:end-signature -->\n\n" +
		"<!-- mou:signature -->\n\n**Partner two**\n\nDate: ___\n\n<!-- mou:end-signature -->\n"
	doc := testDoc
	doc.ESign = ESignDocumenso
	rec := record(t, DefaultTheme(), md, doc)
	var tags []string
	for _, ln := range tagLines(rec.String()) {
		tags = append(tags, tagPattern.FindString(ln))
	}
	want := []string{"{{signature, r1}}", "{{date, r1}}", "{{signature, r2}}"}
	if fmt.Sprint(tags) != fmt.Sprint(want) {
		t.Errorf("tags %q, want %q", tags, want)
	}
}

func TestESignRoles(t *testing.T) {
	tests := []struct {
		signers []string
		want    []string // roles of blocks 1 and 2
	}{
		{nil, []string{"Partner 1", "Partner 2"}},
		{[]string{"Northgate University"}, []string{"Northgate University", "Partner 2"}},
		{[]string{"", "St Mary's"}, []string{"Partner 1", "St Mary's"}},
		{[]string{" St {Mary's};\tSchool\n", "a=b"}, []string{"St Mary's School", "a=b"}},
		{[]string{";{}", "Ysgol Gymraeg Bro Ŵyn"}, []string{"Partner 1", "Ysgol Gymraeg Bro Ŵyn"}},
		// Each block has a role of its own, even when names differ only
		// in what a role leaves out, or in capitals.
		{[]string{"X", "X;", "x", "X (2)"}, []string{"X", "X (2)", "x (3)", "X (2) (2)"}},
		{[]string{"Partner 2", ""}, []string{"Partner 2", "Partner 2 (2)"}},
	}
	m, err := loadMetrics()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		tg, err := newTagger(&recorder{}, m, ESignDocuSeal, tc.signers, 8)
		if err != nil {
			t.Fatal(err)
		}
		for i, want := range tc.want {
			if got := tg.role(i + 1); got != want {
				t.Errorf("signers %q: block %d role %q, want %q", tc.signers, i+1, got, want)
			}
		}
	}
}

func TestESignRejects(t *testing.T) {
	tests := []struct {
		name    string
		service string
		signers []string
		want    string
	}{
		{"unknown service", "docusign", nil, `unknown e-signature service "docusign"`},
		{"capitals", "DocuSeal", nil, `unknown e-signature service "DocuSeal"`},
		{"unprintable role", ESignDocuSeal, []string{"School 🏫"}, "🏫"},
	}
	render := func(service string, signers []string, buf *bytes.Buffer) error {
		r, err := New(DefaultTheme(), service)
		if err != nil {
			return err
		}
		return r.Render(buf, parseOwned([]byte(signatureBlockMarkdown), named(signers...)), layout.Document{})
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := render(tc.service, tc.signers, &buf)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
			if buf.Len() != 0 {
				t.Error("wrote output despite the error")
			}
		})
	}
	var ue *UnprintableError
	if err := render(ESignDocuSeal, []string{"School 🏫"}, &bytes.Buffer{}); !errors.As(err, &ue) {
		t.Errorf("unprintable role: error %v, want an *UnprintableError", err)
	}
	// Documenso takes no names, so it does not mind them.
	if err := render(ESignDocumenso, []string{"School 🏫"}, &bytes.Buffer{}); err != nil {
		t.Errorf("Documenso with an unprintable signer: %v", err)
	}
}
