package change

import (
	"reflect"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/locale"
	"github.com/partnership-tools/mou/internal/questionnaire"
)

// TestAnswerParts: diff names each answer in parts the template
// "answer" says in words, a partner by its name and a list item by its
// number from 1; the area names the first key, and a clause id stays an
// id.
func TestAnswerParts(t *testing.T) {
	q := &questionnaire.Questionnaire{Partners: []questionnaire.Partner{{ID: "st-aidans", Name: "St Aidan's Primary School"}}}
	s := &sayer{old: q, new: q}
	aidans := answerPart{Key: "partners", Number: 1, Partner: "St Aidan's Primary School"}
	for path, want := range map[string][]answerPart{
		"partners[0].notice_given":                   {aidans, {Key: "notice_given"}},
		"objectives[1].target":                       {{Key: "objectives", Number: 2}, {Key: "target"}},
		"activities[0].year_groups[2]":               {{Key: "activities", Number: 1}, {Key: "year_groups", Number: 3}},
		"governance.meetings":                        {{Key: "meetings"}},
		"stage":                                      {{Key: "stage"}},
		"wording.replace.general.insurance":          {{Key: "replace", ID: "general.insurance"}},
		"partners[0].safeguarding_lead.acting_until": {aidans, {Key: "safeguarding_lead"}, {Key: "acting_until"}},
	} {
		if got := s.answer(path); !reflect.DeepEqual(got, want) {
			t.Errorf("answer(%q) = %+v, want %+v", path, got, want)
		}
	}
}

// TestEveryKeyHasWords: the pack words every key of the questionnaire,
// and one item of every list, so that no change is said with a blank.
func TestEveryKeyHasWords(t *testing.T) {
	pack := locale.Get(locale.Default)
	seen := map[reflect.Type]bool{}
	var walk func(rt reflect.Type)
	walk = func(rt reflect.Type) {
		for rt.Kind() == reflect.Pointer || rt.Kind() == reflect.Slice || rt.Kind() == reflect.Map {
			rt = rt.Elem()
		}
		if rt.Kind() != reflect.Struct || seen[rt] {
			return
		}
		seen[rt] = true
		for i := 0; i < rt.NumField(); i++ {
			f := rt.Field(i)
			key, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if key == "" || key == "-" {
				continue
			}
			if pack.Word("key", key) == "" {
				t.Errorf("no words for the key %s", key)
			}
			if f.Type.Kind() == reflect.Slice && pack.Word("item", key) == "" {
				t.Errorf("no words for one item of %s", key)
			}
			walk(f.Type)
		}
	}
	walk(reflect.TypeOf(questionnaire.Questionnaire{}))
	if len(seen) < 20 {
		t.Errorf("only %d kinds of answer walked", len(seen))
	}
}
