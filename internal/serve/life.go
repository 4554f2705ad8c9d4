package serve

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/schema"
	"github.com/partnership-tools/mou/internal/signing"
	"github.com/partnership-tools/mou/internal/yamledit"
)

// lifeForm is a form for one event in the partnership's life. Its
// questions are named after the flags of the command that records the
// same event, and it calls the same use case, so both have the same rules
// and make the same change.
type lifeForm struct {
	Slug, Title, Intro string
	questions          func(st *state) []*control
	// record records the event in file; out is the output folder, and
	// lk how the server writes documents.
	record func(file, out string, lk look, v url.Values, dryRun bool) (app.ChangeResult, []string, error)
	// generate says whether the documents are written again after it.
	generate bool
}

var lifeForms = []lifeForm{
	{"handover", "Record a handover",
		"Someone new takes on a partner's role, or a person's details change. The signed agreement names roles, so a new person usually needs no new signatures: the documents then include a notice of change.",
		func(st *state) []*control {
			return []*control{
				partnerChoice("partner", "Partner whose people change", "", st, false),
				checks("role", "Which roles change", "One person may take several roles.",
					[]option{{Value: "lead", Label: "Partnership lead", Checked: true}, {Value: "safeguarding", Label: "Safeguarding lead"}, {Value: "signatory", Label: "Signatory"}}),
				field("name", "New person's name", "Leave empty to change only the details below."),
				field("email", "Email", "A lead's or safeguarding lead's email; required with a new person (give the old address again to keep it)."),
				opt(field("phone", "Phone", "")),
				field("title", "New title of the role", "Only if the role itself is renamed: this changes the signed text, so every partner signs again."),
				field("position", "Signatory's position", "For a signatory, such as Headteacher."),
				checks("acting", "Acting cover", "", []option{{Value: "true", Label: "The person covers the role for a time"}}),
				opt(dateField("until", "Last day of the acting cover", "Only for acting cover.")),
				dateField("effective", "Date the change takes effect", "The date of the new version."),
				opt(field("reason", "Reason", "Why, for the amendment record.")),
				partnerChoice("from", "Partner that sends the notice of change", "The lead partner sends it if none is chosen.", st, true),
			}
		},
		func(file, _ string, _ look, v url.Values, dry bool) (app.ChangeResult, []string, error) {
			r, err := app.Handover{Partner: v.Get("partner"), Roles: picked(v["role"]), Name: text(v, "name"), Email: text(v, "email"),
				Phone: text(v, "phone"), Title: text(v, "title"), Position: text(v, "position"), Acting: slices.Contains(v["acting"], "true"),
				Until: text(v, "until"), Effective: text(v, "effective"), Reason: text(v, "reason"), From: v.Get("from"), DryRun: dry}.Record(file)
			return r, nil, err
		}, true},
	{"join", "Add a partner that joins",
		"A new partner joins by signing a joining agreement that binds it to the memorandum the others signed; the others do not sign again.",
		func(st *state) []*control {
			kind := choice("kind", "Kind of institution", "partners[].kind")
			return []*control{
				field("name", "Full name of the institution", ""),
				short("partner", "Short id", schema.Describe("partners[].id")),
				kind,
				opt(short("urn", "Unique reference number", "For a school: its six digits.")),
				opt(field("address", "Postal address", "")),
				field("lead", "Partnership lead: name", ""),
				field("title", "Partnership lead: role", "Such as Deputy Headteacher."),
				field("email", "Partnership lead: email", ""),
				opt(field("phone", "Partnership lead: phone", "")),
				opt(field("signatory", "Signatory: name", "Leave empty if the lead signs.")),
				field("position", "Signatory: position", "Such as Headteacher."),
				dateField("effective", "Date it joins", ""),
				opt(field("reason", "Reason", "For the amendment record.")),
				partnerChoice("from", "Partner that accepts it", "The lead partner if none is chosen.", st, true),
			}
		},
		func(file, _ string, _ look, v url.Values, dry bool) (app.ChangeResult, []string, error) {
			r, err := app.Join{Partner: text(v, "partner"), Name: text(v, "name"), Kind: v.Get("kind"), URN: text(v, "urn"), Address: text(v, "address"),
				Lead: text(v, "lead"), Title: text(v, "title"), Email: text(v, "email"), Phone: text(v, "phone"), Signatory: text(v, "signatory"),
				Position: text(v, "position"), Effective: text(v, "effective"), Reason: text(v, "reason"), From: v.Get("from"), DryRun: dry}.Record(file)
			return r, nil, err
		}, true},
	{"leave", "Record a partner leaving",
		"A partner withdraws while the partnership goes on. It stays in the file, marked as left, so that the record still makes sense.",
		func(st *state) []*control {
			return []*control{
				partnerChoice("partner", "Partner that leaves", "", st, false),
				dateField("effective", "Date the withdrawal takes effect", ""),
				opt(dateField("given", "Date notice was given", "It dates the notice of withdrawal.")),
				partnerChoice("new-lead", "New lead partner", "Only when the lead partner leaves.", st, true),
				partnerChoice("reassign-to", "Partner that takes over its work", "Its objectives, activities, budget and code monitoring go to this partner.", st, true),
				opt(field("reason", "Reason", "For the amendment record.")),
				partnerChoice("from", "Partner that sends the notice", "The leaving partner if none is chosen.", st, true),
			}
		},
		func(file, _ string, _ look, v url.Values, dry bool) (app.ChangeResult, []string, error) {
			r, err := app.Leave{Partner: v.Get("partner"), Effective: text(v, "effective"), Given: text(v, "given"), NewLead: v.Get("new-lead"),
				ReassignTo: v.Get("reassign-to"), Reason: text(v, "reason"), From: v.Get("from"), DryRun: dry}.Record(file)
			return r, nil, err
		}, true},
	{"signed", "Record a signature",
		"A partner's signature on a version, as it comes back. It is a record kept beside the agreement and makes no new version.",
		func(st *state) []*control {
			v := short("version", "Version signed", "The version number on the signed copy.")
			if q := st.snap.Questionnaire; q != nil {
				v.Value = strconv.Itoa(q.Version)
			}
			return []*control{
				v,
				partnerChoice("partner", "Partner that signed", "", st, false),
				documentChoice(),
				field("by", "Who signed", "Their name."),
				dateField("date", "Date signed", ""),
			}
		},
		func(file, out string, lk look, v url.Values, dry bool) (app.ChangeResult, []string, error) {
			version, err := strconv.Atoi(text(v, "version"))
			if err != nil {
				version = 0 // refused by the use case, with its own message
			}
			r, err := app.Signed{Version: version, Partner: v.Get("partner"), Document: v.Get("document"), By: text(v, "by"), Date: text(v, "date"), Out: out,
				Templates: lk.templates, DryRun: dry}.Record(file)
			return r, nil, err
		}, false},
	{"review", "Record a review meeting",
		"Writes the record the steering group fills in at the review, and notes the review and the objectives met in the file.",
		func(st *state) []*control {
			met := &control{ID: "f-met", Name: "met", Label: "Objectives met", Kind: "checkboxes", Optional: true}
			for i := range st.doc.Len("objectives") {
				base := "objectives[" + strconv.Itoa(i) + "]"
				id, _ := st.doc.Get(base + ".id")
				if id == "" {
					id = strconv.Itoa(i + 1)
				}
				text, _ := st.doc.Get(base + ".objective")
				met.Options = append(met.Options, option{Value: id, Label: oneLine(text)})
			}
			return []*control{dateField("date", "Date of the review", ""), met, formatsControl("format", []string{"pdf"})}
		},
		func(file, out string, lk look, v url.Values, dry bool) (app.ChangeResult, []string, error) {
			r, err := app.Review{Date: text(v, "date"), Met: picked(v["met"]), Out: out, Formats: picked(v["format"]),
				Templates: lk.templates, Theme: lk.theme, DryRun: dry}.Record(file)
			return r.ChangeResult, r.Files, err
		}, false},
}

