package questionnaire

import (
	"regexp"
	"sync"
)

// legalPerson matches words in the name of a body that can make a
// contract: a trust, a governing body, a council, a company, a university,
// a college or a corporation. A school is not a legal person in itself.
// Whole words only, so that "Saltdean" is not a company.
var legalPerson = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(trust|governing body|council|limited|ltd|plc|university|college|corporation)\b`)
})

// warnLegalPersons warns, in a binding agreement, of a school partner
// whose name does not look like a body that can contract.
func warnLegalPersons(d *decoder, q *Questionnaire) {
	if !q.Wording.Binding() || q.Wording.Edition == "" || q.Wording.Edition == "2026.1" {
		return // edition 2026.1 refuses status: binding already
	}
	for i, p := range q.Partners {
		if p.Kind != "school" || legalPerson().MatchString(p.Name.String()) {
			continue
		}
		path := index("partners", i) + ".name"
		d.warn(d.at(path), path, "%q does not look like a body that can make a contract, and a binding agreement needs one: name the academy trust that runs an academy, or the governing body of a maintained school (\"The Governing Body of …\"), and say what it is in legal_status", p.Name.String())
	}
}
