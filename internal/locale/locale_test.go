package locale

import (
	"reflect"
	"regexp"
	"slices"
	"testing"
)

// TestPacksAreComplete: every built-in pack gives every word British
// English gives, under the same keys, and every pattern with the
// placeholders the code fills in, so that a new language missing a word
// fails here rather than printing nothing in a document.
func TestPacksAreComplete(t *testing.T) {
	en := Get(Default)
	if en == nil || en.Tag != Default {
		t.Fatalf("no pack for %s", Default)
	}
	placeholder := regexp.MustCompile(`\{[a-z]+\}`)
	for tag, p := range builtIn {
		t.Run(tag, func(t *testing.T) {
			if p.Tag != tag {
				t.Errorf("the pack registered as %s says it is %s", tag, p.Tag)
			}
			var check func(path string, got, want reflect.Value)
			check = func(path string, got, want reflect.Value) {
				switch want.Kind() {
				case reflect.String:
					if got.String() == "" {
						t.Errorf("%s is empty", path)
					}
					g, w := placeholder.FindAllString(got.String(), -1), placeholder.FindAllString(want.String(), -1)
					slices.Sort(g)
					slices.Sort(w)
					if !slices.Equal(g, w) {
						t.Errorf("%s has placeholders %v, want %v", path, g, w)
					}
				case reflect.Struct:
					for i := 0; i < want.NumField(); i++ {
						check(path+"."+want.Type().Field(i).Name, got.Field(i), want.Field(i))
					}
				case reflect.Array:
					for i := 0; i < want.Len(); i++ {
						check(path, got.Index(i), want.Index(i))
					}
				case reflect.Map:
					for _, k := range want.MapKeys() {
						if !got.MapIndex(k).IsValid() {
							t.Errorf("%s has no %q", path, k)
							continue
						}
						check(path+"["+k.String()+"]", got.MapIndex(k), want.MapIndex(k))
					}
				}
			}
			check(tag, reflect.ValueOf(p).Elem(), reflect.ValueOf(en).Elem())
		})
	}
}

func TestPackWords(t *testing.T) {
	en := Get("")
	tests := []struct{ got, want string }{
		{en.List([]string{"A", "B", "C"}), "A, B and C"},
		{en.Period(3, "month"), "3 months"},
		{en.Period(1, "year"), "1 year"},
		{en.ScheduleName(1), "Schedule 1"},
		{en.Word("title", "Partnership Agreement"), "Partnership Agreement"},
		{en.Word("pupils", "wales"), "learners"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
