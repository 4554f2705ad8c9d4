package questionnaire

import (
	"regexp"
	"strings"
	"testing"
)

// The hand-written checks of ids, URNs and list indices must accept
// exactly what the regular expressions they replace accepted.
var (
	idRegexp      = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,31}$`)
	urnRegexp     = regexp.MustCompile(`^\d{6}$`)
	ownIDRegexp   = regexp.MustCompile(`^[a-z][a-z0-9-]{0,39}(\.[a-z][a-z0-9-]{0,39})?$`)
	indicesRegexp = regexp.MustCompile(`\[[0-9]+\]`)
)

func checkMatchers(t *testing.T, s string) {
	t.Helper()
	if got, want := isID(s), idRegexp.MatchString(s); got != want {
		t.Errorf("isID(%q) = %v, the pattern says %v", s, got, want)
	}
	if got, want := isURN(s), urnRegexp.MatchString(s); got != want {
		t.Errorf("isURN(%q) = %v, the pattern says %v", s, got, want)
	}
	if got, want := isOwnID(s), ownIDRegexp.MatchString(s); got != want {
		t.Errorf("isOwnID(%q) = %v, the pattern says %v", s, got, want)
	}
	for _, with := range []string{"", "[]"} {
		if got, want := WithoutIndices(s, with), indicesRegexp.ReplaceAllString(s, with); got != want {
			t.Errorf("WithoutIndices(%q, %q) = %q, the pattern gives %q", s, with, got, want)
		}
	}
}

func TestMatchersAgreeWithPatterns(t *testing.T) {
	// Every string of up to five of these characters, then the lengths
	// around each limit.
	alphabet := []string{"a", "z", "0", "9", "-", ".", "[", "]", "A", "é", "\n"}
	var walk func(s string, n int)
	walk = func(s string, n int) {
		checkMatchers(t, s)
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			walk(s+c, n-1)
		}
	}
	walk("", 5)
	for n := 30; n <= 42; n++ {
		for _, s := range []string{strings.Repeat("a", n), "1" + strings.Repeat("-", n-1), strings.Repeat("b", n) + ".c", "c." + strings.Repeat("b", n)} {
			checkMatchers(t, s)
		}
	}
	for _, s := range []string{"123456", "12345", "1234567", "partners[12].lead[0].email", "a[1x]b[]c[07]", "[[3]]", "x[", "x[9"} {
		checkMatchers(t, s)
	}
}

func FuzzMatchersAgreeWithPatterns(f *testing.F) {
	for _, s := range []string{"riverside", "finance.late-payment", "partners[0].name", "123456"} {
		f.Add(s)
	}
	f.Fuzz(checkMatchers)
}
