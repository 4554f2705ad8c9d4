package agreement

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"
	"sync"

	"github.com/partnership-tools/mou/internal/document"
)

// Fingerprints gives each section of the signed text its fingerprint.
func Fingerprints(sections []document.Section) []Section {
	out := make([]Section, len(sections))
	for i, s := range sections {
		sum := sha256.Sum256([]byte(body(s)))
		out[i] = Section{Heading: s.Heading, SHA256: hex.EncodeToString(sum[:])}
	}
	return out
}

// clauseNumber matches a clause number in bold, "**4.2**".
var clauseNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\*\*\d+\.\d+\*\*`) })

// body is a section's text without its heading or clause numbers, which
// shift when an earlier section is added or removed.
func body(s document.Section) string {
	text := strings.TrimPrefix(s.Text, "## "+s.Heading)
	return clauseNumber().ReplaceAllString(text, "**N**")
}

// ChangedSections lists the sections of the new text that differ from
// the old, matched by title so that a section moving down one number
// because another was added does not count as changed; sections that are
// gone are listed last, ", removed".
func ChangedSections(old, new []Section) []string {
	oldByTitle := map[string]string{}
	for _, s := range old {
		oldByTitle[title(s.Heading)] = s.SHA256
	}
	var out []string
	for _, s := range new {
		if prev, ok := oldByTitle[title(s.Heading)]; !ok || prev != s.SHA256 {
			out = append(out, s.Heading)
		}
		delete(oldByTitle, title(s.Heading))
	}
	for _, s := range old {
		if _, gone := oldByTitle[title(s.Heading)]; gone {
			out = append(out, s.Heading+removed)
		}
	}
	return out
}

// title is what a section is matched by from one text to the next: the
// title of "4. Aims and objectives", without its number, and of a
// schedule, "Schedule 3: Charges", without its label, which an edition or
// the partnership's choice may number and name differently ("Annex B:
// Charges"); a schedule's keeps the colon, so that it never matches a
// section's.
func title(heading string) string {
	if _, t, ok := numbered(heading); ok {
		return t
	}
	if _, t, ok := scheduleHeading(heading); ok {
		return ": " + t
	}
	return heading
}

// sectionNumber matches the number a numbered section's heading starts
// with: "4. ".
var sectionNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9]+\. `) })

// numbered splits a numbered section's heading, "4. Aims and objectives",
// into its number and title.
func numbered(heading string) (number, title string, ok bool) {
	if !sectionNumber().MatchString(heading) {
		return "", "", false
	}
	return strings.Cut(heading, ". ")
}

// scheduleHeading splits a schedule's heading, "Annex A: Charges", into
// its label and title. The sections of an agreement are the title page,
// the numbered sections and the schedules (see document.Section), so a
// heading that is neither of the first two is a schedule's, in any
// language.
func scheduleHeading(heading string) (label, title string, ok bool) {
	if heading == document.TitlePage {
		return "", "", false
	}
	if _, _, ok := numbered(heading); ok {
		return "", "", false
	}
	return strings.Cut(heading, ": ")
}
