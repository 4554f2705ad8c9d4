package change

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/partnership-tools/mou/internal/document"
	"github.com/partnership-tools/mou/internal/questionnaire"
)

// partnerFields are the answers that hold a partner's id, by path
// without list indices (the references questionnaire.check checks). A
// change to one is described with the partners' names, since an id such
// as "ser" means nothing to a reader (see the template "partner-answer").
var partnerFields = map[string]bool{
	"partnership.lead_partner":             true,
	"objectives.owner":                     true,
	"activities.lead":                      true,
	"activities.partners":                  true,
	"finance.budget_holder":                true,
	"finance.contributions.partner":        true,
	"code_of_practice.commitments.partner": true,
	"code_of_practice.behaviours.partner":  true,
	"code_of_practice.monitor.partner":     true,
	"signatures.partner":                   true,
}

// partnerItems are lists whose items a partner's id sums up, by path
// (see the template "partner-item").
var partnerItems = map[string]bool{
	"finance.contributions":        true,
	"code_of_practice.commitments": true,
	"code_of_practice.behaviours":  true,
}

var listIndex = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\[([0-9]+)\]`) })

// namer describes changes to partner ids with the partners' names: an
// old id from the old file, a new one from the new, where a partner
// that has left is still listed.
type namer struct {
	s        *sayer
	old, new *questionnaire.Questionnaire
}

// name says c again when c is a change to a partner id; its path, old
// and new values stay as they are, for tools.
func (n namer) name(c Change) Change {
	s := n.s
	key := questionnaire.WithoutIndices(c.Path, "")
	var nums []int
	for _, m := range listIndex().FindAllStringSubmatch(c.Path, -1) {
		i, _ := strconv.Atoi(m[1])
		nums = append(nums, i)
	}
	area := strings.SplitN(key, ".", 2)[0]
	w := words{Heading: area, Key: key, Path: c.Path, Old: c.Old, New: c.New}
	say := func(kind string) Change {
		w.Kind = kind
		c.Description = s.say("change", w)
		return c
	}
	if key == "signatures" && len(nums) == 1 {
		switch {
		case c.Old == "" && nums[0] < len(n.new.Signatures):
			w.Signature = n.signature(n.new, n.new.Signatures[nums[0]])
			return say("signature-added")
		case c.New == "" && nums[0] < len(n.old.Signatures):
			w.Signature = n.signature(n.old, n.old.Signatures[nums[0]])
			return say("signature-removed")
		}
		return c
	}
	if partnerItems[key] && len(nums) == 1 {
		switch {
		case c.Old == "":
			w.Partner = s.partnerName(n.new, c.New)
			return say("item-added")
		case c.New == "":
			w.Partner = s.partnerName(n.old, c.Old)
			return say("item-removed")
		}
		return c
	}
	if !partnerFields[key] {
		return c
	}
	if len(nums) > 0 {
		w.Number = nums[0] + 1
	}
	if strings.HasPrefix(key, "activities.") {
		w.Activity = n.activity(nums[0])
	}
	w.OldName, w.NewName = s.partnerName(n.old, c.Old), s.partnerName(n.new, c.New)
	return say("partner-answer")
}

// answerPart is one step of the path of an answer, as the template
// "answer" says it: a partner by its name, an item of another list by
// its key and number from 1, the clause id a reworded or inserted clause
// or a renamed heading is keyed by, or another key.
type answerPart struct {
	Key     string
	Number  int    // from 1; 0 for no list item
	Partner string // a partner's name
	ID      string // the id under wording.replace, insert or headings
}

// answer is the answer at path in parts, for a person to read: for
// partners[2].notice_given, the partner's name and "notice_given"; for
// objectives[1].target, objective 2 and "target". The first key is left
// out where more follows: the area of the change names it already.
func (s *sayer) answer(path string) []answerPart {
	var out []answerPart
	rest := path
	for i := 0; rest != ""; i++ {
		seg, after, _ := strings.Cut(rest, ".")
		rest = after
		p := answerPart{Key: seg}
		if m := listIndex().FindStringSubmatchIndex(seg); m != nil {
			p.Key = seg[:m[0]]
			p.Number, _ = strconv.Atoi(seg[m[2]:m[3]])
			p.Number++
		}
		switch {
		case p.Key == "partners" && p.Number > 0:
			for _, q := range []*questionnaire.Questionnaire{s.new, s.old} {
				if q != nil && p.Number <= len(q.Partners) && p.Partner == "" {
					p.Partner = string(q.Partners[p.Number-1].Name)
				}
			}
		case p.Number > 0:
		case i == 0 && rest != "":
			continue // the area names the first key
		case (p.Key == "replace" || p.Key == "insert" || p.Key == "headings") && rest != "":
			p.ID, rest = rest, ""
		}
		out = append(out, p)
	}
	return out
}

// activity is the title of the i-th activity in the new file, or in the
// old one when the new has fewer; "" when neither gives one.
func (n namer) activity(i int) string {
	for _, q := range []*questionnaire.Questionnaire{n.new, n.old} {
		if i < len(q.Activities) && q.Activities[i].Title != "" {
			return string(q.Activities[i].Title)
		}
	}
	return ""
}

// partnerName is the name of the partner with the given id in q, the
// words for every partner for questionnaire.All, or the id itself when q
// has none by that id.
func (s *sayer) partnerName(q *questionnaire.Questionnaire, id string) string {
	if id == questionnaire.All {
		return s.pack.AllPartners
	}
	for _, ps := range [][]questionnaire.Partner{q.Partners, q.Former} {
		for _, p := range ps {
			if p.ID == id {
				return string(p.Name)
			}
		}
	}
	return id
}

// signature is a recorded signature, as a change names it: with the
// document signed, where it is not the memorandum, since one person may
// sign two documents of a version on one day.
func (n namer) signature(q *questionnaire.Questionnaire, sig questionnaire.Signature) signature {
	s := signature{Partner: n.s.partnerName(q, sig.Partner), By: string(sig.By), Version: sig.Version, Date: sig.Date}
	if k, ok := document.KindNamed(sig.Document); ok && k != document.MOU {
		s.Document = strings.ToLower(document.Title(q, k))
	}
	return s
}
