package questionnaire

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/mail"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"unicode"

	"github.com/partnership-tools/mou/internal/output"
)

// isID reports whether s is an id: a lower-case letter or a digit, then
// at most 31 more of them or hyphens. (Checked by hand: compiling the
// regular expression cost every run of mou a tenth of its start.)
func isID(s string) bool {
	return s != "" && (isLower(s[0]) || isDigit(s[0])) && isWord(s, 32)
}

// isURN reports whether s is a unique reference number: six digits.
func isURN(s string) bool {
	if len(s) != 6 {
		return false
	}
	for i := range len(s) {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// isWord reports whether s has at most n bytes, each a lower-case letter,
// a digit or a hyphen.
func isWord(s string, n int) bool {
	if len(s) > n {
		return false
	}
	for i := range len(s) {
		if c := s[i]; !isLower(c) && !isDigit(c) && c != '-' {
			return false
		}
	}
	return true
}

func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// All may stand for every partner where a code of practice entry names one.
const All = "all"

// check applies the rules that span fields: references between them,
// dates in order, and the SMART warnings.
func check(d *decoder, q *Questionnaire) {
	if _, given := d.pos["version"]; !given {
		q.Version = 1
	} else if q.Version < 1 && !d.failed["version"] {
		d.add(d.at("version"), "version", "must be 1 or more")
	}
	checkIDs(d, q)
	ids := checkPartners(d, q)
	checkReferences(d, q, ids)
	checkDates(d, q)
	checkFinance(d, q)
	checkHistory(d, q)
	checkLife(d, q, ids)
	lint(d, q)
}

func checkPartners(d *decoder, q *Questionnaire) map[string]bool {
	if _, given := d.pos["partners"]; given && len(q.Partners) < 2 {
		d.add(d.at("partners"), "partners", "a partnership needs at least two partners; found %d", len(q.Partners))
	}
	ids := map[string]bool{}
	first := map[string]int{}
	for i, p := range q.Partners {
		path := index("partners", i)
		switch {
		case p.ID == "":
		case !isID(p.ID):
			d.add(d.at(path+".id"), path+".id", "%s must be a short word of lower-case letters, digits and hyphens, such as \"riverside\"", quote(p.ID))
		case ids[p.ID]:
			d.add(d.at(path+".id"), path+".id", "%s is already the id of partners[%d]; each partner needs its own id", quote(p.ID), first[p.ID])
		default:
			ids[p.ID], first[p.ID] = true, i
		}
		if p.URN != "" && !isURN(p.URN) {
			d.add(d.at(path+".urn"), path+".urn", "%s is not a URN: a unique reference number is six digits", quote(p.URN))
		}
		if p.Logo != "" && !hasImageExt(p.Logo) {
			d.add(d.at(path+".logo"), path+".logo", "%s must be a PNG or JPEG file (.png, .jpg or .jpeg)", quote(p.Logo))
		}
		checkEmail(d, path+".lead.email", p.Lead.Email)
		if p.SafeguardingLead != nil {
			checkEmail(d, path+".safeguarding_lead.email", p.SafeguardingLead.Email)
		}
	}
	return ids
}

// maxListedIDs is how many partner ids a message lists.
const maxListedIDs = 10

// listIDs lists ids for a message: "a, b, c", or "a, b, … and 12 more".
func listIDs(ids []string) string {
	shown := make([]string, 0, min(len(ids), maxListedIDs))
	for _, id := range ids[:min(len(ids), maxListedIDs)] {
		shown = append(shown, plain(id))
	}
	s := strings.Join(shown, ", ")
	if more := len(ids) - len(shown); more > 0 {
		s += fmt.Sprintf(" and %d more", more)
	}
	return s
}

func hasImageExt(path string) bool {
	p := strings.ToLower(path)
	return strings.HasSuffix(p, ".png") || strings.HasSuffix(p, ".jpg") || strings.HasSuffix(p, ".jpeg")
}

func checkEmail(d *decoder, path string, email Text) {
	s := string(email)
	if s == "" {
		return
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || !strings.Contains(s[strings.LastIndex(s, "@"):], ".") {
		d.add(d.at(path), path, "%s is not an email address (like name@school.example.org)", quote(s))
	}
}

func checkReferences(d *decoder, q *Questionnaire, ids map[string]bool) {
	given := map[string]bool{} // ids written, valid or not: a bad one is reported once
	name := map[string]int{}   // the length of the name an id prints as: its short name, or its full name once it has left
	for _, p := range q.Partners {
		given[p.ID] = true
		name[p.ID] = max(name[p.ID], len(p.Name), len(p.ShortName))
	}
	ref := func(path, id string, allowAll bool) {
		if given[id] {
			d.spendMention(path, name[id])
		}
		if id == "" || given[id] || (allowAll && id == All) {
			return
		}
		rkey := "partner\x00" + id
		if _, seen := d.repeats[rkey]; seen {
			d.addOnce(rkey, d.at(path), path, "")
			return
		}
		known := make([]string, 0, len(q.Partners))
		for _, p := range q.Partners {
			known = append(known, p.ID)
		}
		msg := quote(id) + " is not the id of any partner"
		if s := d.suggest(id, known); s != "" {
			msg += " (did you mean " + quote(s) + "?)"
		} else if len(known) > 0 {
			msg += " (the ids are: " + listIDs(known) + ")"
		}
		d.addOnce(rkey, d.at(path), path, "%s", msg)
	}
	q.partnerRefs(ref)
	if pm := q.Partnership; pm.LeadPartner == "" && (pm.Model == "hub-and-spoke" || pm.Model == "formal-structure") {
		d.add(d.at("partnership"), "partnership.lead_partner", "missing: a %s partnership has a lead partner; give its id", pm.Model)
	}
}

// partnerRefs calls ref with each answer of the agreement that names a
// partner by its id: its path, the id, and whether "all" may stand for
// every partner there.
func (q *Questionnaire) partnerRefs(ref func(path, id string, allowAll bool)) {
	ref("partnership.lead_partner", q.Partnership.LeadPartner, false)
	for i, o := range q.Objectives {
		ref(index("objectives", i)+".owner", o.Owner, false)
	}
	for i, a := range q.Activities {
		path := index("activities", i)
		ref(path+".lead", a.Lead, false)
		for j, id := range a.Partners {
			ref(index(path+".partners", j), id, false)
		}
	}
	for i, c := range q.Finance.Contributions {
		ref(index("finance.contributions", i)+".partner", c.Partner, false)
	}
	ref("finance.budget_holder", q.Finance.BudgetHolder, false)
	cop := q.CodeOfPractice
	for i, c := range cop.Commitments {
		ref(index("code_of_practice.commitments", i)+".partner", c.Partner, true)
	}
	for i, c := range cop.Behaviours {
		ref(index("code_of_practice.behaviours", i)+".partner", c.Partner, true)
	}
	ref("code_of_practice.monitor.partner", cop.Monitor.Partner, false)
}

// References lists the paths of the answers that name the partner with
// the given id: in the agreement, and in the records kept beside it
// (history, signatures). A partner's id changed in its entry must be
// changed at each of them too.
func (q *Questionnaire) References(id string) []string {
	var out []string
	add := func(path, named string, _ bool) {
		if id != "" && named == id {
			out = append(out, path)
		}
	}
	q.partnerRefs(add)
	for i, h := range q.History {
		add(index("history", i)+".from", h.From, false)
	}
	for i, s := range q.Signatures {
		add(index("signatures", i)+".partner", s.Partner, false)
	}
	return out
}

func checkDates(d *decoder, q *Questionnaire) {
	pm := q.Partnership
	if !pm.End.IsZero() && !pm.Term.IsZero() {
		d.add(d.at("partnership.term"), "partnership.term", "give either end or term, not both")
	}
	end := q.End()
	if pm.End.IsZero() && !end.IsZero() && end.Time().Year() > MaxYear {
		d.add(d.at("partnership.term"), "partnership.term", "the partnership would end on %s, after %d; give a shorter term", end, MaxYear)
		return
	}
	if !end.IsZero() && !pm.Start.IsZero() && !end.After(pm.Start) {
		d.add(d.at("partnership.end"), "partnership.end", "the partnership ends (%s) on or before it starts (%s)", end, pm.Start)
		return
	}
	for i, o := range q.Objectives {
		path := index("objectives", i) + ".by"
		if !end.IsZero() && o.By.After(end) {
			d.add(d.at(path), path, "due %s, after the partnership ends on %s", o.By, end)
		}
	}
}

func checkFinance(d *decoder, q *Questionnaire) {
	f := q.Finance
	// The documents leave out what a partner that has left gave, so only
	// the others' money counts.
	anyMoney := false
	var gone *Partner
	for i, c := range f.Contributions {
		path := index("finance.contributions", i)
		if !c.Amount.IsZero() {
			if p := q.Partner(c.Partner); p != nil && p.HasLeft(q.Date) && len(q.Current().Partners) >= 2 { // else the partnership ends
				gone = p
			} else {
				anyMoney = true
			}
			if !f.MoneyChangesHands {
				d.add(d.at(path+".amount"), path+".amount", "an amount is given, but finance.money_changes_hands is false")
			}
		}
		if c.Amount.IsZero() && c.InKind.IsZero() && !d.failed[path+".amount"] {
			d.add(d.at(path), path, "give an amount, a contribution in kind, or both")
		}
	}
	if f.MoneyChangesHands {
		switch {
		case anyMoney || d.failedUnder("finance.contributions"):
		case gone != nil:
			d.add(d.at("finance.money_changes_hands"), "finance.contributions", "money changes hands, but no partner that remains gives an amount (%s left on %s): set money_changes_hands to false, or give another partner's contribution an amount",
				quote(gone.ID), gone.Left)
		default:
			d.add(d.at("finance.money_changes_hands"), "finance.contributions", "money changes hands, but no contribution gives an amount")
		}
		if f.BudgetHolder == "" {
			d.add(d.at("finance"), "finance.budget_holder", "missing: say which partner holds the budget when money changes hands")
		}
	}
}

func checkHistory(d *decoder, q *Questionnaire) {
	seen := map[int]bool{}
	for i, h := range q.History {
		path := index("history", i) + ".version"
		switch {
		case h.Version == 0:
		case h.Version > q.Version:
			d.add(d.at(path), path, "version %d is later than the document's version %d", h.Version, q.Version)
		case seen[h.Version]:
			d.add(d.at(path), path, "version %d has two entries", h.Version)
		}
		seen[h.Version] = true
		if !h.Date.IsZero() && !q.Date.IsZero() && h.Date.After(q.Date) {
			dp := index("history", i) + ".date"
			d.add(d.at(dp), dp, "%s is after this version's date (%s)", h.Date, q.Date)
		}
	}
}

// lint adds warnings: answers that are valid but fall short of what the
// DfE guidance (or, in Wales, good practice) asks for.
func lint(d *decoder, q *Questionnaire) {
	for i, o := range q.Objectives {
		path := index("objectives", i)
		if o.Measure.IsZero() {
			d.warn(d.at(path), path+".measure", "no measure: say how progress will be measured (SMART: measurable)")
		}
		if o.Target.IsZero() {
			d.warn(d.at(path), path+".target", "no target: say what result counts as success (SMART: specific)")
		} else if !strings.ContainsFunc(string(o.Target), unicode.IsDigit) {
			d.warn(d.at(path+".target"), path+".target", "the target has no number, so it is hard to measure: say how many, how much or what percentage (SMART)")
		}
		if d.failed[path+".by"] {
			continue
		}
		if o.By.IsZero() {
			d.warn(d.at(path), path+".by", "no date: say when the objective is due (SMART: time-bound)")
		} else if !q.Partnership.Start.IsZero() && o.By.Before(q.Partnership.Start) {
			d.warn(d.at(path+".by"), path+".by", "due %s, before the partnership starts on %s", o.By, q.Partnership.Start)
		}
	}
	start, end := q.Partnership.Start, q.End()
	for i, r := range q.Monitoring.ReviewDates {
		path := index("monitoring.review_dates", i)
		if (!start.IsZero() && r.Before(start)) || (!end.IsZero() && r.After(end)) {
			d.warn(d.at(path), path, "review on %s falls outside the partnership's term (%s)", r, q.TermWords())
		}
	}
	warnReviewGaps(d, q)
	if n := len(strings.Fields(string(q.Partnership.Mission))); n > 50 {
		d.warn(d.at("partnership.mission"), "partnership.mission", "%d words: keep the mission to one or two sentences so it can be reused on letters and web pages", n)
	}
	if q.Partnership.Model == "hub-and-spoke" && len(q.Partners) > 6 {
		d.warn(d.at("partners"), "partners", "%d partners: the guidance describes a hub and spoke as a lead school and up to four or five others", len(q.Partners))
	}
	if q.Version > 1 && len(q.History) > 0 && !hasHistory(q, q.Version) {
		d.warn(d.at("version"), "version", "version %d has no entry in history, so the amendment record will not say what changed", q.Version)
	}
	m := q.Monitoring
	if _, given := d.pos["monitoring"]; !given {
		return
	}
	// The DfE's guidance is England's; a partnership in Wales is not
	// told what it asks.
	asks := "the DfE guidance asks partners to plan"
	if q.Wording.Nation == "wales" {
		asks = "good practice is for partners to plan"
	}
	for _, a := range []struct {
		key  string
		v    Text
		what string
	}{
		{"learner_voice", m.LearnerVoice, "how learners' views are gathered"},
		{"ethics", m.Ethics, "ethical issues in collecting data"},
		{"consent", m.Consent, "consent for the use of data"},
		{"data_security", m.DataSecurity, "how data is kept secure"},
		{"findings", m.Findings, "how findings are shared"},
	} {
		if a.v.IsZero() {
			path := "monitoring." + a.key
			d.warn(d.at(path), path, "not answered: %s %s", asks, a.what)
		}
	}
}

// checkLogos starts checking that each logo is a regular file, not too
// large, holding an image that the checker accepts, and returns what
// waits for the checks and adds their problems, in the partners' order.
// A logo already being checked (see logoChecks.early) is not checked
// again.
func checkLogos(d *decoder, q *Questionnaire, checks *logoChecks) (wait func()) {
	started := make([]*logoCheck, len(q.Partners)) // read now: the other checks change q
	for i, p := range q.Partners {
		if p.Logo != "" && hasImageExt(p.Logo) {
			started[i] = checks.start(p.Logo)
		}
	}
	return func() {
		for i, c := range started {
			if c == nil {
				continue
			}
			if <-c.done; c.problem != "" {
				path := index("partners", i) + ".logo"
				d.add(d.at(path), path, "%s", c.problem)
			}
		}
	}
}

// logoChecks checks logos in the background, each once, as many at
// once as there are processors: checking an image can take a millisecond
// or two, so the logos are checked while the rest of the file is.
type logoChecks struct {
	dir     string
	checker func([]byte) error
	slots   chan struct{}
	started map[string]*logoCheck
}

// logoCheck is one logo's check: its problem, once done is closed.
type logoCheck struct {
	done    chan struct{}
	problem string
}

func newLogoChecks(dir string, checker func([]byte) error) *logoChecks {
	return &logoChecks{dir: dir, checker: checker, slots: make(chan struct{}, runtime.GOMAXPROCS(0)), started: map[string]*logoCheck{}}
}

// start starts checking the logo named logo, unless it has been started
// already, and returns its check. It is called from one goroutine.
func (l *logoChecks) start(logo string) *logoCheck {
	if c, ok := l.started[logo]; ok {
		return c
	}
	c := &logoCheck{done: make(chan struct{})}
	l.started[logo] = c
	go func() {
		l.slots <- struct{}{}
		defer func() { <-l.slots; close(c.done) }()
		c.problem = logoProblem(l.dir, logo, l.checker)
	}()
	return c
}

// maxEarlyLogos bounds the logos checked before the file is decoded: the
// lines are only a guess at which logos it names.
const maxEarlyLogos = 32

// early starts checking each logo the file's lines seem to name (see
// peekLogos), before the file is decoded: decoding two images takes
// longer than decoding the YAML. checkLogos then takes these checks for
// the logos the answers name; the others are never reported.
func (l *logoChecks) early(data []byte) {
	for _, logo := range peekLogos(data) {
		if len(l.started) < maxEarlyLogos && hasImageExt(logo) {
			l.start(logo)
		}
	}
}

// logoProblem says what is wrong with the logo named logo in dir, or
// returns "".
func logoProblem(dir, logo string, check func([]byte) error) string {
	data, err := ReadLogo(dir, logo)
	switch {
	case err != nil:
		return err.Error()
	case check != nil:
		if err := check(data); err != nil {
			return fmt.Sprintf("%s %v", plain(logo), err)
		}
	case !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) && !bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		return fmt.Sprintf("%s is not a PNG or JPEG image", plain(logo))
	}
	return ""
}

// ReadLogo reads a logo named in a questionnaire in dir: a regular file
// of at most MaxLogoBytes. Its errors name the logo as the questionnaire
// does.
func ReadLogo(dir, logo string) ([]byte, error) {
	data, err := output.ReadFile(LogoPath(dir, logo), MaxLogoBytes)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("cannot read %s: no such file", plain(logo))
	case errors.Is(err, output.ErrTooLarge):
		return nil, fmt.Errorf("%s is larger than %d MiB, the limit for a logo: save a smaller copy", plain(logo), MaxLogoBytes>>20)
	case err != nil:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("cannot read %s: %v", plain(logo), err)
	}
	return data, nil
}

// LogoPath returns where a logo named in a questionnaire in dir is. A
// backslash separates folders, as on Windows, wherever the file is read:
// the questionnaire passes between colleagues on Windows and on Macs.
func LogoPath(dir, logo string) string {
	logo = filepath.FromSlash(strings.ReplaceAll(logo, `\`, "/"))
	if filepath.IsAbs(logo) {
		return logo
	}
	return filepath.Join(dir, logo)
}

func hasHistory(q *Questionnaire, version int) bool {
	for _, h := range q.History {
		if h.Version == version {
			return true
		}
	}
	return false
}

// cycleMonths is how far apart, at most, two reviews of each cycle fall,
// in months, with room for a review moved by a term.
var cycleMonths = map[string]int{"termly": 6, "twice-yearly": 9, "annually": 18, "every-two-years": 36}

// warnReviewGaps warns of the first two review dates further apart than
// the review cycle allows: the memorandum promises reviews at the cycle,
// and the dates given are what status and the calendar hold the
// partners to.
func warnReviewGaps(d *decoder, q *Questionnaire) {
	months, ok := cycleMonths[q.Partnership.ReviewCycle]
	if !ok {
		return
	}
	// The dates in the order they fall, which need not be the order given.
	dates := q.Monitoring.ReviewDates
	order := make([]int, 0, len(dates))
	for i, d := range dates {
		if !d.IsZero() {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return dates[a].Time().Compare(dates[b].Time()) })
	for k := 1; k < len(order); k++ {
		prev, next := dates[order[k-1]], dates[order[k]]
		if !prev.Time().AddDate(0, months, 0).Before(next.Time()) {
			continue
		}
		path := index("monitoring.review_dates", order[k])
		d.warn(d.at(path), path, "reviews on %s and %s are further apart than partnership.review_cycle (%s) allows: give a date for each review, or change the cycle",
			prev, next, q.Partnership.ReviewCycle)
		return
	}
}
