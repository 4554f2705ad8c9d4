package change

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/partnership-tools/mou/internal/questionnaire"
)

// partnerFields are the answers that hold a partner's id, by path
// without list indices (the references questionnaire.check checks),
// with what a change to one is called; %s is the list item's name,
// %d its number from 1. A change to one is described with the partners'
// names, since an id such as "ser" means nothing to a reader.
var partnerFields = map[string]string{
	"partnership.lead_partner":             "lead partner",
	"objectives.owner":                     "owner of objective %d",
	"activities.lead":                      "lead of %s",
	"activities.partners":                  "partners in %s",
	"finance.budget_holder":                "budget holder",
	"finance.contributions.partner":        "partner making contribution %d",
	"code_of_practice.commitments.partner": "partner giving commitment %d",
	"code_of_practice.behaviours.partner":  "partner giving behaviour %d",
	"code_of_practice.monitor.partner":     "partner monitoring the code",
	"signatures.partner":                   "partner of signature %d",
}

// partnerItems are lists whose items a partner's id sums up, by path,
// with what an item added or removed is called; %s is the partner's name.
var partnerItems = map[string]string{
	"finance.contributions":        "a contribution from %s",
	"code_of_practice.commitments": "a commitment by %s",
	"code_of_practice.behaviours":  "a behaviour by %s",
}

var listIndex = regexp.MustCompile(`\[([0-9]+)\]`)

// namer describes changes to partner ids with the partners' names: an
// old id from the old file, a new one from the new, where a partner
// that has left is still listed.
type namer struct{ old, new *questionnaire.Questionnaire }

// name rewrites c's description when c is a change to a partner id;
// its path, old and new values stay as they are, for tools.
func (n namer) name(c Change) Change {
	key := indices.ReplaceAllString(c.Path, "")
	var nums []int
	for _, m := range listIndex.FindAllStringSubmatch(c.Path, -1) {
		i, _ := strconv.Atoi(m[1])
		nums = append(nums, i)
	}
	var what string
	if key == "signatures" && len(nums) == 1 {
		switch {
		case c.Old == "" && nums[0] < len(n.new.Signatures):
			c.Description = fmt.Sprintf("%s: added %s", c.Area, signature(n.new, n.new.Signatures[nums[0]]))
		case c.New == "" && nums[0] < len(n.old.Signatures):
			c.Description = fmt.Sprintf("%s: removed %s", c.Area, signature(n.old, n.old.Signatures[nums[0]]))
		}
		return c
	}
	if item, ok := partnerItems[key]; ok && len(nums) == 1 {
		switch {
		case c.Old == "":
			c.Description = fmt.Sprintf("%s: added %s", c.Area, fmt.Sprintf(item, partnerName(n.new, c.New)))
		case c.New == "":
			c.Description = fmt.Sprintf("%s: removed %s", c.Area, fmt.Sprintf(item, partnerName(n.old, c.Old)))
		}
		return c
	}
	format, ok := partnerFields[key]
	if !ok {
		// The answer in words, where the description gives its path.
		c.Description = strings.Replace(c.Description, ": "+c.Path+": ", ": "+n.words(c.Path)+": ", 1)
		return c
	}
	switch key {
	case "activities.lead", "activities.partners":
		what = fmt.Sprintf(format, n.activity(nums[0]))
	default:
		what = format
		if len(nums) > 0 {
			what = fmt.Sprintf(format, nums[0]+1)
		}
	}
	oldName, newName := partnerName(n.old, c.Old), partnerName(n.new, c.New)
	switch {
	case c.Old == "":
		c.Description = fmt.Sprintf("%s: %s: added %s", c.Area, what, newName)
	case c.New == "":
		c.Description = fmt.Sprintf("%s: %s: removed %s", c.Area, what, oldName)
	default:
		c.Description = fmt.Sprintf("%s: %s: %s → %s", c.Area, what, oldName, newName)
	}
	return c
}

// keyWords are the words for the keys that are not plain words with
// underscores between them.
var keyWords = map[string]string{
	"notice_given": "notice of withdrawal given",
	"joined":       "joining date",
	"left":         "date of leaving",
	"urn":          "URN",
	"dbs":          "DBS checks",
	"replace":      "replaced clause",
	"insert":       "inserted clause",
	"omit":         "clauses left out",
	"by":           "due by",
}

// words is the answer at path as a person reads it, for a description
// of a change: "St Aidan's Church of England Primary School, notice of
// withdrawal given" for partners[2].notice_given, "objective 2, target"
// for objectives[1].target. The first key is left out: the area of the
// change names it already. A partner is named, an item of another list
// numbered from 1, and a clause id stays an id.
func (n namer) words(path string) string {
	var out []string
	rest := path
	for i := 0; rest != ""; i++ {
		seg, after, _ := strings.Cut(rest, ".")
		rest = after
		key, num := seg, -1
		if m := listIndex.FindStringSubmatchIndex(seg); m != nil {
			key = seg[:m[0]]
			num, _ = strconv.Atoi(seg[m[2]:m[3]])
		}
		switch {
		case key == "partners" && num >= 0:
			name := ""
			for _, q := range []*questionnaire.Questionnaire{n.new, n.old} {
				if num < len(q.Partners) && name == "" {
					name = string(q.Partners[num].Name)
				}
			}
			out = append(out, name)
		case num >= 0:
			out = append(out, itemWord(keyWord(key))+" "+strconv.Itoa(num+1))
		case i == 0 && rest != "":
			// The area names the first key.
		case (key == "replace" || key == "insert" || key == "headings") && rest != "":
			out = append(out, keyWord(key)+" "+rest)
			rest = ""
		default:
			out = append(out, keyWord(key))
		}
	}
	return strings.Join(out, ", ")
}

// itemWord is the word for one item of a list: "activities" →
// "activity", "year groups" → "year group".
func itemWord(list string) string {
	if stem, ok := strings.CutSuffix(list, "ies"); ok {
		return stem + "y"
	}
	return strings.TrimSuffix(list, "s")
}

// keyWord is a key in words: "data_sharing" → "data sharing".
func keyWord(key string) string {
	if w, ok := keyWords[key]; ok {
		return w
	}
	return strings.ReplaceAll(key, "_", " ")
}

// activity names the i-th activity by its title in the new file, or in
// the old one when the new has fewer.
func (n namer) activity(i int) string {
	for _, q := range []*questionnaire.Questionnaire{n.new, n.old} {
		if i < len(q.Activities) && q.Activities[i].Title != "" {
			return string(q.Activities[i].Title)
		}
	}
	return "activity " + strconv.Itoa(i+1)
}

// partnerName is the name of the partner with the given id in q, or the
// id itself when q has none by that id.
func partnerName(q *questionnaire.Questionnaire, id string) string {
	if id == questionnaire.All {
		return "all partners"
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

// signature describes a recorded signature: "Coleg's signature of
// version 2 by Ann Jones on 3 March 2027".
func signature(q *questionnaire.Questionnaire, s questionnaire.Signature) string {
	return fmt.Sprintf("%s's signature of version %d by %s on %s", partnerName(q, s.Partner), s.Version, string(s.By), s.Date)
}
