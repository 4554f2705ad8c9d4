package questionnaire_test

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/sampletest"
	"github.com/partnership-tools/mou/templates"
)

// TestLanguageNeedsTemplatesForTheEdition: a file chooses its language
// and its edition; a language with no templates for that edition is
// refused at the line of language:, since its words would be printed
// around another language's text. A language mou does not have at all is
// refused with the list of those it has.
func TestLanguageNeedsTemplatesForTheEdition(t *testing.T) {
	// A language with templates for the open edition only, as a new
	// translation starts.
	const tag = "xx-LANG"
	templates.Register(tag, fstest.MapFS{"mou.md.tmpl": {Data: []byte("x")}})
	locale.Register(&locale.Pack{Tag: tag})

	const (
		sla   = "council-academy-sla.yaml" // on edition 2026.2
		first = "hub-and-spoke.yaml"       // names no edition: 2026.1
	)
	tests := []struct {
		name, sample, language, edition string
		want                            string // "" for valid
	}{
		{"the default language", sla, "", "2026.2", ""},
		{"en-GB named, on the first edition", first, "en-GB", "", ""},
		{"the language's own edition", sla, tag, templates.Current, ""},
		{"an edition the language lacks", sla, tag, "2026.2",
			`f.yaml:1:11: language: the documents in xx-LANG are written only with edition ` + templates.Current + ` of the wording, and this file is on 2026.2: "mou wording upgrade" moves it to ` + templates.Current},
		{"no edition named: the first", first, tag, "",
			"f.yaml:1:11: language: the documents in xx-LANG are written only with edition " + templates.Current + " of the wording, and this file is on 2026.1"},
		{"a language mou lacks", sla, "zz-ZZ", "2026.2", `f.yaml:1:11: language: "zz-ZZ" is not one of: ` + strings.Join(questionnaire.Languages(), ", ")},
	}
	if !slices.Contains(questionnaire.Languages(), tag) {
		t.Fatalf("languages %v, without %s", questionnaire.Languages(), tag)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := string(sampletest.Edit(t, tc.sample))
			if tc.edition != "" {
				src = strings.Replace(src, `edition: "2026.2"`, `edition: "`+tc.edition+`"`, 1)
			}
			if tc.language != "" {
				src = "language: " + tc.language + "\n" + src
			}
			_, problems := questionnaire.Load("f.yaml", []byte(src), questionnaire.Options{})
			err := problems.Err()
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("refused:\n%v", err)
			case tc.want != "" && err == nil:
				t.Fatalf("accepted; want %q", tc.want)
			case tc.want != "" && !strings.Contains(err.Error(), tc.want):
				t.Fatalf("says\n%v\nwant it to say\n%s", err, tc.want)
			}
		})
	}
}
