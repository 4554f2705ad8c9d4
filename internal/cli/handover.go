package cli

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"mou/internal/output"
	"mou/internal/questionnaire"
	"mou/internal/yamledit"
)

// handoverRoles are the contacts a handover can change, with the key
// that holds each in a partner's entry.
var handoverRoles = map[string]string{
	"lead":         "lead",
	"safeguarding": "safeguarding_lead",
	"signatory":    "signatory",
}

type handoverOptions struct {
	partner, role                string
	name, email, phone, position string
	effective, reason            string
	dryRun                       bool
}

func newHandoverCommand() *cobra.Command {
	var o handoverOptions
	cmd := &cobra.Command{
		Use:   "handover FILE",
		Short: "Record a change of person in a role, as a new version of the questionnaire",
		Long: `Record that a new person holds one of a partner's roles: its partnership
lead, its safeguarding lead or its signatory. The questionnaire is updated in
place, keeping every comment and the layout: the person's details change, the
version goes up by one, the date becomes the effective date, and an entry is
added to the amendment record (history). The previous file is kept as
FILE.bak. Then run "mou generate FILE" to write the new version.

A handover changes people, not the agreement, so the signed MOU stands:
generate writes a notice of change and a new Schedule 1 instead of asking
every partner to sign again.

Nothing is written if the partner is unknown, the effective date is before
the current version's date, or the file is not valid.`,
		Example: `  mou handover partnership.yaml --partner riverside --name "Dafydd Jones-Newman" \
      --email d.jones-newman@riverside.example.org --effective 2027-01-06 \
      --reason "Jane Smith retired"
  mou handover partnership.yaml --partner hartwell --role signatory \
      --name "Ruth Hartwell" --position "Chief Executive" --effective 2027-04-01 --dry-run`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := o.check(); err != nil {
				return err // a usage error: exit 2
			}
			return handover(cmd, args[0], o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.partner, "partner", "", "id of the partner whose person changes (required)")
	f.StringVar(&o.role, "role", "lead", "which role: lead, safeguarding or signatory")
	f.StringVar(&o.name, "name", "", "the new person's name (required)")
	f.StringVar(&o.email, "email", "", "the new person's email (lead and safeguarding)")
	f.StringVar(&o.phone, "phone", "", "the new person's phone number (lead and safeguarding)")
	f.StringVar(&o.position, "position", "", "the new signatory's position (signatory)")
	f.StringVar(&o.effective, "effective", "", "the date the change takes effect, YYYY-MM-DD (required)")
	f.StringVar(&o.reason, "reason", "", "why, for the amendment record")
	f.BoolVar(&o.dryRun, "dry-run", false, "print what would change and write nothing")
	cmd.RegisterFlagCompletionFunc("partner", completePartners)
	cmd.RegisterFlagCompletionFunc("role", cobra.FixedCompletions([]string{"lead", "safeguarding", "signatory"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// check refuses option combinations that make no sense.
func (o handoverOptions) check() error {
	var missing []string
	for _, f := range []struct{ name, value string }{{"--partner", o.partner}, {"--name", o.name}, {"--effective", o.effective}} {
		if strings.TrimSpace(f.value) == "" {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("handover needs %s", strings.Join(missing, " and "))
	}
	if _, ok := handoverRoles[o.role]; !ok {
		return fmt.Errorf("unknown role %q (the roles are lead, safeguarding and signatory)", o.role)
	}
	if o.role == "signatory" && (o.email != "" || o.phone != "") {
		return errors.New("--email and --phone are for a lead, not a signatory")
	}
	if o.role != "signatory" && o.position != "" {
		return errors.New("--position is for a signatory; a lead's role stays as the agreement names it")
	}
	return nil
}

func handover(cmd *cobra.Command, file string, o handoverOptions) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return &exitError{code: exitInvalid, err: fmt.Errorf("%s: cannot read: %w", file, unwrapPath(err))}
	}
	q, err := loadValid(cmd, file)
	if err != nil {
		return err
	}
	refuse := func(format string, args ...any) error {
		return &exitError{code: exitInvalid, err: fmt.Errorf("%s: "+format+"; nothing was changed", append([]any{file}, args...)...)}
	}
	i := partnerIndex(q, o.partner)
	if i < 0 {
		return refuse("no partner has the id %q (the ids are %s)", o.partner, partnerIDs(q))
	}
	p := q.Partners[i]
	effective, err := questionnaire.ParseDate(o.effective)
	if err != nil {
		return &exitError{code: exitUsage, err: fmt.Errorf("--effective: %v", err)}
	}
	if effective.Before(q.Date) {
		return refuse("the effective date %s is before the date of version %d (%s)", effective, q.Version, q.Date)
	}

	base := "partners[" + strconv.Itoa(i) + "]." + handoverRoles[o.role]
	var old, set [][2]string // field, value
	var what string
	switch o.role {
	case "signatory":
		what = "Signatory for " + string(p.Name)
		old = [][2]string{{"name", string(p.Signatory.Name)}, {"position", string(p.Signatory.Position)}}
	default:
		c := &p.Lead
		what = "Lead for " + string(p.Name)
		if o.role == "safeguarding" {
			c = p.SafeguardingLead
			what = "Safeguarding lead for " + string(p.Name)
			if c == nil {
				return refuse("%s has no safeguarding_lead to hand over; add one to the file by hand", o.partner)
			}
		}
		old = [][2]string{{"name", string(c.Name)}, {"email", string(c.Email)}, {"phone", string(c.Phone)}}
	}
	for _, f := range [][2]string{{"name", o.name}, {"email", o.email}, {"phone", o.phone}, {"position", o.position}} {
		if f[1] != "" {
			set = append(set, f)
		}
	}
	changed := false
	for _, f := range set {
		changed = changed || f[1] != oldValue(old, f[0])
	}
	if !changed {
		return refuse("nothing to change: %s already holds these details", what)
	}
	change := what + ": " + old[0][1] + " → " + o.name
	if o.role == "signatory" && o.position != "" {
		change = what + ": " + old[0][1] + ", " + old[1][1] + " → " + o.name + ", " + o.position
	}

	doc, err := yamledit.Parse(src)
	if err != nil {
		return &exitError{code: exitInvalid, err: fmt.Errorf("%s: %w", file, err)}
	}
	edits := func() error {
		for _, f := range set {
			if err := doc.Set(base+"."+f[0], f[1]); err != nil {
				return err
			}
		}
		if err := doc.Set("version", strconv.Itoa(q.Version+1)); err != nil {
			return err
		}
		if err := doc.Set("date", effective.ISO()); err != nil {
			return err
		}
		if !hasVersion(q, 1) && q.Version == 1 {
			first := [][2]string{{"version", "1"}, {"date", q.Date.ISO()}, {"change", "First issue."}}
			if err := doc.Append("history", first); err != nil {
				return err
			}
		}
		entry := [][2]string{{"version", strconv.Itoa(q.Version + 1)}, {"date", effective.ISO()}, {"change", change + "."}}
		if o.reason != "" {
			entry = append(entry, [2]string{"reason", o.reason})
		}
		return doc.Append("history", entry)
	}
	if err := edits(); err != nil {
		return &exitError{code: exitInvalid, err: fmt.Errorf("%s: %w; nothing was changed", file, err)}
	}
	updated := doc.Bytes()

	// The edited file must still be valid: a new email, say, may not be.
	if _, problems := questionnaire.Load(file, updated, loadOptions(file)); problems.Err() != nil {
		for _, p := range problems.Errors() {
			fmt.Fprintln(cmd.ErrOrStderr(), p)
		}
		return refuse("the change would make the file invalid")
	}

	var report strings.Builder
	for _, f := range set {
		fmt.Fprintf(&report, "  %s.%s: %s → %s\n", base, f[0], orNone(oldValue(old, f[0])), f[1])
	}
	fmt.Fprintf(&report, "  version: %d → %d\n  date: %s → %s\n  history: added version %d: %s.\n",
		q.Version, q.Version+1, q.Date.ISO(), effective.ISO(), q.Version+1, change)
	if o.role != "signatory" && o.email == "" {
		fmt.Fprintf(&report, "Note: the email %s is kept; if it was %s's own address, run again with --email.\n", old[1][1], old[0][1])
	}
	if doc.Reformatted() {
		fmt.Fprintln(&report, "Note: part of the file could not be edited in place (an alias or a multi-line answer is involved), so the whole file was rewritten: every comment is kept, but blank lines and line breaks inside answers may have moved. Compare it with the .bak file.")
	}
	out := cmd.OutOrStdout()
	if o.dryRun {
		fmt.Fprintf(out, "Would change %s:\n%s", file, report.String())
		return nil
	}
	if err := output.WriteFile(file+".bak", src); err != nil {
		return &exitError{code: exitInvalid, err: fmt.Errorf("%w; nothing was changed", err)}
	}
	if err := output.WriteFile(file, updated); err != nil {
		return &exitError{code: exitInvalid, err: fmt.Errorf("%w; nothing was changed", err)}
	}
	fmt.Fprintf(out, "Changed %s:\n%s", file, report.String())
	fmt.Fprintf(out, "The previous file is kept as %s.bak. Next: mou generate %s\n", file, file)
	return nil
}

func partnerIndex(q *questionnaire.Questionnaire, id string) int {
	for i, p := range q.Partners {
		if p.ID == id {
			return i
		}
	}
	return -1
}

func partnerIDs(q *questionnaire.Questionnaire) string {
	ids := make([]string, len(q.Partners))
	for i, p := range q.Partners {
		ids[i] = p.ID
	}
	return strings.Join(ids, ", ")
}

func hasVersion(q *questionnaire.Questionnaire, v int) bool {
	for _, h := range q.History {
		if h.Version == v {
			return true
		}
	}
	return false
}

func oldValue(fields [][2]string, name string) string {
	for _, f := range fields {
		if f[0] == name {
			return f[1]
		}
	}
	return ""
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// completePartners offers the partner ids of the questionnaire named on
// the command line, each with the partner's name, for shell completion.
func completePartners(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) == 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	q, _, err := load(args[0])
	if err != nil || q == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, p := range q.Partners {
		if strings.HasPrefix(p.ID, toComplete) {
			out = append(out, p.ID+"\t"+strings.Join(strings.Fields(string(p.Name)), " "))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
