package schema

import "sync"

import "github.com/partnership-tools/mou/templates"

import "strings"

// descriptions holds the guidance for each key, keyed by YAML path:
// "partners[].lead.email" is the email of the lead of any partner. It is
// the one source of that guidance: the schema gives it to editors, "mou
// init" writes it as the comment above each answer (see Starter), and
// "mou serve" shows it under each question. Every key in the
// questionnaire needs one, and every entry here must name a key:
// TestDescriptions checks both.
var descriptions = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"language":                   "The language the documents are written in, as a language tag; en-GB (British English) is the default. A file on an edition of the wording with no templates in its language is refused.",
		"version":                    "The version of this agreement. Start at 1 and raise it by one each time the partners agree a changed text.",
		"date":                       "The date of this version (YYYY-MM-DD), printed on the title page.",
		"wording":                    "The standard wording the documents use: which edition of mou's wording, and your choices within it.",
		"wording.edition":            "The edition of mou's standard wording, such as \"2026.2\"; left out, 2026.1. Change it with \"mou wording upgrade\", never by hand after signing.",
		"wording.status":             "Whether the agreement binds the partners in law: non-binding (the default) or binding, which adds governing law.",
		"wording.nation":             "The nation whose statutory safeguarding guidance the documents name: england (the default) or wales.",
		"wording.title":              "The MOU's title, on its title page and in the PDF's details, such as Service Level Agreement; from edition 2026.3 any title of your own, on one line. A title with Agreement in it makes the text call itself \"this Agreement\". The file names stay the same.",
		"wording.parties_term":       "The defined term the text calls the parties by, in place of \"the partners\": such as \"the Parties\" (each a Party), or \"the Council and the Academy\" for two parties with short names. One line; edition 2026.3 on.",
		"wording.headings":           "Standard section headings to rename, keeping their clauses: each key is a section id (\"mou clauses\" lists them) and its value the heading, such as mission: Purpose of agreement. Edition 2026.3 on.",
		"wording.schedule_numbering": "How your own schedules are named and numbered: Schedule 1 (the default), Schedule A, Annex 1, Annex A, Appendix 1 or Appendix A. The key contacts and the amendment record come after them, outside the signed text. Edition 2026.3 on.",
		"wording.omit":               "Standard clauses or sections to leave out, by id (\"mou clauses\" lists them); the numbering closes up.",
		"wording.replace":            "Standard clauses to reword, each by its id with your own words, printed under the same number.",
		"wording.insert":             "Your own clauses, each put after a standard clause or section.",
		"wording.insert[].id":        "An id for cross-references from other clauses, written [[id]]: lower-case letters, digits and hyphens, starting with a letter. Without one it is insert.1, insert.2 and so on, by its place in the list.",
		"wording.insert[].after":     "The id of the clause or section the new clause follows.",
		"wording.insert[].title":     "A heading for the clause; required when it follows a section, as it is then a section of its own.",
		"wording.insert[].text":      "The clause itself; blank lines separate paragraphs.",
		"wording.code_title":         "The code of practice's title: Code of Practice (the default) or Code of Conduct; from edition 2026.3 any title of your own, on one line.",
		"documents":                  "Which documents to write: the memorandum (mou), the code of practice (code-of-practice) or both, the default. Answers that only the other document prints are then not required.",
		"schedules":                  "Your own schedules, such as a specification or a payment schedule, signed with the agreement. From edition 2026.3 they come first, as Schedule 1, 2… (see wording.schedule_numbering), and mou's key contacts and amendment record follow them; before 2026.3, they follow mou's two, numbered from 3.",
		"schedules[].id":             "An id for cross-references from other clauses, written [[id]]: lower-case letters, digits and hyphens, starting with a letter. Without one it is schedules.1, schedules.2 and so on.",
		"schedules[].title":          "The schedule's title, such as \"Charges\".",
		"schedules[].text":           "The schedule itself: paragraphs, lists and tables.",
		"partnership":                "The partnership as a whole.",

		"partnership.id":           "A short word of lower-case letters, digits and hyphens that calendars know the partnership by. Keep it if you rename the partnership, so that partners' calendars update instead of doubling up.",
		"partnership.name":         "The name you will use for the partnership on letters and web pages.",
		"partnership.mission":      "One or two sentences, short enough to reuse on letters, web pages and leaflets. Say who benefits and how.",
		"partnership.background":   "Why the partnership is being set up, what each partner needs, and the gap it fills.",
		"partnership.type":         "Formal (written, agreed goals) or informal (verbal, shared purpose). A signed MOU usually means formal.",
		"partnership.level":        "How much the partners commit, rising from networking (sharing ideas) to coordination (lining up work on one goal), cooperation (staff, resources or premises committed to set programmes) and collaboration (a formal, ongoing commitment to tackle big challenges such as attainment).",
		"partnership.model":        "Bilateral (two partners), hub-and-spoke (a lead school and up to four or five others), broad-area (equal partners), formal-structure (a sponsor with partner schools), employer or university.",
		"partnership.lead_partner": "The partner that leads. Needed for the hub-and-spoke and formal-structure models; leave it out when the partners are equals.",
		"partnership.start":        "The first day of the agreement (YYYY-MM-DD).",
		"partnership.end":          "The last day of the agreement (YYYY-MM-DD). Give either this or how long the agreement lasts, not both.",
		"partnership.term":         "How long the partnership lasts, such as 2 years, instead of its last day, which is then worked out from the first.",
		"partnership.review_cycle": "How often the whole agreement is reviewed: termly, twice-yearly, annually or every-two-years.",

		"partners":                                  "One item per institution. Each lead must be senior enough to speak for their institution, and know when to refer a decision back.",
		"partners[].id":                             "A short word of lower-case letters, digits and hyphens, such as riverside, that stands for this partner wherever the questionnaire names it.",
		"partners[].name":                           "The institution's full name, as it should appear on the MOU.",
		"partners[].short_name":                     "A short name the documents use for the partner after naming it in full, such as \"the Council\".",
		"partners[].kind":                           "School, college, university, trust (a multi-academy trust), employer, charity, local-authority or other.",
		"partners[].urn":                            "The school's six-digit unique reference number (URN), as Get Information about Schools lists it.",
		"partners[].legal_status":                   "What the partner is in law, printed in the list of parties in place of its kind, such as: a company limited by guarantee and an exempt charity, which runs Ashcombe Academy.",
		"partners[].address":                        "The postal address, on one line.",
		"partners[].brings":                         "What this partner puts in (staff, expertise, facilities, learners). Be realistic about what it can and cannot commit.",
		"partners[].logo":                           "A PNG or JPEG logo for the title page: the name of the picture file, such as logo.png, in the questionnaire's folder or a folder inside it.",
		"partners[].lead":                           "The partnership lead. The partnership relies on the role, not the person: write the role into the job description, so that when staff change, only the name changes.",
		"partners[].lead.name":                      "The person who holds the role now.",
		"partners[].lead.role":                      "The job title, e.g. Careers Leader or Deputy Headteacher.",
		"partners[].lead.email":                     "A work address; a role address (e.g. partnerships@...) survives staff changes best.",
		"partners[].lead.phone":                     "A direct line or the school office.",
		"partners[].lead.acting_until":              "Set while the person only covers the role: the last day of the cover (YYYY-MM-DD).",
		"partners[].joined":                         "The date the partner joined by signing a joining agreement (mou join sets it).",
		"partners[].left":                           "The date the partner's withdrawal took effect (mou leave sets it); it stays in the file for the record.",
		"partners[].notice_given":                   "The date the partner gave its notice of withdrawal (mou leave --given sets it): the notice is dated that day.",
		"partners[].safeguarding_lead":              "The Designated Safeguarding Lead, with the same details as the partnership lead. Schools should give one.",
		"partners[].safeguarding_lead.name":         "The safeguarding lead's full name.",
		"partners[].safeguarding_lead.role":         "Usually Designated Safeguarding Lead.",
		"partners[].safeguarding_lead.email":        "A role address is best.",
		"partners[].safeguarding_lead.phone":        "A number answered during the school day.",
		"partners[].safeguarding_lead.acting_until": "Set while the person only covers the role: the last day of the cover (YYYY-MM-DD).",
		"partners[].signatory":                      "Someone who can commit the institution, such as the headteacher, chair of governors, chief executive or managing director.",
		"partners[].signatory.name":                 "The person who will sign.",
		"partners[].signatory.position":             "Their job title, printed under the signature.",
		"partners[].signatory.acting_until":         "Set while the person only covers the post: the last day of the cover (YYYY-MM-DD).",
		"partners[].signatory.place":                "Where the signatory signs, such as \"Bristol\": printed in the signature block only when given.",

		"aims": "The broad goals, one line each. The objectives below make them measurable.",

		"objectives":             "Each one SMART: specific (what changes, for whom), measurable (the evidence), achievable and realistic (with the time and staff you have) and time-bound (a date). Example: \"95% of Year 9 pupils meet an engineer by July 2027\", measured by registers.",
		"objectives[].id":        "A short word of lower-case letters, digits and hyphens, different for each objective. Keep it if you reword the objective, so that its due date in partners' calendars moves instead of doubling up.",
		"objectives[].objective": "What will change, and for whom.",
		"objectives[].measure":   "The evidence you will use to tell whether it happened.",
		"objectives[].baseline":  "Where things stand now, so progress shows.",
		"objectives[].target":    "The result that counts as success, with a number: how many, how much or what percentage.",
		"objectives[].by":        "The date it is due (YYYY-MM-DD), within the partnership's term.",
		"objectives[].owner":     "The partner responsible for it.",
		"objectives[].met":       "Whether the objective has been achieved (mou review records it): a record kept beside the agreement, not part of the signed text.",

		"activities":               "What will happen, for which year groups and subjects, led by whom and how often.",
		"activities[].title":       "A short name for the activity.",
		"activities[].description": "What happens, in a sentence or two.",
		"activities[].year_groups": "The year groups taking part, such as Year 9 and Year 10.",
		"activities[].subjects":    "The subjects, such as Mathematics and Science.",
		"activities[].partners":    "The partners taking part.",
		"activities[].lead":        "The partner that organises it.",
		"activities[].when":        "How often and when, e.g. \"Weekly in the spring term\".",

		"governance":                "Who oversees the partnership, how decisions are made and how disagreements are settled.",
		"governance.oversight_body": "The group that oversees the work, e.g. a steering group.",
		"governance.membership":     "Who sits on it, by role.",
		"governance.meetings":       "How often it meets.",
		"governance.decisions":      "How decisions are made, and which need the signatories.",
		"governance.reporting":      "How each lead reports back, e.g. to their governing board.",
		"governance.escalation":     "How a disagreement is settled, step by step.",
		"governance.attendance":     "Who is expected at meetings, and what happens when a partner stops coming.",

		"monitoring":                "How you will know the partnership is working, and share what you learn.",
		"monitoring.measures":       "What you will measure, one measure a line.",
		"monitoring.data_collected": "The data you will collect to show those measures.",
		"monitoring.data_sharing":   "What data passes between partners, and in what form (totals are safer than names).",
		"monitoring.analysis":       "Who analyses the data, and when.",
		"monitoring.review_dates":   "When the whole partnership is reviewed (YYYY-MM-DD), within its term. A review asks whether aims and targets were met, hears the learners' views, and sets a plan for the coming year.",
		"monitoring.learner_voice":  "How pupils' views are gathered, e.g. a survey or panel.",
		"monitoring.ethics":         "Any ethical issues in collecting the data, and how you handle them. A university that treats the evaluation as research needs its ethics committee's approval first.",
		"monitoring.consent":        "Who is told how data is used, and whose consent is needed.",
		"monitoring.data_security":  "Where the data is kept, who can see it, and for how long.",
		"monitoring.findings":       "What the findings are used for and who sees them.",

		"finance":                         "Money or contributions in kind. \"No money changes hands\" is a fine answer: say so, and set out what each partner gives in kind.",
		"finance.money_changes_hands":     "Whether any money passes between the partners; contributions in kind alone are not money.",
		"finance.contributions":           "What each partner puts in: in kind, or in money with its amount and what it is for.",
		"finance.contributions[].partner": "The partner that contributes.",
		"finance.contributions[].amount":  "The amount in pounds, such as 1500, 1500.50 or £1,500; only when money changes hands.",
		"finance.contributions[].in_kind": "What it gives other than money: staff time, rooms, equipment.",
		"finance.contributions[].purpose": "What the contribution is for.",
		"finance.budget_holder":           "The partner that holds the budget; required when money changes hands.",
		"finance.payments":                "How payments are made, such as invoices and payment terms.",
		"finance.funder_conditions":       "Conditions set by a funder, such as a grant's claw-back terms.",

		"safeguarding":          "How pupils are kept safe, following Keeping Children Safe in Education.",
		"safeguarding.dbs":      "Who needs a DBS check, and who is supervised instead.",
		"safeguarding.visitors": "Signing in, badges and conduct on site.",
		"safeguarding.concerns": "Who a concern is reported to, and how fast.",

		"data_protection":              "What personal data is shared, and on what basis under UK GDPR.",
		"data_protection.data_shared":  "Which personal data passes between partners.",
		"data_protection.lawful_basis": "The basis under UK GDPR, such as public task for schools.",
		"data_protection.controllers":  "Which partner controls which data.",
		"data_protection.retention":    "How long shared data is kept.",

		"communication":            "Day-to-day contact, publicity and complaints.",
		"communication.protocol":   "How and how often the leads keep in touch.",
		"communication.publicity":  "Use of each other's names, logos and photographs.",
		"communication.complaints": "Whose complaints procedure applies.",

		"alteration":         "How changes to this agreement are agreed.",
		"alteration.process": "How a change is proposed, agreed and recorded.",
		"alteration.joining": "How a new partner may join. Left out, the memorandum says a new partner joins by signing a joining agreement (mou join writes one), and the others do not sign again; in a binding agreement (wording status: binding) every existing partner signs it too.",

		"dissolution":               "How the partnership, or one partner's part in it, ends: the notice needed, and what happens to shared resources, data and learners part-way through a course.",
		"dissolution.notice_period": "A length of time such as \"3 months\" (write weeks or months, not terms).",
		"dissolution.withdrawal":    "How one partner leaves while others continue.",
		"dissolution.resources":     "What happens to anything bought or made together.",
		"dissolution.data":          "What happens to shared data.",
		"dissolution.learners":      "What happens to pupils part-way through an activity or course.",

		"code_of_practice":                       "How the partners work together day to day. It needs the support of school leaders and staff, and is endorsed by both sides.",
		"code_of_practice.purpose":               "What the code is for, in a sentence or two.",
		"code_of_practice.commitments":           "What each partner will do: one entry for a partner, or one for all the partners together.",
		"code_of_practice.commitments[].partner": "The partner, or all for every partner.",
		"code_of_practice.commitments[].will":    "What that partner will do, one thing a line.",
		"code_of_practice.behaviours":            "How everyone behaves: one entry for a partner, or one for all the partners together.",
		"code_of_practice.behaviours[].partner":  "The partner, or all for every partner.",
		"code_of_practice.behaviours[].will":     "The behaviours the partner will show.",
		"code_of_practice.protocols":             "Titled rules, such as how activities are requested, confirmed or cancelled, with notice periods and who to call.",
		"code_of_practice.protocols[].id":        "An id for cross-references from other clauses, written [[id]]: lower-case letters, digits and hyphens, starting with a letter. Without one it is protocols.1, protocols.2 and so on.",
		"code_of_practice.protocols[].title":     "A short heading for the protocol.",
		"code_of_practice.protocols[].text":      "The rule itself, in a sentence or two.",
		"code_of_practice.monitor":               "Who checks that the code is followed, and how often.",
		"code_of_practice.monitor.partner":       "The partner whose staff monitor the code.",
		"code_of_practice.monitor.role":          "The role that does it (a role, not a person's name).",
		"code_of_practice.monitor.frequency":     "How often, and who it is reported to.",
		"code_of_practice.handover":              "What an outgoing postholder passes on.",

		"clauses":         "Anything else the partners agree, each with a title and text. They are printed as numbered sections before the signatures.",
		"clauses[].id":    "An id for cross-references from other clauses, written [[id]]: lower-case letters, digits and hyphens, starting with a letter. Without one it is clauses.1, clauses.2 and so on.",
		"clauses[].title": "The clause heading.",
		"clauses[].text":  "The clause itself. Blank lines separate paragraphs; lines starting \"- \" or \"1. \" become bullet or numbered points. It may also hold a table.",

		"history":           "The amendment record, one item per changed version with version, date (YYYY-MM-DD), change and reason. Empty for version 1.",
		"history[].version": "The version the entry is for.",
		"history[].date":    "The date of the version (YYYY-MM-DD).",
		"history[].change":  "What changed in the version.",
		"history[].reason":  "Why it changed.",
		"history[].from":    "The id of the partner that sends the notice of this change (the lead partner if left out).",

		"signatures":             "Who signed which version (mou signed adds to it): a record kept beside the agreement, not part of the signed text.",
		"signatures[].version":   "The version that was signed.",
		"signatures[].partner":   "The id of the partner that signed.",
		"signatures[].by":        "The name of the person who signed.",
		"signatures[].date":      "The date it was signed (YYYY-MM-DD).",
		"signatures[].reference": "The agreement reference of the text signed; later versions with the same reference are covered by the signature.",
		"signatures[].document":  "The document signed; leave it out for the partner's signature of the agreement itself: the memorandum, or the joining agreement of a partner joining with that version.",
		"reviews":                "The review meetings held (mou review adds to it).",
		"reviews[].date":         "The date the review was held (YYYY-MM-DD).",
		"reviews[].record":       "The file the review's record was written to.",

		"stage":   "A draft prints DRAFT across every page and \"Draft for discussion\" on the title page; final removes both, for signature. Left out, the documents are drafts until a signature is recorded, and final after.",
		"signing": "together (the default): every partner signs the same signature pages; counterparts: each partner signs its own signature page, and a counterparts clause says the signed copies form one agreement.",
	}
})