// lifeState finds the form a request names and reads the
// questionnaire; it writes a page and returns a nil state when either
// cannot be had.
func (s *Server) lifeState(w http.ResponseWriter, r *http.Request) (*lifeForm, *state) {
	for i := range lifeForms {
		if lifeForms[i].Slug == r.PathValue("form") {
			return &lifeForms[i], s.load(w, r)
		}
	}
	http.NotFound(w, r)
	return nil, nil
}

func field(name, label, hint string) *control {
	return &control{ID: "f-" + name, Name: name, Label: label, Hint: hint, Kind: "input"}
}

func short(name, label, hint string) *control {
	c := field(name, label, hint)
	c.Kind = "short"
	return c
}

func dateField(name, label, hint string) *control {
	c := field(name, label, hint)
	c.Kind = "date"
	return c
}

// opt marks a question that may be left unanswered.
func opt(c *control) *control {
	c.Optional = true
	return c
}

func checks(name, label, hint string, options []option) *control {
	return &control{ID: "f-" + name, Name: name, Label: label, Hint: hint, Kind: "checkboxes", Options: options}
}

// choice asks for one of the words the questionnaire allows at path.
func choice(name, label, path string) *control {
	f, _ := schema.Lookup(path)
	c := &control{ID: "f-" + name, Name: name, Label: label, Kind: "radios"}
	for _, ch := range f.Choices {
		c.Options = append(c.Options, option{Value: ch.Word, Label: ch.Label, Hint: ch.Description})
	}
	return c
}

