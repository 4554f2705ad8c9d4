package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/partnership-tools/mou/internal/sampletest"
)

// TestJoinLeaveRefusals checks that every refusal of join and leave names
// the problem and leaves the file byte-identical.
func TestJoinLeaveRefusals(t *testing.T) {
	join := []string{"join", "--partner", "newco", "--name", "Newco Ltd", "--kind", "employer", "--lead", "A B",
		"--title", "Outreach Officer", "--email", "a.b@newco.example.org", "--position", "Director", "--effective", "2027-01-06"}
	tests := []struct {
		name   string
		edits  []string
		args   []string
		code   int
		stderr string
	}{
		{"join needs its flags", nil, []string{"join", "--partner", "newco"}, 2,
			"join needs --name, --kind, --lead, --title, --email, --position and --effective"},
		{"join with a taken id", nil, append(join, "--partner", "hartwell"), 1, `a partner already has the id "hartwell" (Hartwell Engineering Ltd)`},
		{"join with a bad kind", nil, append(join, "--kind", "spaceship"), 1, "the change would make the file invalid"},
		{"join before this version", nil, append(join, "--effective", "2026-01-01"), 1, "the effective date 1 January 2026 is before the date of version 1"},
		{"leave needs its flags", nil, []string{"leave", "--partner", "hartwell"}, 2, "leave needs --effective"},
		{"leave an unknown partner", nil, []string{"leave", "--partner", "nobody", "--effective", "2027-01-06"}, 1, `no partner has the id "nobody"`},
		{"leave, leaving one partner", nil, []string{"leave", "--partner", "hartwell", "--effective", "2027-01-06"}, 1, "fewer than two partners remain"},
		{"lead partner leaves alone", []string{"model: employer", "model: hub-and-spoke\n  lead_partner: riverside"},
			[]string{"leave", "--partner", "riverside", "--effective", "2027-01-06"}, 1,
			"Riverside Academy is the lead partner: name the partner that takes over with --new-lead"},
		{"new lead for a partner that does not lead", nil, []string{"leave", "--partner", "hartwell", "--new-lead", "riverside", "--effective", "2027-01-06"}, 1,
			"--new-lead is for when the lead partner leaves"},
		{"leaver still has work", []string{"model: employer", "model: hub-and-spoke\n  lead_partner: riverside", "  - id: riverside\n", "  - id: third\n    name: Third School\n    kind: school\n    lead: {name: A, role: B, email: a@b.org}\n    signatory: {name: A, position: B}\n  - id: riverside\n"},
			[]string{"leave", "--partner", "hartwell", "--effective", "2027-01-06"}, 1,
			"Hartwell Engineering Ltd still owns an objective, leads 2 activities and monitors the code of practice (objectives[2].owner, activities[0].lead, activities[2].lead, code_of_practice.monitor.partner): name the partner that takes this work over with --reassign-to"},
		{"work handed to the leaver", []string{"model: employer", "model: hub-and-spoke\n  lead_partner: riverside", "  - id: riverside\n", "  - id: third\n    name: Third School\n    kind: school\n    lead: {name: A, role: B, email: a@b.org}\n    signatory: {name: A, position: B}\n  - id: riverside\n"},
			[]string{"leave", "--partner", "hartwell", "--reassign-to", "hartwell", "--effective", "2027-01-06"}, 1, "--reassign-to must be another partner"},
		{"work handed to nobody", []string{"model: employer", "model: hub-and-spoke\n  lead_partner: riverside", "  - id: riverside\n", "  - id: third\n    name: Third School\n    kind: school\n    lead: {name: A, role: B, email: a@b.org}\n    signatory: {name: A, position: B}\n  - id: riverside\n"},
			[]string{"leave", "--partner", "hartwell", "--reassign-to", "nobody", "--effective", "2027-01-06"}, 1, `no partner has the id "nobody"`},
		{"nothing to hand over", []string{"model: employer", "model: hub-and-spoke\n  lead_partner: riverside", "  - id: riverside\n", "  - id: third\n    name: Third School\n    kind: school\n    lead: {name: A, role: B, email: a@b.org}\n    signatory: {name: A, position: B}\n  - id: riverside\n"},
			[]string{"leave", "--partner", "third", "--reassign-to", "riverside", "--effective", "2027-01-06"}, 1,
			"--reassign-to: Third School has no objectives, activities, budget or code of practice to hand over"},
		{"leaver gives the only money", []string{"model: employer", "model: hub-and-spoke\n  lead_partner: riverside", "  - id: riverside\n", "  - id: third\n    name: Third School\n    kind: school\n    lead: {name: A, role: B, email: a@b.org}\n    signatory: {name: A, position: B}\n  - id: riverside\n"},
			[]string{"leave", "--partner", "hartwell", "--reassign-to", "riverside", "--effective", "2027-01-06"}, 1,
			"Hartwell Engineering Ltd is the only partner that gives money (finance.contributions[0].amount), which the documents leave out once it leaves, yet finance.money_changes_hands is true: set it to false, or give a partner that stays a contribution with an amount, in the file first"},
		{"notice after withdrawal", nil, []string{"leave", "--partner", "hartwell", "--given", "2027-02-01", "--effective", "2027-01-06"}, 2,
			"--effective 6 January 2027 is before --given 1 February 2027"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			file := writeFile(t, dir, "p.yaml", tc.edits...)
			before, _ := os.ReadFile(file)
			args := append([]string{tc.args[0], file}, tc.args[1:]...)
			code, _, stderr := run(t, args...)
			if code != tc.code || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("exit %d, want %d; stderr %q does not contain %q", code, tc.code, stderr, tc.stderr)
			}
			if after, _ := os.ReadFile(file); !bytes.Equal(after, before) {
				t.Error("the file changed")
			}
		})
	}
}