// editionLabels names each edition of the wording, from the one list of
// editions.
func editionLabels() map[string]string {
	labels := map[string]string{}
	for _, e := range templates.Editions {
		labels[e] = "Edition " + e
	}
	return labels
}

// choiceLabels names each allowed word of an answer as a form offers it,
// in words a person would use: "Local authority" for local-authority.
// It is keyed as enumDescriptions is, and every allowed word needs a
// label (TestChoiceLabels).
var choiceLabels = sync.OnceValue(func() map[string]map[string]string {
	return map[string]map[string]string{
		"language": {"en-GB": "British English"},
		"signatures[].document": {
			"mou": "The memorandum of understanding", "code-of-practice": "The code of practice", "notice-of-change": "A notice of change",
			"joining-agreement": "A joining agreement", "notice-of-withdrawal": "A notice of withdrawal", "review": "A review record",
		},
		"wording.edition": editionLabels(),
		"wording.status":  {"non-binding": "Not legally binding", "binding": "Legally binding"},
		"wording.nation":  {"england": "England", "wales": "Wales"},
		"wording.schedule_numbering": {
			"Schedule 1": "Schedule 1, 2, 3…", "Schedule A": "Schedule A, B, C…", "Annex 1": "Annex 1, 2, 3…",
			"Annex A": "Annex A, B, C…", "Appendix 1": "Appendix 1, 2, 3…", "Appendix A": "Appendix A, B, C…",
		},
		"documents[]":      {"mou": "The memorandum of understanding", "code-of-practice": "The code of practice"},
		"partnership.type": {"formal": "Formal", "informal": "Informal"},
		"partnership.level": {
			"networking": "Networking", "coordination": "Coordination",
			"cooperation": "Cooperation", "collaboration": "Collaboration",
		},
		"partnership.model": {
			"bilateral": "Bilateral", "hub-and-spoke": "Hub and spoke", "broad-area": "Broad area",
			"formal-structure": "Formal structure", "employer": "School and employer", "university": "School and university",
		},
		"partnership.review_cycle": {
			"termly": "Every term", "twice-yearly": "Twice a year", "annually": "Once a year", "every-two-years": "Every two years",
		},
		"partners[].kind": {
			"school": "School", "college": "College", "university": "University", "trust": "Multi-academy trust",
			"employer": "Employer", "charity": "Charity", "local-authority": "Local authority", "other": "Other",
		},
		"stage":   {"draft": "Draft", "final": "Final"},
		"signing": {"together": "All partners sign the same pages", "counterparts": "Each partner signs a page of its own"},
	}
})