// documentChoice asks which document of the version was signed: the
// agreement itself unless another is chosen.
func documentChoice() *control {
	c := &control{ID: "f-document", Name: "document", Label: "Document signed", Kind: "radios",
		Hint: "Most signatures are on the agreement. Choose another only for the signature page of that document."}
	c.Options = []option{
		{Value: "", Label: "The agreement", Hint: "The memorandum itself or, for a partner joining with this version, its joining agreement.", Checked: true},
		{Value: signing.CodeOfPractice, Label: "The code of practice", Hint: "Its endorsement."},
		{Value: signing.JoiningAgreement, Label: "A joining agreement", Hint: "An existing partner's signature on a newcomer's joining agreement, or the lead partner's acceptance."},
		{Value: signing.NoticeOfWithdrawal, Label: "A notice of withdrawal"},
		{Value: signing.NoticeOfChange, Label: "A notice of change"},
		{Value: signing.ReviewRecord, Label: "A review record"},
	}
	return c
}

// partnerChoice asks for one of the partners.
func partnerChoice(name, label, hint string, st *state, optional bool) *control {
	c := &control{ID: "f-" + name, Name: name, Label: label, Hint: hint, Kind: "select", Optional: optional}
	first := "Choose a partner"
	if optional {
		first = "None"
	}
	c.Options = append(c.Options, option{Value: "", Label: first})
	for _, p := range partnersOf(st.doc) {
		c.Options = append(c.Options, option{Value: p.ID, Label: p.Name})
	}
	return c
}

// text is a one-line answer as typed, with the spaces around it removed.
func text(v url.Values, name string) string { return cleanText(v.Get(name), false) }

// picked drops the empty value every group of checkboxes sends.
func picked(values []string) []string {
	return slices.DeleteFunc(slices.Clone(values), func(s string) bool { return s == "" })
}

// fill puts the answers sent back into the questions, to show them again.
func fill(cs []*control, v url.Values) {
	for _, c := range cs {
		sent, ok := v[c.Name]
		if !ok && c.Kind != "checkboxes" {
			continue
		}
		c.Value = strings.Join(sent, "")
		if c.Kind == "date" {
			c.Kind = dateKind(c.Value)
		}
		for i := range c.Options {
			c.Options[i].Checked = slices.Contains(sent, c.Options[i].Value)
		}
	}
}

// showLife shows the form for an event in the partnership's life.
func (s *Server) showLife(w http.ResponseWriter, r *http.Request) {
	f, st := s.lifeState(w, r)
	if st == nil {
		return
	}
	s.lifePage(w, http.StatusOK, f, st, f.questions(st), nil)
}

