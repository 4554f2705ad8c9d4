package app

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/partnership-tools/mou/internal/output"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/yamledit"
)

// HandoverRoles are the contacts a handover can change, with the key that
// holds each in a partner's entry.
var HandoverRoles = map[string]string{
	"lead":         "lead",
	"safeguarding": "safeguarding_lead",
	"signatory":    "signatory",
}

// Handover asks for a new person in one of a partner's roles.
type Handover struct {
	Partner, Role                string
	Name, Email, Phone, Position string
	Effective, Reason            string
	DryRun                       bool // say what would change, and write nothing
}

// Check refuses combinations that make no sense, as a *UsageError.
func (h Handover) Check() error {
	var missing []string
	for _, f := range []struct{ name, value string }{{"--partner", h.Partner}, {"--name", h.Name}, {"--effective", h.Effective}} {
		if strings.TrimSpace(f.value) == "" {
			missing = append(missing, f.name)
		}
	}
	switch {
	case len(missing) > 0:
		return usage("handover needs %s", strings.Join(missing, " and "))
	case HandoverRoles[h.Role] == "":
		return usage("unknown role %q (the roles are lead, safeguarding and signatory)", h.Role)
	case h.Role == "signatory" && (h.Email != "" || h.Phone != ""):
		return usage("--email and --phone are for a lead, not a signatory")
	case h.Role != "signatory" && h.Position != "":
		return usage("--position is for a signatory; a lead's role stays as the agreement names it")
	}
	if _, err := questionnaire.ParseDate(h.Effective); err != nil {
		return usage("--effective: %v", err)
	}
	return nil
}

// UsageError is a request that makes no sense whatever the files say.
type UsageError struct{ msg string }

func (e *UsageError) Error() string { return e.msg }

func usage(format string, args ...any) error { return &UsageError{fmt.Sprintf(format, args...)} }

// HandoverResult says what a handover changed.
type HandoverResult struct {
	Changes []string // "partners[0].lead.name: Jane Smith → Dafydd Jones-Newman"
	Notes   []string // things the user should know
	Written bool     // false for a dry run
}

// Record records h in the questionnaire file, in place: the person's
// details, a version one higher, the effective date as the version's date
// and an entry in the amendment record. The file is kept as FILE.bak. The
// file is left as it was if anything is wrong.
func (h Handover) Record(file string) (HandoverResult, error) {
	if err := h.Check(); err != nil {
		return HandoverResult{}, err
	}
	unlock, err := output.LockFile(file)
	if err != nil {
		return HandoverResult{}, err
	}
	defer unlock()
	src, err := readQuestionnaire(file)
	if err != nil {
		return HandoverResult{}, err
	}
	q, _, err := LoadValid(file)
	if err != nil {
		return HandoverResult{}, err
	}
	refuse := func(format string, args ...any) error {
		return fmt.Errorf("%s: "+format+"; nothing was changed", append([]any{file}, args...)...)
	}
	i := partnerIndex(q, h.Partner)
	if i < 0 {
		return HandoverResult{}, refuse("no partner has the id %q (the ids are %s)", h.Partner, partnerIDs(q))
	}
	p := q.Partners[i]
	effective, _ := questionnaire.ParseDate(h.Effective)
	if effective.Before(q.Date) {
		return HandoverResult{}, refuse("the effective date %s is before the date of version %d (%s)", effective, q.Version, q.Date)
	}

	base := "partners[" + strconv.Itoa(i) + "]." + HandoverRoles[h.Role]
	var old, set [][2]string // field, value
	var what string
	switch h.Role {
	case "signatory":
		what = "Signatory for " + string(p.Name)
		old = [][2]string{{"name", string(p.Signatory.Name)}, {"position", string(p.Signatory.Position)}}
	default:
		c := &p.Lead
		what = "Lead for " + string(p.Name)
		if h.Role == "safeguarding" {
			c = p.SafeguardingLead
			what = "Safeguarding lead for " + string(p.Name)
			if c == nil {
				return HandoverResult{}, refuse("%s has no safeguarding_lead to hand over; add one to the file by hand", h.Partner)
			}
		}
		old = [][2]string{{"name", string(c.Name)}, {"email", string(c.Email)}, {"phone", string(c.Phone)}}
	}
	for _, f := range [][2]string{{"name", h.Name}, {"email", h.Email}, {"phone", h.Phone}, {"position", h.Position}} {
		if f[1] != "" {
			set = append(set, f)
		}
	}
	changed := false
	for _, f := range set {
		changed = changed || f[1] != oldValue(old, f[0])
	}
	if !changed {
		return HandoverResult{}, refuse("nothing to change: %s already holds these details", what)
	}
	summary := what + ": " + old[0][1] + " → " + h.Name
	if h.Role == "signatory" && h.Position != "" {
		summary = what + ": " + old[0][1] + ", " + old[1][1] + " → " + h.Name + ", " + h.Position
	}

	doc, err := yamledit.Parse(src)
	if err != nil {
		return HandoverResult{}, fmt.Errorf("%s: %w", file, err)
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
		entry := [][2]string{{"version", strconv.Itoa(q.Version + 1)}, {"date", effective.ISO()}, {"change", summary + "."}}
		if h.Reason != "" {
			entry = append(entry, [2]string{"reason", h.Reason})
		}
		return doc.Append("history", entry)
	}
	if err := edits(); err != nil {
		return HandoverResult{}, fmt.Errorf("%s: %w; nothing was changed", file, err)
	}
	updated := doc.Bytes()

	// The edited file must still be valid: a new email, say, may not be.
	if _, problems := questionnaire.Load(file, updated, LoadOptions(file)); problems.Err() != nil {
		return HandoverResult{}, &ProblemsError{File: file, Problems: problems.Errors(), Message: "the change would make the file invalid; nothing was changed"}
	}

	var r HandoverResult
	for _, f := range set {
		r.Changes = append(r.Changes, fmt.Sprintf("%s.%s: %s → %s", base, f[0], orNone(oldValue(old, f[0])), f[1]))
	}
	r.Changes = append(r.Changes,
		fmt.Sprintf("version: %d → %d", q.Version, q.Version+1),
		fmt.Sprintf("date: %s → %s", q.Date.ISO(), effective.ISO()),
		fmt.Sprintf("history: added version %d: %s.", q.Version+1, summary))
	if h.Role != "signatory" && h.Email == "" {
		r.Notes = append(r.Notes, fmt.Sprintf("the email %s is kept; if it was %s's own address, run again with --email.", old[1][1], old[0][1]))
	}
	if doc.Reformatted() {
		r.Notes = append(r.Notes, "part of the file could not be edited in place (an alias or a multi-line answer is involved), so the whole file was rewritten: every comment is kept, but blank lines and line breaks inside answers may have moved. Compare it with the .bak file.")
	}
	if h.DryRun {
		return r, nil
	}
	if err := output.WriteFile(file+".bak", src); err != nil {
		return HandoverResult{}, fmt.Errorf("%w; nothing was changed", err)
	}
	if err := output.WriteIfUnchanged(file, src, updated); err != nil {
		return HandoverResult{}, fmt.Errorf("%w; nothing was changed", err)
	}
	r.Written = true
	return r, nil
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