// choiceDefaults gives, for an optional answer with allowed words, the
// words that stand when it is left out, as the documents read it.
var choiceDefaults = sync.OnceValue(func() map[string][]string {
	return map[string][]string{
		"wording.status":             {"non-binding"},
		"wording.nation":             {"england"},
		"wording.schedule_numbering": {"Schedule 1"},
		"documents[]":                {"mou", "code-of-practice"},
		"signing":                    {"together"},
	}
})

// formHints words the guidance of a key for a form, where the
// description, written for the file, would mislead there: a choice whose
// description only lists the allowed words (each is described beside its
// button) has none, and an id that the form asks for by name is not
// called an id. A key not here has its description, without the
// "(YYYY-MM-DD)" a date picker makes needless.
var formHints = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"partnership.type":           "A signed memorandum usually means a formal partnership.",
		"partnership.level":          "",
		"partnership.model":          "",
		"partnership.review_cycle":   "How often the whole agreement is reviewed.",
		"partners[].kind":            "",
		"wording.status":             "A binding agreement also names the law that governs it.",
		"wording.nation":             "Whose statutory safeguarding guidance the documents name.",
		"wording.schedule_numbering": "How your own schedules are named and numbered; the contact list and the amendment record follow them. Edition 2026.3 on.",
		"wording.title":              "The title on the title page: left empty, Memorandum of Understanding. From edition 2026.3 any title of your own, on one line; one with Agreement in it makes the text call itself \"this Agreement\".",
		"wording.code_title":         "The code's title: left empty, Code of Practice. From edition 2026.3 any title of your own, on one line.",
		"wording.parties_term":       "The name the text gives the partners together, such as the Parties (each a Party); left empty, the partners. Edition 2026.3 on.",
		"schedules":                  "Your own schedules, such as a specification or a payment schedule, signed with the agreement. From edition 2026.3 they come first, numbered as you choose, and the contact list and amendment record follow them.",
		"documents":                  "Answers that only a document not written prints are then not required.",
		"wording.insert[].after":     "The standard clause or section it follows.",
		"wording.insert[].title":     "A heading for your clause; needed when it follows a whole section, as it is then a section of its own.",
		"signing":                    "",
		"partners[].id":              "A short word of lower-case letters, digits and hyphens, such as riverside, that stands for this partner in the questionnaire. Changed here, it changes wherever the questionnaire names the partner.",
	}
})

// formHint is the guidance for the key at path as a form shows it.
func formHint(path string, kind, elem Kind) string {
	if h, ok := formHints()[path]; ok {
		return h
	}
	d := descriptions()[path]
	if kind == Date || kind == List && elem == Date {
		d = strings.Replace(d, " (YYYY-MM-DD)", "", 1)
	}
	return d
}
