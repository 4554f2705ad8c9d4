package locale

func init() { builtIn[enGB.Tag] = &enGB }

// enGB is British English, the default.
var enGB = Pack{
	Tag:         "en-GB",
	Description: "British English: dates as 1 September 2026.",
	Months:      [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	DateOrder:   "{day} {month} {year}",
	And:         "and",
	Units: map[string][2]string{
		"day":   {"day", "days"},
		"week":  {"week", "weeks"},
		"month": {"month", "months"},
		"year":  {"year", "years"},
	},
	Words: map[string]map[string]string{
		"type": {
			"formal":   "a formal partnership: its goals are agreed and written down before the work begins",
			"informal": "an informal partnership: the partners share a purpose and agree how to work together, without commitments of staff or money beyond this memorandum",
		},
		"level": {
			"networking":    "networking: sharing ideas, information and good practice",
			"coordination":  "coordination: the partners align their work towards shared goals for particular programmes or groups of pupils",
			"cooperation":   "cooperation: each partner commits its organisation, sharing resources, staff or premises for agreed programmes",
			"collaboration": "collaboration: a formal, lasting commitment to work together on significant shared challenges",
		},
		"model": {
			"bilateral":        "a partnership between two institutions",
			"hub-and-spoke":    "a hub-and-spoke partnership: a small group of schools with one lead school",
			"broad-area":       "a broad-area partnership of equal partners",
			"formal-structure": "a partnership within a formal structure, in which a lead sponsor works with partner schools",
			"employer":         "a partnership between education and an employer",
			"university":       "a university–school partnership",
		},
		"kind": {
			"school":          "a school",
			"college":         "a college",
			"university":      "a university",
			"trust":           "a multi-academy trust",
			"employer":        "an employer",
			"charity":         "a charity",
			"local-authority": "a local authority",
			"other":           "an organisation",
		},
		"cycle": {
			"termly":          "every term",
			"twice-yearly":    "twice a year",
			"annually":        "once a year",
			"every-two-years": "every two years",
		},
		// The titles a file may choose, as the documents print them.
		"title": {
			"Memorandum of Understanding": "Memorandum of Understanding",
			"Partnership Agreement":       "Partnership Agreement",
			"Service Level Agreement":     "Service Level Agreement",
		},
		"code_title": {
			"Code of Practice": "Code of Practice",
			"Code of Conduct":  "Code of Conduct",
		},
		// What the text calls the children and young people taught, as
		// each nation's statutory guidance does, plural and singular.
		"pupils": {"england": "pupils", "wales": "learners"},
		"pupil":  {"england": "pupil", "wales": "learner"},
		// Each model as a keyword in the documents' metadata.
		"keyword": {
			"bilateral":        "bilateral",
			"hub-and-spoke":    "hub-and-spoke",
			"broad-area":       "broad-area",
			"formal-structure": "formal-structure",
			"employer":         "employer",
			"university":       "university",
		},
	},
	AllPartners: "all partners",
	Titles: map[string]string{
		"mou":              "Memorandum of Understanding",
		"code-of-practice": "Code of Practice",
		"notice-of-change": "Notice of Change to Key Contacts",
		// The documents of a partnership's life after signing.
		"joining-agreement":    "Joining Agreement",
		"notice-of-withdrawal": "Notice of Withdrawal",
		"review":               "Review Record",
	},
	Issued:      "Version {version} · {date}",
	Reference:   "Agreement ref. {reference}",
	PagePattern: "Page {page} of {pages}",
	Keywords:    "school partnership",
	DraftMark:   "DRAFT",
	DraftNote:   "Draft for discussion",
	Contents:    "Contents",
	Acting:      "{name} (acting until {date})",
	SignedBy:    "Signed for {partner} on {date} by {name}",

	Memorandum:      "memorandum",
	ThisMemorandum:  "this memorandum",
	ThisAgreement:   "this agreement",
	Schedule:        "Schedule {n}",
	ContactsSection: "the key contacts section of the {code}",
	Called:          "the {name} partnership",
	Defined:         "{name} (“{short}”)",
	FirstIssue:      "First issue.",
}
