// Package questionnaire reads, checks and describes the YAML file a user
// fills in to set up a partnership. The field names below are the public
// format: other tools and users' files rely on them.
//
// Struct tags: `yaml` names the key; `mou:"required"` makes a key
// required whenever its parent is present; `enum:"a,b"` lists the allowed
// words, `enum:"editions"` stands for the editions of the wording and
// `enum:"languages"` for the languages of the documents (see [Enum]);
// `suggest:"a,b"` lists answers offered but not required (see
// [Suggestions]). The decoder, the validator and the JSON Schema read these
// tags, so each rule is written once.
package questionnaire

import (
	"reflect"
	"strings"

	"github.com/partnership-tools/mou/internal/mdtext"
	"github.com/partnership-tools/mou/templates"
)

// Enum lists the words a field allows, from its enum tag; nil for any
// answer. The tag enum:"editions" is the editions this program holds,
// which package templates lists, so that list is kept in one place, and
// enum:"languages" is [Languages].
func Enum(f reflect.StructField) []string {
	switch e := f.Tag.Get("enum"); e {
	case "":
		return nil
	case "editions":
		return templates.Editions
	case "languages":
		return Languages()
	default:
		return strings.Split(e, ",")
	}
}

// Suggestions lists the answers a field suggests, from its suggest tag:
// editors and forms offer them, but any answer is allowed (the checks of
// the field's own say what else is).
func Suggestions(f reflect.StructField) []string {
	if s := f.Tag.Get("suggest"); s != "" {
		return strings.Split(s, ",")
	}
	return nil
}

// Text is a free-text answer; it prints escaped in Markdown templates.
type Text = mdtext.Text

// Questionnaire is the whole file.
type Questionnaire struct {
	// Language is the documents' language, a BCP 47 tag with a locale
	// pack and templates in mou; "" means en-GB.
	Language       string         `yaml:"language" enum:"languages"`
	Version        int            `yaml:"version"`
	Date           Date           `yaml:"date" mou:"required"`
	Partnership    Partnership    `yaml:"partnership" mou:"required"`
	Partners       []Partner      `yaml:"partners" mou:"required"`
	Aims           []Text         `yaml:"aims" mou:"required"`
	Objectives     []Objective    `yaml:"objectives" mou:"required"`
	Activities     []Activity     `yaml:"activities" mou:"required"`
	Governance     Governance     `yaml:"governance" mou:"required"`
	Monitoring     Monitoring     `yaml:"monitoring" mou:"required"`
	Finance        Finance        `yaml:"finance" mou:"required"`
	Safeguarding   Safeguarding   `yaml:"safeguarding" mou:"required"`
	DataProtection DataProtection `yaml:"data_protection" mou:"required"`
	Communication  Communication  `yaml:"communication"`
	Alteration     Alteration     `yaml:"alteration" mou:"required"`
	Dissolution    Dissolution    `yaml:"dissolution" mou:"required"`
	CodeOfPractice CodeOfPractice `yaml:"code_of_practice" mou:"required"`
	Clauses        []Clause       `yaml:"clauses"`
	History        []Amendment    `yaml:"history"`
	Wording        Wording        `yaml:"wording"`
	Documents      []string       `yaml:"documents" enum:"mou,code-of-practice"`
	Schedules      []Clause       `yaml:"schedules"`
	// Stage and Signing say how the documents are to be signed (signing.go).
	Stage   string `yaml:"stage" enum:"draft,final"`
	Signing string `yaml:"signing" enum:"together,counterparts"`
	// Signatures and Reviews are records kept beside the agreement (see
	// life.go): who signed which version, and the reviews held.
	Signatures []Signature `yaml:"signatures"`
	Reviews    []Review    `yaml:"reviews"`
	// Former lists, in the copy Current returns, the partners that have
	// left, so the documents can still name them in full.
	Former []Partner `yaml:"-"`
}