func (s *Server) lifePage(w http.ResponseWriter, status int, f *lifeForm, st *state, cs []*control, summary []summaryLine) {
	p := &page{Title: f.Title, Heading: f.Title, Intro: f.Intro, Slug: f.Slug, Nav: st.nav(""), Hash: st.snap.Hash, Summary: summary}
	for _, c := range cs {
		p.Blocks = append(p.Blocks, block{Control: c})
	}
	s.render(w, status, "life", p)
}

// questionLabel names a field as the question that asks for it, in
// quotation marks, where the form has one.
func questionLabel(cs []*control) func(app.Field) string {
	return func(f app.Field) string {
		for _, c := range cs {
			if c.Name == string(f) {
				return "“" + c.Label + "”"
			}
		}
		return string(f)
	}
}

// saveLife records an event in the partnership's life, or checks it
// without saving.
func (s *Server) saveLife(w http.ResponseWriter, r *http.Request) {
	f, st := s.lifeState(w, r)
	if st == nil {
		return
	}
	cs := f.questions(st)
	fill(cs, r.PostForm)
	if r.PostFormValue("hash") != st.snap.Hash {
		s.conflict(w, "/life/"+f.Slug, r, cs)
		return
	}
	file, out := s.current()
	dry := r.PostFormValue("action") == "check"
	res, files, err := f.record(file, out, s.look, r.PostForm, dry)
	if err != nil {
		s.lifePage(w, http.StatusUnprocessableEntity, f, st, cs, refusal(err, cs, st))
		return
	}
	p := &page{Title: f.Title, Heading: "Saved", Lines: res.Changes}
	for _, n := range res.Notes {
		p.Notes = append(p.Notes, formWords(capitalise(st.inWords(n.Describe(questionLabel(cs)))), cs))
	}
	var q *questionnaire.Questionnaire // for the documents' titles; nil gives the standard ones
	if after, err := app.Read(file); err == nil {
		if after.Problems.Err() == nil {
			q = after.Questionnaire
		}
		if doc, err := yamledit.Parse(after.Data); err == nil {
			// Named as the questions name them, with the partners' names
			// as they are now.
			p.Lines = changeWords(res.Changes, newState(after, doc))
		}
	}
	if !res.Written {
		p.Heading = "Nothing was saved: this is what would change"
	} else if f.generate {
		p.Next = "/review#documents"
	}
	if res.Written {
		p.Notes = append(p.Notes, "The previous file is kept as "+filepath.Base(file)+".bak.")
	}
	for _, name := range files {
		p.Files = append(p.Files, downloadLink(q, name))
	}
	s.render(w, http.StatusOK, "changed", p)
}

