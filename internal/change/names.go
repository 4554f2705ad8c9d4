package change

import (
	"regexp"
	"strconv"
	"strings"

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

var listIndex = regexp.MustCompile(`\[([0-9]+)\]`)

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
	key := indices.ReplaceAllString(c.Path, "")
	var nums []int
	for _, m := range listIndex.FindAllStringSubmatch(c.Path, -1) {
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

// signature is a recorded signature, as a change names it.
func (n namer) signature(q *questionnaire.Questionnaire, sig questionnaire.Signature) signature {
	return signature{Partner: n.s.partnerName(q, sig.Partner), By: string(sig.By), Version: sig.Version, Date: sig.Date}
}