// Partnership describes the partnership as a whole.
type Partnership struct {
	// ID names the partnership for calendars and other tools, and stays
	// the same when the partnership is renamed.
	ID          string `yaml:"id"`
	Name        Text   `yaml:"name" mou:"required"`
	Mission     Text   `yaml:"mission" mou:"required"`
	Background  Text   `yaml:"background"`
	Type        string `yaml:"type" mou:"required" enum:"formal,informal"`
	Level       string `yaml:"level" mou:"required" enum:"networking,coordination,cooperation,collaboration"`
	Model       string `yaml:"model" mou:"required" enum:"bilateral,hub-and-spoke,broad-area,formal-structure,employer,university"`
	LeadPartner string `yaml:"lead_partner"`
	Start       Date   `yaml:"start" mou:"required"`
	End         Date   `yaml:"end"`
	Term        Period `yaml:"term"`
	ReviewCycle string `yaml:"review_cycle" mou:"required" enum:"termly,twice-yearly,annually,every-two-years"`
}

// Partner is one institution.
type Partner struct {
	ID               string    `yaml:"id" mou:"required"`
	Name             Text      `yaml:"name" mou:"required"`
	ShortName        Text      `yaml:"short_name"`
	Kind             string    `yaml:"kind" mou:"required" enum:"school,college,university,trust,employer,charity,local-authority,other"`
	URN              string    `yaml:"urn"`
	LegalStatus      Text      `yaml:"legal_status"` // what it is in law, printed in the parties in place of Kind
	Address          Text      `yaml:"address"`
	Brings           Text      `yaml:"brings"`
	Logo             string    `yaml:"logo"`
	Lead             Contact   `yaml:"lead" mou:"required"`
	SafeguardingLead *Contact  `yaml:"safeguarding_lead"`
	Signatory        Signatory `yaml:"signatory" mou:"required"`
	// Joined and Left are the dates a partner joined by a joining
	// agreement or left by a notice of withdrawal (see life.go), and
	// NoticeGiven the day it gave that notice, which dates the notice.
	Joined      Date `yaml:"joined"`
	Left        Date `yaml:"left"`
	NoticeGiven Date `yaml:"notice_given"`
}

// Contact is a role and the person who fills it now.
type Contact struct {
	Name  Text `yaml:"name" mou:"required"`
	Role  Text `yaml:"role" mou:"required"`
	Email Text `yaml:"email" mou:"required"`
	Phone Text `yaml:"phone"`
	// ActingUntil is set while the person only covers the role.
	ActingUntil Date `yaml:"acting_until"`
}

// Signatory is the person who signs for a partner.
type Signatory struct {
	Name     Text `yaml:"name" mou:"required"`
	Position Text `yaml:"position" mou:"required"`
	// Place is where the signatory signs, printed in the signature block
	// when given; like the name, it is not part of the agreement text.
	Place       Text `yaml:"place"`
	ActingUntil Date `yaml:"acting_until"`
}

// Objective is one SMART objective.
type Objective struct {
	// ID names the objective for calendars and other tools, and stays the
	// same when the objective is reworded.
	ID        string `yaml:"id"`
	Objective Text   `yaml:"objective" mou:"required"`
	Measure   Text   `yaml:"measure"`
	Baseline  Text   `yaml:"baseline"`
	Target    Text   `yaml:"target"`
	By        Date   `yaml:"by"`
	Owner     string `yaml:"owner" mou:"required"`
	// Met records that the objective was achieved; it is a record kept
	// beside the agreement, not part of the signed text.
	Met bool `yaml:"met"`
}

// Activity is one planned activity.
type Activity struct {
	Title       Text     `yaml:"title" mou:"required"`
	Description Text     `yaml:"description"`
	YearGroups  []Text   `yaml:"year_groups"`
	Subjects    []Text   `yaml:"subjects"`
	Partners    []string `yaml:"partners"`
	Lead        string   `yaml:"lead" mou:"required"`
	When        Text     `yaml:"when" mou:"required"`
}

// Governance says who oversees the partnership and how decisions are made.
type Governance struct {
	OversightBody Text `yaml:"oversight_body" mou:"required"`
	Membership    Text `yaml:"membership"`
	Meetings      Text `yaml:"meetings" mou:"required"`
	Decisions     Text `yaml:"decisions" mou:"required"`
	Reporting     Text `yaml:"reporting" mou:"required"`
	Escalation    Text `yaml:"escalation" mou:"required"`
	Attendance    Text `yaml:"attendance"`
}

