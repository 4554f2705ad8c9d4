package yamledit

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestHandover makes the edits "mou handover" makes to two real files,
// compares the result with a golden file, and checks that only the edited
// lines changed: every comment and blank line must be kept.
func TestHandover(t *testing.T) {
	tests := []struct {
		file     string
		removed  []string // the lines the edits replace, in order
		appended []string // the lines added for the history
	}{
		{
			file: "school-employer.yaml",
			removed: []string{
				"version: 1",
				"date: 2026-09-01",
				"      name: Jane Smith",
				"      email: j.smith@riverside.example.org",
				"      phone: 01632 960 118",
			},
			appended: []string{
				"",
				"history:",
				"  - version: 2",
				"    date: 2027-01-06",
				`    change: "Lead for Riverside Academy: Jane Smith → Dafydd Jones-Newman"`,
				"    reason: Jane Smith left; Dafydd takes on the role of Careers Leader.",
			},
		},
		{
			file: "questionnaire-employer.yaml",
			removed: []string{
				"version: 1",
				"date: 2026-07-01",
				"      name: Sam Taylor",
				"      email: partnerships@school.example.org",
				"      phone: 01632 960 101",
				"history: []",
			},
			appended: []string{
				"history:",
				"  - version: 2",
				"    date: 2027-01-06",
				`    change: "Lead for Riverside Academy: Jane Smith → Dafydd Jones-Newman"`,
				"    reason: Jane Smith left; Dafydd takes on the role of Careers Leader.",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			d := mustParse(t, string(in))
			sets := [][2]string{
				{"partners[0].lead.name", "Dafydd Jones-Newman"},
				{"partners[0].lead.email", "d.jones-newman@riverside.example.org"},
				{"partners[0].lead.phone", "01632 960 119"},
				{"version", "2"},
				{"date", "2027-01-06"},
			}
			for _, s := range sets {
				if err := d.Set(s[0], s[1]); err != nil {
					t.Fatal(err)
				}
			}
			err = d.Append("history", [][2]string{
				{"version", "2"},
				{"date", "2027-01-06"},
				{"change", "Lead for Riverside Academy: Jane Smith → Dafydd Jones-Newman"},
				{"reason", "Jane Smith left; Dafydd takes on the role of Careers Leader."},
			})
			if err != nil {
				t.Fatal(err)
			}
			if d.Reformatted() {
				t.Error("Reformatted() = true, want every edit made in place")
			}
			out := d.Bytes()

			golden := filepath.Join("testdata", strings.TrimSuffix(tt.file, ".yaml")+".handover.golden")
			if *update {
				if err := os.WriteFile(golden, out, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != string(want) {
				t.Errorf("result differs from %s (run go test -update to rewrite it):\n%s", golden, out)
			}

			for _, s := range sets {
				checkReads(t, out, s[0], s[1])
			}
			checkReads(t, out, "history[0].change", "Lead for Riverside Academy: Jane Smith → Dafydd Jones-Newman")

			// The changed lines are the ones set, in the same places,
			// and the history at the end.
			added := []string{
				"version: 2",
				"date: 2027-01-06",
				"      name: Dafydd Jones-Newman",
				"      email: d.jones-newman@riverside.example.org",
				"      phone: 01632 960 119",
			}
			added = append(added, tt.appended...)
			removed, gotAdded := lineDiff(lines(in), lines(out))
			if !slices.Equal(removed, tt.removed) {
				t.Errorf("lines removed:\n%q\nwant:\n%q", removed, tt.removed)
			}
			if !slices.Equal(gotAdded, added) {
				t.Errorf("lines added:\n%q\nwant:\n%q", gotAdded, added)
			}
		})
	}
}

func lines(b []byte) []string {
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

// lineDiff returns the lines of a that are not in b and the lines of b
// that are not in a, by a longest common subsequence.
func lineDiff(a, b []string) (removed, added []string) {
	// lcs[i][j] is the length of the longest common subsequence of
	// a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			i++
			j++
		case lcs[i+1][j] >= lcs[i][j+1]:
			removed = append(removed, a[i])
			i++
		default:
			added = append(added, b[j])
			j++
		}
	}
	return append(removed, a[i:]...), append(added, b[j:]...)
}
