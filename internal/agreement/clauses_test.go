package agreement

import (
	"slices"
	"testing"

	"github.com/partnership-tools/mou/internal/document"
)

func TestChangedClauses(t *testing.T) {
	sec := func(heading, text string) document.Section {
		return document.Section{Heading: heading, Text: "## " + heading + "\n\n" + text}
	}
	old := []document.Section{
		{Heading: "Title page", Text: "# P\n\n## Memorandum of Understanding\n"},
		sec("1. Parties", "A and B."),
		sec("2. Status", "**2.1** Not binding.\n\n**2.2** Own identity.\n\n**2.3** Gone later."),
		sec("3. Dissolution", "**3.1** Notice."),
	}
	new := []document.Section{
		{Heading: "Title page", Text: "# P\n\n## Partnership Agreement\n"},
		sec("1. Parties", "A and B."),
		sec("2. Aims", "**2.1** New."),
		sec("3. Status", "**3.1** Binding.\n\n**3.2** Own identity."),
	}
	got := ChangedClauses(old, new)
	want := []string{"Title page", "2. Aims", "2.1", "3.1", "2.3, removed", "3. Dissolution, removed"}
	if !slices.Equal(got, want) {
		t.Errorf("ChangedClauses = %q, want %q", got, want)
	}
	if got := ChangedClauses(old, old); len(got) != 0 {
		t.Errorf("ChangedClauses of a text with itself = %q, want none", got)
	}
}