// Monitoring says how the partnership is monitored, evaluated and reviewed.
type Monitoring struct {
	Measures      []Text `yaml:"measures" mou:"required"`
	DataCollected Text   `yaml:"data_collected" mou:"required"`
	DataSharing   Text   `yaml:"data_sharing"`
	Analysis      Text   `yaml:"analysis"`
	ReviewDates   []Date `yaml:"review_dates" mou:"required"`
	LearnerVoice  Text   `yaml:"learner_voice"`
	Ethics        Text   `yaml:"ethics"`
	Consent       Text   `yaml:"consent"`
	DataSecurity  Text   `yaml:"data_security"`
	Findings      Text   `yaml:"findings"`
}

// Finance says whether money changes hands and, if so, how.
type Finance struct {
	MoneyChangesHands bool           `yaml:"money_changes_hands"`
	Contributions     []Contribution `yaml:"contributions"`
	BudgetHolder      string         `yaml:"budget_holder"`
	Payments          Text           `yaml:"payments"`
	FunderConditions  Text           `yaml:"funder_conditions"`
}

// Contribution is what one partner puts in, in money or in kind.
type Contribution struct {
	Partner string `yaml:"partner" mou:"required"`
	Amount  Money  `yaml:"amount"`
	InKind  Text   `yaml:"in_kind"`
	Purpose Text   `yaml:"purpose"`
}

// Safeguarding holds the arrangements that keep pupils safe.
type Safeguarding struct {
	DBS      Text `yaml:"dbs" mou:"required"`
	Visitors Text `yaml:"visitors"`
	Concerns Text `yaml:"concerns"`
}

// DataProtection says what personal data is shared and on what basis.
type DataProtection struct {
	DataShared  Text `yaml:"data_shared" mou:"required"`
	LawfulBasis Text `yaml:"lawful_basis"`
	Controllers Text `yaml:"controllers"`
	Retention   Text `yaml:"retention"`
}

// Communication covers day-to-day contact, publicity and complaints.
type Communication struct {
	Protocol   Text `yaml:"protocol"`
	Publicity  Text `yaml:"publicity"`
	Complaints Text `yaml:"complaints"`
}

// Alteration says how changes to the agreement are agreed.
type Alteration struct {
	Process Text `yaml:"process" mou:"required"`
	Joining Text `yaml:"joining"`
}

// Dissolution says how the partnership, or one partner's part in it, ends.
type Dissolution struct {
	NoticePeriod Period `yaml:"notice_period" mou:"required"`
	Withdrawal   Text   `yaml:"withdrawal"`
	Resources    Text   `yaml:"resources" mou:"required"`
	Data         Text   `yaml:"data" mou:"required"`
	Learners     Text   `yaml:"learners" mou:"required"`
}

// CodeOfPractice holds the answers for the code of practice.
type CodeOfPractice struct {
	Purpose     Text         `yaml:"purpose"`
	Commitments []Commitment `yaml:"commitments" mou:"required"`
	Behaviours  []Commitment `yaml:"behaviours" mou:"required"`
	Protocols   []Clause     `yaml:"protocols" mou:"required"`
	Monitor     CodeMonitor  `yaml:"monitor" mou:"required"`
	Handover    []Text       `yaml:"handover"`
}

// Commitment is what one partner (or "all" partners) will do.
type Commitment struct {
	Partner string `yaml:"partner" mou:"required"`
	Will    []Text `yaml:"will" mou:"required"`
}

// CodeMonitor says who monitors the code of practice and how often.
type CodeMonitor struct {
	Partner   string `yaml:"partner" mou:"required"`
	Role      Text   `yaml:"role" mou:"required"`
	Frequency Text   `yaml:"frequency" mou:"required"`
}

// Clause is a titled piece of text: an additional clause, a protocol or
// a schedule of the partnership's own.
type Clause struct {
	// ID names the clause for cross-references from other clauses
	// ("[[charges]]"); see OwnID for the id it has without one.
	ID    string `yaml:"id"`
	Title Text   `yaml:"title" mou:"required"`
	Text  Text   `yaml:"text" mou:"required"`
}

// Amendment is one entry in the amendment record.
type Amendment struct {
	Version int  `yaml:"version" mou:"required"`
	Date    Date `yaml:"date" mou:"required"`
	Change  Text `yaml:"change" mou:"required"`
	Reason  Text `yaml:"reason"`
	// From is the id of the partner that sends the notice of the change.
	From string `yaml:"from"`
}
