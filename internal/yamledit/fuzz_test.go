package yamledit

import (
	"testing"
	"unicode/utf8"
)

// fuzzDoc has a value of each kind Set edits in place, and one (notes) it
// cannot. It has no final newline.
const fuzzDoc = `# A questionnaire.
version: 1 # raise by one
name: 'Siân''s school'   # quoted
urn: "138245"
empty:
list: [Siân, "b", c]  # flow
partners:
  - id: a
    lead:
      # the name
      name: Jane
      email: j@x.org

    signatory:
      name: S
notes: |
  keep # me
last: x`

// fuzzPaths are the paths FuzzSet sets; those after "notes" are missing
// from fuzzDoc, so setting them inserts a line.
var fuzzPaths = []string{
	"version", "name", "urn", "empty", "list[0]", "list[1]", "list[2]",
	"partners[0].lead.name", "last", "notes",
	"partners[0].lead.phone", "partners[0].extra", "new",
}

// FuzzSet sets arbitrary text at each kind of place and checks that the
// result parses, reads back exactly, and leaves every other value alone.
func FuzzSet(f *testing.F) {
	for _, v := range []string{
		"Dafydd Jones-Newman", "2027-01-06", "2", "yes", "null", "~", "",
		"St Mary's: #1", " lead", "trail ", "a\nb", "'", `"`, `\`, "- x",
		"[a]", "{a: b}", "&a", "*a", "!t", "|", ">", "%", "@", "`", "? x",
		"a, b", "a #b", "a# b", "---", "...", "ŵé–", "\u2028", "\x00", "\t",
		"\ufeff", "\u0085", "<<",
	} {
		f.Add(v, uint8(0))
	}
	base := mustParse(f, fuzzDoc)
	f.Fuzz(func(t *testing.T, value string, which uint8) {
		path := fuzzPaths[int(which)%len(fuzzPaths)]
		d := mustParse(t, fuzzDoc)
		err := d.Set(path, value)
		if !utf8.ValidString(value) {
			if err == nil {
				t.Fatalf("Set(%q, %q) accepted invalid UTF-8", path, value)
			}
			return
		}
		if err != nil {
			t.Fatalf("Set(%q, %q): %v", path, value, err)
		}
		if d.Reformatted() != (path == "notes") {
			t.Errorf("Set(%q, %q): Reformatted() = %v\n%s", path, value, d.Reformatted(), d.Bytes())
		}
		out := d.Bytes()
		checkReads(t, out, path, value)
		after := mustParse(t, string(out))
		for _, p := range fuzzPaths {
			if p == path {
				continue
			}
			was, wok := base.Get(p)
			is, iok := after.Get(p)
			if was != is || wok != iok {
				t.Errorf("Set(%q, %q) changed %s from %q to %q\n%s", path, value, p, was, is, out)
			}
		}
	})
}
