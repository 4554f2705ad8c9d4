package serve

// A screen is one part of the questionnaire, asked on a page of its own.
type screen struct {
	Slug, Title string
	Intro       string // what the part is for, in a sentence or two
	Parts       []part
}

// A part is one question, or a list of items each with its questions.
type part struct {
	Path  string // the answer's YAML path; for an item's question, relative to the item
	Label string
	Long  bool // a textarea rather than one line
	// Ref says the answer is the id of a partner: "partner", or "all"
	// for a partner or "all".
	Ref string
	// Item names one item of a list of items ("partner"); Items are the
	// questions of each.
	Item  string
	Items []part
	// Group are the questions of a mapping asked together, such as a
	// partner's lead, under Label.
	Group []part
	// Clauses leads to the pages of the standard clauses.
	Clauses bool
}

// The references an answer can make.
const (
	refPartner = "partner"
	refAll     = "all"
)

// person are the questions about a person in a role.
var person = []part{
	{Path: "name", Label: "Name"},
	{Path: "role", Label: "Role"},
	{Path: "email", Label: "Email"},
	{Path: "phone", Label: "Phone"},
}

// screens are the interview's parts, in order: the parts of the MOU as
// the Department for Education's guidance lists them, then the code of
// practice, the wording and the signing.
var screens = []screen{
	{"partnership", "The partnership", "The partnership as a whole: its name, what it is for, its shape and how long it lasts.", []part{
		{Path: "partnership.name", Label: "Name of the partnership"},
		{Path: "partnership.mission", Label: "Mission statement", Long: true},
		{Path: "partnership.background", Label: "Background", Long: true},
		{Path: "partnership.type", Label: "Type of partnership"},
		{Path: "partnership.level", Label: "How much the partners commit"},
		{Path: "partnership.model", Label: "Model"},
		{Path: "partnership.lead_partner", Label: "Lead partner", Ref: refPartner},
		{Path: "partnership.start", Label: "First day of the agreement"},
		{Path: "partnership.end", Label: "Last day of the agreement"},
		{Path: "partnership.term", Label: "Or how long it lasts"},
		{Path: "partnership.review_cycle", Label: "How often the agreement is reviewed"},
		{Path: "partnership.id", Label: "Short name for calendars"},
		{Path: "version", Label: "Version of the agreement"},
		{Path: "date", Label: "Date of this version"},
	}},
	{"partners", "Partners", "One entry for each institution, with the people who lead the partnership there and sign for it.", []part{
		{Path: "partners", Label: "Partners", Item: "partner", Items: []part{
			{Path: "name", Label: "Full name of the institution"},
			{Path: "id", Label: "Short id"},
			{Path: "short_name", Label: "Short name used in the documents"},
			{Path: "kind", Label: "Kind of institution"},
			{Path: "urn", Label: "Unique reference number (schools)"},
			{Path: "legal_status", Label: "What it is in law"},
			{Path: "address", Label: "Postal address"},
			{Path: "brings", Label: "What it brings", Long: true},
			{Path: "logo", Label: "Logo file"},
			{Path: "lead", Label: "Partnership lead", Group: person},
			{Path: "safeguarding_lead", Label: "Safeguarding lead", Group: person},
			{Path: "signatory", Label: "Signatory", Group: []part{
				{Path: "name", Label: "Name"},
				{Path: "position", Label: "Position"},
				{Path: "place", Label: "Place of signing"},
			}},
		}},
	}},
	{"aims", "Aims and objectives", "The broad aims, and the SMART objectives that make them measurable.", []part{
		{Path: "aims", Label: "Aims, one a line"},
		{Path: "objectives", Label: "Objectives", Item: "objective", Items: []part{
			{Path: "objective", Label: "Objective", Long: true},
			{Path: "measure", Label: "How it is measured"},
			{Path: "baseline", Label: "Where things stand now"},
			{Path: "target", Label: "Target"},
			{Path: "by", Label: "Due by"},
			{Path: "owner", Label: "Partner responsible", Ref: refPartner},
			{Path: "id", Label: "Short id for calendars"},
		}},
	}},
	{"activities", "Activities", "What will happen, for whom, led by whom and how often.", []part{
		{Path: "activities", Label: "Activities", Item: "activity", Items: []part{
			{Path: "title", Label: "Title"},
			{Path: "description", Label: "What happens", Long: true},
			{Path: "year_groups", Label: "Year groups, one a line"},
			{Path: "subjects", Label: "Subjects, one a line"},
			{Path: "partners", Label: "Partners taking part", Ref: refPartner},
			{Path: "lead", Label: "Partner that organises it", Ref: refPartner},
			{Path: "when", Label: "When and how often"},
		}},
	}},
	{"governance", "Governance and monitoring", "Who oversees the partnership and how, and how you will know it is working.", []part{
		{Path: "governance", Label: "Governance", Group: []part{
			{Path: "oversight_body", Label: "Oversight body"},
			{Path: "membership", Label: "Who sits on it"},
			{Path: "meetings", Label: "How often it meets"},
			{Path: "decisions", Label: "How decisions are made", Long: true},
			{Path: "reporting", Label: "How the leads report back", Long: true},
			{Path: "escalation", Label: "How disagreements are settled", Long: true},
			{Path: "attendance", Label: "Attendance at meetings", Long: true},
		}},
		{Path: "monitoring", Label: "Monitoring and evaluation", Group: []part{
			{Path: "measures", Label: "Measures, one a line"},
			{Path: "data_collected", Label: "Data collected", Long: true},
			{Path: "data_sharing", Label: "How data is shared", Long: true},
			{Path: "analysis", Label: "Who analyses the data", Long: true},
			{Path: "review_dates", Label: "Review dates"},
			{Path: "learner_voice", Label: "Learners' views", Long: true},
			{Path: "ethics", Label: "Ethics", Long: true},
			{Path: "consent", Label: "Consent", Long: true},
			{Path: "data_security", Label: "Data security", Long: true},
			{Path: "findings", Label: "Findings", Long: true},
		}},
	}},
	{"finance", "Finance", "Money or contributions in kind. \"No money changes hands\" is a fine answer.", []part{
		{Path: "finance.money_changes_hands", Label: "Does money change hands between the partners?"},
		{Path: "finance.contributions", Label: "Contributions", Item: "contribution", Items: []part{
			{Path: "partner", Label: "Partner", Ref: refPartner},
			{Path: "in_kind", Label: "Contribution in kind", Long: true},
			{Path: "amount", Label: "Amount in pounds"},
			{Path: "purpose", Label: "What the money is for"},
		}},
		{Path: "finance.budget_holder", Label: "Partner that holds the budget", Ref: refPartner},
		{Path: "finance.payments", Label: "How payments are made", Long: true},
		{Path: "finance.funder_conditions", Label: "Conditions set by a funder", Long: true},
	}},
	{"safeguarding", "Safeguarding and data", "How pupils are kept safe, what personal data is shared, and how the partners keep in touch.", []part{
		{Path: "safeguarding", Label: "Safeguarding", Group: []part{
			{Path: "dbs", Label: "DBS checks", Long: true},
			{Path: "visitors", Label: "Visitors", Long: true},
			{Path: "concerns", Label: "Reporting a concern", Long: true},
		}},
		{Path: "data_protection", Label: "Data protection", Group: []part{
			{Path: "data_shared", Label: "Personal data shared", Long: true},
			{Path: "lawful_basis", Label: "Lawful basis"},
			{Path: "controllers", Label: "Data controllers", Long: true},
			{Path: "retention", Label: "How long data is kept", Long: true},
		}},
		{Path: "communication", Label: "Keeping in touch", Group: []part{
			{Path: "protocol", Label: "Keeping in touch", Long: true},
			{Path: "publicity", Label: "Publicity", Long: true},
			{Path: "complaints", Label: "Complaints", Long: true},
		}},
	}},
	{"alteration", "Alteration and dissolution", "How the agreement is changed, and how it ends for one partner or for all.", []part{
		{Path: "alteration", Label: "Changing the agreement", Group: []part{
			{Path: "process", Label: "How a change is agreed", Long: true},
			{Path: "joining", Label: "How a new partner joins", Long: true},
		}},
		{Path: "dissolution", Label: "Leaving and ending", Group: []part{
			{Path: "notice_period", Label: "Notice period"},
			{Path: "withdrawal", Label: "When one partner leaves", Long: true},
			{Path: "resources", Label: "Shared resources", Long: true},
			{Path: "data", Label: "Shared data", Long: true},
			{Path: "learners", Label: "Learners part-way through a course", Long: true},
		}},
	}},
	{"code", "Code of practice", "How the partners work together day to day: what each will do, how everyone behaves, and the protocols they follow.", []part{
		{Path: "code_of_practice.purpose", Label: "What the code is for", Long: true},
		{Path: "code_of_practice.commitments", Label: "Commitments", Item: "commitment", Items: []part{
			{Path: "partner", Label: "Partner", Ref: refAll},
			{Path: "will", Label: "What it will do, one a line"},
		}},
		{Path: "code_of_practice.behaviours", Label: "Behaviours", Item: "set of behaviours", Items: []part{
			{Path: "partner", Label: "Partner", Ref: refAll},
			{Path: "will", Label: "Behaviours, one a line"},
		}},
		{Path: "code_of_practice.protocols", Label: "Protocols", Item: "protocol", Items: []part{
			{Path: "title", Label: "Title"},
			{Path: "text", Label: "The protocol", Long: true},
		}},
		{Path: "code_of_practice.monitor", Label: "Who monitors the code", Group: []part{
			{Path: "partner", Label: "Partner that monitors the code", Ref: refPartner},
			{Path: "role", Label: "Role that monitors it"},
			{Path: "frequency", Label: "How often"},
		}},
		{Path: "code_of_practice.handover", Label: "Handover checklist, one a line"},
	}},
	{"wording", "Wording choices", "Choices within mou's standard wording, and any clauses of your own.", []part{
		{Path: "wording.status", Label: "Is the agreement legally binding?"},
		{Path: "wording.nation", Label: "Nation"},
		{Path: "wording.title", Label: "Title of the agreement"},
		{Path: "wording.code_title", Label: "Title of the code"},
		{Path: "wording.parties_term", Label: "What the agreement calls the partners"},
		{Path: "wording.schedule_numbering", Label: "How your own schedules are numbered"},
		{Path: "documents", Label: "Documents to write"},
		{Path: "wording.omit", Label: "Standard clauses", Clauses: true},
		{Path: "clauses", Label: "Your own clauses, before the signatures", Item: "clause", Items: []part{
			{Path: "title", Label: "Title"},
			{Path: "text", Label: "The clause", Long: true},
		}},
		{Path: "schedules", Label: "Your own schedules", Item: "schedule", Items: []part{
			{Path: "title", Label: "Title"},
			{Path: "text", Label: "The schedule", Long: true},
		}},
	}},
	{"signing", "Signing", "How the partners sign, and whether the documents are still drafts.", []part{
		{Path: "signing", Label: "How the partners sign"},
		{Path: "stage", Label: "Draft or final"},
	}},
}

// document names the document the screen's answers are printed in, for
// its preview.
func (sc *screen) document() string {
	if sc.Slug == "code" {
		return "code-of-practice"
	}
	return "mou"
}