// changePath matches a line of a change's summary, "path: what": the
// answer changed, at its path in the file.
var changePath = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^([a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*): (.*)$`)
})

// changeWords words each line of a change's summary, as the commands
// print it ("partners[0].lead.name: Sam Taylor → Dafydd Jones"), for a
// person: the answer named as its question is, with the partner's name,
// and dates as "6 January 2027". A line it cannot read stays as it is.
func changeWords(lines []string, st *state) []string {
	var all []*control
	for _, blocks := range st.pages {
		all = append(all, controls(blocks)...)
	}
	out := make([]string, len(lines))
	for i, line := range lines {
		out[i] = line
		m := changePath().FindStringSubmatch(line)
		if m == nil {
			continue
		}
		label := answerLabel(m[1], all, st)
		what := m[2]
		if old, new, ok := strings.Cut(what, " → "); ok {
			what = shownDate(old) + " → " + shownDate(new)
		} else if pairs, ok := strings.CutPrefix(what, "added ("); ok && strings.HasSuffix(pairs, ")") {
			// "added (id: hillside, name: Hillside Primary School, …)":
			// the name says who; a signature's "by" who signed, and
			// what.
			what = "added"
			fields := map[string]string{}
			for _, kv := range strings.Split(strings.TrimSuffix(pairs, ")"), ", ") {
				if k, v, ok := strings.Cut(kv, ": "); ok {
					fields[k] = v
				}
			}
			switch {
			case fields["name"] != "":
				what += " " + fields["name"]
			case fields["by"] != "" && fields["version"] != "":
				what += " " + fields["by"] + ", for version " + fields["version"]
				if d := fields["document"]; d != "" {
					what += " (" + strings.ReplaceAll(d, "-", " ") + ")"
				}
			}
		}
		out[i] = label + ": " + what
	}
	return out
}

// recordLabels name the answers the records of the partnership's life
// keep, which no question asks.
var recordLabels = map[string]string{
	"history": "Amendment record", "signatures": "Signatures", "reviews": "Reviews", "partners": "Partners",
	"joined": "joined", "left": "left", "notice_given": "notice of withdrawal given",
	"lead.acting_until": "partnership lead acting until", "safeguarding_lead.acting_until": "safeguarding lead acting until",
	"signatory.acting_until": "signatory acting until", "met": "met",
	"lead": "partnership lead", "safeguarding_lead": "safeguarding lead", "signatory": "signatory",
}

// answerLabel names the answer at path: as its question, if one asks it,
// with a partner's name for "Partner 2"; else from recordLabels.
func answerLabel(path string, all []*control, st *state) string {
	for _, blocks := range st.pages {
		for _, g := range groups(blocks) {
			if g.Name == path && len(g.Controls) > 0 {
				// The group's first question is named "Partner 3, lead, name".
				label := answerLabel(g.Controls[0].Name, all, st)
				return strings.TrimSuffix(label, ", "+lowerFirst(g.Controls[0].Label))
			}
		}
	}
	for _, c := range all {
		if c.Name == path {
			label := c.Full
			if n, ok := strings.CutPrefix(c.Place, "Partner "); ok {
				if i, err := strconv.Atoi(n); err == nil {
					name, _ := st.doc.Get("partners[" + strconv.Itoa(i-1) + "].name")
					if name = strings.TrimSpace(name); name != "" {
						label = name + strings.TrimPrefix(label, c.Place)
					}
				}
			}
			return label
		}
	}
	if l, ok := recordLabels[path]; ok {
		return l
	}
	if m := regexp.MustCompile(`^(partners|objectives)\[(\d+)\]\.(.+)$`).FindStringSubmatch(path); m != nil && recordLabels[m[3]] != "" {
		i, _ := strconv.Atoi(m[2])
		name, _ := st.doc.Get(m[1] + "[" + m[2] + "]." + map[string]string{"partners": "name", "objectives": "objective"}[m[1]])
		switch name = oneLine(name); {
		case name == "" && i >= st.doc.Len(m[1]):
			name = "The new " + strings.TrimSuffix(m[1], "s") // not in the file yet: a check without saving
		case name == "":
			name = fmt.Sprintf("%s %d", capitalise(strings.TrimSuffix(m[1], "s")), i+1)
		}
		return name + ", " + recordLabels[m[3]]
	}
	return path
}

// refusal puts what the use case refused at the questions concerned,
// and returns the error summary.
func refusal(err error, cs []*control, st *state) []summaryLine {
	var lines []summaryLine
	at := func(flag, msg string) {
		for _, c := range cs {
			if c.Name == flag {
				c.Errors = append(c.Errors, msg)
				lines = append(lines, summaryLine{c.Label + ": " + msg, "#" + c.ID})
				return
			}
		}
		lines = append(lines, summaryLine{Message: msg})
	}
	var pe *app.ProblemsError
	if errors.As(err, &pe) {
		for i, p := range pe.Problems {
			if p.Warning {
				continue
			}
			if i < len(pe.Given) && pe.Given[i] != "" {
				at(string(pe.Given[i]), p.Message)
			} else {
				lines = append(lines, st.atQuestion(p))
			}
		}
		if pe.Message != "" {
			lines = append(lines, summaryLine{Message: capitalise(pe.Message)})
		}
		return lines
	}
	var d app.Describer
	if errors.As(err, &d) {
		msg := strings.Replace(err.Error(), d.Error(), d.Describe(questionLabel(cs)), 1)
		if fields := d.Fields(); len(fields) > 0 {
			at(string(fields[0]), msg)
			return lines
		}
		return append(lines, summaryLine{Message: msg})
	}
	return append(lines, summaryLine{Message: err.Error()})
}