// TestLeadPartnerLeaves checks that the lead partner leaves only by naming
// a new lead, and that the new lead changes the agreement, so the verdict
// and the notice of withdrawal ask the others to sign.
func TestLeadPartnerLeaves(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	file := filepath.Join(dir, "hub.yaml")
	// Severnside met one objective before it leaves: that stays its own.
	if err := os.WriteFile(file, sampletest.Edit(t, "hub-and-spoke.yaml", "    owner: severnside\n\n", "    owner: severnside\n    met: true\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout := mustRun(t, "generate", "-o", out, "--format", "md", file)
	ref1 := regexp.MustCompile(`Agreement ref\. (\w{4}-\w{4})`).FindStringSubmatch(stdout)[1]
	stdout = mustRun(t, "leave", file, "--partner", "severnside", "--new-lead", "oakhurst", "--reassign-to", "oakhurst", "--effective", "2027-08-31", "--from", "oakhurst")
	for _, want := range []string{"partnership.lead_partner: severnside → oakhurst", "partners[0].left: none → 2027-08-31",
		"objectives[0].owner: severnside → oakhurst", "activities[3].lead: severnside → oakhurst", "code_of_practice.monitor.partner: severnside → oakhurst",
		"history: added version 2: Severnside High School left the partnership by notice of withdrawal; Oakhurst Primary School became the lead partner; its work passed to Oakhurst Primary School.",
		"Note: a new lead partner or new owners change the signed agreement, so the partners who remain sign version 2."} {
		if !strings.Contains(stdout, want) {
			t.Errorf("leave printed\n%s\nwithout %q", stdout, want)
		}
	}
	stdout = mustRun(t, "generate", "-o", out, "--format", "md", file)
	for _, want := range []string{"every partner must sign version 2", "Severnside High School leaves: the notice of withdrawal"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("generate printed\n%s\nwithout %q", stdout, want)
		}
	}
	notice := string(mustRead(t, filepath.Join(out, "severn-vale-teaching-hub-notice-of-withdrawal-v2.md")))
	for _, want := range []string{"From: Oakhurst Primary School", "so the partners who remain sign that version", "**Signed for and on behalf of Oakhurst Primary School**",
		"no longer a party to the memorandum of understanding (Agreement ref. " + ref1 + ")"} {
		if !strings.Contains(notice, want) {
			t.Errorf("the notice of withdrawal does not contain %q:\n%s", want, notice)
		}
	}
	// No document names a partner by its id, outside email addresses.
	id := regexp.MustCompile(`(^|[^@.\w-])severnside([^.\w-]|$)`)
	for _, tc := range []struct{ kind, want, not string }{
		{"mou", "| Key Stage 3 moderation (Millbrook Academy) |", "The Hub Lead's time (half a day a week)"}, // its contribution ends
		{"mou", "| 31 August 2027 | Severnside High School |", "Zoë Marchetti"},
		{"code-of-practice", "at Oakhurst Primary School monitors how well the code is followed", "Severnside High School will:"},
		{"notice-of-withdrawal", "Severnside High School withdraws", "Zoë Marchetti"},
	} {
		doc := string(mustRead(t, filepath.Join(out, "severn-vale-teaching-hub-"+tc.kind+"-v2.md")))
		if m := id.FindString(doc); m != "" {
			t.Errorf("the %s names a partner by its id: %q", tc.kind, m)
		}
		if !strings.Contains(doc, tc.want) || strings.Contains(doc, tc.not) {
			t.Errorf("the %s does not contain %q, or contains %q:\n%s", tc.kind, tc.want, tc.not, doc)
		}
	}
	// Reviews before it left list its lead; the four after do not.
	calendar := strings.ReplaceAll(mustRun(t, "calendar", file), "\r\n ", "")
	if n := strings.Count(calendar, "Zoë Marchetti (Severnside High School)"); n != 2 {
		t.Errorf("the calendar lists Severnside's lead at %d reviews, want 2:\n%s", n, calendar)
	}
	if code, _, stderr := run(t, "handover", file, "--partner", "severnside", "--phone", "1", "--effective", "2027-09-01"); code != 1 || !strings.Contains(stderr, "Severnside High School left the partnership on 31 August 2027") {
		t.Errorf("a handover for a partner that left: exit %d, %s", code, stderr)
	}
}

// TestBadFlagValuesNamedByFlag: when values given on the command line
// would make the file invalid, each problem is reported once by the flag
// that gave the value, not by a line of the file that was never written.
func TestBadFlagValuesNamedByFlag(t *testing.T) {
	join := []string{"join", "--partner", "newco", "--name", "Newco Ltd", "--kind", "employer", "--lead", "A B",
		"--title", "Outreach Officer", "--email", "a.b@newco.example.org", "--position", "Director", "--effective", "2027-01-06"}
	tests := []struct {
		name string
		args []string
		want []string // stderr's lines before the last
	}{
		{"join", append(join, "--name", "X {{Sig}}", "--kind", "skool", "--lead", "L 😀", "--email", "bad"), []string{
			"--name: two braces together ({{ or }}) are read by signing services (DocuSeal, Documenso) as part of a signing-field tag, even with spaces or characters that cannot be seen between them; remove a brace",
			`--kind: "skool" is not one of: school, college, university, trust, employer, charity, local-authority, other (did you mean "school"?)`,
			"--lead: character U+1F600 ('😀') cannot be printed in the PDF; remove it or use a plain-text alternative",
			`--email: "bad" is not an email address (like name@school.example.org)`}},
		{"join with a taken id and more", append(join, "--partner", "hartwell", "--kind", "skool", "--email", "bad", "--effective", "2026-01-01", "--from", "nobody"), []string{
			"--effective: the effective date 1 January 2026 is before the date of version 1 (1 September 2026)",
			`--partner: a partner already has the id "hartwell" (Hartwell Engineering Ltd); choose another`,
			`--from: no partner has the id "nobody" (the ids are riverside, hartwell)`,
			`--kind: "skool" is not one of: school, college, university, trust, employer, charity, local-authority, other (did you mean "school"?)`,
			`--email: "bad" is not an email address (like name@school.example.org)`}},
		{"join with a signatory", append(join, "--signatory", "S 😀"), []string{
			"--signatory: character U+1F600 ('😀') cannot be printed in the PDF; remove it or use a plain-text alternative"}},
		{"signed", []string{"signed", "--version", "1", "--partner", "hartwell", "--by", "Jane\x1b[2JSmith", "--date", "2026-10-03"}, []string{
			"--by: contains the control character U+001B; remove it"}},
		{"handover", []string{"handover", "--partner", "hartwell", "--name", "A {{b}}", "--email", "x", "--effective", "2027-01-06"}, []string{
			"--name: two braces together ({{ or }}) are read by signing services (DocuSeal, Documenso) as part of a signing-field tag, even with spaces or characters that cannot be seen between them; remove a brace",
			`--email: "x" is not an email address (like name@school.example.org)`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			file := writeFile(t, t.TempDir(), "p.yaml")
			code, _, stderr := run(t, append([]string{tc.args[0], file}, tc.args[1:]...)...)
			lines := strings.Split(strings.TrimSpace(stderr), "\n")
			if code != 1 || len(lines) == 0 || !strings.Contains(lines[len(lines)-1], "the change would make the file invalid; nothing was changed") {
				t.Fatalf("exit %d, stderr:\n%s", code, stderr)
			}
			if got := strings.Join(lines[:len(lines)-1], "\n"); got != strings.Join(tc.want, "\n") {
				t.Errorf("stderr:\n%s\nwant:\n%s", got, strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestPartnerWithNoWorkLeaves: a partner with no work to hand on leaves
// while the agreement stands; the notice of change and the MOU name it in
// full where they speak of it, and drop it from those taking part.
func TestPartnerWithNoWorkLeaves(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	file := filepath.Join(dir, "hub.yaml")
	if err := os.WriteFile(file, sampletest.Edit(t, "hub-and-spoke.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "generate", "-o", out, "--format", "md", file)
	mustRun(t, "leave", file, "--partner", "st-aidans", "--effective", "2027-08-31")
	stdout := mustRun(t, "generate", "-o", out, "--format", "md", file)
	if !strings.Contains(stdout, "The signed agreement stands for the other partners") {
		t.Errorf("generate printed\n%s", stdout)
	}
	for _, tc := range []struct{ kind, want, not string }{
		{"notice-of-change", "- St Aidan's Church of England Primary School, signatory: removed", "st-aidans,"},
		{"notice-of-change", "St Aidan's Church of England Primary School leaves the partnership, so its people are taken off the key contacts.", "Only the people"},
		{"mou", "| Primary writing moderation (Oakhurst Primary School and Ysgol Gymraeg Bro Ŵyn) |", "St Aidan's Church of England Primary School will"},
	} {
		doc := string(mustRead(t, filepath.Join(out, "severn-vale-teaching-hub-"+tc.kind+"-v2.md")))
		if !strings.Contains(doc, tc.want) || strings.Contains(doc, tc.not) {
			t.Errorf("the %s does not contain %q, or contains %q:\n%s", tc.kind, tc.want, tc.not, doc)
		}
	}
}

// TestLeaveHandsOnCodeMonitor: when the partner that monitors the code of
// practice leaves, --reassign-to hands on the role that monitors it too,
// as the receiving partner's lead, so the code never names a role at a
// partner that does not have it.
func TestLeaveHandsOnCodeMonitor(t *testing.T) {
	tests := []struct {
		name    string
		args    []string // leave's flags
		role    string   // the change to monitor.role printed, "" for none
		monitor string   // what the code of practice of version 2 says
	}{
		{"the monitor leaves", []string{"--partner", "severnside", "--new-lead", "oakhurst", "--reassign-to", "oakhurst"},
			"code_of_practice.monitor.role: Hub Lead → Deputy Headteacher and Assessment Lead",
			"The Deputy Headteacher and Assessment Lead at Oakhurst Primary School monitors how well the code is followed."},
		{"another partner leaves", []string{"--partner", "millbrook", "--reassign-to", "st-aidans"}, "",
			"The Hub Lead at Severnside High School monitors how well the code is followed."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out")
			file := filepath.Join(dir, "hub.yaml")
			if err := os.WriteFile(file, sampletest.Edit(t, "hub-and-spoke.yaml"), 0o644); err != nil {
				t.Fatal(err)
			}
			stdout := mustRun(t, append([]string{"leave", file, "--effective", "2027-08-31"}, tc.args...)...)
			if got := strings.Contains(stdout, "monitor.role"); got != (tc.role != "") || !strings.Contains(stdout, tc.role) {
				t.Errorf("leave printed\n%s\nwant the change %q", stdout, tc.role)
			}
			mustRun(t, "generate", "-o", out, "--format", "md", file)
			if code := string(mustRead(t, filepath.Join(out, "severn-vale-teaching-hub-code-of-practice-v2.md"))); !strings.Contains(code, tc.monitor) {
				t.Errorf("the code of practice does not say %q:\n%s", tc.monitor, code)
			}
		})
	}
}

// TestLeaveNamesAnswersThatMentionTheLeaver: leave names an activity it
// leaves with one partner, and the answers in the partners' own words
// that still name the leaver (by its name or the first word of it), so
// that someone rewords them; a word another partner's name shares is not
// searched for.
func TestLeaveNamesAnswersThatMentionTheLeaver(t *testing.T) {
	tests := []struct {
		partner, reassign string
		want              string // in the note, "" for no note
	}{
		{"millbrook", "st-aidans", "these answers still name Millbrook Academy; reword any that give it work after it leaves: data_protection.controllers"},
		{"millbrook", "st-aidans", "activities[3] (Key Stage 3 moderation) is left with one partner: reword it, or add a partner to it."},
		{"st-aidans", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.partner, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "hub.yaml")
			if err := os.WriteFile(file, sampletest.Edit(t, "hub-and-spoke.yaml"), 0o644); err != nil {
				t.Fatal(err)
			}
			args := []string{"leave", file, "--partner", tc.partner, "--effective", "2027-08-31", "--dry-run"}
			if tc.reassign != "" {
				args = append(args, "--reassign-to", tc.reassign)
			}
			stdout := mustRun(t, args...)
			if got := strings.Contains(stdout, "Note: "); got != (tc.want != "") || !strings.Contains(stdout, tc.want) {
				t.Errorf("leave printed\n%s\nwant %q", stdout, tc.want)
			}
		})
	}
}

// TestJoinWritesTextQuoted: a URN and a phone number are text that YAML
// would read as numbers, dropping a leading zero, so join writes them in
// quotes, as the samples do.
func TestJoinWritesTextQuoted(t *testing.T) {
	file := writeFile(t, t.TempDir(), "p.yaml")
	code, _, stderr := run(t, "join", file, "--partner", "hillside", "--name", "Hillside Primary School", "--kind", "school",
		"--urn", "012345", "--lead", "Grace Obi", "--title", "Deputy Headteacher", "--email", "g.obi@hillside.example.org",
		"--phone", "01632960555", "--signatory", "Martin Shaw", "--position", "Headteacher", "--effective", "2027-09-01")
	if code != 0 {
		t.Fatal(stderr)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`urn: "012345"`, `phone: "01632960555"`, "version: 2\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the file lacks %s", want)
		}
	}
}
